import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, screenshot } from './app';
import { fte, sqlRows } from './org-expected';

// The axe scan and the PNG export are slow on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

const chart = (page: Page) => page.getByTestId('org-chart');
const card = (page: Page, key: string) =>
  page.locator(`[data-testid="org-card"][data-key="${key}"]`);

async function openOrganigram(page: Page, scheme: 'light' | 'dark' = 'light') {
  await openApp(page, 'organigram', { scheme });
  await expect(chart(page)).toHaveAttribute('data-cards', '161');
}

/** Types in the search box and picks the first suggestion. */
async function search(page: Page, text: string) {
  const box = page.getByTestId('org-search');
  await box.click();
  await box.fill(text);
  await page.getByRole('option').first().click();
}

/** True when the card's box lies inside the chart's viewport. */
async function inViewport(page: Page, key: string): Promise<boolean> {
  const outer = (await chart(page).boundingBox())!;
  const inner = await card(page, key).boundingBox();
  if (!inner) return false;
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

test('the whole chart is drawn: 32 units, 129 positions, light and dark', async ({ page }) => {
  await openOrganigram(page);
  await expect(page.getByTestId('org-issues')).toHaveCount(0);
  await screenshot(page, 'organigram-light');
  await page.getByTestId('org-plane').waitFor();
  // Zoomed in, cards show title, person or "Vacature", FTE and the fourth-pillar share.
  await search(page, 'Cel Participatie en Vierde Pijler');
  await expect(chart(page)).toHaveAttribute('data-detail', 'full');
  await expect(card(page, 'u4')).toContainText('Cel Participatie en Vierde');
  await expect(card(page, 'u4')).toContainText('FTE');
  await screenshot(page, 'organigram-zoomed-light');
});

test('dark mode', async ({ page }) => {
  await openOrganigram(page, 'dark');
  await search(page, 'Regioteam Antwerpen');
  await screenshot(page, 'organigram-zoomed-dark');
});

test('collapse and expand a branch', async ({ page }) => {
  await openOrganigram(page);
  await search(page, 'Regioteam Antwerpen');
  await expect(card(page, 'u8')).toHaveCount(1);
  const toggle = card(page, 'u7').getByTestId('org-toggle');
  await toggle.click();
  const collapsedCount = Number(await chart(page).getAttribute('data-cards'));
  expect(collapsedCount).toBeLessThan(161);
  await expect(card(page, 'u8')).toHaveCount(0);
  await expect(card(page, 'u7')).toContainText('+');
  await toggle.click();
  await expect(chart(page)).toHaveAttribute('data-cards', '161');
  await expect(card(page, 'u8')).toHaveCount(1);
  // Collapse all / expand all.
  await page.getByTestId('org-collapse-all').click();
  expect(Number(await chart(page).getAttribute('data-cards'))).toBeLessThan(40);
  await page.getByTestId('org-expand-all').click();
  await expect(chart(page)).toHaveAttribute('data-cards', '161');
});

test('search a person: the chart jumps to them, even inside a collapsed branch', async ({
  page,
}) => {
  await openOrganigram(page);
  const [[positionId, name]] = (await sqlRows(
    `SELECT a.position_id, p.name FROM assignment a JOIN person p ON p.id = a.person_id
      JOIN position q ON q.id = a.position_id JOIN org_unit u ON u.id = q.unit_id
     WHERE u.code = 'OD-WVL-TB' ORDER BY a.id DESC LIMIT 1`,
  )) as [[number, string]];
  await page.getByTestId('org-collapse-all').click();
  await expect(card(page, `p${positionId}`)).toHaveCount(0);
  await search(page, name);
  const target = card(page, `p${positionId}`);
  await expect(target).toHaveAttribute('data-selected', 'true');
  await expect(target).toContainText(name);
  await expect.poll(() => inViewport(page, `p${positionId}`)).toBe(true);
  await expect(page.getByTestId('edit-panel')).toContainText(name);
});

test('the "Vierde pijler" lens: totals by division, role and region equal the database', async ({
  page,
}) => {
  await openOrganigram(page);
  await page.getByRole('switch', { name: 'Vierde pijler' }).check();
  const panel = page.getByTestId('lens-panel');
  await expect(panel).toBeVisible();
  const HELD = '(SELECT coalesce(sum(a.fte), 0) FROM assignment a WHERE a.position_id = p.id)';
  const [[total, filled, count]] = (await sqlRows(
    `SELECT sum(budget_fte * pillar4_share), sum(min(${HELD}, budget_fte) * pillar4_share), count(*)
       FROM position p WHERE pillar4_share > 0`,
  )) as [[number, number, number]];
  await expect(page.getByTestId('lens-fte')).toHaveText(fte(total));
  await expect(page.getByTestId('lens-filled')).toHaveText(fte(filled));
  await expect(panel).toContainText(`${count} functies`);

  const byRegion = (await sqlRows(
    `SELECT coalesce(r.name, 'Centraal (geen regio)'), sum(p.budget_fte * p.pillar4_share)
       FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN region r ON r.code = u.region_code
      WHERE p.pillar4_share > 0 GROUP BY 1`,
  )) as [string, number][];
  for (const [region, value] of byRegion) {
    await expect(
      page
        .getByTestId('lens-by-region')
        .locator(`tr[data-group="${region}"] td[data-column="fte"]`),
    ).toHaveText(fte(value));
  }
  const byRole = (await sqlRows(
    `SELECT r.name, sum(p.budget_fte * p.pillar4_share) FROM position p JOIN role r ON r.id = p.role_id
      WHERE p.pillar4_share > 0 GROUP BY 1`,
  )) as [string, number][];
  for (const [role, value] of byRole) {
    await expect(
      page.getByTestId('lens-by-role').locator(`tr[data-group="${role}"] td[data-column="fte"]`),
    ).toHaveText(fte(value));
  }
  const [[division, divisionFte]] = (await sqlRows(
    `SELECT d.name, sum(p.budget_fte * p.pillar4_share) FROM position p JOIN org_unit u ON u.id = p.unit_id
       JOIN org_unit d ON d.code = 'OD' WHERE p.pillar4_share > 0`,
  )) as [[string, number]];
  await expect(
    page
      .getByTestId('lens-by-division')
      .locator(`tr[data-group="${division}"] td[data-column="fte"]`),
  ).toHaveText(fte(divisionFte));

  // Highlighted: the 41 positions with a share; their chains stay, the rest is dimmed.
  await search(page, 'Teamleider Participatie en Vierde Pijler');
  await expect(card(page, 'p8')).toHaveAttribute('data-highlighted', 'true');
  await expect(card(page, 'p1')).not.toHaveAttribute('data-dimmed', 'true');
  await expect(card(page, 'p14')).toHaveAttribute('data-dimmed', 'true');
  await expect(page.getByTestId('org-link').first()).toBeAttached();
  await screenshot(page, 'organigram-lens-light');
});

test('drag a position onto another unit, then undo', async ({ page }) => {
  await openOrganigram(page);
  // Data-analist (p12, Cel Participatie, under its Teamleider p8) onto the Juridische dienst
  // (u5): it lands under that unit's head, Teamleider juridische dienst (p14).
  await search(page, 'Data-analist nieuwkomers');
  await expect(card(page, 'p12')).toHaveAttribute('data-parent', 'p8');
  await page.getByTestId('org-zoom-out').click();
  await page.getByTestId('org-zoom-out').click();
  await expect.poll(() => inViewport(page, 'u5')).toBe(true);
  const from = (await card(page, 'p12').boundingBox())!;
  const to = (await card(page, 'u5').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await expect(page.getByTestId('org-drag-ghost')).toBeVisible();
  await page.mouse.up();
  await expect(card(page, 'p12')).toHaveAttribute('data-parent', 'p14');
  await expect(page.getByText(/staat nu onder Juridische dienst/)).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(card(page, 'p12')).toHaveAttribute('data-parent', 'p8');
});

test('an edit in the side panel: rename, validated, undoable', async ({ page }) => {
  await openOrganigram(page);
  await search(page, 'Data-analist nieuwkomers');
  const panel = page.getByTestId('edit-panel');
  await panel.getByLabel('Titel', { exact: true }).fill('Data-analist vierde pijler');
  await panel.getByTestId('edit-save').click();
  await expect(card(page, 'p12')).toContainText('Data-analist vierde pijler');
  await screenshot(page, 'organigram-edit-light');
  // A move that would close a loop is refused with the positions named.
  await search(page, 'Teamleider Participatie en Vierde Pijler');
  await panel.getByTestId('edit-reports-to').fill('Data-analist vierde');
  await page.getByRole('option').first().click();
  await panel.getByTestId('edit-move').click();
  await expect(page.getByText(/kan niet onder Data-analist vierde pijler/)).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(card(page, 'p12')).toContainText('Data-analist nieuwkomers');
});

test('export SVG and PNG: non-empty, the SVG self-contained', async ({ page }) => {
  await openOrganigram(page);
  await page.getByTestId('org-export').click();
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('org-export-svg').click(),
  ]);
  const svg = await readFile((await svgDownload.path())!, 'utf8');
  expect(svg.length).toBeGreaterThan(10_000);
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg).not.toContain('var(');
  expect(svg).not.toContain('foreignObject');
  expect(svg).toContain('Vacature');
  expect(svg.match(/<g>/g)?.length).toBe(161);

  await page.getByTestId('org-export').click();
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('org-export-png').click(),
  ]);
  const png = await readFile((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
  expect(width).toBe(svgWidth * 2);
});

test('no serious or critical accessibility violations (chart, lens, edit panel)', async ({
  page,
}) => {
  await openOrganigram(page);
  await page.getByRole('switch', { name: 'Vierde pijler' }).check();
  await search(page, 'Data-analist nieuwkomers');
  const results = await new AxeBuilder({ page })
    .include('[data-testid="screen-organigram"]')
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
