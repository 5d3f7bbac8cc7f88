import { describe, expect, it } from 'vitest';
import { columnFilter } from '../../../src/components/data-table/column-filter';
import {
  editText,
  parseEditedValue,
  parseLocaleNumber,
} from '../../../src/components/data-table/edit-value';

describe('numbers typed in a cell', () => {
  it.each([
    ['1.234,5', 'nl-BE', 1234.5],
    ['12.345', 'nl-BE', 12345],
    ['1,5', 'nl-BE', 1.5],
    ['1.5', 'nl-BE', 1.5], // a decimal point typed by habit, not a thousands separator
    ['€ 40.000', 'nl-BE', 40000],
    ['-3', 'nl-BE', -3],
    ['1,234.5', 'en-GB', 1234.5],
    ['abc', 'nl-BE', null],
    ['', 'nl-BE', null],
  ])('%s (%s) → %s', (text, locale, expected) => {
    expect(parseLocaleNumber(text, locale)).toBe(expected);
  });
});

describe('a cell edit becomes the value to store', () => {
  it.each([
    ['27.000', { original: 14427 }, 27000],
    ['', { original: 14427 }, null],
    ['veel', { original: 14427 }, 'veel'], // the core refuses it with a Dutch message
    ['12', { original: null, declaredType: 'INTEGER' }, 12],
    ['31/12/2022', { original: '2021-01-01' }, '2022-12-31'],
    ['Vlaamse Ardennen', { original: 'Oudenaarde' }, 'Vlaamse Ardennen'],
    ['11001', { original: '11002' }, '11001'], // NIS codes stay text
  ])('%s → %s', (text, target, expected) => {
    expect(parseEditedValue(text, target, 'nl-BE')).toEqual(expected);
  });

  it.each([
    [1234.5, '1234,5'],
    ['2022-12-31', '31/12/2022'],
    [null, ''],
    ['Ronse', 'Ronse'],
  ])('editing %s starts from %s', (value, expected) => {
    expect(editText(value, 'nl-BE')).toBe(expected);
  });
});

describe('column filter boxes', () => {
  it.each([
    ['limburg', { column: 'c', op: 'contains', value: 'limburg' }],
    ['>50.000', { column: 'c', op: 'gt', value: 50000 }],
    ['<= 5', { column: 'c', op: 'lte', value: 5 }],
    ['=0', { column: 'c', op: 'eq', value: 0 }],
    ['<>Gent', { column: 'c', op: 'neq', value: 'Gent' }],
  ])('%s', (text, expected) => {
    expect(columnFilter('c', text, 'nl-BE')).toEqual(expected);
  });
});
