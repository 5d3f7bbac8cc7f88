import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { openApp, savedExport, screenshot } from './app';

test.describe.configure({ timeout: 240_000 });

async function axe(page: Page, selector: string, disable: string[] = []): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).disableRules(disable).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

const ALL = 'SELECT nis_code, name, inhabitants_2020 FROM municipality ORDER BY nis_code';

for (const scheme of ['light', 'dark'] as const) {
  test(`SQL (${scheme}): a query pages through its result and streams whole to .xlsx`, async ({
    page,
  }) => {
    await openApp(page, 'sql', { scheme, saveFile: 'picker' });
    await page.getByTestId('sql-editor').fill(ALL);
    await page.getByTestId('sql-run').click();
    // The first query copies the workspace into the sandbox worker: slow on a loaded machine.
    await expect(page.getByTestId('sql-range')).toContainText('Rijen 1–100', { timeout: 120_000 });
    const firstPage = await page.getByTestId('sql-result').locator('tbody tr').count();
    expect(firstPage).toBe(100);
    await page.getByTestId('sql-next').click();
    await expect(page.getByTestId('sql-range')).toContainText('Rijen 101–200', { timeout: 60_000 });
    const row101 = await page.getByTestId('sql-result').locator('tbody tr').first().innerText();
    await screenshot(page, `sql-${scheme}`);
    await axe(page, '[data-testid="screen-sql"]');
    await page.getByTestId('table-export').click();
    await screenshot(page, `sql-export-menu-${scheme}`);
    // Mantine's open menu starts with its own focus sentinel (<div tabindex="-1"
    // data-autofocus>), which aria-required-children counts as a child of role=menu; every
    // child we render is a group of menuitems.
    await axe(page, '[role="menu"]', ['aria-required-children']);
    await page.getByRole('menuitem', { name: 'Excel-werkmap (.xlsx)' }).click();
    await expect(page.getByTestId('export-outcome')).toContainText('285', { timeout: 120_000 });
    const { name, bytes } = await savedExport(page);
    expect(name).toMatch(/^query \d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    // Every row of the query, not the page: 285 municipalities + the header.
    expect(sheet.rowCount).toBe(286);
    expect(sheet.getRow(1).values).toEqual([undefined, 'nis_code', 'name', 'inhabitants_2020']);
    // Row 101 of the result is the first row of page 2 as the screen showed it.
    const [nis, municipality] = row101.split('\t');
    expect(sheet.getCell('A102').value).toBe(nis);
    expect(sheet.getCell('B102').value).toBe(municipality);
  });
}

test('SQL: a writing statement is refused in Dutch, and nothing runs', async ({ page }) => {
  await openApp(page, 'sql');
  await page.getByTestId('sql-editor').fill('DELETE FROM municipality');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-error')).toContainText('alleen', { timeout: 120_000 });
  await page.getByTestId('sql-editor').fill('SELECT count(*) AS n FROM municipality');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-result')).toContainText('285', { timeout: 120_000 });
});

test('Planning grid: "Exporteren" writes the rows as shown; the total matches the grid', async ({
  page,
}) => {
  await openApp(page, 'planning');
  await expect(page.getByTestId('fte-grid')).toBeVisible({ timeout: 120_000 });
  type Hook = { rows: { kind: string; label: string; values: number[] }[] };
  await expect
    .poll(async () =>
      page.evaluate(() => (window as unknown as { __planGrid?: Hook }).__planGrid?.rows.length),
    )
    .toBeGreaterThan(100);
  const grid = await page.evaluate(() => (window as unknown as { __planGrid: Hook }).__planGrid);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('table-export').click();
  await page.getByRole('menuitem', { name: 'Excel-werkmap (.xlsx)' }).click();
  const file = await download;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.rowCount).toBe(grid.rows.length + 1);
  const last = sheet.getRow(sheet.rowCount).values as unknown[];
  expect(last[1]).toBe('Totaal');
  const total = grid.rows.at(-1)!.values;
  total.forEach((value, i) => expect(Number(last[i + 3])).toBeCloseTo(value, 9));
});
