import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatEuro,
  formatFte,
  formatInteger,
  formatIsoDate,
  formatNumber,
  formatPercent,
  formatValue,
  shareAsPercent,
  valueKindForColumn,
} from '../../../src/i18n/formatters';

// Intl puts narrow/no-break spaces in some formats; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers the Belgian way', () => {
  it.each([
    [formatNumber(1234.5, 'nl-BE'), '1.234,5'],
    [formatNumber(1234.5, 'en-GB'), '1,234.5'],
    [formatInteger(540196, 'nl-BE'), '540.196'],
    [formatInteger(285, 'nl-BE'), '285'],
    [formatEuro(40000, 'nl-BE'), '€ 40.000'],
    [formatEuro(1234.5, 'nl-BE'), '€ 1.234,50'],
    [formatEuro(767000, 'en-GB'), '€767,000'],
    [formatFte(1.5, 'nl-BE'), '1,50'],
    [formatPercent(0.5, 'nl-BE'), '50%'],
    [formatAmount(26.06, 'fte', 'nl-BE'), '26,1 VTE'],
    [formatAmount(-11.64, 'fte', 'nl-BE'), '-11,6 VTE'],
    // A small shortage rounds to zero, not to "-0".
    [formatAmount(-0.04, 'fte', 'nl-BE'), '0 VTE'],
    [formatAmount(-0.4, 'eur', 'nl-BE'), '€ 0'],
  ])('%s → %s', (actual, expected) => {
    expect(plain(actual)).toBe(expected);
  });
});

describe('a share as the percentage typed in an input', () => {
  it.each([
    [0.55, 55],
    [0.49, 49],
    [0.15, 15],
    [0.07, 7],
    [0.333, 33.3],
    [1, 100],
    [0, 0],
    [0.123456, 12.3456],
  ])('%s → %s, without binary floating-point noise', (share, percent) => {
    expect(shareAsPercent(share)).toBe(percent);
  });

  it('is the noise it removes: 0.55 × 100 and 0.07 × 100 are not whole in floating point', () => {
    expect(0.55 * 100).not.toBe(55);
    expect(0.07 * 100).not.toBe(7);
  });
});

describe('dates', () => {
  it.each([
    ['2022-12-31', 'nl-BE', '31/12/2022'],
    ['2021-01-01', 'en-GB', '01/01/2021'],
    ['2022-06', 'nl-BE', '06/2022'],
    ['not a date', 'nl-BE', 'not a date'],
  ])('%s in %s → %s', (value, locale, expected) => {
    expect(formatIsoDate(value, locale)).toBe(expected);
  });
});

describe('value kinds from column names', () => {
  it.each([
    ['budget_eur', 'euro'],
    ['year', 'year'],
    ['budget_fte', 'fte'],
    ['pillar4_share', 'share'],
    ['is_fictional', 'flag'],
    ['start_date', 'date'],
    ['nis_code', 'code'],
    ['name', 'text'],
  ] as const)('%s is %s', (column, kind) => {
    expect(valueKindForColumn(column)).toBe(kind);
  });

  it.each([
    [2022, 'year', '2022'],
    [11001, 'code', '11001'],
    [14427, 'number', '14.427'],
    [1, 'flag', 'ja'],
    [0, 'flag', 'nee'],
    [null, 'text', ''],
    ['2022-06-30', 'text', '30/06/2022'],
  ] as const)('formatValue(%s, %s) → %s', (value, kind, expected) => {
    expect(plain(formatValue(value, kind, 'nl-BE'))).toBe(expected);
  });
});
