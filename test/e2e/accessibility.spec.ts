import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './app';

/**
 * Every screen of the navigation passes an axe scan (WCAG 2.0/2.1 A and AA rules) with no
 * serious or critical violation, in light and dark, in Dutch and English. The screens are not
 * listed here: the test walks the navigation the user sees, so a screen added later is
 * scanned as soon as it has a nav link.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Finding = {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
  summary: string | undefined;
};

async function seriousViolations(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary,
    }));
}

/** Waits until the screen has rendered its content: a heading, and no spinner left. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h2').first()).toBeVisible();
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
  await expect(page.locator('main').getByText('…', { exact: true })).toHaveCount(0);
}

const COMBINATIONS = [
  { language: 'nl', scheme: 'light' },
  { language: 'nl', scheme: 'dark' },
  { language: 'en', scheme: 'light' },
  { language: 'en', scheme: 'dark' },
] as const;

for (const { language, scheme } of COMBINATIONS) {
  test(`every screen passes axe (WCAG 2.1 AA), ${language} ${scheme}`, async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page, 'proeftuinen', { language, scheme });
    const links = page.getByRole('navigation').first().locator('a[data-route]');
    const routes = await links.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-route') ?? ''),
    );
    expect(routes.length).toBeGreaterThanOrEqual(8);

    const report: Record<string, Finding[]> = {};
    for (const route of routes) {
      await links.and(page.locator(`[data-route="${route}"]`)).click();
      await expect(page.locator(`a[data-route="${route}"]`)).toHaveAttribute(
        'aria-current',
        'page',
      );
      await settle(page);
      await screenshot(page, `a11y-${route}-${language}-${scheme}`);
      const found = await seriousViolations(page);
      if (found.length > 0) report[route] = found;
    }

    // The header's file menu and the command palette are part of every screen.
    await page.getByTestId('file-menu').click();
    await expect(page.getByRole('menu')).toBeVisible();
    const menu = await seriousViolations(page);
    if (menu.length > 0) report['file-menu'] = menu;
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog')).toBeVisible();
    await screenshot(page, `a11y-palette-${language}-${scheme}`);
    const palette = await seriousViolations(page);
    if (palette.length > 0) report['command-palette'] = palette;

    expect(report).toEqual({});
  });
}
