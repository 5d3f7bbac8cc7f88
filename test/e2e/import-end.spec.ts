import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { columnTexts, openApp, screenshot } from './app';

/**
 * Issue 6, must-be-true 3: the wizard says how the data's end was found, so a user sees at once
 * when rows were left out, and can read on to the sheet's last row. The workbook has what real
 * reports have around a table: a title block spread over several cells (one merged), a remark
 * in the last column, the real header on row 4, twelve typed rows (text, numbers, booleans,
 * dates, a formula), an empty row and notes spread over cells from row 18 on.
 */

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DATA_ROWS = 12;
const HEADER_ROW = 4;
const NOTES_ROW = HEADER_ROW + DATA_ROWS + 2; // one empty row between the table and the notes
const LAST_ROW = NOTES_ROW + 1;

async function reportWithNotes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rapport');
  sheet.getRow(1).values = ['Overzicht', 'nieuwkomers per', 'gemeente', 'eerste kwartaal', '2026'];
  sheet.getRow(2).values = ['Opgemaakt door', 'team data', '', '', 'voorlopige cijfers'];
  sheet.mergeCells('A2:B2');
  sheet.getRow(HEADER_ROW).values = ['Gemeente', 'Nieuwkomers', 'VTE', 'Actief', 'Start', 'Totaal'];
  const towns = ['Aalst', 'Gent', 'Ronse', 'Ieper', 'Genk', 'Lier'];
  for (let i = 0; i < DATA_ROWS; i++) {
    const r = HEADER_ROW + 1 + i;
    const row = sheet.getRow(r);
    row.values = [
      `${towns[i % towns.length]} ${i + 1}`,
      10 + i,
      0.5 + i / 10,
      i % 2 === 0,
      new Date(Date.UTC(2026, 0, 1 + i)),
    ];
    row.getCell(6).value = { formula: `B${r}*2`, result: (10 + i) * 2 };
  }
  sheet.getRow(NOTES_ROW).values = ['Bron:', 'registratie', 'AgII, toestand', 'op 31 maart'];
  sheet.getRow(LAST_ROW).values = ['Opmerking:', 'Ronse telt', 'ook de', 'deelgemeenten'];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, data, mime }) => {
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name, { type: mime }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    { name, data: Buffer.from(bytes).toString('base64'), mime: XLSX_MIME },
  );
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a report with a title block and notes: the preview and the check say where the data stops (${scheme})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openApp(page, 'import', { scheme });
    await dropFile(page, 'rapport nieuwkomers.xlsx', await reportWithNotes());
    await expect(page.getByTestId('import-file-facts')).toBeVisible();
    await page.getByTestId('import-next').click();

    const summary = page.getByTestId('import-preview-summary');
    await expect(summary).toHaveText(
      `Koprij op rij ${HEADER_ROW} gedetecteerd; ${DATA_ROWS} gegevensrijen (rij ${HEADER_ROW + 1}–${HEADER_ROW + DATA_ROWS}).`,
    );
    const notes = page.getByTestId('import-preview-notes');
    await expect(notes).toContainText(
      `De gegevens stoppen bij de notities vanaf rij ${NOTES_ROW}; wat eronder staat, wordt niet geïmporteerd.`,
    );
    const extend = page.getByTestId('import-extend-range');
    await expect(extend).toHaveText(`Toch lezen tot de laatste rij (${LAST_ROW})`);
    await screenshot(page, `import-end-1-preview-${scheme}`);
    await expectNoSeriousViolations(page);

    // Reading on: the range goes to the sheet's last row; the detection brings it back.
    await extend.click();
    await expect(summary).toHaveText(
      `Koprij op rij ${HEADER_ROW}; ${LAST_ROW - HEADER_ROW} gegevensrijen (rij ${HEADER_ROW + 1}–${LAST_ROW}).`,
    );
    await expect(page.getByRole('textbox', { name: 'Laatste gegevensrij' })).toHaveValue(
      String(LAST_ROW),
    );
    await expect(extend).toBeHidden();
    await screenshot(page, `import-end-2-extended-${scheme}`);
    await page.getByRole('button', { name: 'Detectie herstellen' }).click();
    await expect(notes).toContainText(`notities vanaf rij ${NOTES_ROW}`);

    await page.getByTestId('import-next').click();
    await page.getByRole('radio', { name: 'Ruwe tabel' }).check();
    await expect(page.getByTestId('import-table-name')).toHaveValue('rapport_nieuwkomers');
    await page.getByTestId('import-next').click();

    await expect(page.getByTestId('import-end')).toHaveText(
      `${DATA_ROWS} rijen gelezen, gestopt bij notities vanaf rij ${NOTES_ROW}. Ontbreken er rijen? Ga terug naar het voorbeeld en pas de laatste gegevensrij aan.`,
    );
    await expect(page.getByTestId('import-stat-read')).toHaveText(String(DATA_ROWS));
    await screenshot(page, `import-end-3-check-${scheme}`);
    await expectNoSeriousViolations(page);

    if (scheme === 'dark') return;
    await page.getByTestId('import-next').click();
    await page.getByRole('button', { name: 'Alles importeren' }).click();
    const result = page.getByTestId('import-result');
    await expect(result).toContainText('Import voltooid');
    await result.getByRole('button', { name: 'Naar Gegevens' }).click();
    await expect(page.getByTestId('table-count')).toHaveText(`${DATA_ROWS} rijen`);
    const towns = await columnTexts(page, 'gemeente');
    expect(towns).toContain(`Aalst 1`);
    expect(towns.join(' ')).not.toMatch(/Bron|Opmerking/);
  });
}
