import type { Database, SqlValue } from 'sql.js';

/** All rows of a query as arrays, through one prepared statement (no per-row object). */
export function selectRows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const statement = db.prepare(sql, params);
  const rows: SqlValue[][] = [];
  try {
    while (statement.step()) rows.push(statement.get());
  } finally {
    statement.free();
  }
  return rows;
}

export function selectValue(db: Database, sql: string, params: SqlValue[] = []): SqlValue {
  return selectRows(db, sql, params)[0]?.[0] ?? null;
}

export const textOrNull = (value: SqlValue | undefined): string | null =>
  value === null || value === undefined ? null : String(value);
