import type { Database, SqlValue } from 'sql.js';
import { err, ok, type Result } from '../result';
import { MAX_PAGE, queryTable } from '../tables/query';
import { runReadOnlySql } from '../tables/read-only-sql';
import type { TableQuery } from '../tables/types';
import type { RowSource } from './table-export';

/**
 * An analyst's SQL as a row source. The statement passes the app's read-only guard first
 * (runReadOnlySql, with a one-row limit: it refuses writes and multiple statements and gives the
 * columns); then the rows stream from a prepared statement inside a savepoint that is rolled
 * back, so nothing but the current row is held even for 1,000,000 rows.
 */
export function sqlRowSource(db: Database, sql: string): Result<RowSource & { close(): void }> {
  const checked = runReadOnlySql(db, sql, 1);
  if (!checked.ok) return checked;
  db.run('SAVEPOINT pijlerplan_export');
  let statement: ReturnType<Database['prepare']> | null;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    db.run('ROLLBACK TO pijlerplan_export');
    db.run('RELEASE pijlerplan_export');
    return err('sql-failed', `De SQL-instructie kon niet uitgevoerd worden: ${String(error)}`);
  }
  const close = () => {
    if (!statement) return;
    statement.free();
    statement = null;
    db.run('ROLLBACK TO pijlerplan_export');
    db.run('RELEASE pijlerplan_export');
  };
  const prepared = statement;
  function* rows(): Generator<SqlValue[]> {
    try {
      while (prepared.step()) yield prepared.get();
    } finally {
      close();
    }
  }
  return ok({ columns: checked.value.columns, rows: rows(), close });
}

/**
 * A data table as the user sees it (sort, filters, search), every matching row, page by page.
 */
export function tableRowSource(
  db: Database,
  query: Omit<TableQuery, 'offset' | 'limit'>,
): Result<RowSource> {
  const first = queryTable(db, { ...query, offset: 0, limit: MAX_PAGE });
  if (!first.ok) return first;
  const { total, columns } = first.value;
  function* rows(): Generator<SqlValue[]> {
    let page = first.ok ? first.value.rows : [];
    let offset = 0;
    for (;;) {
      yield* page;
      offset += page.length;
      if (page.length < MAX_PAGE || offset >= total) return;
      const next = queryTable(db, { ...query, offset, limit: MAX_PAGE });
      if (!next.ok) throw new Error(next.error.message);
      page = next.value.rows;
    }
  }
  return ok({ columns: columns.map((column) => column.name), rows: rows(), total });
}
