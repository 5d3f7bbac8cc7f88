import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { openApp, screenshot } from './app';

async function axe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-testid="export-screen"]').analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('Export: the report workbook for the chosen scenario downloads with all its sheets', async ({
  page,
}) => {
  await openApp(page, 'export');
  await expect(page.getByRole('heading', { name: 'Exporteren' })).toBeVisible();
  await expect(page.getByTestId('export-scenario')).toHaveValue('Basis 2022–2026');
  await screenshot(page, 'export-light');
  await axe(page);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('export-report').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^Vierde pijler - rapport - Basis 2022–2026 \d{4}-\d{2}-\d{2}\.xlsx$/,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Samenvatting',
    'FTE-plan',
    'Vraag en capaciteit',
    'Organigram',
    'Proeftuinen',
    'Gemeenten',
    'Scenariovergelijking',
    'Grafieken',
  ]);
  await expect(page.getByTestId('export-outcome')).toContainText(
    'Opgeslagen als Vierde pijler - rapport',
  );
  await screenshot(page, 'export-done-light');
});

test('Export in dark mode, and a query to a Belgian CSV', async ({ page }) => {
  await openApp(page, 'export', { scheme: 'dark' });
  await page
    .getByTestId('export-sql')
    .fill("SELECT name, inhabitants_2020 FROM municipality WHERE name = 'Ronse'");
  await page.getByText('CSV (Belgisch: ; en ,)').click();
  await screenshot(page, 'export-dark');
  await axe(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-query').click();
  const text = await readFile((await (await download).path())!, 'utf8');
  expect(text).toBe(
    '\uFEFFname;inhabitants_2020\r\nRonse;26302\r\n'.replace(
      '26302',
      text.split('\r\n')[1]?.split(';')[1] ?? '',
    ),
  );
  expect(text.startsWith('\uFEFFname;inhabitants_2020\r\nRonse;')).toBe(true);
});

test('Gemeenten: "Exporteren" writes every filtered row to .xlsx', async ({ page }) => {
  await openApp(page, 'gemeenten');
  await page.getByTestId('table-export').click();
  await screenshot(page, 'table-export-menu-light');
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel-werkmap (.xlsx)' }).click();
  const file = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(286); // header + 285 municipalities
  expect(sheet.getCell('A1').value).toBeTruthy();
});
