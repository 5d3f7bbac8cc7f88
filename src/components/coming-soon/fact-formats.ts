import { formatFte, formatInteger } from '../../i18n/formatters';
import type { FactSpec } from './ComingSoon';

/** A count from column `column` of the facts row, nl-BE/en grouped. */
export const integerFact =
  (column: string): FactSpec['format'] =>
  (row, locale) => {
    const value = row[column];
    return typeof value === 'number' ? formatInteger(value, locale) : '—';
  };

/** An FTE total from column `column`. */
export const fteFact =
  (column: string): FactSpec['format'] =>
  (row, locale) => {
    const value = row[column];
    return typeof value === 'number' ? formatFte(value, locale) : '—';
  };
