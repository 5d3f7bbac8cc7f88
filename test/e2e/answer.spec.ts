import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './app';

test.describe.configure({ timeout: 120_000 });

async function openAnswer(page: Page, scheme: 'light' | 'dark' = 'light') {
  await openApp(page, 'vierde-pijler', { scheme });
  await expect(page.getByTestId('answer-planned')).toBeVisible({ timeout: 30_000 });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the demo's answer, ${scheme}: looked at, and no serious axe violations`, async ({
    page,
  }) => {
    await openAnswer(page, scheme);
    await screenshot(page, `answer-1-top-${scheme}`);
    // The fixed header would cover the top of each section's picture.
    await page.addStyleTag({ content: '.mantine-AppShell-header { display: none !important; }' });
    for (const section of ['howMany', 'where', 'steering', 'crossUnit', 'pilots', 'text']) {
      const element = page.getByTestId(`answer-section-${section}`);
      await element.scrollIntoViewIfNeeded();
      await element.screenshot({
        path: `test-results/screenshots/answer-${section}-${scheme}.png`,
      });
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
}
