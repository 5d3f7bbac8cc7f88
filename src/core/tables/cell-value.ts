import type { SqlValue } from 'sql.js';
import { err, ok, type Result } from '../result';
import type { TableColumn } from './types';

/** SQLite's type affinity from a declared type (https://sqlite.org/datatype3.html §3.1). */
export function affinity(type: string): 'integer' | 'text' | 'blob' | 'real' | 'numeric' {
  const upper = type.toUpperCase();
  if (upper.includes('INT')) return 'integer';
  if (upper.includes('CHAR') || upper.includes('CLOB') || upper.includes('TEXT')) return 'text';
  if (upper === '' || upper.includes('BLOB')) return 'blob';
  if (upper.includes('REAL') || upper.includes('FLOA') || upper.includes('DOUB')) return 'real';
  return 'numeric';
}

/** "1.234,5", "1234.5", "12,5", "€ 40.000" → number; null when it is no number. */
export function parseLooseNumber(text: string): number | null {
  let cleaned = text.replace(/[\s\u00a0€%]/g, '');
  if (cleaned === '') return null;
  if (cleaned.includes(',')) {
    // Belgian: dots group thousands, the comma is the decimal sign.
    cleaned = cleaned.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(cleaned)) {
    cleaned = cleaned.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/**
 * A value typed into a grid cell, made to fit its column: SQLite would happily store "abc" in
 * an INTEGER column (no STRICT tables), so the door would never see the mistake. Empty text
 * means "no value" (NULL); numbers for text columns become text (NIS codes typed as 11001).
 */
export function coerceCellValue(column: TableColumn, value: SqlValue): Result<SqlValue> {
  if (value === null || value instanceof Uint8Array) return ok(value);
  if (typeof value === 'string' && value.trim() === '') return ok(null);
  const kind = affinity(column.type);
  if (kind === 'text') return ok(typeof value === 'number' ? String(value) : value);
  if (kind === 'blob') return ok(value);
  const number = typeof value === 'number' ? value : parseLooseNumber(value);
  if (number === null) {
    return err(
      'not-a-number',
      `De waarde "${String(value)}" is geen getal (kolom ${column.name}).`,
      { column: column.name, value: String(value) },
    );
  }
  if (kind === 'integer' && !Number.isInteger(number)) {
    return err(
      'not-an-integer',
      `De waarde ${number} moet een geheel getal zijn (kolom ${column.name}).`,
      { column: column.name, value: number },
    );
  }
  return ok(number);
}
