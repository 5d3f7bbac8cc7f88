import type { Database } from 'sql.js';
import { createRowInserter } from './bulk-insert';
import { beforeAllocationWrites } from '../../planning/rollup';
import { deleteRow, insertRow, updateRow } from '../../mutations/row-writes';
import { describeWriteError, type FailedWrite } from '../../mutations/sqlite-errors';
import { quoteIdent, readRow, tableShape, type TableShape } from '../../mutations/table-info';
import type { AppError } from '../../result';
import type { SqlValue } from '../types';

/** One row as a column → value record. */
export type Row = Record<string, SqlValue>;

/**
 * One write an import made, with what is needed to take it back (and to do it again). Kept in
 * import_log.undo_json, so an import can be undone in a later session too.
 */
export type WriteOp =
  | { op: 'insert'; table: string; pk: Row; after: Row }
  | { op: 'update'; table: string; pk: Row; before: Row; after: Row }
  | { op: 'delete'; table: string; pk: Row; before: Row }
  | { op: 'createTable'; table: string; sql: string }
  | { op: 'addColumn'; table: string; column: string; sqlType: string }
  /** Rows bulk-inserted into a table this import created: undone by dropping the table. */
  | { op: 'bulkInsert'; table: string; rows: number }
  /** A raw table replaced by a re-import: its definition and rows, to bring it back. */
  | { op: 'dropTable'; table: string; sql: string; columns: string[]; rows: SqlValue[][] };

/** A write SQLite refused, with the Dutch message the mutation door gives for it. */
export class WriteRefused extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

/** The shape of a table (its key columns), cached per workspace until the table changes. */
const shapeCache = new WeakMap<Database, Map<string, TableShape>>();

function shapeOf(db: Database, table: string): TableShape {
  let perDb = shapeCache.get(db);
  if (!perDb) shapeCache.set(db, (perDb = new Map()));
  const cached = perDb.get(table);
  if (cached) return cached;
  const shape = tableShape(db, table);
  if (!shape) throw new Error(`Tabel ${table} bestaat niet (meer).`);
  perDb.set(table, shape);
  return shape;
}

/** The primary-key columns of a table, or ['rowid'] for a table without one (raw tables). */
export function primaryKeyColumns(db: Database, table: string): string[] {
  return shapeOf(db, table).keyColumns;
}

/** Call after creating, dropping or altering a table, so its shape is read again. */
export function forgetTable(db: Database, table: string): void {
  shapeCache.get(db)?.delete(table);
}

export function selectRow(db: Database, table: string, pk: Row): Row | undefined {
  return (readRow(db, shapeOf(db, table), pk) as Row | null) ?? undefined;
}

const runInsert = (db: Database, table: string, row: Row) => insertRow(db, shapeOf(db, table), row);
const runUpdate = (db: Database, table: string, pk: Row, values: Row) =>
  updateRow(db, shapeOf(db, table), pk, values);
const runDelete = (db: Database, table: string, pk: Row) => deleteRow(db, shapeOf(db, table), pk);

/**
 * Every write an import makes goes through here, so the import can be undone exactly: inserts
 * remember their key, updates and deletes the values they replaced.
 */
export class TableWriter {
  readonly ops: WriteOp[] = [];
  inserted = 0;
  updated = 0;
  deleted = 0;

  constructor(readonly db: Database) {}

  private attempt(write: FailedWrite, run: () => void): void {
    try {
      run();
    } catch (error) {
      throw new WriteRefused(describeWriteError(this.db, write, error));
    }
  }

  /** Inserts a row and returns its primary key (the new rowid for INTEGER PRIMARY KEY tables). */
  insert(table: string, row: Row, count = true): Row {
    this.attempt({ kind: 'insert', table, key: null, values: row }, () =>
      runInsert(this.db, table, row),
    );
    const pkCols = primaryKeyColumns(this.db, table);
    const pk: Row = {};
    if (
      pkCols.length === 1 &&
      (pkCols[0] === 'id' || pkCols[0] === 'rowid') &&
      row[pkCols[0]] == null
    ) {
      pk[pkCols[0]] = Number(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
    } else for (const c of pkCols) pk[c] = row[c] ?? null;
    this.ops.push({ op: 'insert', table, pk, after: { ...row, ...pk } });
    if (count) this.inserted++;
    return pk;
  }

  /** Updates the given columns of one row; a no-op when nothing differs. */
  update(table: string, pk: Row, values: Row, count = true): void {
    const current = selectRow(this.db, table, pk);
    if (!current) throw new Error(`Rij ${JSON.stringify(pk)} bestaat niet meer in ${table}`);
    const before: Row = {};
    const after: Row = {};
    for (const [c, v] of Object.entries(values)) {
      if (current[c] === v) continue;
      before[c] = current[c] ?? null;
      after[c] = v;
    }
    if (Object.keys(after).length === 0) return;
    this.attempt({ kind: 'update', table, key: pk, values: after }, () =>
      runUpdate(this.db, table, pk, after),
    );
    this.ops.push({ op: 'update', table, pk, before, after });
    if (count) this.updated++;
  }

  delete(table: string, pk: Row, count = true): void {
    const before = selectRow(this.db, table, pk);
    if (!before) return;
    this.attempt({ kind: 'delete', table, key: pk, values: {} }, () =>
      runDelete(this.db, table, pk),
    );
    this.ops.push({ op: 'delete', table, pk, before });
    if (count) this.deleted++;
  }

  /** Records a schema or bulk step the caller already ran. */
  record(op: WriteOp): void {
    this.ops.push(op);
  }
}

const allocationOps = (ops: readonly WriteOp[]) =>
  ops.reduce((count, op) => count + (op.table === 'allocation' ? 1 : 0), 0);

/** Takes the ops back, last first. Throws on a conflict (the caller rolls back). */
export function undoOps(db: Database, ops: readonly WriteOp[]): void {
  beforeAllocationWrites(db, allocationOps(ops));
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    switch (op.op) {
      case 'insert':
        runDelete(db, op.table, op.pk);
        break;
      case 'update':
        runUpdate(db, op.table, op.pk, op.before);
        break;
      case 'delete':
        runInsert(db, op.table, op.before);
        break;
      case 'createTable':
        db.run(`DROP TABLE IF EXISTS ${quoteIdent(op.table)}`);
        forgetTable(db, op.table);
        break;
      case 'addColumn':
        db.run(`ALTER TABLE ${quoteIdent(op.table)} DROP COLUMN ${quoteIdent(op.column)}`);
        break;
      case 'bulkInsert':
        break; // the table's createTable op drops the rows with it
      case 'dropTable':
        db.run(op.sql);
        forgetTable(db, op.table);
        insertAll(db, op.table, op.columns, op.rows);
        break;
    }
  }
}

/**
 * Does the ops again (in-session redo). Bulk inserts cannot be replayed from the log; the
 * caller passes a function that re-inserts them.
 */
export function redoOps(
  db: Database,
  ops: readonly WriteOp[],
  bulk: (table: string) => void = () => undefined,
): void {
  beforeAllocationWrites(db, allocationOps(ops));
  for (const op of ops) {
    switch (op.op) {
      case 'insert':
        runInsert(db, op.table, op.after);
        break;
      case 'update':
        runUpdate(db, op.table, op.pk, op.after);
        break;
      case 'delete':
        runDelete(db, op.table, op.pk);
        break;
      case 'createTable':
        db.run(op.sql);
        forgetTable(db, op.table);
        break;
      case 'addColumn':
        db.run(
          `ALTER TABLE ${quoteIdent(op.table)} ADD COLUMN ${quoteIdent(op.column)} ${op.sqlType}`,
        );
        break;
      case 'bulkInsert':
        bulk(op.table);
        break;
      case 'dropTable':
        db.run(`DROP TABLE ${quoteIdent(op.table)}`);
        forgetTable(db, op.table);
        break;
    }
  }
}

/** Rows per bulk-insert call: large enough to amortise the call, small enough to stay cheap. */
const BULK_CHUNK = 5000;

/**
 * Inserts many rows in bulk (raw tables: undo/redo), chunk by chunk, with the fastest measured
 * strategy (text-blob; the figures are in bulk-insert.ts).
 */
export function insertAll(
  db: Database,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): void {
  const inserter = createRowInserter(db, table, columns, 'text-blob');
  try {
    for (let i = 0; i < rows.length; i += BULK_CHUNK) inserter.add(rows.slice(i, i + BULK_CHUNK));
  } finally {
    inserter.finish();
  }
}
