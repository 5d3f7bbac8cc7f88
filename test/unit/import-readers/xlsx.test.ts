import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { detectSheetLayout } from '../../../src/core/import/readers/layout';
import { isDateFormatCode } from '../../../src/core/import/readers/xlsx/parts';
import {
  readZipDirectory,
  setPlatformInflate,
  useNativeInflate,
} from '../../../src/core/import/readers/xlsx/zip';
import { inflateWithNodeZlib } from '../../../src/cli/commands/import';
import { openWorkbook, readAllRows } from '../../../src/core/import/readers/workbook';
import { ByteSkip } from '../../../src/core/import/readers/xlsx/reader';
import { exceljsBytes, open, rawXlsx, rowsOf, sheetXml } from './fixtures';

afterEach(() => {
  useNativeInflate(undefined);
  setPlatformInflate(undefined);
});

type Inflater = 'native' | 'fflate' | 'node:zlib (CLI)';
const INFLATERS: Inflater[] = ['native', 'fflate', 'node:zlib (CLI)'];
function useInflater(inflater: Inflater): void {
  if (inflater === 'node:zlib (CLI)') inflateWithNodeZlib();
  else useNativeInflate(inflater === 'native');
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('xlsx written by exceljs', () => {
  it('reads a municipal report: title and date above the header, merges, formulas, totals', async () => {
    const bytes = await exceljsBytes((wb) => {
      const ws = wb.addWorksheet('Rapport');
      ws.addRow(['Inwoners per gemeente']);
      ws.addRow([day(2021, 12, 31)]);
      ws.addRow([]);
      ws.addRow(['NIS-code', 'Gemeente', 'Inwoners', 'Peildatum', 'Aandeel']);
      ws.addRow([11001, 'Aartselaar', 14427, day(2021, 1, 5), 0.125]);
      ws.addRow([21004, 'Brussel & "co"', { formula: 'C5*2', result: 28854 }, '31/12/2021', 0.5]);
      ws.addRow([44021, 'Gent', 262219, 44561, { formula: 'E5+E6', result: 0.625 }]);
      ws.addRow([]);
      ws.addRow(['Totaal', null, { formula: 'SUM(C5:C7)', result: 305500 }]);
      ws.addRow(['Bron: Statbel']);
      ws.mergeCells('A1:E1');
      ws.getCell('A2').numFmt = 'd mmmm yyyy';
      ws.getCell('D5').numFmt = 'dd/mm/yyyy';
      wb.addWorksheet('Verborgen', { state: 'hidden' }).addRow(['geheim']);
    });
    const reader = await open(bytes, 'rapport.xlsx');
    expect(reader.sheets).toEqual([
      { name: 'Rapport', rowCount: 10 },
      { name: 'Verborgen', rowCount: 1, hidden: true },
    ]);
    const rows = await rowsOf(reader, 'Rapport');
    expect(rows.slice(0, 7)).toEqual([
      ['Inwoners per gemeente'],
      [{ date: '2021-12-31' }],
      [],
      ['NIS-code', 'Gemeente', 'Inwoners', 'Peildatum', 'Aandeel'],
      [11001, 'Aartselaar', 14427, { date: '2021-01-05' }, 0.125],
      [21004, 'Brussel & "co"', 28854, '31/12/2021', 0.5],
      [44021, 'Gent', 262219, 44561, 0.625],
    ]);
    expect(await reader.merges('Rapport')).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);

    const detected = await detectSheetLayout(reader, 'Rapport');
    if (!detected.ok) throw new Error(detected.error.message);
    const { layout } = detected.value;
    expect(layout).toMatchObject({ headerRow: 3, headerRows: 1, firstDataRow: 4, lastDataRow: 6 });
    expect(layout.columns.map((c) => [c.name, c.type])).toEqual([
      ['nis_code', 'nis_code'],
      ['gemeente', 'text'],
      ['inwoners', 'integer'],
      ['peildatum', 'date'],
      ['aandeel', 'decimal'],
    ]);
    expect(await rowsOf(reader, 'Verborgen')).toEqual([['geheim']]);
  });

  it('joins a merged two-row header as "Groep / Kolom"', async () => {
    const bytes = await exceljsBytes((wb) => {
      const ws = wb.addWorksheet('VTE');
      ws.addRow(['Gemeente', 'Begroting', null, 'Realisatie', null]);
      ws.addRow([null, 'VTE', 'Bedrag', 'VTE', 'Bedrag']);
      ws.addRow(['Gent', 2.5, '€ 40.000', 2, '€ 31.500,50']);
      ws.addRow(['Genk', 1, '€ 16.000', 1.5, '€ 24.000']);
      ws.mergeCells('A1:A2');
      ws.mergeCells('B1:C1');
      ws.mergeCells('D1:E1');
    });
    const reader = await open(bytes);
    const detected = await detectSheetLayout(reader, 'VTE');
    if (!detected.ok) throw new Error(detected.error.message);
    const { layout } = detected.value;
    expect(layout).toMatchObject({ headerRow: 0, headerRows: 2, firstDataRow: 2, lastDataRow: 3 });
    expect(layout.columns.map((c) => [c.header, c.name, c.type])).toEqual([
      ['Gemeente', 'gemeente', 'text'],
      ['Begroting / VTE', 'begroting_vte', 'decimal'],
      ['Begroting / Bedrag', 'begroting_bedrag', 'currency'],
      ['Realisatie / VTE', 'realisatie_vte', 'decimal'],
      ['Realisatie / Bedrag', 'realisatie_bedrag', 'currency'],
    ]);
  });

  it('reads rich text shared strings, booleans, errors and the 1904 date system', async () => {
    const bytes = await exceljsBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Blad1');
      ws.addRow([
        { richText: [{ text: 'Zoë ', font: { bold: true } }, { text: 'Van den Broeck' }] },
        true,
        false,
      ]);
      ws.addRow([{ formula: '1/0', result: { error: '#DIV/0!' } }, day(2021, 12, 31)]);
    });
    const reader = await open(bytes);
    expect(reader.date1904).toBe(true);
    expect(await rowsOf(reader)).toEqual([
      ['Zoë Van den Broeck', true, false],
      ['#DIV/0!', { date: '2021-12-31' }],
    ]);
  });
});

describe('xlsx written by hand (what exceljs never writes)', () => {
  const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="d/mm/yy;@"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;dagen&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`;

  it('reads inline strings, prefixed XML, entities, phonetic runs and custom date formats', async () => {
    const rows =
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> Café &amp; co &#x20AC; &lt;5&gt; </x:t></x:is></x:c><x:c r="C1" t="s"><x:v>0</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" s="1"><x:v>44561</x:v></x:c><x:c r="B3" s="2"><x:v>2.5</x:v></x:c><x:c r="C3" s="3"><x:v>44562.75</x:v></x:c><x:c r="D3" t="str"><x:f>A1</x:f><x:v>tekst_x000D_regel</x:v></x:c></x:row>';
    const bytes = rawXlsx({
      sheets: [{ name: 'Gegevens', xml: sheetXml(rows, '', 'x:') }],
      sharedStrings:
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Sint-</t></r><r><rPr><b/></rPr><t>Niklaas</t></r><rPh sb="0" eb="1"><t>シ</t></rPh></si></sst>',
      styles,
    });
    const reader = await open(bytes);
    expect(reader.sheets).toEqual([{ name: 'Gegevens', rowCount: null }]);
    expect(await rowsOf(reader)).toEqual([
      [' Café & co € <5> ', null, 'Sint-Niklaas'],
      [],
      [{ date: '2021-12-31' }, 2.5, { date: '2022-01-01T18:00:00' }, 'tekst\rregel'],
    ]);
  });

  it.each([
    ['d/mm/yy;@', true],
    ['[$-813]dddd d mmmm yyyy', true],
    ['hh:mm', true],
    ['#,##0.00 "dagen"', false],
    ['0.00%', false],
    ['[Red]#,##0', false],
    ['General', false],
    ['"jaar" 0', false],
  ])('format %j is a date format: %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });

  it.each(INFLATERS)(
    'keeps every accented character across inflate and decoder chunks (inflate: %s)',
    async (inflater) => {
      useInflater(inflater);
      // ~3 MB of sheet XML full of multi-byte characters: every chunk boundary falls somewhere
      // inside or between them.
      const words = ['é', 'ë', '€', 'ï', '🙂', 'Ω', 'ß'];
      const expected: string[] = [];
      let xml = '';
      for (let r = 1; r <= 20_000; r++) {
        const text = `${words[r % words.length]}${'x'.repeat(r % 13)}${words[(r * 7) % words.length]} ${r}`;
        expected.push(text);
        xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`;
      }
      const reader = await open(
        rawXlsx({ sheets: [{ name: 'Blad1', xml: sheetXml(xml) }], level: 1 }),
      );
      const rows = await rowsOf(reader);
      expect(rows.length).toBe(20_000);
      expect(rows.map((r) => r[0])).toEqual(expected);
      expect(rows.map((r) => r[1])).toEqual(expected.map((_t, i) => i + 1));
    },
  );

  it('delivers batches with true row numbers and stops at maxRows', async () => {
    let xml = '';
    for (let r = 1; r <= 30; r++)
      xml += r === 7 ? '' : `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    const reader = await open(rawXlsx({ sheets: [{ name: 'S', xml: sheetXml(xml) }] }));
    const firsts: number[] = [];
    const all: unknown[] = [];
    const result = await reader.readRows(
      'S',
      (rows, first) => {
        firsts.push(first);
        all.push(...rows);
      },
      { batchSize: 8, maxRows: 20 },
    );
    expect(result).toEqual({ ok: true, value: { rowCount: 20 } });
    expect(firsts).toEqual([0, 8, 16]);
    expect(all[6]).toEqual([]);
    expect(all[19]).toEqual([20]);
  });
});

describe('files we refuse, clearly', () => {
  const ole = (extra = '') => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...extra].forEach((ch, i) => {
      b[1024 + i * 2] = ch.charCodeAt(0);
    });
    return b;
  };
  const odsZip = zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
    'content.xml': strToU8('<x/>'),
  });

  it.each([
    ['oud.xls', ole(), 'import.xls_not_supported', /Opslaan als > Excel-werkmap \(\.xlsx\)/],
    [
      'geheim.xlsx',
      ole('EncryptedPackage'),
      'import.password_protected',
      /beveiligd met een wachtwoord/,
    ],
    [
      'tabel.ods',
      odsZip,
      'import.ods_not_supported',
      /LibreOffice Calc .* Opslaan als > Excel-werkmap/,
    ],
    ['hernoemd.xlsx', odsZip, 'import.ods_not_supported', /OpenDocument/],
    [
      'kapot.xlsx',
      strToU8('PK\u0003\u0004 dit is geen zip'),
      'import.corrupt_file',
      /geen geldige Excel-werkmap/,
    ],
    [
      'tekst.xlsx',
      strToU8('gewoon tekst'),
      'import.corrupt_file',
      /beschadigd of heeft een verkeerde extensie/,
    ],
    ['leeg.csv', new Uint8Array(0), 'import.empty_file', /is leeg/],
    [
      'foto.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 0, 0]),
      'import.unknown_format',
      /geen rekenblad/,
    ],
    ['werk.xlsb', zipSync({ 'x.bin': strToU8('x') }), 'import.xlsb_not_supported', /\.xlsb/],
  ])('%s → %s', async (name, bytes, code, message) => {
    const result = await openWorkbook(bytes, name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });

  it.each(INFLATERS)(
    'reports a damaged worksheet as a corrupt file, not a crash (inflate: %s)',
    async (inflater) => {
      useInflater(inflater);
      const good = rawXlsx({
        sheets: [
          { name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(2000)) },
        ],
      });
      const entry = readZipDirectory(good).get('xl/worksheets/sheet1.xml');
      if (!entry) throw new Error('no sheet');
      const broken = good.slice();
      const start = entry.headerOffset + 30 + 'xl/worksheets/sheet1.xml'.length;
      // Keep the first bytes (the reader peeks at the start for the row count), ruin the rest.
      for (let i = start + 40; i < start + entry.compressedSize; i++) broken[i] = 0xff;
      const reader = await open(broken);
      const rows = await reader.readRows('S', () => undefined);
      expect(rows.ok).toBe(false);
      if (!rows.ok)
        expect(rows.error).toMatchObject({
          code: 'import.corrupt_file',
          message: /Het werkblad ‘S’ is beschadigd/,
        });
    },
  );
});

describe('xlsx read part by part from a byte source (the CLI reads files from disk)', () => {
  const sourceOf = (bytes: Uint8Array) => ({
    size: bytes.length,
    read: (offset: number, length: number) => Promise.resolve(bytes.slice(offset, offset + length)),
  });

  it.each(INFLATERS)(
    'same sheets, rows and merges as from bytes (inflate: %s)',
    async (inflater) => {
      useInflater(inflater);
      const bytes = await exceljsBytes((wb) => {
        const a = wb.addWorksheet('Gemeenten');
        a.addRow(['Overzicht 2024']);
        a.mergeCells('A1:C1');
        a.addRow(['NIS-code', 'Gemeente', 'VTE']);
        for (let i = 0; i < 3000; i++) a.addRow([11000 + i, `Gemeente ${i} – Zoë’s`, i / 10]);
        wb.addWorksheet('Leeg');
      });
      const fromBytes = await openWorkbook(bytes, 'g.xlsx');
      const fromSource = await openWorkbook(sourceOf(bytes), 'g.xlsx');
      if (!fromBytes.ok || !fromSource.ok) throw new Error('not opened');
      expect(fromSource.value.sheets).toEqual(fromBytes.value.sheets);
      expect(await fromSource.value.merges('Gemeenten')).toEqual(
        await fromBytes.value.merges('Gemeenten'),
      );
      const rows = await readAllRows(fromSource.value, 'Gemeenten');
      expect(rows).toEqual(await readAllRows(fromBytes.value, 'Gemeenten'));
      expect(rows.ok && rows.value[3000]).toEqual([13998, 'Gemeente 2998 – Zoë’s', 299.8]);
    },
  );

  it('a zip whose central directory starts before the last 64 KB', async () => {
    // 3,000 more parts make a ~300 KB central directory: it is read from where it starts.
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 3000; i++) files[`extra/part-${i}-${'x'.repeat(40)}.bin`] = strToU8('x');
    const base = rawXlsx({
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>7</v></c></row>') }],
    });
    const parts: Record<string, Uint8Array> = { ...files };
    const { unzipSync } = await import('fflate');
    Object.assign(parts, unzipSync(base));
    const big = zipSync(parts, { level: 1 });
    const opened = await openWorkbook(sourceOf(big), 'x.xlsx');
    if (!opened.ok) throw new Error(opened.error.message);
    expect(await readAllRows(opened.value, 'S')).toEqual({ ok: true, value: [[7]] });
  });
});

describe('merges found past the cells without decoding them', () => {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // The end tag cut at every place, after text with multi-byte characters and near misses.
  const before = '<c t="inlineStr"><is><t>Zoë’s hh </sheetDat </x:sheetDatum></t></is></c></row>';
  const after = '<x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells>';
  const stream = encoder.encode(`${before}</x:sheetData>${after}`);
  const cases = [1, 2, 5, 13, 14, 40, stream.length].flatMap((size) =>
    [0, 3, 9].map((tail) => ({ size, tail })),
  );
  it.each(cases)('chunks of $size bytes, $tail characters kept back', ({ size, tail }) => {
    // The first `tail` characters come as the text kept back; the rest as bytes.
    const skip = new ByteSkip('</x:sheetData>', before.slice(0, tail));
    const bytes = encoder.encode(before.slice(tail) + `</x:sheetData>${after}`);
    let found: string | undefined;
    for (let at = 0; at < bytes.length && found === undefined; at += size) {
      const rest = skip.past(bytes.subarray(at, at + size));
      if (rest) found = decoder.decode(rest) + decoder.decode(bytes.subarray(at + size));
    }
    expect(found).toBe(`</x:sheetData>${after}`);
  });

  it('the tag split between the text kept back and the bytes', () => {
    const skip = new ByteSkip('</sheetData>', 'ë</sheet');
    expect(decoder.decode(skip.past(encoder.encode('Data><mergeCells/>')))).toBe(
      '</sheetData><mergeCells/>',
    );
  });

  it('no end tag: nothing found', () => {
    const skip = new ByteSkip('</sheetData>', '');
    expect(skip.past(encoder.encode('</sheetDat</sheetdata>'))).toBeUndefined();
  });

  it.each(INFLATERS)(
    'a sheet of many chunks with a namespace prefix and accents (inflate: %s)',
    async (inflater) => {
      useInflater(inflater);
      const rows: string[] = [];
      for (let r = 1; r <= 20_000; r++)
        rows.push(
          `<x:row r="${r}"><x:c r="A${r}" t="inlineStr"><x:is><x:t>Zoë’s huis ${r} &lt;/sheetData&gt;</x:t></x:is></x:c><x:c r="B${r}"><x:v>${r}</x:v></x:c></x:row>`,
        );
      const xml = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows.join('')}</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="C5:D9"/></x:mergeCells></x:worksheet>`;
      expect(xml.length).toBeGreaterThan(1 << 20);
      const opened = await openWorkbook(rawXlsx({ sheets: [{ name: 'S', xml }] }), 's.xlsx');
      if (!opened.ok) throw new Error(opened.error.message);
      expect(await opened.value.merges('S')).toEqual([
        { top: 0, left: 0, bottom: 0, right: 1 },
        { top: 4, left: 2, bottom: 8, right: 3 },
      ]);
      const all = await readAllRows(opened.value, 'S');
      expect(all.ok && all.value[19_999]).toEqual(['Zoë’s huis 20000 </sheetData>', 20000]);
    },
  );
});
