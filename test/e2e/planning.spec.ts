import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { screenshot } from './app';
import {
  gridData,
  LABEL,
  lineRows,
  MONTH,
  openPlanning,
  selectCell,
  total,
  typeIntoCell,
} from './planning-grid';

// Glide reads pasted blocks from the clipboard: the browser must allow it (Electron's
// permission handler must grant clipboard-read to the app's origin the same way).
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
// The demo is built in the browser's worker first; on a shared 2-core machine that takes a while.
test.describe.configure({ timeout: 180_000 });

test('paste a 5 × 12 block: totals change, a breach shows, one undo takes it back', async ({
  page,
}) => {
  await openPlanning(page);
  const before = await total(page);
  const beforeRows = (await gridData(page)).rows;
  const lines = await lineRows(page);
  const first = lines[0]!;
  // 5 rows × 12 months from Excel, Belgian decimal commas: 1,5 VTE is over every contract.
  const block = Array.from({ length: 5 }, (_, r) =>
    Array.from({ length: 12 }, (_, c) => (r === 0 ? '1,5' : `0,${(c % 9) + 1}`)).join('\t'),
  ).join('\r\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), block);
  await selectCell(page, 1, first);
  await page.keyboard.press('Control+v');

  await expect.poll(async () => (await gridData(page)).rows[first]!.values[0]).toBe(1500);
  const after = await gridData(page);
  // The five line rows got the block (rows between them are subtotals and are skipped).
  const targets = lines.slice(0, 5);
  expect(targets.map((row) => after.rows[row]!.values.slice(0, 3))).toEqual([
    [1500, 1500, 1500],
    [100, 200, 300],
    [100, 200, 300],
    [100, 200, 300],
    [100, 200, 300],
  ]);
  // The total row moved by exactly what changed in January: new minus old of the 5 lines.
  const janDelta = targets.reduce(
    (sum, row, i) => sum + (i === 0 ? 1500 : 100) - beforeRows[row]!.values[0]!,
    0,
  );
  expect((await total(page))[0]).toBe(before[0]! + janDelta);
  // 1,5 VTE is over the person's contract: the cell is red with the reason, and listed.
  expect(after.rows[first]!.breaches[0]).toMatch(/meer dan het contract/);
  await expect(page.getByTestId('tab-breaches')).not.toHaveText('Knelpunten (0)');
  await page.mouse.move(LABEL + MONTH / 2 + 240, 0);
  await screenshot(page, 'planning-grid-breach');

  // One undo step takes the whole paste back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => total(page)).toEqual(before);
  await expect(page.getByTestId('tab-breaches')).toHaveText('Knelpunten (0)');
});

test('type 0,8 to edit, then fill right with Ctrl+R and with one undo', async ({ page }) => {
  await openPlanning(page);
  const row = (await lineRows(page))[1]!;
  // The first key opens the editor with that key in it, as in Excel.
  await typeIntoCell(page, 1, row, '0,3');
  await expect.poll(async () => (await gridData(page)).rows[row]!.values[0]).toBe(300);

  // Select January … December of that row and fill right from January.
  await selectCell(page, 1, row);
  for (let i = 0; i < 11; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+r');
  await expect
    .poll(async () => (await gridData(page)).rows[row]!.values.slice(0, 13))
    .toEqual([300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 1000]);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await gridData(page)).rows[row]!.values[1]).toBe(1000);
  await expect.poll(async () => (await gridData(page)).rows[row]!.values[0]).toBe(300);
});

test('an invalid value is refused with a Dutch message', async ({ page }) => {
  await openPlanning(page);
  const row = (await lineRows(page))[0]!;
  await typeIntoCell(page, 2, row, 'abc', false);
  await expect(page.getByRole('alert').filter({ hasText: 'geen VTE-waarde' })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('switch scenario, copy, compare and read a delta, approve and see editing refused', async ({
  page,
}) => {
  await openPlanning(page);
  // The demo's approved base scenario is locked.
  await page.getByTestId('scenario-select').click();
  await page.getByRole('option', { name: /Basis 2022–2026/ }).click();
  await expect(page.getByTestId('scenario-locked')).toBeVisible();
  await expect.poll(async () => (await gridData(page)).scenario).toBe('Basis 2022–2026');

  // Copy it; the copy is a draft and is selected.
  await page.getByRole('button', { name: 'Kopiëren' }).click();
  await page.getByTestId('scenario-name').fill('Test kopie');
  await page.getByTestId('scenario-confirm').click();
  await expect.poll(async () => (await gridData(page)).scenario).toBe('Test kopie');
  await expect(page.getByTestId('scenario-status')).toHaveText('Ontwerp');

  // Edit one cell of the copy: +0,5 VTE in January 2022.
  const row = (await lineRows(page))[0]!;
  const old = (await gridData(page)).rows[row]!.values[0]!;
  await typeIntoCell(page, 1, row, String((old + 500) / 1000).replace('.', ','));
  await expect.poll(async () => (await gridData(page)).rows[row]!.values[0]).toBe(old + 500);

  // Compare base → copy: one changed cell, Δ for 2022 = 0,5 VTE-month ÷ 12 months.
  await page.getByRole('tab', { name: 'Vergelijken' }).click();
  await page.getByTestId('compare-before').click();
  await page.getByRole('option', { name: 'Basis 2022–2026' }).click();
  await expect(page.getByTestId('compare-count')).toHaveText('1 gewijzigde cellen');
  await expect(page.getByTestId('compare-delta-row').locator('td[data-bucket="2022"]')).toHaveText(
    '+0,04',
  );
  await expect(page.getByTestId('compare-delta-row').locator('td[data-bucket="2023"]')).toHaveText(
    '0,00',
  );
  await expect(page.getByTestId('compare-changes').locator('tbody tr')).toHaveCount(1);
  await screenshot(page, 'planning-compare-light');

  // Approve the copy: the core refuses the next edit with its Dutch message.
  await page.getByRole('tab', { name: 'Rooster' }).click();
  await page.getByRole('button', { name: 'Goedkeuren' }).click();
  await page.getByTestId('scenario-confirm').click();
  await expect(page.getByTestId('scenario-status')).toHaveText('Goedgekeurd');
  await expect(page.getByTestId('fte-grid')).toBeVisible();
  await typeIntoCell(page, 2, row, '0,1');
  await expect(page.getByTestId('grid-problem')).toContainText(
    'Scenario "Test kopie" is goedgekeurd en daardoor vergrendeld',
  );
  expect((await gridData(page)).rows[row]!.values[1]).not.toBe(100);
});

test('change a demand assumption and see the gap change', async ({ page }) => {
  await openPlanning(page);
  await page.getByRole('tab', { name: 'Vraag en capaciteit' }).click();
  const gap = page
    .getByTestId('demand-table')
    .locator('tr[data-region="REFREG03"] td[data-column="gap"]');
  const required = page
    .getByTestId('demand-table')
    .locator('tr[data-region="REFREG03"] td[data-column="required"]');
  await expect(required).not.toHaveText('');
  const requiredBefore = await required.innerText();
  const gapBefore = await gap.innerText();
  await expect(page.getByTestId('demand-formula')).toContainText('6 u begeleiding');
  // Shares read as the percentage a planner types (0.55 × 100 once showed as 55,0000000…).
  await expect(
    page.getByRole('textbox', { name: /^Aandeel verplichten dat niet werkt/ }),
  ).toHaveValue('55');
  await screenshot(page, 'planning-demand-light');

  // Twice the guidance hours: twice the required FTE.
  const input = page.getByRole('textbox', { name: 'Begeleidingsuren door AgII per deelnemer' });
  await input.fill('12');
  await input.press('Enter');
  await expect(page.getByTestId('demand-formula')).toContainText('12 u begeleiding');
  await expect(gap).not.toHaveText(gapBefore);
  const parse = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));
  expect(parse(await required.innerText())).toBeCloseTo(parse(requiredBefore) * 2, 1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots and axe, ${scheme}`, async ({ page }) => {
    // Three screens, three axe scans: under a shared machine's load that passed 180 s once.
    test.setTimeout(300_000);
    await openPlanning(page, scheme);
    await screenshot(page, `planning-grid-${scheme}`);
    const grid = await new AxeBuilder({ page })
      .include('[data-testid="screen-planning"]')
      .analyze();
    const serious = (v: { impact?: string | null }) =>
      v.impact === 'serious' || v.impact === 'critical';
    expect(
      grid.violations.filter(serious).map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([]);
    await page.getByRole('tab', { name: 'Vraag en capaciteit' }).click();
    await expect(page.getByTestId('demand-table').locator('tbody tr').first()).toBeVisible();
    await screenshot(page, `planning-demand-${scheme}`);
    const demand = await new AxeBuilder({ page })
      .include('[data-testid="screen-planning"]')
      .analyze();
    expect(
      demand.violations.filter(serious).map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([]);
    await page.getByRole('tab', { name: 'Vergelijken' }).click();
    await page.getByTestId('compare-before').click();
    await page.getByRole('option', { name: 'Basis 2022–2026' }).click();
    await expect(page.getByTestId('compare-changes')).toBeVisible();
    await screenshot(page, `planning-compare-${scheme}`);
    const compare = await new AxeBuilder({ page })
      .include('[data-testid="screen-planning"]')
      .analyze();
    expect(
      compare.violations.filter(serious).map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
