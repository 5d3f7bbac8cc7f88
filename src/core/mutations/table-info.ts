import type { Database, SqlValue } from 'sql.js';

/**
 * What the mutation door and the table screens need to know about a table, read from SQLite
 * itself (PRAGMA table_info) so raw tables an analyst imported work like the app's own.
 */
export type ColumnInfo = {
  name: string;
  /** Declared type as written in CREATE TABLE ('' when none). */
  type: string;
  notNull: boolean;
  /** 1-based position in the primary key, 0 when not part of it. */
  primaryKey: number;
  defaultValue: string | null;
};

/** A row's identity: primary-key column → value, or `{ rowid }` for a table without a key. */
export type RowKey = Record<string, SqlValue>;

export type Row = Record<string, SqlValue>;

export type TableShape = {
  name: string;
  columns: ColumnInfo[];
  /** Primary-key columns in key order, or ['rowid'] for a rowid table without a declared key. */
  keyColumns: string[];
  /** True when keyColumns is the hidden rowid rather than declared columns. */
  usesRowid: boolean;
};

/** Double-quotes an identifier. Only ever applied to names checked against the schema. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function objectType(db: Database, name: string): 'table' | 'view' | null {
  const result = db.exec(
    "SELECT type FROM sqlite_schema WHERE name = ? AND type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    [name],
  );
  const type = result[0]?.values[0]?.[0];
  return type === 'table' || type === 'view' ? type : null;
}

export function tableColumns(db: Database, name: string): ColumnInfo[] {
  const result = db.exec(`PRAGMA table_info(${quoteIdent(name)})`);
  return (result[0]?.values ?? []).map((value) => ({
    name: String(value[1]),
    type: String(value[2] ?? ''),
    notNull: Number(value[3]) === 1,
    defaultValue: value[4] === null || value[4] === undefined ? null : String(value[4]),
    primaryKey: Number(value[5]),
  }));
}

/** The shape of a table, or null when `name` is no table of this workspace. */
export function tableShape(db: Database, name: string): TableShape | null {
  if (objectType(db, name) !== 'table') return null;
  const columns = tableColumns(db, name);
  const keyColumns = columns
    .filter((column) => column.primaryKey > 0)
    .sort((a, b) => a.primaryKey - b.primaryKey)
    .map((column) => column.name);
  if (keyColumns.length > 0) return { name, columns, keyColumns, usesRowid: false };
  return { name, columns, keyColumns: ['rowid'], usesRowid: true };
}

/** `"a" = ? AND "b" = ?` with its parameters, for addressing one row by its key. */
export function keyPredicate(shape: TableShape, key: RowKey): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  const parts = shape.keyColumns.map((column) => {
    params.push(key[column] ?? null);
    return `${shape.usesRowid ? 'rowid' : quoteIdent(column)} = ?`;
  });
  return { sql: parts.join(' AND '), params };
}

/** The row's key values taken from a full row. */
export function keyOf(shape: TableShape, row: Row): RowKey {
  const key: RowKey = {};
  for (const column of shape.keyColumns) key[column] = row[column] ?? null;
  return key;
}

/** Reads one row, all columns (plus `rowid` for a keyless table), or null if absent. */
export function readRow(db: Database, shape: TableShape, key: RowKey): Row | null {
  const where = keyPredicate(shape, key);
  const select = shape.usesRowid ? 'rowid AS rowid, *' : '*';
  const statement = db.prepare(
    `SELECT ${select} FROM ${quoteIdent(shape.name)} WHERE ${where.sql}`,
    where.params,
  );
  try {
    return statement.step() ? (statement.getAsObject() as Row) : null;
  } finally {
    statement.free();
  }
}
