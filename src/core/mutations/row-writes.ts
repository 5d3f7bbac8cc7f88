import type { Database } from 'sql.js';
import { rowLabel } from './labels';
import { keyPredicate, quoteIdent, type Row, type RowKey, type TableShape } from './table-info';

/*
 * The three row writes everything that changes rows is built from: the mutation door (edits,
 * undo/redo) and the import's table writer (imports and their undo, also across sessions).
 * Callers record before/after images; these only write.
 */

/** Inserts a row as given (a keyless table's `rowid` column is written as the rowid). */
export function insertRow(db: Database, shape: TableShape, row: Row): void {
  const columns = Object.keys(row);
  const names = columns.map((column) =>
    shape.usesRowid && column === 'rowid' ? 'rowid' : quoteIdent(column),
  );
  const sql =
    columns.length === 0
      ? `INSERT INTO ${quoteIdent(shape.name)} DEFAULT VALUES`
      : `INSERT INTO ${quoteIdent(shape.name)} (${names.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  db.run(
    sql,
    columns.map((column) => row[column] ?? null),
  );
}

/** Sets the patch's columns on the row with this key; throws when the row is gone. */
export function updateRow(db: Database, shape: TableShape, key: RowKey, patch: Row): void {
  const columns = Object.keys(patch).filter((column) => !(shape.usesRowid && column === 'rowid'));
  if (columns.length === 0) return;
  const where = keyPredicate(shape, key);
  db.run(
    `UPDATE ${quoteIdent(shape.name)} SET ${columns.map((column) => `${quoteIdent(column)} = ?`).join(', ')} WHERE ${where.sql}`,
    [...columns.map((column) => patch[column] ?? null), ...where.params],
  );
  if (db.getRowsModified() !== 1)
    throw new Error(`De rij ${rowLabel(shape.name, key)} bestaat niet (meer).`);
}

/** Deletes the row with this key (absent rows are no error). */
export function deleteRow(db: Database, shape: TableShape, key: RowKey): void {
  const where = keyPredicate(shape, key);
  db.run(`DELETE FROM ${quoteIdent(shape.name)} WHERE ${where.sql}`, where.params);
}
