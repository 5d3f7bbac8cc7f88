import type { ColumnFilter } from '../../core/tables/types';
import { parseLocaleNumber } from './edit-value';

/**
 * What a user types in a column's filter box: `>1000`, `<= 5`, `=0` compare (numbers read in
 * the user's locale); anything else is an accent-insensitive "contains".
 */
export function columnFilter(column: string, text: string, locale: string): ColumnFilter {
  const trimmed = text.trim();
  const comparison = /^(>=|<=|<>|!=|>|<|=)\s*(.+)$/.exec(trimmed);
  if (comparison) {
    const number = parseLocaleNumber(comparison[2] ?? '', locale);
    const ops = {
      '>=': 'gte',
      '<=': 'lte',
      '<>': 'neq',
      '!=': 'neq',
      '>': 'gt',
      '<': 'lt',
      '=': 'eq',
    } as const;
    const op = ops[comparison[1] as keyof typeof ops];
    return { column, op, value: number ?? comparison[2] ?? '' };
  }
  return { column, op: 'contains', value: trimmed };
}
