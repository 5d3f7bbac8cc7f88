import { describe, expect, it } from 'vitest';
import { SharedStringPool, sharedStringsOf } from '../../../src/core/import/readers/xlsx/parts';
import { open, rawXlsx, sheetXml } from './fixtures';
import { plainNumberAt, SheetScanner } from '../../../src/core/import/readers/xlsx/sheet';

/** The scanner's slice-free number reading must give exactly what `+text` gives, or NaN. */
const read = (text: string) => plainNumberAt(`<v>${text}</v>`, 3, 3 + text.length);

describe('plainNumberAt: the cell scanner reads plain decimals as JavaScript does', () => {
  it.each([
    '0',
    '-0',
    '7',
    '-12',
    '0.125',
    '0.1',
    '0.2',
    '0.3',
    '1234.5',
    '-1234.56',
    '5.',
    '.5',
    '-.5',
    '00012',
    '45292',
    '45292.5',
    '123456789012345',
    '0.00000000000001',
    '99999999999999.9',
    '9007199254740.99',
  ])('%s → the same double as +text', (text) => {
    expect(Object.is(read(text), +text)).toBe(true);
  });

  // Anything else is left to the usual conversion (NaN means: not read here).
  it.each([
    '',
    '-',
    '.',
    '1e5',
    '1E-3',
    '+5',
    ' 5',
    '5 ',
    '1.2.3',
    '0x10',
    'Infinity',
    '1234567890123456',
    '0.0000000000000001',
    '12a',
  ])('%j → NaN (not a plain decimal of at most 15 digits)', (text) => {
    expect(read(text)).toBeNaN();
  });

  it('agrees with +text on 200,000 generated decimals (1–15 digits, any point position)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const wrong: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const digits = 1 + Math.floor(random() * 15);
      let text = '';
      for (let d = 0; d < digits; d++) text += String(Math.floor(random() * 10));
      const point = Math.floor(random() * (digits + 1));
      if (point < digits && random() < 0.8) text = `${text.slice(0, point)}.${text.slice(point)}`;
      if (random() < 0.3) text = `-${text}`;
      if (!Object.is(read(text), +text)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });
});

/** The rows a worksheet's XML gives, each as its sheet row number (1-based) → first cell. */
function scanRows(rowsXml: string): Record<number, unknown> {
  const scanner = new SheetScanner({
    sharedStrings: sharedStringsOf([]),
    dateStyles: [],
    date1904: false,
  });
  scanner.push(`<worksheet><sheetData>${rowsXml}</sheetData></worksheet>`, true);
  const out: Record<number, unknown> = {};
  scanner.take().rows.forEach((cells, i) => {
    if (cells.length > 0) out[i + 1] = cells[0];
  });
  return out;
}

describe('row numbers read in place from <row r="…">', () => {
  it.each([
    { label: 'r first', xml: '<row r="3"><c><v>1</v></c></row>', rows: { 3: 1 } },
    { label: 'r after spans', xml: '<row spans="1:2" r="5"><c><v>2</v></c></row>', rows: { 5: 2 } },
    { label: 'single quotes', xml: "<row r='7'><c><v>3</v></c></row>", rows: { 7: 3 } },
    { label: 'a tab before r', xml: '<row\tr="4"><c><v>4</v></c></row>', rows: { 4: 4 } },
    {
      label: 'no r: the next row',
      xml: '<row r="2"><c><v>5</v></c></row><row><c><v>6</v></c></row>',
      rows: { 2: 5, 3: 6 },
    },
    {
      label: 'an attribute ending in r',
      xml: '<row customr="9" r="6"><c><v>7</v></c></row>',
      rows: { 6: 7 },
    },
    {
      label: 'r="1" then gaps',
      xml: '<row r="1"><c><v>8</v></c></row><row r="10"><c><v>9</v></c></row>',
      rows: { 1: 8, 10: 9 },
    },
  ])('$label', ({ xml, rows }) => {
    expect(scanRows(xml)).toEqual(rows);
  });

  it("a row number beyond Excel's last row is refused, as before", () => {
    expect(() => scanRows('<row r="2000000"><c><v>1</v></c></row>')).toThrow(/meer dan/);
    expect(() => scanRows('<row r="12345678901"><c><v>1</v></c></row>')).toThrow(/meer dan/);
  });
});

describe('SharedStringPool: plain strings for a small table, a UTF-8 pool past the limit', () => {
  it('gives every string back, before and after the table outgrows plain strings', () => {
    const pool = new SharedStringPool();
    const expected: string[] = [];
    const add = (text: string) => {
      pool.push(text);
      expected.push(text);
    };
    add('Sint-Niklaas');
    add('');
    add('Œuvre ’t Kempens – ja');
    for (let i = 0; i < 3; i++) add(`${i}`.repeat(1 << 20)); // 3 Mi characters so far
    const check = () => {
      expect(pool.length).toBe(expected.length);
      expected.forEach((text, i) => expect(pool.get(i)).toBe(text));
      expect(pool.get(expected.length)).toBeUndefined();
      expect(pool.get(-1)).toBeUndefined();
    };
    check();
    // Past 8 Mi characters the strings move to the byte pool: still the same strings.
    for (let i = 0; i < 6; i++) add(`é${i}`.repeat(1 << 19));
    add('🙂 Éléonore');
    pool.trim();
    check();
  });
});

describe('readRows countOnly: the rows of a sheet without its cells', () => {
  it('counts as many rows as a full read, gaps, formatting-only rows and rows without r included', async () => {
    const rows = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>naam</t></is></c><c r="B1" t="inlineStr"><is><t>vte</t></is></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c><c r="B2"><v>0.5</v></c></row>',
      '<row r="5"><c r="A5" t="inlineStr"><is><t>Bo</t></is></c></row>', // rows 3–4 absent
      '<row><c t="inlineStr"><is><t>zonder r</t></is></c></row>', // row 6
      '<row r="9" ht="20" customHeight="1"/>', // formatting only, rows 7–8 absent
      '<row r="10"><c r="A10" s="0"/></row>', // a styled empty cell
    ].join('');
    const reader = await open(rawXlsx({ sheets: [{ name: 'Blad1', xml: sheetXml(rows) }] }));
    const counted = async (countOnly: boolean) => {
      let count = 0;
      let cells = 0;
      const read = await reader.readRows(
        'Blad1',
        (batch, first) => {
          count = first + batch.length;
          cells += batch.reduce((n, row) => n + row.filter((v) => v !== null).length, 0);
        },
        { countOnly, batchSize: 2 },
      );
      expect(read.ok).toBe(true);
      return { count, cells };
    };
    const full = await counted(false);
    expect(full).toEqual({ count: 10, cells: 6 });
    expect(await counted(true)).toEqual({ count: 10, cells: 0 });
  });
});
