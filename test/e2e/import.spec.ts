import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { columnTexts, gridRows, openApp, screenshot } from './app';

/**
 * The import wizard end to end, in the browser page: a spreadsheet is dropped on the window,
 * walked through preview → mapping → check (diff) → commit, and the data is found on the screen
 * that shows it. Files are written here (exceljs, or bytes for CSV) so every ugliness is visible
 * in the test itself.
 */

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Inhabitants on 1/1/2020 per 2025 municipality, as the demo workspace loads them: the 2019–2024
 * counts summed over the crosswalk (Antwerpen 2025 includes Borsbeek).
 */
function demoInhabitants(): Map<string, number> {
  const lines = (file: string) =>
    readFileSync(`resources/reference/${file}`, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => line.split(','));
  const to2025 = new Map(lines('municipality_crosswalk_2024_2025.csv').map((c) => [c[0]!, c[2]!]));
  const map = new Map<string, number>();
  for (const cells of lines('municipalities_2019_2024.csv')) {
    const code = to2025.get(cells[0]!) ?? cells[0]!;
    map.set(code, (map.get(code) ?? 0) + Number(cells[5]));
  }
  return map;
}

/** Drops a file on the window the way a browser does: dragenter, then drop with a DataTransfer. */
async function dragOver(page: Page, name: string, bytes: Uint8Array, mime: string): Promise<void> {
  await page.evaluate(
    ({ name, data, mime }) => {
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name, { type: mime }));
      (window as unknown as { __importDrop: DataTransfer }).__importDrop = transfer;
      document.body.dispatchEvent(
        new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      document.body.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    },
    { name, data: Buffer.from(bytes).toString('base64'), mime },
  );
}

async function release(page: Page): Promise<void> {
  await page.evaluate(() => {
    const transfer = (window as unknown as { __importDrop: DataTransfer }).__importDrop;
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  });
}

async function dropFile(page: Page, name: string, bytes: Uint8Array, mime: string) {
  await dragOver(page, name, bytes, mime);
  await release(page);
}

/** The monthly update a municipality sends: a title and a date above the header (row 3). */
async function municipalitiesUpdate(
  rows: [string, string, number | string][],
  options: { hiddenNotes?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Inwoners');
  sheet.getCell('A1').value = 'Bevolking per gemeente — update';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = 'Toestand op 1 januari 2020';
  sheet.addRow(['NIS-code', 'Gemeente', 'Inwoners']);
  for (const row of rows) sheet.addRow(row);
  sheet.addRow([]);
  sheet.addRow(['Bron: Statbel, bewerking AgII']);
  if (options.hiddenNotes) {
    const notes = workbook.addWorksheet('Toelichting', { state: 'hidden' });
    notes.addRow(['Dit blad is verborgen en bevat enkel uitleg.']);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const nl = new Intl.NumberFormat('nl-BE');

test('a dropped municipalities update walks preview → mapping → diff → commit and shows on Gemeenten', async ({
  page,
}) => {
  const inhabitants = demoInhabitants();
  const aalst = inhabitants.get('41002')!;
  const changed = aalst + 791;
  const bytes = await municipalitiesUpdate(
    [
      ['11002', 'Antwerpen', inhabitants.get('11002')!],
      ['41002', 'Aalst', changed],
      ['44021', 'Gent', inhabitants.get('44021')!],
      ['13040', 'Turnhout', inhabitants.get('13040')!],
    ],
    { hiddenNotes: true },
  );

  await openApp(page, 'gemeenten');
  await dragOver(page, 'inwoners-update.xlsx', bytes, XLSX_MIME);
  await expect(page.getByTestId('import-drop-overlay')).toBeVisible();
  await expect(page.getByText('Laat los om te importeren')).toBeVisible();
  await screenshot(page, 'import-0-drop');
  await release(page);

  // a. File
  await expect(page).toHaveURL(/#\/import$/);
  const facts = page.getByTestId('import-file-facts');
  await expect(facts).toContainText('inwoners-update.xlsx');
  await expect(facts).toContainText('Excel-werkmap');
  await screenshot(page, 'import-1-file');
  await page.getByTestId('import-next').click();

  // b. Sheet: the hidden notes sheet is listed and marked, the data sheet chosen.
  await expect(page.getByRole('radio', { name: 'Inwoners' })).toBeChecked();
  await expect(page.getByText('Verborgen')).toBeVisible();
  await screenshot(page, 'import-2-sheet');
  await page.getByTestId('import-next').click();

  // c. Preview: header on row 3 under the title, the source note below excluded.
  await expect(page.getByTestId('import-preview-summary')).toHaveText(
    'Koprij op rij 3 gedetecteerd; 4 gegevensrijen (rij 4–7).',
  );
  const grid = page.getByTestId('import-preview-grid');
  await expect(grid.locator('tr[data-role="header"]')).toHaveCount(1);
  await expect(grid.locator('tr[data-role="header"]')).toContainText('NIS-code');
  await expect(grid.locator('tr[data-role="title"]').first()).toContainText('Bevolking');
  await expect(grid.locator('tr[data-role="data"]')).toHaveCount(4);
  await expect(grid.locator('tr[data-role="footer"]').last()).toContainText('Bron: Statbel');
  await expect(page.getByTestId('import-type-0')).toContainText('NIS-code');
  await screenshot(page, 'import-3-preview');
  await page.getByTestId('import-next').click();

  // d. Target: recognised as municipalities, columns mapped from the Dutch headers.
  await expect(page.getByRole('radio', { name: 'Gegevenstype in Pijlerplan' })).toBeChecked();
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('textbox', { name: 'NIS-code' })).toHaveValue('A · NIS-code');
  await expect(mapping.getByRole('textbox', { name: 'Gemeente' })).toHaveValue('B · Gemeente');
  await expect(mapping.getByRole('textbox', { name: 'Inwoners (2020)' })).toHaveValue(
    'C · Inwoners',
  );
  await screenshot(page, 'import-4-target');
  await page.getByTestId('import-next').click();

  // e. Check: one municipality changed, shown old → new.
  await expect(page.getByTestId('import-stat-read')).toHaveText('4');
  await expect(page.getByTestId('import-stat-rejected')).toHaveText('0');
  await expect(page.getByTestId('import-stat-changed')).toHaveText('1');
  const diffRow = page.getByTestId('import-diff').locator('tr[data-kind="changed"]');
  await expect(diffRow).toHaveCount(1);
  await expect(diffRow).toContainText('41002');
  await expect(diffRow).toContainText(`${nl.format(aalst)}${nl.format(changed)}`);
  await screenshot(page, 'import-5-check');
  await page.getByTestId('import-next').click();

  // f. Commit.
  await expect(page.getByRole('button', { name: 'Alles importeren' })).toBeEnabled();
  await screenshot(page, 'import-6-commit');
  await page.getByRole('button', { name: 'Alles importeren' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Import voltooid');
  await expect(result).toContainText('Bijgewerkt');
  await expect(page.getByTestId('import-history')).toContainText('inwoners-update.xlsx');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await screenshot(page, 'import-7-result');

  // The changed value on the Gemeenten screen.
  await result.getByRole('button', { name: 'Naar Gemeenten' }).click();
  await expect(page).toHaveURL(/#\/gemeenten$/);
  await page.getByTestId('table-search').fill('aalst');
  const row = gridRows(page).filter({
    has: page.locator('td[data-column="name"]', { hasText: /^Aalst$/ }),
  });
  await expect(row.locator('td[data-column="inhabitants_2020"]')).toHaveText(nl.format(changed));
});

test('a ;-separated Windows-1252 CSV with decimal commas becomes a raw table on Gegevens', async ({
  page,
}) => {
  const csv = [
    'Gemeente;Nieuwkomers;Aandeel vierde pijler;Budget;Startdatum',
    'Aalst;1.234;12,5 %;€ 40.000,00;1/01/2021',
    'Sint-Niklaas;987;7,25 %;€ 12.345,67;15/03/2021',
    'Ronse;45;33,3 %;€ 1.500,50;30/06/2022',
    'Hoogstraten (café-aanpak);12;0,5 %;€ 0,00;31/12/2021',
  ].join('\r\n');
  const bytes = new Uint8Array(Buffer.from(csv + '\r\n', 'latin1'));
  // latin1 covers é; € is 0x80 in Windows-1252.
  bytes.forEach((b, i) => {
    if (csv.charCodeAt(i) === 0x20ac) bytes[i] = 0x80;
  });

  await openApp(page, 'gegevens');
  await dropFile(page, 'nieuwkomers 2021.csv', bytes, 'text/csv');
  await expect(page).toHaveURL(/#\/import$/);
  const facts = page.getByTestId('import-file-facts');
  await expect(facts.getByRole('textbox', { name: 'Codering' })).toHaveValue(/Windows-1252/);
  await expect(facts.getByRole('textbox', { name: 'Scheidingsteken' })).toHaveValue(/Puntkomma/);
  await screenshot(page, 'import-csv-1-file');
  await page.getByTestId('import-next').click();

  await expect(page.getByTestId('import-preview-summary')).toHaveText(
    'Koprij op rij 1 gedetecteerd; 4 gegevensrijen (rij 2–5).',
  );
  await expect(page.getByTestId('import-preview-grid')).toContainText('café');
  await screenshot(page, 'import-csv-2-preview');
  await page.getByTestId('import-next').click();

  await page.getByRole('radio', { name: 'Ruwe tabel' }).check();
  const name = page.getByTestId('import-table-name');
  await expect(name).toHaveValue('nieuwkomers_2021');
  await name.fill('Nieuwkomers!');
  await expect(page.getByText('Gebruik enkel kleine letters')).toBeVisible();
  await expect(page.getByTestId('import-next')).toBeDisabled();
  await name.fill('nieuwkomers_2021');
  await page.getByTestId('import-next').click();

  await expect(page.getByTestId('import-stat-valid')).toHaveText('4');
  await expect(page.getByText('Dit wordt een nieuwe tabel met 4 rijen.')).toBeVisible();
  await screenshot(page, 'import-csv-3-check');
  await page.getByTestId('import-next').click();
  await page.getByRole('button', { name: 'Alles importeren' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Import voltooid');
  await result.getByRole('button', { name: 'Naar Gegevens' }).click();

  await expect(page).toHaveURL(/#\/gegevens\/nieuwkomers_2021$/);
  await expect(page.getByTestId('table-count')).toHaveText('4 rijen');
  expect(await columnTexts(page, 'gemeente')).toContain('Hoogstraten (café-aanpak)');
  const newcomers = await columnTexts(page, 'nieuwkomers');
  expect(newcomers).toContain(nl.format(1234));
  const budget = await columnTexts(page, 'budget');
  expect(budget.join(' ')).toMatch(/12\.345,67/);
  await screenshot(page, 'import-csv-4-gegevens');
});

test('invalid rows are listed with sheet, row, column, value and reason; only valid rows can go in', async ({
  page,
}) => {
  const inhabitants = demoInhabitants();
  const bytes = await municipalitiesUpdate([
    ['11002', 'Antwerpen', inhabitants.get('11002')!],
    ['4100X', 'Aalst', 88000],
    ['44021', 'Gent', 'veel'],
    ['13040', 'Turnhout', inhabitants.get('13040')!],
  ]);

  await openApp(page, 'import');
  await dropFile(page, 'met fouten.xlsx', bytes, XLSX_MIME);
  await expect(page.getByTestId('import-file-facts')).toContainText('met fouten.xlsx');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-preview-summary')).toContainText('Koprij op rij 3');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await page.getByTestId('import-next').click();

  await expect(page.getByTestId('import-stat-rejected')).toHaveText('2');
  const issues = page.getByTestId('import-issues');
  await expect(issues).toBeVisible();
  const nisIssue = issues.locator('tbody tr').filter({ hasText: '4100X' });
  await expect(nisIssue).toContainText('NIS-code');
  await expect(nisIssue.locator('td').nth(2)).toHaveText('5');
  await expect(
    issues.locator('tbody tr').filter({ hasText: 'veel' }).locator('td').nth(2),
  ).toHaveText('6');
  await screenshot(page, 'import-issues-1-check');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren naar Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByTestId('import-next').click();
  await expect(page.getByRole('button', { name: 'Alles importeren' })).toBeDisabled();
  const validOnly = page.getByRole('button', { name: /Enkel geldige rijen importeren/ });
  await expect(validOnly).toBeEnabled();
  await screenshot(page, 'import-issues-2-commit');
  await validOnly.click();
  await expect(page.getByTestId('import-result')).toContainText('Geweigerd');
});

test('old NIS codes are mapped to the 2025 map and shown; a saved template comes back; an import is undone', async ({
  page,
}) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Prognose');
  sheet.addRow(['Prognose nieuwkomers per gemeente']);
  sheet.addRow([]);
  sheet.addRow(['NIS-code', 'Jaar', 'Verwachte nieuwkomers', 'Bron']);
  sheet.addRow([11007, 2031, 12, 'eigen raming']); // Borsbeek: part of Antwerpen since 2025
  sheet.addRow(['41002', 2031, 310.5, 'eigen raming']);
  sheet.addRow(['44021', 2031, 1450, 'eigen raming']);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

  await openApp(page, 'import');
  await dropFile(page, 'prognose 2031.xlsx', bytes, XLSX_MIME);
  await expect(page.getByTestId('import-file-facts')).toContainText('prognose 2031.xlsx');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-preview-summary')).toContainText('Koprij op rij 3');
  await page.getByTestId('import-next').click();

  const entity = page.getByRole('textbox', { name: 'Gegevenstype', exact: true });
  if (!(await entity.inputValue()).startsWith('Verwachte nieuwkomers')) {
    await entity.click();
    await page.getByRole('option', { name: /^Verwachte nieuwkomers/ }).click();
  }
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('textbox', { name: 'Jaar' })).toHaveValue('B · Jaar');
  await page.getByLabel('Koppeling bewaren als sjabloon').check();
  await page.getByRole('textbox', { name: 'Naam van het sjabloon' }).fill('Prognose per gemeente');
  await page.getByTestId('import-next').click();

  await expect(page.getByTestId('import-stat-added')).toHaveText('3');
  await page.getByRole('tab', { name: /NIS-codes 2024 → 2025/ }).click();
  const nis = page.getByTestId('import-nis');
  await expect(nis).toContainText('11007');
  await expect(nis).toContainText('Borsbeek');
  await expect(nis).toContainText('11002');
  await expect(nis).toContainText('Antwerpen');
  await screenshot(page, 'import-nis-1-check');
  await page.getByTestId('import-next').click();
  await page.getByRole('button', { name: 'Alles importeren' }).click();
  await expect(page.getByTestId('import-result')).toContainText(
    'Sjabloon ‘Prognose per gemeente’ bewaard.',
  );

  // The same layout again: the template is applied, and nothing changes.
  await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
  await dropFile(page, 'prognose 2031 (2).xlsx', bytes, XLSX_MIME);
  await expect(page.getByTestId('import-file-facts')).toContainText('prognose 2031 (2).xlsx');
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-template-notice')).toContainText(
    'Sjabloon ‘Prognose per gemeente’ toegepast',
  );
  await screenshot(page, 'import-template-1-target');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-stat-unchanged')).toHaveText('3');
  await expect(page.getByTestId('import-stat-added')).toHaveText('0');
  await expect(page.getByTestId('import-stat-changed')).toHaveText('0');

  // Undo the first import from the history.
  const history = page.getByTestId('import-history');
  const first = history.locator('tbody tr').filter({ hasText: 'prognose 2031.xlsx' });
  await first.getByRole('button', { name: 'Ongedaan maken' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(first).toContainText('Ongedaan gemaakt');
  await screenshot(page, 'import-history-undone');
});

test('a long check shows progress and can be cancelled without changing anything', async ({
  page,
}) => {
  const lines = ['Gemeente;Jaar;Aantal;Bedrag'];
  for (let i = 0; i < 400_000; i++) {
    lines.push(`Gemeente ${i % 300};${2000 + (i % 25)};${i};${(i % 1000) + 0.5}`.replace('.', ','));
  }
  const bytes = new Uint8Array(Buffer.from(lines.join('\r\n'), 'utf8'));

  await openApp(page, 'import');
  await dropFile(page, 'groot.csv', bytes, 'text/csv');
  await expect(page.getByTestId('import-file-facts')).toContainText('groot.csv');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-preview-summary')).toContainText('400.000 gegevensrijen');
  await page.getByTestId('import-next').click();
  await page.getByRole('radio', { name: 'Ruwe tabel' }).check();
  await page.getByTestId('import-next').click();

  const progress = page.getByTestId('import-check-progress');
  await expect(progress).toBeVisible();
  await screenshot(page, 'import-progress');
  await progress.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByText('De controle is geannuleerd. Er is niets gewijzigd.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opnieuw controleren' })).toBeVisible();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
});

test('the detected header, data range and column types can be overridden in the preview', async ({
  page,
}) => {
  const inhabitants = demoInhabitants();
  const bytes = await municipalitiesUpdate([
    ['11002', 'Antwerpen', inhabitants.get('11002')!],
    ['41002', 'Aalst', inhabitants.get('41002')!],
  ]);
  await openApp(page, 'import');
  await dropFile(page, 'inwoners.xlsx', bytes, XLSX_MIME);
  await expect(page.getByTestId('import-file-facts')).toBeVisible();
  await page.getByTestId('import-next').click();
  const summary = page.getByTestId('import-preview-summary');
  await expect(summary).toHaveText('Koprij op rij 3 gedetecteerd; 2 gegevensrijen (rij 4–5).');

  // Row 2 as the header (a click on its number): the summary and the grid follow.
  await page
    .getByTestId('import-preview-grid')
    .getByRole('button', { name: '2', exact: true })
    .click();
  await expect(summary).toHaveText('Koprij op rij 2; 3 gegevensrijen (rij 3–5).');
  await expect(
    page.getByTestId('import-preview-grid').locator('tr[data-role="header"]'),
  ).toContainText('Toestand op 1 januari 2020');
  await page.getByRole('button', { name: 'Detectie herstellen' }).click();
  await expect(summary).toHaveText('Koprij op rij 3 gedetecteerd; 2 gegevensrijen (rij 4–5).');

  // The last data row by number, and a column read as text instead of a whole number.
  await page.getByRole('textbox', { name: 'Laatste gegevensrij' }).fill('4');
  await expect(summary).toHaveText('Koprij op rij 3; 1 gegevensrij (rij 4).');
  await page.getByRole('button', { name: 'Type van kolom C' }).click();
  await page.getByRole('menuitem', { name: 'Tekst' }).click();
  await expect(page.getByTestId('import-type-2')).toContainText('Tekst');
  await expect(page.getByTestId('import-next')).toBeEnabled();
  await screenshot(page, 'import-3b-preview-overridden');
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-stat-read')).toHaveText('1');
});
