import type { SqlValue } from 'sql.js';
import { defineHandlers, type HandlerContext } from '../handlers/context';
import { runCommands, type RowCommand } from '../mutations/commands';
import type { Row } from '../mutations/table-info';
import { err, ok, type Result } from '../result';
import { listTables, resolveTable, type ResolvedTable } from './catalog';
import { coerceCellValue } from './cell-value';
import { queryTable } from './query';
import { runReadOnlySql } from './read-only-sql';
import { DEFAULT_SQL_TIMEOUT_MS } from './sql-sandbox';
import type { RowKey, SqlQueryResult, TableQuery, TableQueryResult, TableSummary } from './types';

/** The table a grid edit lands in: the base table behind an editable view, else itself. */
function editTarget(
  table: ResolvedTable,
  columns: string[],
): Result<{ table: string; key: string[] }> {
  if (!table.editable || !table.keyColumns) {
    return err('read-only-table', `De tabel ${table.name} kan hier niet gewijzigd worden.`, {
      table: table.name,
    });
  }
  const blocked = columns.find(
    (name) => !table.columns.some((column) => column.name === name && column.editable),
  );
  if (blocked !== undefined && !(table.usesRowid && blocked === 'rowid')) {
    return err(
      'read-only-column',
      `De kolom ${blocked} van ${table.name} kan niet gewijzigd worden.`,
      {
        table: table.name,
        column: blocked,
      },
    );
  }
  return ok({ table: table.base?.table ?? table.name, key: table.keyColumns });
}

function resolved(context: HandlerContext, name: string): Result<ResolvedTable> {
  const table = resolveTable(context.session.db, name);
  return table
    ? ok(table)
    : err('unknown-table', `De tabel ${name} bestaat niet in deze werkruimte.`, { table: name });
}

function coerceRow(table: ResolvedTable, values: Row): Result<Row> {
  const row: Row = {};
  for (const [name, value] of Object.entries(values)) {
    const column = table.columns.find((candidate) => candidate.name === name);
    const coerced = column ? coerceCellValue(column, value) : ok(value);
    if (!coerced.ok) return coerced;
    row[name] = coerced.value;
  }
  return ok(row);
}

function pickKey(key: RowKey, columns: string[]): RowKey {
  return Object.fromEntries(columns.map((column) => [column, key[column] ?? null]));
}

/** Data tables: list, page through, edit cells (undoably), and read-only SQL for analysts. */
export const tablesHandlers = defineHandlers({
  /** Every table, view and imported dataset with its columns and row count. */
  'tables.list': (_args: void, { session }: HandlerContext): TableSummary[] =>
    listTables(session.db),

  /** One page with sort, filters and accent-insensitive search, all in SQL. */
  'tables.query': (args: TableQuery, { session }: HandlerContext): Result<TableQueryResult> =>
    queryTable(session.db, args),

  /**
   * Changes one cell through the mutation door (undoable, audited). `table` may be an editable
   * view (municipality_overview, pilot_overview): the edit goes to its base row. The value is
   * made to fit the column first ("1.234" → 1234 in a number column, "" → NULL).
   * Returns the row's key afterwards (it changes when a key column was edited) and the stored value.
   */
  'tables.updateCell': (
    args: { table: string; key: RowKey; column: string; value: SqlValue },
    context: HandlerContext,
  ): Result<{ key: RowKey; value: SqlValue }> => {
    const table = resolved(context, args.table);
    if (!table.ok) return table;
    const target = editTarget(table.value, [args.column]);
    if (!target.ok) return target;
    const row = coerceRow(table.value, { [args.column]: args.value });
    if (!row.ok) return row;
    const value = row.value[args.column] ?? null;
    const key = pickKey(args.key, target.value.key);
    const done = runCommands(context.session, [
      { kind: 'updateCell', table: target.value.table, key, column: args.column, value },
    ]);
    if (!done.ok) return done;
    const newKey = target.value.key.includes(args.column) ? { ...key, [args.column]: value } : key;
    return ok({ key: newKey, value });
  },

  /** Adds a row (one undo step); returns its key. */
  'tables.insertRow': (
    args: { table: string; values: Row },
    context: HandlerContext,
  ): Result<{ key: RowKey }> => {
    const table = resolved(context, args.table);
    if (!table.ok) return table;
    if (table.value.base) {
      return err(
        'read-only-table',
        `Voeg rijen toe in ${table.value.base.table}, niet in ${table.value.name}.`,
      );
    }
    const target = editTarget(table.value, Object.keys(args.values));
    if (!target.ok) return target;
    const row = coerceRow(table.value, args.values);
    if (!row.ok) return row;
    const done = runCommands(context.session, [
      { kind: 'insertRow', table: target.value.table, values: row.value },
    ]);
    return done.ok ? ok({ key: done.value[0] ?? {} }) : done;
  },

  /** Deletes rows by key, all or none, as one undo step (cascaded children come back on undo). */
  'tables.deleteRows': (
    args: { table: string; keys: RowKey[] },
    context: HandlerContext,
  ): Result<{ deleted: number }> => {
    const table = resolved(context, args.table);
    if (!table.ok) return table;
    const target = editTarget(table.value, []);
    if (!target.ok) return target;
    const commands: RowCommand[] = args.keys.map((key) => ({
      kind: 'deleteRow',
      table: target.value.table,
      key: pickKey(key, target.value.key),
    }));
    const done = runCommands(context.session, commands);
    return done.ok ? ok({ deleted: commands.length }) : done;
  },

  /** A read-only SQL query for analysts; writes are refused. `limit` defaults to 1000 rows. */
  'tables.sql': (
    args: { sql: string; limit?: number },
    { session }: HandlerContext,
  ): Result<SqlQueryResult> => runReadOnlySql(session.db, args.sql, args.limit),

  /**
   * An analyst's query: the same guards, run in the sandbox on a copy of the workspace with a
   * time limit (default 30 s) and cancel, one page (`offset`, `limit`) at a time. The next page
   * of the same query continues where the previous one stopped.
   */
  'tables.userSql': async (
    args: { sql: string; limit: number; offset?: number; timeoutMs?: number },
    { session, signal }: HandlerContext,
  ): Promise<Result<SqlQueryResult>> => {
    const limit = Math.max(1, Math.floor(args.limit));
    const offset = Math.max(0, Math.floor(args.offset ?? 0));
    if (!session.sqlSandbox) return runReadOnlySql(session.db, args.sql, limit, offset);
    return session.sqlSandbox.query(
      session.db,
      { sql: args.sql, offset, limit },
      { timeoutMs: args.timeoutMs ?? DEFAULT_SQL_TIMEOUT_MS, signal },
    );
  },
});
