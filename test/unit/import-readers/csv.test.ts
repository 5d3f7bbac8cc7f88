import { describe, expect, it } from 'vitest';
import { CsvChunkParser, countCsvRows, parseCsvText } from '../../../src/core/import/readers/csv';
import {
  detectDelimiter,
  detectEncoding,
  isValidUtf8,
} from '../../../src/core/import/readers/dialect';
import type { CellValue } from '../../../src/core/import/types';
import { openWorkbook, readAllRows } from '../../../src/core/import/readers/workbook';
import { exceljsBytes, open, rowsOf } from './fixtures';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[(bom ? 2 : 0) + i * 2] = c & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = c >> 8;
  }
  return out;
};
const utf16be = (text: string) => {
  const le = utf16le(text);
  for (let i = 0; i < le.length; i += 2)
    [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return le;
};
/** Windows-1252 bytes for the few non-ASCII characters the tests use. */
const cp1252 = (text: string) =>
  Uint8Array.from(
    [...text].map((ch) => ({ é: 0xe9, ë: 0xeb, '€': 0x80, ï: 0xef })[ch] ?? ch.charCodeAt(0)),
  );

const BELGIAN =
  'Gemeente;Bedrag;Opmerking\r\nGeraardsbergen;€ 1.234,56;"Zoë zei ""ja""; daarna nee"\r\nOverijse;12,5;Café\r\n';
const EXPECTED: CellValue[][] = [
  ['Gemeente', 'Bedrag', 'Opmerking'],
  ['Geraardsbergen', '€ 1.234,56', 'Zoë zei "ja"; daarna nee'],
  ['Overijse', '12,5', 'Café'],
];

describe('CSV files: encoding and delimiter detected', () => {
  it.each([
    ['UTF-8 without BOM', utf8(BELGIAN), 'utf-8', false],
    ['UTF-8 with BOM', utf8(`\ufeff${BELGIAN}`), 'utf-8', true],
    ['UTF-16LE with BOM', utf16le(BELGIAN), 'utf-16le', true],
    ['UTF-16BE with BOM', utf16be(BELGIAN), 'utf-16be', true],
    ['UTF-16LE without BOM', utf16le(BELGIAN, false), 'utf-16le', false],
    ['Windows-1252 (é, ë, €)', cp1252(BELGIAN), 'windows-1252', false],
  ] as const)('%s', async (_label, bytes, encoding, bom) => {
    const reader = await open(bytes, 'gemeenten.csv');
    expect(reader.format).toBe('csv');
    expect(reader.dialect).toEqual({ encoding, delimiter: ';', bom });
    expect(reader.sheets).toEqual([{ name: 'gemeenten', rowCount: 3 }]);
    expect(await rowsOf(reader)).toEqual(EXPECTED);
  });

  it.each([
    ['a;b;c\n1;2;3\n4;5;6\n', ';'],
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    // Decimal commas inside a ;-file must not win: counts differ per line.
    ['naam;bedrag\nA;1,5\nB;2\nC;3,25\n', ';'],
    // Delimiters inside quotes do not count.
    ['"a;x",b,c\n"1;2;3",2,3\n', ','],
  ] as const)('delimiter of %j is %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('takes overrides for encoding and delimiter', async () => {
    const reader = await open(cp1252('a,b;c\r\né,€;x\r\n'), 'x.csv');
    expect(reader.dialect?.delimiter).toBe(';');
    const forced = await import('../../../src/core/import/readers/workbook').then((m) =>
      m.openWorkbook(cp1252('a,b;c\r\né,€;x\r\n'), 'x.csv', {
        delimiter: ',',
        encoding: 'windows-1252',
      }),
    );
    if (!forced.ok) throw new Error(forced.error.message);
    expect(await rowsOf(forced.value)).toEqual([
      ['a', 'b;c'],
      ['é', '€;x'],
    ]);
  });

  it('reads a .tsv with tabs', async () => {
    const reader = await open(utf8('a\tb\n1\t2\n'), 'data.tsv');
    expect(reader.dialect?.delimiter).toBe('\t');
    expect(await rowsOf(reader)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty lines as empty rows and empty fields as null', async () => {
    const reader = await open(utf8('Titel\r\n\r\na;b;c\r\n1;;3\r\n;;\r\n'), 'x.csv');
    expect(await rowsOf(reader)).toEqual([
      ['Titel'],
      [],
      ['a', 'b', 'c'],
      ['1', null, '3'],
      [null, null, null],
    ]);
  });

  it('keeps a multi-byte character split over the 256 KB decoding chunks intact', async () => {
    // Put "é" (2 bytes), "€" (3 bytes) and "🙂" (4) right across the reader's first chunk boundary.
    const boundary = 1 << 18;
    const head = 'tekst\n';
    // Lines of 100 characters (a cell may hold at most 32,767), the last one cut by the boundary.
    const room = boundary - head.length - 1;
    const lines = Math.floor(room / 100);
    const last = 'a'.repeat(room - lines * 100);
    const filler = `${'a'.repeat(99)}\n`.repeat(lines) + last;
    for (const ch of ['é', '€', '🙂']) {
      const text = `${head}${filler}${ch}b\nvolgende ${ch}\n`;
      const reader = await open(utf8(text), 'grens.csv');
      const rows = await rowsOf(reader);
      expect(rows).toHaveLength(lines + 3);
      expect(rows[lines + 1]?.[0]).toBe(`${last}${ch}b`);
      expect(rows[lines + 2]?.[0]).toBe(`volgende ${ch}`);
      expect(JSON.stringify(rows)).not.toContain('\ufffd');
    }
  });

  it('streams in batches with true row indices, stops at maxRows and on cancel', async () => {
    const text = Array.from({ length: 25 }, (_, i) => `r${i};${i}`).join('\n');
    const reader = await open(utf8(text), 'x.csv');
    const seen: number[] = [];
    const result = await reader.readRows('x', (rows, first) => void seen.push(first, rows.length), {
      batchSize: 10,
      maxRows: 22,
    });
    expect(result).toEqual({ ok: true, value: { rowCount: 22 } });
    expect(seen).toEqual([0, 10, 10, 10, 20, 2]);
    const controller = new AbortController();
    controller.abort();
    const cancelled = await reader.readRows('x', () => undefined, { signal: controller.signal });
    expect(cancelled.ok).toBe(false);
  });
});

describe('CSV parsing', () => {
  const tricky = 'a;"b ""q""";"line\r\nbreak"\r\n;"";x\r\n"last;one"';
  it('parses the same rows however the text is cut into chunks', () => {
    const whole: CellValue[][] = [];
    new CsvChunkParser(';').push(tricky, true, whole);
    expect(whole).toEqual([['a', 'b "q"', 'line\r\nbreak'], [null, null, 'x'], ['last;one']]);
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvChunkParser(';');
      const out: CellValue[][] = [];
      for (let p = 0; p < tricky.length; p += size)
        parser.push(tricky.slice(p, p + size), p + size >= tricky.length, out);
      expect(out).toEqual(whole);
    }
  });

  it('parses the same rows with the text cut in two or three anywhere (lone CRs, quoted line breaks, empty lines)', () => {
    const text =
      'id;naam;opmerking\n1;"Zoë ""Z"" D\'Hondt";"twee\nregels"\r\n\n2;Gent;\r3;"a;b";"x\r\ny\nz"\n4;;"\n"\n5;laatste;rij';
    const whole: CellValue[][] = [];
    new CsvChunkParser(';').push(text, true, whole);
    expect(whole).toHaveLength(7);
    expect(whole[1]).toEqual(['1', 'Zoë "Z" D\'Hondt', 'twee\nregels']);
    expect(whole[4]).toEqual(['3', 'a;b', 'x\r\ny\nz']);
    const cutAt = (cuts: number[]) => {
      const parser = new CsvChunkParser(';');
      const out: CellValue[][] = [];
      const bounds = [0, ...cuts, text.length];
      for (let k = 0; k + 1 < bounds.length; k++)
        parser.push(text.slice(bounds[k], bounds[k + 1]), k + 2 === bounds.length, out);
      return out;
    };
    for (let a = 1; a < text.length; a++) {
      expect(cutAt([a]), `cut at ${a}`).toEqual(whole);
      for (let b = a + 1; b < text.length; b += 3)
        expect(cutAt([a, b]), `cuts at ${a}, ${b}`).toEqual(whole);
    }
  });

  it('parseCsvText keeps its contract (empty fields are empty strings)', () => {
    expect(parseCsvText('a,b\r\n1,"x,y"\r\n,\r\n')).toEqual([
      ['a', 'b'],
      ['1', 'x,y'],
      ['', ''],
    ]);
    expect(parseCsvText('\ufeffa;b\n1;2', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it.each([
    ['a\nb\nc\n', 3],
    ['a\nb\nc', 3],
    ['a\r\nb\r\n', 2],
    ['a\rb\rc', 3],
    ['"x\ny"\nz\n', 2],
    ['', 0],
  ])('counts rows of %j as %d', (text, rows) => {
    expect(countCsvRows(utf8(text), 'utf-8', 0)).toBe(rows);
    if (text !== '') expect(countCsvRows(utf16le(text), 'utf-16le', 2)).toBe(rows);
  });

  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], 'utf-8', true],
    [[0xff, 0xfe, 0x61, 0], 'utf-16le', true],
    [[0xfe, 0xff, 0, 0x61], 'utf-16be', true],
    [[0x63, 0x61, 0x66, 0xc3, 0xa9], 'utf-8', false],
    [[0x63, 0x61, 0x66, 0xe9], 'windows-1252', false],
  ] as const)('encoding of %j is %s', (bytes, encoding, bom) => {
    expect(detectEncoding(Uint8Array.from(bytes))).toMatchObject({ encoding, bom });
  });

  it('validates UTF-8 strictly, also past long ASCII runs', () => {
    const ascii = 'x'.repeat(1001);
    expect(isValidUtf8(utf8(`${ascii}é${ascii}€🙂`))).toBe(true);
    expect(isValidUtf8(Uint8Array.from([...utf8(ascii), 0xe9, 0x41]))).toBe(false);
    expect(isValidUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(false); // overlong
    expect(isValidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(false); // surrogate
  });
});

describe('CSV streamed from a byte source (the CLI reads files from disk in pieces)', () => {
  const sourceOf = (bytes: Uint8Array) => {
    let reads = 0;
    return {
      source: {
        size: bytes.length,
        read: (offset: number, length: number) => {
          reads++;
          return Promise.resolve(bytes.slice(offset, offset + length));
        },
      },
      reads: () => reads,
    };
  };
  const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  /** ~2.5 MB: quoted fields with `;` and line breaks cross the 1 MB piece boundaries. */
  const long = (accent: string, tail = '') => {
    const lines = ['nr;naam;opmerking'];
    for (let i = 1; i <= 30_000; i++)
      lines.push(`${i};Zoë ${accent}${i};"een ""lange""; opmerking\r\nover twee regels ${i}"`);
    return `${lines.join('\r\n')}\r\n${tail}`;
  };

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(long('é'))])],
    ['UTF-8 without BOM', utf8(long('€'))],
    ['Windows-1252 only after the first 64 KB', utf8(long('e', 'laatste;Café;x'))],
    ['CR line ends, no last line break', utf8('a;b\rc;d\re;f')],
    ['a quoted field cut by the end of the file', utf8('a;b\r\n"c;d')],
  ])('%s: same dialect, row count and rows as from bytes', async (_name, raw) => {
    const bytes =
      _name === 'Windows-1252 only after the first 64 KB'
        ? new Uint8Array([...raw.subarray(0, raw.length - 5), ...latin1('Café')])
        : raw;
    const fromBytes = await openWorkbook(bytes, 'gegevens.csv');
    const { source, reads } = sourceOf(bytes);
    const fromSource = await openWorkbook(source, 'gegevens.csv');
    if (!fromBytes.ok || !fromSource.ok) throw new Error('not opened');
    expect(fromSource.value.dialect).toEqual(fromBytes.value.dialect);
    expect(fromSource.value.dialect?.encoding).toBe(
      _name.startsWith('Windows') ? 'windows-1252' : 'utf-8',
    );
    expect(fromSource.value.sheets).toEqual(fromBytes.value.sheets);
    const a = await readAllRows(fromBytes.value, 'gegevens');
    const b = await readAllRows(fromSource.value, 'gegevens');
    expect(b).toEqual(a);
    if (bytes.length > 2 << 20) expect(reads()).toBeGreaterThan(4);
  });

  it.each([
    ['an xlsx', 'gegevens.xlsx'],
    ['UTF-16', 'gegevens.csv'],
  ])('%s is read whole and opened as from bytes', async (name, fileName) => {
    const bytes =
      name === 'UTF-16'
        ? utf16le('a;b\r\n1;2\r\n')
        : await exceljsBytes((wb) => {
            const sheet = wb.addWorksheet('Blad1');
            sheet.addRow(['a']);
            sheet.addRow([1]);
          });
    const { source } = sourceOf(bytes);
    const opened = await openWorkbook(source, fileName);
    if (!opened.ok) throw new Error(opened.error.message);
    const rows = await readAllRows(opened.value, opened.value.sheets[0]!.name);
    expect(rows.ok && rows.value).toEqual(
      name === 'UTF-16'
        ? [
            ['a', 'b'],
            ['1', '2'],
          ]
        : [['a'], [1]],
    );
  });
});
