import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROUTE_SLUGS, type RouteId } from '../../src/app/router';
import { openApp, screenshot } from './app';

/**
 * Every screen of the navigation passes an axe scan (WCAG 2.0/2.1 A and AA rules) with no
 * serious or critical violation, in light and dark, in Dutch and English. The screens are not
 * listed by hand: they come from the router's route list, and a first test checks that the
 * sidebar offers nothing beyond it — a screen added later is scanned as soon as it has a route.
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

/** Every route of the router; the first test proves the sidebar offers no screen beyond these. */
const ROUTES = Object.keys(ROUTE_SLUGS) as RouteId[];

test('the scan below covers every screen of the navigation', async ({ page }) => {
  await openApp(page, 'proeftuinen');
  const routes = await page
    .getByRole('navigation')
    .first()
    .locator('a[data-route]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-route')));
  expect(routes.length).toBeGreaterThanOrEqual(8);
  expect(ROUTES).toEqual(expect.arrayContaining(routes));
});

for (const { language, scheme } of COMBINATIONS) {
  for (const route of ROUTES) {
    test(`${route} passes axe (WCAG 2.1 AA), ${language} ${scheme}`, async ({ page }) => {
      test.setTimeout(120_000);
      await openApp(page, ROUTE_SLUGS[route], { language, scheme });
      await expect(page.locator(`a[data-route="${route}"]`)).toHaveAttribute(
        'aria-current',
        'page',
      );
      await settle(page);
      await screenshot(page, `a11y-${route}-${language}-${scheme}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test(`the file menu and the command palette pass axe, ${language} ${scheme}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page, 'proeftuinen', { language, scheme });
    await page.getByTestId('file-menu').click();
    await expect(page.getByRole('menu')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog')).toBeVisible();
    await screenshot(page, `a11y-palette-${language}-${scheme}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
