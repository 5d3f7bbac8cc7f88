import { expect, type Page } from '@playwright/test';

/**
 * Opens the app at a route and waits until the demo workspace is loaded. Language and theme
 * are pinned (they persist in localStorage) so every test starts from the same state.
 */
export async function openApp(
  page: Page,
  route = 'proeftuinen',
  options: { language?: 'nl' | 'en'; scheme?: 'light' | 'dark' } = {},
): Promise<void> {
  await page.addInitScript(
    ({ language, scheme }) => {
      if (!sessionStorage.getItem('pijlerplan.e2e-init')) {
        localStorage.setItem('pijlerplan.language', language);
        localStorage.setItem('pijlerplan.color-scheme', scheme);
        sessionStorage.setItem('pijlerplan.e2e-init', '1');
      }
    },
    { language: options.language ?? 'nl', scheme: options.scheme ?? 'light' },
  );
  await page.goto(`./#/${route}`);
  await expect(page.getByTestId('workspace-name')).toHaveText(
    options.language === 'en' ? 'Demo workspace' : 'Voorbeeldwerkruimte',
    { timeout: 30_000 },
  );
}

/** The grid's rows (body only). */
export function gridRows(page: Page) {
  return page.getByTestId('data-table').locator('tbody tr');
}

/** The text of one column in the grid, top to bottom. */
export async function columnTexts(page: Page, column: string): Promise<string[]> {
  return page
    .getByTestId('data-table')
    .locator(`tbody td[data-column="${column}"]`)
    .allInnerTexts();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
