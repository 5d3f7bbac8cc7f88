import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportRows } from '../../../src/core/export/table-export';
import { MAX_CELL_TEXT } from '../../../src/core/export/xlsx/cells';
import { validSheetName } from '../../../src/core/export/xlsx/sheet-names';
import { XlsxWriter } from '../../../src/core/export/xlsx/workbook';
import { openXlsx } from '../../../src/core/import/readers/xlsx/reader';
import type { CellValue } from '../../../src/core/import/types';
import { openpyxlAvailable, readWithOpenpyxl, tempFile, written } from './helpers';

/** A workbook with one cell of each kind, written by our writer. */
async function sampleWorkbook(): Promise<Uint8Array> {
  return written(async (sink) => {
    const writer = new XlsxWriter(sink, { title: 'Proef', creator: 'Pijlerplan' });
    const sheet = writer.addSheet('Gegevens', {
      columns: [
        { width: 30 },
        { width: 12, style: 'fte' },
        { width: 12, style: 'euro' },
        { style: 'date' },
        { style: 'percent' },
      ],
      freeze: { rows: 1, columns: 1 },
      autoFilterRow: 1,
      print: {
        landscape: true,
        fitToWidth: true,
        repeatRows: [1, 1],
        footer: '&CPagina &P van &N',
      },
    });
    sheet.row(
      ['Naam', 'VTE', 'Budget', 'Start', 'Aandeel'].map((v) => ({ v, s: 'header' as const })),
    );
    sheet.row(['Éléonore', 0.8, 40000, new Date(Date.UTC(2022, 11, 31)), 0.125]);
    sheet.row(['=HYPERLINK("http://x","klik")', 1.25, 1234.56, new Date(Date.UTC(2021, 0, 1)), 1]);
    sheet.row([
      { v: 'Totaal', s: 'totalLabel' },
      { f: 'SUM(B2:B3)', v: 2.05, s: 'totalFte' },
      { f: 'SUM(C2:C3)', v: 41234.56, s: 'totalEuro' },
    ]);
    await writer.finish();
  });
}

describe('XlsxWriter', () => {
  it('writes values, number formats and formulas with cached results that exceljs reads back', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await sampleWorkbook()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Gegevens')!;
    const cases: [string, unknown, string | undefined][] = [
      ['A2', 'Éléonore', undefined],
      ['B2', 0.8, '0.00'],
      ['C2', 40000, '"€" #,##0.00'],
      ['E2', 0.125, '0.0%'],
      ['A3', '=HYPERLINK("http://x","klik")', undefined],
    ];
    for (const [ref, value, format] of cases) {
      expect(sheet.getCell(ref).value, ref).toEqual(value);
      if (format) expect(sheet.getCell(ref).numFmt, ref).toBe(format);
    }
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2022, 11, 31)));
    expect(sheet.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)', result: 2.05 });
    expect(sheet.getCell('C4').value).toEqual({ formula: 'SUM(C2:C3)', result: 41234.56 });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(30);
    expect(workbook.title).toBe('Proef');
  });

  it.runIf(openpyxlAvailable)(
    'reads the same in openpyxl: text is text, formulas only where we wrote them',
    async () => {
      const book = readWithOpenpyxl(tempFile('proef.xlsx', await sampleWorkbook()));
      const sheet = book.sheets['Gegevens']!;
      expect(sheet.cells['A3']).toEqual(['=HYPERLINK("http://x","klik")', 's', 'General']);
      expect(sheet.cells['B4']).toEqual(['=SUM(B2:B3)', 'f', '0.00']);
      expect(sheet.cached).toEqual({ B4: 2.05, C4: 41234.56 });
      expect(sheet.cells['D2']).toEqual(['2022-12-31T00:00:00', 'd', 'dd/mm/yyyy']);
      expect(sheet).toMatchObject({
        freeze: 'B2',
        auto_filter: 'A1:E4',
        print_titles: '$1:$1',
        landscape: 'landscape',
        fit_to_width: 1,
        footer: 'Pagina &P van &N',
      });
      expect(book.title).toBe('Proef');
    },
  );

  it('gives back every character through the import reader, control characters and _x escapes too', async () => {
    const texts = [
      'tab\there',
      'lijn 1\nlijn 2',
      ' spatie ',
      'x_x0041_y',
      'bel\u0007',
      '<&>"\'',
      '🙂 emoji',
      '0123',
    ];
    const bytes = await written(async (sink) => {
      const writer = new XlsxWriter(sink);
      const sheet = writer.addSheet('T');
      for (const text of texts) sheet.row([text]);
      await writer.finish();
    });
    const reader = await openXlsx(bytes);
    if (!reader.ok) throw new Error(reader.error.message);
    const back: CellValue[][] = [];
    await reader.value.readRows('T', (rows) => void back.push(...rows));
    expect(back.map((row) => row[0])).toEqual(texts);
  });

  it('cuts a text over 32,767 characters and says so', async () => {
    let notes: unknown[] = [];
    const bytes = await written(async (sink) => {
      const writer = new XlsxWriter(sink);
      writer.addSheet('Lang').row(['x'.repeat(40_000)]);
      notes = (await writer.finish()).notes;
    });
    expect(notes).toEqual([{ sheet: 'Lang', cell: 'A1', length: 40_000 }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const text = String(workbook.getWorksheet('Lang')!.getCell('A1').value);
    expect(text.length).toBe(MAX_CELL_TEXT);
    expect(text).toMatch(/… \[ingekort: 40\.000 tekens, Excel toont er hoogstens 32\.767\]$/);
  });

  it.each([
    ['Gegevens', [], 'Gegevens'],
    ['a/b:c?d*e[f]g\\h', [], 'a b c d e f g h'],
    ["'geciteerd'", [], 'geciteerd'],
    ['', [], 'Blad'],
    ['History', [], 'History 1'],
    ['Vraag en capaciteit per referentieregio 2022', [], 'Vraag en capaciteit per referen'],
    ['Gegevens', ['gegevens'], 'Gegevens (2)'],
    ['Gegevens', ['Gegevens', 'Gegevens (2)'], 'Gegevens (3)'],
    [
      'Vraag en capaciteit per referentieregio',
      ['Vraag en capaciteit per referen'],
      'Vraag en capaciteit per ref (2)',
    ],
  ])('sheet name %j (taken %j) → %j', (wanted, taken, expected) => {
    const name = validSheetName(wanted, taken);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe('exportRows to .xlsx', () => {
  const columns = ['id', 'naam', 'fte', 'start_date'];
  const data = Array.from({ length: 12 }, (_, i) => [
    i + 1,
    `rij ${i + 1}`,
    (i + 1) / 4,
    `2022-0${(i % 9) + 1}-15`,
  ]);

  it('continues on "Gegevens (2)" with the header, frozen pane and filter repeated', async () => {
    const bytes = await written(async (sink) => {
      const result = await exportRows({ columns, rows: data }, sink, {
        format: 'xlsx',
        maxRowsPerSheet: 5,
      });
      expect(result).toMatchObject({
        ok: true,
        value: { rows: 12, sheets: ['Gegevens', 'Gegevens (2)', 'Gegevens (3)'] },
      });
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const back: unknown[][] = [];
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).values).toEqual([undefined, ...columns]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      sheet.eachRow((row, n) => {
        if (n > 1) back.push((row.values as unknown[]).slice(1));
      });
    }
    expect(back.length).toBe(12);
    expect(back.map((row) => row[0])).toEqual(data.map((row) => row[0]));
    // ISO dates become real dates with the Belgian format; FTE get two decimals.
    expect(back[0]?.[3]).toEqual(new Date(Date.UTC(2022, 0, 15)));
    expect(workbook.worksheets[0]!.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(workbook.worksheets[0]!.getCell('C2').numFmt).toBe('0.00');
  });

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const many = Array.from({ length: 20_000 }, (_, i) => [i, 'x', 1, null]);
    const result = await written(async (sink) => {
      const outcome = await exportRows({ columns, rows: many }, sink, {
        format: 'xlsx',
        signal: controller.signal,
      });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'export.cancelled' } });
    });
    expect(result.length).toBeLessThan(1_000_000);
  });
});

describe('xmlText', () => {
  it('escapes every special character, however many strings came before', async () => {
    const { xmlText } = await import('../../../src/core/export/xlsx/xml');
    const inputs = ['a & b', 'x < y', 'plain', '"q"', 'c > d', 'e & f & g'];
    for (let round = 0; round < 3; round++) {
      expect(inputs.map(xmlText)).toEqual([
        'a &amp; b',
        'x &lt; y',
        'plain',
        '&quot;q&quot;',
        'c &gt; d',
        'e &amp; f &amp; g',
      ]);
    }
  });
});
