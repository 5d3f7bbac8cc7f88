import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
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

/** Where a card's centre is on screen, from its box in chart coordinates and the transform. */
async function onScreen(page: Page, box: { x: number; y: number; w: number; h: number }) {
  const viewport = (await chart(page).boundingBox())!;
  const transform = await page
    .getByTestId('org-plane')
    .evaluate((el) => (el as HTMLElement).style.transform);
  const [, tx, ty, k] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/
    .exec(transform)!
    .map(Number);
  return {
    x: viewport.x + tx! + (box.x + box.w / 2) * k!,
    y: viewport.y + ty! + (box.y + box.h / 2) * k!,
  };
}

/** A card's box in chart coordinates, read from its drawn rect (zoomed in). */
async function chartBox(page: Page, key: string) {
  const rect = card(page, key).locator('rect').first();
  const [x, y, w, h] = await Promise.all(
    ['x', 'y', 'width', 'height'].map(async (name) => Number(await rect.getAttribute(name))),
  );
  return { x: x!, y: y!, w: w!, h: h! };
}

test('zoomed out to boxes: click selects and drag drops through the hit test', async ({ page }) => {
  await openOrganigram(page);
  await search(page, 'Data-analist nieuwkomers');
  const p12 = await chartBox(page, 'p12');
  await search(page, 'Juridische dienst');
  const u5 = await chartBox(page, 'u5');
  await page.getByTestId('org-fit').click();
  await expect(chart(page)).toHaveAttribute('data-detail', 'box');
  // Every card is drawn, as a few batched paths rather than one element per card.
  await expect(chart(page)).toHaveAttribute('data-rendered', '161');
  await expect(page.getByTestId('org-card')).toHaveCount(0);
  expect(await page.getByTestId('org-box-layer').locator('path').count()).toBeLessThan(161);
  // A click on the box selects its card; the selection is drawn at this zoom too.
  await page.mouse.click(...(Object.values(await onScreen(page, p12)) as [number, number]));
  const panel = page.getByTestId('edit-panel');
  await expect(panel.getByLabel('Titel', { exact: true })).toHaveValue(/^Data-analist nieuwkomers/);
  await expect(
    page.locator('[data-testid="org-box-layer"] path[stroke-width="2.5"]'),
  ).not.toHaveCount(0);
  // Dragged onto the unit's box, the position moves there.
  const from = await onScreen(page, p12);
  const to = await onScreen(page, u5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 8, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await expect(page.getByTestId('org-drag-ghost')).toBeVisible();
  await expect(card(page, 'u5')).toHaveCount(1); // the drop target, drawn over the boxes
  await page.mouse.up();
  await expect(page.getByText(/staat nu onder Juridische dienst/)).toBeVisible();
  await page.getByTestId('undo').click();
  await search(page, 'Data-analist nieuwkomers');
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
  expect(svg.match(/<g data-key="[up]\d+">/g)?.length).toBe(161);

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

test('opens readable: the top of the chart at a zoom where cards show their details', async ({
  page,
}) => {
  await openOrganigram(page);
  await expect(chart(page)).toHaveAttribute('data-detail', 'full');
  // The top card (the agency) is on screen; only the cards near the view are drawn.
  const top = page.locator('[data-testid="org-card"]:not([data-parent])').first();
  await expect(top).toContainText('FTE');
  expect(Number(await chart(page).getAttribute('data-rendered'))).toBeLessThan(161);
  // "Fit" shows everything (boxes only), "home" comes back.
  await page.getByTestId('org-fit').click();
  await expect(chart(page)).not.toHaveAttribute('data-detail', 'full');
  await page.getByTestId('org-home').click();
  await expect(chart(page)).toHaveAttribute('data-detail', 'full');
});

test('the minimap frames the visible part and moves the chart when clicked', async ({ page }) => {
  await openOrganigram(page);
  const frame = page.getByTestId('org-minimap-view');
  await expect(frame).toBeAttached();
  const before = Number(await frame.getAttribute('x'));
  const map = (await page.getByTestId('org-minimap').locator('svg').boundingBox())!;
  const plane = page.getByTestId('org-plane');
  const transformBefore = await plane.evaluate((el) => (el as HTMLElement).style.transform);
  await page.mouse.click(map.x + map.width * 0.85, map.y + map.height * 0.6);
  await expect
    .poll(() => plane.evaluate((el) => (el as HTMLElement).style.transform))
    .not.toBe(transformBefore);
  expect(Number(await frame.getAttribute('x'))).toBeGreaterThan(before);
});

test('the date is typed and shown the Belgian way (dd/mm/jjjj)', async ({ page }) => {
  await openOrganigram(page);
  const date = page.getByTestId('org-date');
  await expect(date).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await date.fill('01/01/2023');
  await date.press('Enter');
  await date.blur();
  await expect(date).toHaveValue('01/01/2023');
  await expect(chart(page)).toHaveAttribute('data-cards', /\d+/);
});

test('compare a scenario with the baseline: changed cards marked, changes listed', async ({
  page,
}) => {
  await openOrganigram(page);
  await page.getByTestId('org-scenario').click();
  await page.getByRole('option', { name: 'Uitbreiding netwerkcoaches' }).click();
  // In the scenario: Data-analist nieuwkomers (p12) gets 0,8 FTE and moves under the
  // Teamleider juridische dienst (p14).
  await search(page, 'Data-analist nieuwkomers');
  const panel = page.getByTestId('edit-panel');
  await panel.getByLabel('Budget-FTE').fill('0,8');
  await panel.getByTestId('edit-save').click();
  await expect(card(page, 'p12')).toContainText('0,8 FTE');
  await panel.getByTestId('edit-reports-to').fill('Teamleider juridische');
  await page.getByRole('option').first().click();
  await panel.getByTestId('edit-move').click();
  await expect(card(page, 'p12')).not.toHaveAttribute('data-parent', 'p8');

  await page.getByTestId('org-compare').click();
  await page.getByRole('option', { name: 'Basis (huidige toestand)' }).click();
  const compare = page.getByTestId('org-compare-panel');
  await expect(page.getByTestId('org-compare-summary')).toHaveText(
    '0 nieuw · 1 verplaatst · 1 FTE gewijzigd · 0 verdwenen',
  );
  const [[budget]] = (await sqlRows('SELECT budget_fte FROM position WHERE id = 12')) as [[number]];
  await expect(page.getByTestId('org-compare-fte')).toContainText(
    `Δ budget-FTE ${(0.8 - budget).toLocaleString('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 2, signDisplay: 'exceptZero' })}`,
  );
  await expect(card(page, 'p12')).toHaveAttribute('data-change', 'moved');
  await expect(compare.locator('[data-kind="moved"]')).toContainText(
    'naar Cel Participatie en Vierde Pijler · Teamleider juridische dienst',
  );
  await screenshot(page, 'organigram-compare-light');
  // The baseline itself is unchanged: comparing it with itself shows nothing.
  await page.getByTestId('org-scenario').click();
  await page.getByRole('option', { name: 'Basis (huidige toestand)' }).click();
  await expect(page.getByTestId('org-compare-summary')).toHaveText(
    '0 nieuw · 0 verplaatst · 0 FTE gewijzigd · 0 verdwenen',
  );
});

test('print / PDF: overlapping pages, each drawing only its own cards', async ({ page }) => {
  await openOrganigram(page);
  await page.getByTestId('org-export').click();
  await page.getByTestId('org-export-print').click();
  const pagesText = page.getByTestId('org-print-pages');
  await expect(pagesText).toBeVisible();
  await page.getByTestId('org-print-paper').getByText('A4').click();
  const count = Number(await pagesText.getAttribute('data-pages'));
  expect(count).toBeGreaterThan(1);
  const pages = page.getByTestId('org-print-page');
  await expect(pages).toHaveCount(count);
  // Culling: every card is on some page, no page draws them all.
  const perPage = await pages.evaluateAll((sections) =>
    sections.map((section) =>
      [...section.querySelectorAll('g[data-key]')].map((g) => g.getAttribute('data-key')),
    ),
  );
  expect(new Set(perPage.flat()).size).toBe(161);
  for (const keys of perPage) expect(keys.length).toBeLessThan(161);
  // Chromium's own PDF of the print media (what Electron's printToPDF makes): one PDF page per
  // printed page.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pdfPages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
  expect(pdfPages).toBe(count);
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'organigram-print-page');
});

test('Excel export: units and positions as outline rows, totals equal the database', async ({
  page,
}) => {
  await openOrganigram(page);
  await page.getByTestId('org-export').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('org-export-xlsx').click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  expect(book.worksheets.map((w) => w.name)).toEqual(['Organigram', 'Functies']);
  const sheet = book.getWorksheet('Functies')!;
  const [[positions, budget, pillar4]] = (await sqlRows(
    'SELECT count(*), sum(budget_fte), sum(budget_fte * pillar4_share) FROM position WHERE scenario_id IS NULL',
  )) as [[number, number, number]];
  const total = sheet.getRow(sheet.rowCount);
  expect(String(total.getCell(1).value)).toBe(`Totaal (${positions} functies)`);
  const sum = total.getCell(6).value as { formula: string; result: number };
  expect(sum.formula).toMatch(/^SUM\(F5:F\d+\)$/);
  expect(sum.result).toBeCloseTo(budget, 6);
  expect((total.getCell(8).value as { result: number }).result).toBeCloseTo(pillar4, 6);
  const outlined: number[] = [];
  sheet.eachRow((row) => (row.outlineLevel ?? 0) > 0 && outlined.push(row.number));
  expect(outlined.length).toBeGreaterThan(positions);
});

test('no serious or critical accessibility violations (chart, lens, edit panel)', async ({
  page,
}) => {
  await openOrganigram(page);
  await page.getByRole('switch', { name: 'Vierde pijler' }).check();
  await search(page, 'Data-analist nieuwkomers');
  await page.getByTestId('org-compare').click();
  await page.getByRole('option', { name: 'Uitbreiding netwerkcoaches' }).click();
  await expect(page.getByTestId('org-compare-panel')).toBeVisible();
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
