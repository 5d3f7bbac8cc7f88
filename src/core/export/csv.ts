import type { SqlValue } from 'sql.js';

/**
 * CSV for a Belgian Excel by default: `;` between fields, UTF-8 with a BOM (so Excel does not
 * guess Windows-1252), CRLF, a decimal comma and no thousands separator. `plain` is `,` and `.`.
 */
export type CsvStyle = 'belgian' | 'plain';

export type CsvOptions = { style?: CsvStyle };

/** UTF-8 byte order mark, written once at the start. */
export const UTF8_BOM = '\uFEFF';

/**
 * OWASP's CSV-injection rule: a text that starts with = + - @, tab, CR or LF could be run as a
 * formula by a spreadsheet. Such a field gets a leading ' and is quoted, so it shows as text.
 * Real numbers (from number columns) are written as numbers and never prefixed.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function csvNumber(value: number, style: CsvStyle): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return style === 'belgian' ? text.replace('.', ',') : text;
}

/** One field as CSV text. */
export function csvField(value: SqlValue | boolean | undefined, style: CsvStyle): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value, style);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  const delimiter = style === 'belgian' ? ';' : ',';
  let text = value;
  let quote = false;
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
    quote = true;
  }
  if (quote || text.includes(delimiter) || text.includes('"') || /[\r\n]/.test(text)) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** One record, CRLF-terminated. */
export function csvLine(
  values: readonly (SqlValue | boolean | undefined)[],
  style: CsvStyle,
): string {
  const delimiter = style === 'belgian' ? ';' : ',';
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(values[i], style);
  }
  return `${line}\r\n`;
}
