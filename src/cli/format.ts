import type { SqlValue } from 'sql.js';

export type OutputFormat = 'csv' | 'json' | 'table';

function cellText(value: SqlValue): string {
  if (value === null) return '';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

/** RFC 4180: quote a field that holds the separator, a quote or a line break. */
function csvField(value: SqlValue): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(columns: readonly string[], rows: readonly SqlValue[][]): string {
  const lines = [
    columns.map(csvField).join(','),
    ...rows.map((row) => row.map(csvField).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}

/** An array of objects (column → value); blobs as base64 text. */
export function formatJson(columns: readonly string[], rows: readonly SqlValue[][]): string {
  const objects = rows.map((row) =>
    Object.fromEntries(
      columns.map((column, index) => {
        const value = row[index] ?? null;
        return [column, value instanceof Uint8Array ? cellText(value) : value];
      }),
    ),
  );
  return `${JSON.stringify(objects, null, 2)}\n`;
}

const MAX_WIDTH = 40;

/**
 * Aligned columns for a terminal; long cells cut with "…", numbers right-aligned (and the
 * columns `rightAlign` names, for numbers already formatted as text such as "0,53").
 */
export function formatTable(
  columns: readonly string[],
  rows: readonly SqlValue[][],
  rightAlign: readonly boolean[] = [],
): string {
  const cut = (text: string) =>
    text.length > MAX_WIDTH ? `${text.slice(0, MAX_WIDTH - 1)}…` : text.replace(/\s+/g, ' ');
  const cells = rows.map((row) => columns.map((_, index) => cut(cellText(row[index] ?? null))));
  const widths = columns.map((column, index) =>
    Math.max(cut(column).length, ...cells.map((row) => row[index]?.length ?? 0)),
  );
  const numeric = columns.map(
    (_, index) => rightAlign[index] === true || rows.every((row) => typeof row[index] !== 'string'),
  );
  const line = (values: string[], header = false) =>
    values
      .map((value, index) =>
        !header && numeric[index]
          ? value.padStart(widths[index] ?? 0)
          : value.padEnd(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const count = `(${rows.length} ${rows.length === 1 ? 'rij' : 'rijen'})`;
  return `${[line(columns.map(cut), true), rule, ...cells.map((row) => line(row)), count].join('\n')}\n`;
}

export function formatRows(
  format: OutputFormat,
  columns: readonly string[],
  rows: readonly SqlValue[][],
  rightAlign: readonly boolean[] = [],
): string {
  if (format === 'csv') return formatCsv(columns, rows);
  if (format === 'json') return formatJson(columns, rows);
  return formatTable(columns, rows, rightAlign);
}
