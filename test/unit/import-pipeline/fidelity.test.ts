import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeEnd } from '../../../src/core/import/readers/layout';
import { rawXlsx, sheetXml } from '../import-readers/fixtures';
import { csv, startCore, unwrap } from './helpers';
import { checksum, importRaw, streamedXlsx, type Written } from './fidelity-helpers';

/**
 * Issue 6: files from other writers and damaged files. Each case was reproduced first (the
 * import reported success with a fraction of the rows, or other numbers); each must now import
 * every value as written, or refuse with a Dutch message naming the row/cell.
 */

const dataRows = (n: number): Written[][] =>
  Array.from({ length: n }, (_, i) => [i + 1, `naam ${i + 1}`, (i + 1) * 1.5]);

describe('case 1: a sheet without <dimension> is read to its end', () => {
  it.each([1_000, 100_000])(
    'exceljs streaming WorkbookWriter, %i rows: every row, checksum equal',
    async (n) => {
      const rows = dataRows(n);
      const bytes = await streamedXlsx([['nr', 'naam', 'bedrag'], ...rows]);
      expect(new TextDecoder().decode(bytes)).not.toContain('<dimension');
      const got = await importRaw('stroom.xlsx', bytes);
      expect(got.error).toBeUndefined();
      expect(got.plan?.rowsRead).toBe(n);
      expect(got.plan?.end).toEqual({ reason: 'sheet' });
      expect(got.rows).toHaveLength(n);
      expect(checksum(got.rows)).toBe(checksum(rows));
    },
    120_000,
  );

  it('a dimension that says A1 (hand-rolled exporters) is not believed', async () => {
    const rowXml = [`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`];
    for (let i = 2; i <= 1001; i++)
      rowXml.push(`<row r="${i}"><c r="A${i}"><v>${i - 1}</v></c></row>`);
    const bytes = rawXlsx({
      sheets: [
        {
          name: 'Blad1',
          xml: sheetXml(rowXml.join('')).replace('<sheetData>', '<dimension ref="A1"/><sheetData>'),
        },
      ],
    });
    const got = await importRaw('a1.xlsx', bytes);
    expect(got.preview?.totalRows).toBe(1001);
    expect(got.rows).toHaveLength(1000);
    expect(got.rows.at(-1)).toEqual([1000]);
  });
});

describe('case 2: a title block over several cells does not beat the real header', () => {
  async function report(): Promise<{ bytes: Uint8Array; data: Written[][] }> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Personeel');
    ws.addRow([
      'Overzicht van de',
      'medewerkers per team,',
      'toestand op',
      'het einde van',
      'het jaar',
    ]);
    ws.addRow(['Vertrouwelijk — enkel voor intern gebruik']);
    ws.mergeCells('A2:E2');
    ws.addRow([null, null, null, null, 'opmerking: voorlopige cijfers']);
    ws.addRow(['Naam', 'Aantal', 'Actief', 'Startdatum', 'Dubbel']);
    const data: Written[][] = [];
    for (let i = 1; i <= 30; i++) {
      const start = new Date(Date.UTC(2020, i % 12, (i % 27) + 1));
      data.push([`Medewerker ${i}`, i, i % 3 !== 0, start, i * 2]);
      ws.addRow([
        `Medewerker ${i}`,
        i,
        i % 3 !== 0,
        start,
        { formula: `B${i + 4}*2`, result: i * 2 },
      ]);
    }
    ws.addRow([]);
    ws.addRow(['Bron: personeelsdienst,', 'bijgewerkt op', '1 maart', 'volgens', 'de HR-export']);
    ws.addRow(['Alle cijfers', 'zijn voorlopig', 'en kunnen nog', 'wijzigen']);
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), data };
  }

  it('header on row 4, 30 typed rows, the notes under the table stay out', async () => {
    const { bytes, data } = await report();
    const got = await importRaw('personeel.xlsx', bytes);
    expect(got.error).toBeUndefined();
    expect(got.preview?.layout).toMatchObject({ headerRow: 3, headerRows: 1, firstDataRow: 4 });
    expect(got.preview?.layout.columns.map((c) => [c.name, c.type])).toEqual([
      ['naam', 'text'],
      ['aantal', 'integer'],
      ['actief', 'boolean'],
      ['startdatum', 'date'],
      ['dubbel', 'integer'],
    ]);
    expect(got.plan).toMatchObject({ rowsRead: 30, validRows: 30, rejectedRows: 0 });
    expect(got.plan?.end).toEqual({ reason: 'notes', row: 35 });
    expect(describeEnd(got.plan!.end!)).toBe('gestopt bij notities vanaf rij 36');
    expect(checksum(got.rows)).toBe(checksum(data));
  });
});

describe('case 3: an empty sheet gets a Dutch message, never SQL text', () => {
  it('a sheet without cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Leeg');
    const got = await importRaw('leeg.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(got.error?.code).toBe('import.empty_sheet');
    expect(got.error?.message).toMatch(/Het blad ‘Leeg’ .* is leeg/);
    expect(got.error?.message).not.toMatch(/syntax|SQL|near/i);
  });

  it.each([
    ['csv', csv('naam;aantal;datum\r\n')],
    ['xlsx', null],
  ])('a header without rows (%s): a table with its columns and no rows', async (kind, bytes) => {
    let file = bytes;
    if (!file) {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Blad1').addRow(['naam', 'aantal', 'datum']);
      file = new Uint8Array(await wb.xlsx.writeBuffer());
    }
    const got = await importRaw(`kop.${kind}`, file);
    expect(got.error).toBeUndefined();
    expect(got.columns).toEqual(['naam', 'aantal', 'datum']);
    expect(got.rows).toEqual([]);
  });
});

describe('case 4: no header at all, and a second header row of units', () => {
  it('numbers from the first row on: columns kolom_1…, every row is data', async () => {
    const got = await importRaw('cijfers.csv', csv('1;0,212;5\r\n2;0,5;6\r\n3;0,7;7\r\n'));
    expect(got.preview?.layout).toMatchObject({ headerRows: 0, firstDataRow: 0 });
    expect(got.columns).toEqual(['kolom_1', 'kolom_2', 'kolom_3']);
    expect(got.rows).toEqual([
      [1, 0.212, 5],
      [2, 0.5, 6],
      [3, 0.7, 7],
    ]);
  });

  it('a row of units in brackets under the labels belongs to the header', async () => {
    const got = await importRaw(
      'eenheden.csv',
      csv(
        'Naam;FTE;Budget;Start\r\n(volledig);(VTE);(EUR);(datum)\r\nAn;0,8;1.200,50;01/02/2024\r\nBen;1;900;15/03/2024\r\n',
      ),
    );
    expect(got.preview?.layout).toMatchObject({ headerRow: 0, headerRows: 2, firstDataRow: 2 });
    expect(got.columns).toEqual(['naam_volledig', 'fte_vte', 'budget_eur', 'start_datum']);
    expect(got.rows).toEqual([
      ['An', 0.8, 1200.5, '2024-02-01'],
      ['Ben', 1, 900, '2024-03-15'],
    ]);
  });
});

describe('case 5: a dot-decimal column is never read as thousands', () => {
  it.each<[string, string, number[], boolean]>([
    [
      '0.x values in a ;-file',
      'a;b\r\nx;0.255\r\ny;0.789\r\nz;0.125\r\n',
      [0.255, 0.789, 0.125],
      false,
    ],
    [
      '0.x values in a ,-file',
      'a,b\r\nx,0.255\r\ny,0.789\r\nz,0.125\r\n',
      [0.255, 0.789, 0.125],
      false,
    ],
    [
      'one 0.x decides for 1.125 too',
      'a;b\r\nx;0.5\r\ny;1.125\r\nz;2.250\r\n',
      [0.5, 1.125, 2.25],
      false,
    ],
    ['a non-3-digit group decides', 'a;b\r\nx;1.5\r\ny;1.125\r\n', [1.5, 1.125], false],
    ['a comma decimal elsewhere decides', 'a;b\r\nx;1,5\r\ny;1.125\r\n', [1.5, 1125], false],
    [
      'only 1.234-like values: Belgian, flagged as a guess',
      'a;b\r\nx;1.234\r\ny;2.500\r\n',
      [1234, 2500],
      true,
    ],
  ])('%s', async (_label, text, expected, guessed) => {
    const got = await importRaw('getallen.csv', csv(text));
    expect(got.rows.map((r) => r[1])).toEqual(expected);
    const column = got.preview?.layout.columns[1];
    expect(column?.numberStyleGuessed ?? false).toBe(guessed);
  });
});

describe('case 6: a damaged file is refused, naming where', () => {
  it('a CSV with an unbalanced quote: no partial import, the row and cell named', async () => {
    const lines = ['nr;naam', '1;"Jan'];
    for (let i = 2; i <= 1003; i++) lines.push(`${i};naam ${i}`);
    const got = await importRaw('kapot.csv', csv(`${lines.join('\r\n')}\r\n`));
    expect(got.error?.code).toBe('import.unclosed_quote');
    expect(got.error?.message).toContain('Rij 2, cel B2');
    expect(got.error?.message).toContain('1.002 regels');
    expect(got.rows).toEqual([]);
  });

  it.each<[string, string, string, RegExp]>([
    [
      'a row whose XML never closes',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c>',
      'import.corrupt_sheet',
      /rij 3 is onvolledig/,
    ],
    [
      'a sheet cut off after its rows',
      '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>',
      'import.corrupt_sheet',
      /afgebroken na rij 2/,
    ],
    [
      'a shared-string index out of range',
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>7</v></c></row>',
      'import.bad_shared_string',
      /Cel B2 verwijst naar tekst nummer 7/,
    ],
  ])('%s', async (label, rows, code, message) => {
    let xml = sheetXml(rows);
    if (label !== 'a shared-string index out of range')
      xml = xml.replace(/<\/sheetData>[\s\S]*$/, '');
    const bytes = rawXlsx({
      sheets: [{ name: 'Blad1', xml }],
      sharedStrings:
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>id</t></si><si><t>naam</t></si></sst>',
    });
    const got = await importRaw('kapot.xlsx', bytes);
    expect(got.error?.code).toBe(code);
    expect(got.error?.message).toMatch(message);
    expect(got.error?.message).toMatch(/Er is niets geïmporteerd/);
    expect(got.rows).toEqual([]);
  });
});

describe('summary: how the end was found, and the range extended by the user', () => {
  it('a totals row stops the data; extending the last row to the sheet reads it too', async () => {
    const { call, session } = await startCore({ reference: false });
    const bytes = csv('naam;aantal\r\nGent;1\r\nGenk;2\r\nTotaal;3\r\n');
    const file = unwrap(await call('import.inspect', { fileName: 'telling.csv', bytes }));
    const sheet = file.sheets[0]!.name;
    const preview = unwrap(await call('import.preview', { fileId: file.fileId, sheet }));
    expect(preview.layout.end).toEqual({ reason: 'total', row: 3 });
    const plan = unwrap(
      await call('import.plan', {
        fileId: file.fileId,
        sheet,
        target: { kind: 'raw', table: 't' },
      }),
    );
    expect(plan.rowsRead).toBe(2);
    expect(describeEnd(plan.end!)).toBe('gestopt bij totaalrij 4');
    const extended = unwrap(
      await call('import.run', {
        fileId: file.fileId,
        sheet,
        target: { kind: 'raw', table: 't' },
        layout: { lastDataRow: preview.totalRows - 1 },
        acceptValidRows: false,
      }),
    );
    expect(extended.plan.rowsRead).toBe(3);
    expect(extended.plan.end).toEqual({ reason: 'sheet' });
    expect(session.db.exec('SELECT naam, aantal FROM t')[0]?.values).toEqual([
      ['Gent', 1],
      ['Genk', 2],
      ['Totaal', 3],
    ]);
  });
});
