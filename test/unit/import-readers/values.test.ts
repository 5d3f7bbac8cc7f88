import { describe, expect, it } from 'vitest';
import { toColumnName, uniqueColumnNames } from '../../../src/core/import/readers/column-names';
import type { CellValue, ColumnType, NumberStyle } from '../../../src/core/import/types';
import {
  detectNumberStyle,
  excelSerialToIso,
  makeColumnParser,
  parseDateText,
  parseNumber,
  parseValue,
} from '../../../src/core/import/readers/values';

describe('parseValue: Belgian values', () => {
  it.each<[CellValue, ColumnType, string | number | null, NumberStyle?]>([
    ['1.234,56', 'decimal', 1234.56],
    ['1234,5', 'decimal', 1234.5],
    ['-36.910,74', 'decimal', -36910.74],
    ['  42 ', 'integer', 42],
    ['1.234', 'integer', 1234],
    ['1 234 567', 'integer', 1234567],
    ['12,5 %', 'percent', 0.125],
    ['12,5%', 'percent', 0.125],
    ['100 %', 'percent', 1],
    [0.125, 'percent', 0.125],
    ['€ 40.000', 'currency', 40000],
    ['40.000 EUR', 'currency', 40000],
    ['€40.000,50', 'currency', 40000.5],
    ['1,234.56', 'decimal', 1234.56, 'dot'],
    ['1,234', 'integer', 1234, 'dot'],
    ['31/12/2021', 'date', '2021-12-31'],
    ['31-12-21', 'date', '2021-12-31'],
    ['31.12.2021', 'date', '2021-12-31'],
    ['1/2/2021', 'date', '2021-02-01'],
    ['1 januari 2021', 'date', '2021-01-01'],
    ['15 mrt 2022', 'date', '2022-03-15'],
    ['3 okt. 2020', 'date', '2020-10-03'],
    ['maandag 3 februari 2025', 'date', '2025-02-03'],
    ['2021-12-31', 'date', '2021-12-31'],
    ['2021-12-31 14:30', 'date', '2021-12-31T14:30:00'],
    ['31/12/2021 08:05:09', 'date', '2021-12-31T08:05:09'],
    [44561, 'date', '2021-12-31'],
    ['44561', 'date', '2021-12-31'],
    [{ date: '2021-12-31' }, 'date', '2021-12-31'],
    ['ja', 'boolean', 1],
    ['Nee', 'boolean', 0],
    ['WAAR', 'boolean', 1],
    ['onwaar', 'boolean', 0],
    ['x', 'boolean', 1],
    ['true', 'boolean', 1],
    ['0', 'boolean', 0],
    [true, 'boolean', 1],
    [11001, 'nis_code', '11001'],
    ['11001', 'nis_code', '11001'],
    [21004, 'nis_code', '21004'],
    ['11001.0', 'nis_code', '11001'],
    [71002, 'nis_code', '71002'],
    [11001, 'text', '11001'],
    ['  Sint-Niklaas ', 'text', 'Sint-Niklaas'],
    ['', 'integer', null],
    [null, 'date', null],
    ['   ', 'nis_code', null],
  ])('%j as %s → %j', (cell, type, expected, numberStyle) => {
    expect(parseValue(cell, type, { numberStyle })).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, ColumnType, string]>([
    ['31/02/2021', 'date', '‘31/02/2021’ is geen geldige datum'],
    ['29/02/2023', 'date', '‘29/02/2023’ is geen geldige datum'],
    ['morgen', 'date', '‘morgen’ is geen datum'],
    ['12,5', 'integer', '‘12,5’ is geen geheel getal'],
    [12.5, 'integer', '‘12.5’ is geen geheel getal'],
    ['veel', 'decimal', '‘veel’ is geen geldige getal'],
    ['misschien', 'boolean', '‘misschien’ is geen ja/nee-waarde (ja, nee, waar, onwaar, x)'],
    ['52011', 'nis_code', '‘52011’ is geen Vlaamse of Brusselse NIS-code'],
    ['1100', 'nis_code', '‘1100’ is geen Vlaamse of Brusselse NIS-code'],
    ['Gent', 'nis_code', '‘Gent’ is geen NIS-code (vijf cijfers)'],
    ['#DIV/0!', 'decimal', '‘#DIV/0!’ is geen geldige getal'],
  ])('%j as %s is refused: %s', (cell, type, reason) => {
    expect(parseValue(cell, type)).toEqual({ ok: false, error: { reason, expected: type } });
  });

  it('column parsers give the same results as parseValue', () => {
    const cells: CellValue[] = [
      '1.234,56',
      12,
      null,
      'abc',
      '31/12/2021',
      44561,
      'ja',
      true,
      '11001',
    ];
    for (const type of [
      'text',
      'integer',
      'decimal',
      'percent',
      'currency',
      'date',
      'boolean',
      'nis_code',
    ] as const) {
      const parse = makeColumnParser({ type });
      for (const cell of cells) expect(parse(cell)).toEqual(parseValue(cell, type));
    }
  });
});

describe('numbers, dates and serials', () => {
  it.each([
    ['1.234,56', 'comma', 1234.56],
    ['1,234.56', 'dot', 1234.56],
    ['(1.000)', 'comma', -1000],
    ['1.000-', 'comma', -1000],
    ['1,5E+03', 'comma', 1500],
    ['12.34.5', 'comma', null],
    ['1.2345,6', 'comma', null],
    ['abc', 'comma', null],
  ] as const)('parseNumber(%s, %s) = %s', (text, style, expected) => {
    expect(parseNumber(text, style)).toBe(expected);
  });

  it('reads every cent amount exactly as JavaScript reads the dot form', () => {
    for (let cents = -200_000; cents < 200_000; cents += 7) {
      const dot = (cents / 100).toFixed(2);
      expect(parseNumber(dot.replace('.', ','), 'comma')).toBe(Number(dot));
    }
  });

  it.each([
    [['1.234,56', '12,5', '3'], 'comma'],
    [['1,234.56', '12.5', '3'], 'dot'],
    [['1.234', '2.000'], 'comma'],
    [['1,234,567', '2,000,000'], 'dot'],
  ] as const)('number style of %j is %s', (samples, style) => {
    expect(detectNumberStyle(samples)).toBe(style);
  });

  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [44561, false, '2021-12-31'],
    [44561.5, false, '2021-12-31T12:00:00'],
    [0, true, '1904-01-01'],
    [43099, true, '2021-12-31'],
  ])('serial %d (1904: %s) → %s', (serial, date1904, iso) => {
    expect(excelSerialToIso(serial, date1904)).toBe(iso);
  });

  it('refuses impossible dates in text', () => {
    expect(parseDateText('32/01/2021')).toBeNull();
    expect(parseDateText('2021-13-01')).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
  });
});

describe('column names', () => {
  it.each([
    ['NIS-code', 'nis_code'],
    ['Gemeente (2025)', 'gemeente_2025'],
    ['Éénheid', 'eenheid'],
    ['  VTE %  ', 'vte_pct'],
    ['2024', 'k_2024'],
    ['Bedrag €', 'bedrag_eur'],
    ['select', 'select_'],
    ['', 'kolom'],
  ])('%j → %s', (header, name) => {
    expect(toColumnName(header)).toBe(name);
  });

  it('makes names unique and never empty', () => {
    expect(uniqueColumnNames(['Naam', 'naam', 'NAAM', '', 'Groep / Kolom'])).toEqual([
      'naam',
      'naam_2',
      'naam_3',
      'kolom_4',
      'groep_kolom',
    ]);
  });
});
