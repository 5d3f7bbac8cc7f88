import type { Database, SqlValue } from 'sql.js';
import type { AppError } from '../result';
import { formatValue, rowLabel, tableLabel } from './labels';
import { quoteIdent, type Row, type RowKey } from './table-info';

/** The write that failed, so the message can name its table, column and value. */
export type FailedWrite = {
  kind: 'insert' | 'update' | 'delete';
  table: string;
  key: RowKey | null;
  /** Values written (the patch of an update, the row of an insert); empty for a delete. */
  values: Row;
};

const error = (
  code: string,
  message: string,
  params: Record<string, string | number>,
): AppError => ({ code, message, params });

/**
 * Turns SQLite's terse English constraint errors into a Dutch sentence a planner can act on:
 * which value, in which column, of which row broke which rule.
 */
export function describeWriteError(db: Database, write: FailedWrite, cause: unknown): AppError {
  const text = cause instanceof Error ? cause.message : String(cause);
  const where = rowLabel(write.table, write.key);
  const params = { table: write.table, row: where, detail: text };

  const check = /CHECK constraint failed: (.*)$/.exec(text);
  if (check) {
    const rule = check[1] ?? '';
    const column = Object.keys(write.values).find((name) =>
      new RegExp(`(^|[^\\w])"?${escapeRegExp(name)}"?([^\\w]|$)`).test(rule),
    );
    if (column !== undefined) {
      return error(
        'constraint-check',
        `De waarde ${formatValue(write.values[column])} is niet toegestaan in kolom ${column} (${where}).`,
        { ...params, column, value: formatValue(write.values[column]) },
      );
    }
    return error(
      'constraint-check',
      `Deze wijziging voldoet niet aan de regel "${rule}" (${where}).`,
      params,
    );
  }

  const notNull = /NOT NULL constraint failed: [^.]+\.(.+)$/.exec(text);
  if (notNull) {
    const column = notNull[1] ?? '';
    return error('constraint-not-null', `Kolom ${column} mag niet leeg zijn (${where}).`, {
      ...params,
      column,
    });
  }

  const unique = /UNIQUE constraint failed: (.*)$/.exec(text);
  if (unique) {
    const columns = (unique[1] ?? '').split(',').map((part) => part.trim().replace(/^[^.]+\./, ''));
    const shown = columns.map((column) => formatValue(write.values[column])).join(', ');
    return error(
      'constraint-unique',
      `De waarde ${shown} bestaat al in kolom ${columns.join(', ')} van ${tableLabel(write.table)}; ze moet uniek zijn (${where}).`,
      { ...params, column: columns.join(', '), value: shown },
    );
  }

  if (/FOREIGN KEY constraint failed/.test(text))
    return describeForeignKey(db, write, where, params);

  if (/datatype mismatch/.test(text)) {
    const [column, value] = Object.entries(write.values)[0] ?? ['?', null];
    return error(
      'datatype-mismatch',
      `De waarde ${formatValue(value)} past niet in kolom ${column} (${where}).`,
      { ...params, column, value: formatValue(value) },
    );
  }

  return error('write-failed', `De wijziging kon niet bewaard worden (${where}): ${text}`, params);
}

function describeForeignKey(
  db: Database,
  write: FailedWrite,
  where: string,
  params: Record<string, string | number>,
): AppError {
  if (write.kind === 'delete') {
    const keyValue = write.key ? Object.values(write.key)[0] : undefined;
    const child = referencingTables(db, write.table).find((name) =>
      foreignKeys(db, name).some(
        (fk) =>
          fk.table === write.table &&
          keyValue !== undefined &&
          db.exec(`SELECT 1 FROM ${quoteIdent(name)} WHERE ${quoteIdent(fk.from)} = ? LIMIT 1`, [
            keyValue,
          ]).length > 0,
      ),
    );
    const referrer = child ? `minstens één ${tableLabel(child)}` : 'een andere rij';
    return error(
      'constraint-foreign-key',
      `${capitalise(where)} kan niet verwijderd worden: er verwijst nog ${referrer} naar.`,
      { ...params, ...(child ? { child } : {}) },
    );
  }
  // The failed statement was rolled back, so we can look up which reference has no target.
  for (const fk of foreignKeys(db, write.table)) {
    const value = write.values[fk.from];
    if (value === undefined || value === null) continue;
    const found = db.exec(
      `SELECT 1 FROM ${quoteIdent(fk.table)} WHERE ${fk.to ? quoteIdent(fk.to) : 'rowid'} = ? LIMIT 1`,
      [value as SqlValue],
    );
    if (found.length === 0) {
      return error(
        'constraint-foreign-key',
        `De waarde ${formatValue(value)} in kolom ${fk.from} verwijst naar een ${tableLabel(fk.table)} die niet bestaat (${where}).`,
        { ...params, column: fk.from, value: formatValue(value) },
      );
    }
  }
  return error(
    'constraint-foreign-key',
    `Deze wijziging verbreekt een verwijzing tussen tabellen (${where}).`,
    params,
  );
}

export type ForeignKey = { table: string; from: string; to: string | null; onDelete: string };

export function foreignKeys(db: Database, table: string): ForeignKey[] {
  const result = db.exec(`PRAGMA foreign_key_list(${quoteIdent(table)})`);
  return (result[0]?.values ?? []).map((value) => ({
    table: String(value[2]),
    from: String(value[3]),
    to: value[4] === null ? null : String(value[4]),
    onDelete: String(value[6]),
  }));
}

/** Tables with a foreign key pointing at `table`. */
export function referencingTables(db: Database, table: string): string[] {
  const names = db.exec(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
  );
  return (names[0]?.values ?? [])
    .map((value) => String(value[0]))
    .filter((name) => foreignKeys(db, name).some((fk) => fk.table === table));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
