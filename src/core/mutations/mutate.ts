import type { Database, SqlValue } from 'sql.js';
import { errorText } from '../db/workspace-file';
import { err, ok, type AppError, type Result } from '../result';
import type { HistoryEntry, Session } from '../session';
import { appendAudit } from './audit';
import { pushHistory } from './history';
import { rowLabel, tableLabel } from './labels';
import {
  describeWriteError,
  foreignKeys,
  referencingTables,
  type FailedWrite,
} from './sqlite-errors';
import {
  keyOf,
  quoteIdent,
  readRow,
  tableShape,
  type Row,
  type RowKey,
  type TableShape,
} from './table-info';
import { deleteRow, insertRow, updateRow } from './row-writes';
import { inTransaction } from './transaction';

/** One row as it was before and after a write: enough to undo and redo it exactly. */
export type RowChange =
  | { op: 'insert'; table: string; key: RowKey; after: Row }
  | { op: 'update'; table: string; key: RowKey; before: Row; after: Row }
  | { op: 'delete'; table: string; key: RowKey; before: Row };

/** What a mutation may do. Every call records before/after images for undo. */
export type Writer = {
  /** Inserts a row; returns its key (the new rowid when the key is generated). */
  insert(table: string, row: Row): RowKey;
  /** Changes the given columns of the row with this key. */
  update(table: string, key: RowKey, patch: Row): void;
  /** Deletes the row with this key (and what ON DELETE CASCADE takes with it). */
  delete(table: string, key: RowKey): void;
  /** For reads while writing (next code, lookups); writes must go through the methods above. */
  readonly db: Database;
};

export type MutateOptions = {
  /** audit_log.action; default 'edit'. */
  action?: string;
  /** Extra facts for audit_log.details_json. */
  details?: Record<string, unknown>;
};

/** A write the door refused, carrying the message for the user. */
class MutationFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

/**
 * The one door every change to the workspace goes through. Runs `work` in a transaction: on
 * any failure nothing stays changed and a Result carries a Dutch message naming the table,
 * column and value. On success the step lands on the undo stack, the workspace is marked
 * dirty, and an audit_log row records it (in the same transaction).
 */
export function mutate<T>(
  session: Session,
  label: string,
  work: (writer: Writer) => T,
  options: MutateOptions = {},
): Result<T> {
  if (session.readOnly) return err('read-only', session.readOnly);
  const changes: RowChange[] = [];
  const writer = createWriter(session.db, changes);
  let value: T;
  try {
    value = inTransaction(session.db, () => {
      const result = work(writer);
      if (changes.length > 0) {
        appendAudit(session.db, {
          action: options.action ?? 'edit',
          summary: label,
          details: { ...options.details, ...summariseChanges(changes) },
          userName: session.userName ?? null,
        });
      }
      return result;
    });
  } catch (error) {
    if (error instanceof MutationFailure) return { ok: false, error: error.appError };
    return err('mutation-failed', `"${label}" is mislukt: ${errorText(error)}`, { label });
  }
  if (changes.length > 0) {
    pushHistory(session, historyEntryFromChanges(label, changes));
    session.dirty = true;
  }
  return ok(value);
}

/** Undo/redo of recorded row changes: undo walks them backwards, redo forwards. */
export function historyEntryFromChanges(
  label: string,
  changes: readonly RowChange[],
): HistoryEntry {
  const recorded = [...changes];
  return {
    label,
    undo(db) {
      for (const change of [...recorded].reverse()) {
        const shape = requireShape(db, change.table);
        if (change.op === 'insert') deleteRow(db, shape, change.key);
        else if (change.op === 'delete') insertRow(db, shape, change.before);
        else updateRow(db, shape, keyOf(shape, change.after), change.before);
      }
    },
    redo(db) {
      for (const change of recorded) {
        const shape = requireShape(db, change.table);
        if (change.op === 'insert') insertRow(db, shape, change.after);
        else if (change.op === 'delete') deleteRow(db, shape, change.key);
        else updateRow(db, shape, change.key, change.after);
      }
    },
  };
}

function createWriter(db: Database, changes: RowChange[]): Writer {
  const attempt = <T>(write: FailedWrite, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw new MutationFailure(describeWriteError(db, write, error));
    }
  };

  return {
    db,
    insert(table, row) {
      const shape = checkedShape(db, table, Object.keys(row));
      const given = shape.usesRowid ? null : keyOf(shape, row);
      const write: FailedWrite = { kind: 'insert', table, key: given, values: row };
      const key = attempt(write, () => {
        insertRow(db, shape, row);
        return generatedKey(db, shape, row);
      });
      const after = readRow(db, shape, key);
      if (after) changes.push({ op: 'insert', table, key, after });
      return key;
    },
    update(table, key, patch) {
      const shape = checkedShape(db, table, Object.keys(patch));
      const before = existingRow(db, shape, key);
      const changed = Object.fromEntries(
        Object.entries(patch).filter(([column, value]) => !sameValue(before[column], value)),
      );
      if (Object.keys(changed).length === 0) return;
      attempt({ kind: 'update', table, key, values: changed }, () =>
        updateRow(db, shape, key, changed),
      );
      const after = readRow(db, shape, keyOf(shape, { ...before, ...changed }));
      if (after) changes.push({ op: 'update', table, key: keyOf(shape, before), before, after });
    },
    delete(table, key) {
      const shape = checkedShape(db, table, []);
      const before = existingRow(db, shape, key);
      const cascaded = cascadeDeletes(db, table, before);
      attempt({ kind: 'delete', table, key, values: {} }, () => deleteRow(db, shape, key));
      // Children first: undo re-inserts in reverse order, so the parent comes back before them.
      changes.push(...cascaded, { op: 'delete', table, key: keyOf(shape, before), before });
    },
  };
}

function checkedShape(db: Database, table: string, columns: string[]): TableShape {
  const shape = tableShape(db, table);
  if (!shape) {
    throw new MutationFailure({
      code: 'unknown-table',
      message: `De tabel ${table} bestaat niet in deze werkruimte.`,
      params: { table },
    });
  }
  const known = new Set(shape.columns.map((column) => column.name));
  if (shape.usesRowid) known.add('rowid');
  const unknown = columns.find((column) => !known.has(column));
  if (unknown !== undefined) {
    throw new MutationFailure({
      code: 'unknown-column',
      message: `De kolom ${unknown} bestaat niet in ${tableLabel(table)}.`,
      params: { table, column: unknown },
    });
  }
  return shape;
}

function existingRow(db: Database, shape: TableShape, key: RowKey): Row {
  const missing = shape.keyColumns.find((column) => !(column in key));
  const row = missing === undefined ? readRow(db, shape, key) : null;
  if (!row) {
    throw new MutationFailure({
      code: 'row-not-found',
      message: `De rij ${rowLabel(shape.name, key)} bestaat niet (meer).`,
      params: { table: shape.name, row: rowLabel(shape.name, key) },
    });
  }
  return row;
}

function requireShape(db: Database, table: string): TableShape {
  const shape = tableShape(db, table);
  if (!shape) throw new Error(`De tabel ${table} bestaat niet meer.`);
  return shape;
}

/** The key of a row just inserted: the generated rowid where the key is (an alias of) it. */
function generatedKey(db: Database, shape: TableShape, row: Row): RowKey {
  const rowid = Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
  if (shape.usesRowid) return { rowid };
  const [only] = shape.keyColumns;
  const column = shape.columns.find((candidate) => candidate.name === only);
  if (
    shape.keyColumns.length === 1 &&
    only !== undefined &&
    column?.type.toUpperCase() === 'INTEGER' &&
    (row[only] === undefined || row[only] === null)
  ) {
    return { [only]: rowid };
  }
  return keyOf(shape, row);
}

/**
 * The rows ON DELETE CASCADE will take with this one (recursively), as delete changes, so
 * undo can bring them back. Deepest rows first.
 */
function cascadeDeletes(db: Database, table: string, parent: Row, depth = 0): RowChange[] {
  if (depth > 16) return [];
  const changes: RowChange[] = [];
  for (const child of referencingTables(db, table)) {
    const childShape = tableShape(db, child);
    if (!childShape) continue;
    for (const fk of foreignKeys(db, child)) {
      if (fk.table !== table || fk.onDelete.toUpperCase() !== 'CASCADE') continue;
      const parentShape = tableShape(db, table);
      const target = fk.to ?? parentShape?.keyColumns[0];
      if (target === undefined) continue;
      const value = parent[target];
      if (value === undefined || value === null) continue;
      const select = childShape.usesRowid ? 'rowid AS rowid, *' : '*';
      const statement = db.prepare(
        `SELECT ${select} FROM ${quoteIdent(child)} WHERE ${quoteIdent(fk.from)} = ?`,
        [value as SqlValue],
      );
      const rows: Row[] = [];
      try {
        while (statement.step()) rows.push(statement.getAsObject() as Row);
      } finally {
        statement.free();
      }
      for (const row of rows) {
        changes.push(...cascadeDeletes(db, child, row, depth + 1));
        changes.push({ op: 'delete', table: child, key: keyOf(childShape, row), before: row });
      }
    }
  }
  return changes;
}

function sameValue(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) return false;
  return (a ?? null) === (b ?? null);
}

/** What the audit row keeps: the count and the first rows touched (not whole images). */
function summariseChanges(changes: readonly RowChange[]): Record<string, unknown> {
  return {
    count: changes.length,
    rows: changes.slice(0, 20).map((change) => ({
      op: change.op,
      table: change.table,
      key: change.key,
      ...(change.op === 'update'
        ? {
            columns: Object.keys(change.after).filter(
              (column) => !sameValue(change.before[column], change.after[column]),
            ),
          }
        : {}),
    })),
  };
}
