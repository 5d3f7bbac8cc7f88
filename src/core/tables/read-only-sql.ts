import type { Database, SqlValue, Statement } from 'sql.js';
import { errorText } from '../db/workspace-file';
import { err, ok, type Result } from '../result';
import type { SqlQueryResult } from './types';

export const DEFAULT_SQL_LIMIT = 1000;

/**
 * Opcodes of a statement that writes or changes the schema/connection. Not Insert/IdxInsert/
 * Delete: reading queries use them on ephemeral tables (DISTINCT, GROUP BY, IN lists); a real
 * write needs OpenWrite and a write transaction, which are checked.
 */
const WRITE_OPCODES = new Set([
  'OpenWrite',
  'SetCookie',
  'CreateBtree',
  'Destroy',
  'Clear',
  'ParseSchema',
  'DropTable',
  'DropIndex',
  'DropTrigger',
  'VUpdate',
  'VDestroy',
  'VCreate',
]);

const readOnlyMessage =
  'Hier kan alleen gelezen worden: één SELECT (of WITH … SELECT). Wijzigingen gaan via de tabellen, de import of ongedaan maken; PRAGMA, EXPLAIN en ATTACH kunnen hier niet.';

function stripLeadingComments(sql: string): string {
  let rest = sql.trimStart();
  for (;;) {
    if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      rest = end < 0 ? '' : rest.slice(end + 1).trimStart();
    } else if (rest.startsWith('/*')) {
      const end = rest.indexOf('*/');
      rest = end < 0 ? '' : rest.slice(end + 2).trimStart();
    } else return rest;
  }
}

/**
 * First guard: what the statement says it is. Only SELECT and WITH pass — not EXPLAIN (it
 * runs `EXPLAIN PRAGMA …`, which switches off foreign keys or caps the heap), not PRAGMA, not
 * ATTACH. A CTE that ends in INSERT (`WITH … INSERT`) passes this one and is caught by the
 * second (writesData).
 */
/** The other statements SQLite knows: refused as "not read-only" rather than as a typo. */
const STATEMENT_KEYWORDS = new Set(
  'ALTER ANALYZE ATTACH BEGIN COMMIT CREATE DELETE DETACH DROP END EXPLAIN INSERT PRAGMA REINDEX RELEASE REPLACE ROLLBACK SAVEPOINT UPDATE VACUUM VALUES'.split(
    ' ',
  ),
);

function allowedByKeyword(sql: string): boolean {
  const text = stripLeadingComments(sql);
  const keyword = /^[A-Za-z]+/.exec(text)?.[0]?.toUpperCase();
  return keyword === 'SELECT' || keyword === 'WITH';
}

/** Second guard: SQLite's own plan for the statement opens a write transaction or writes. */
function writesData(db: Database, sql: string): boolean {
  const plan = db.exec(`EXPLAIN ${sql}`)[0]?.values ?? [];
  return plan.some(([, opcode, , p2]) => {
    const name = String(opcode);
    return WRITE_OPCODES.has(name) || (name === 'Transaction' && Number(p2) !== 0);
  });
}

/**
 * How many statements the text holds: 0, 1 or "more". Prepares only the first one: some
 * pragmas act while being prepared, so a second statement must never even be compiled.
 */
function statementCount(db: Database, sql: string): 0 | 1 | 2 {
  const iterator = db.iterateStatements(sql);
  const first = iterator.next();
  if (first.done) return 0;
  first.value.free();
  const rest = stripLeadingComments(iterator.getRemainingSQL().replace(/^[\s;]+/, ''));
  return rest === '' ? 1 : 2;
}

/**
 * The first two guards: only one SELECT/WITH statement whose plan writes nothing. Compiles the
 * statement (which is how a syntax error or a missing table is found) but never runs it.
 */
export function checkReadOnlySql(db: Database, sql: string): Result<void> {
  try {
    if (stripLeadingComments(sql).replace(/^[\s;]+/, '') === '') {
      return err('sql-empty', 'Geef een SQL-instructie in.');
    }
    // A pragma may act while it is prepared: refuse anything but SELECT/WITH before SQLite sees it.
    if (!allowedByKeyword(sql)) {
      const keyword = /^[A-Za-z]*/.exec(stripLeadingComments(sql))?.[0] ?? '';
      return STATEMENT_KEYWORDS.has(keyword.toUpperCase())
        ? err('sql-read-only', readOnlyMessage)
        : err(
            'sql-invalid',
            `De SQL-instructie klopt niet: ze begint met "${keyword || sql.trim().slice(0, 10)}"; een query begint met SELECT of WITH.`,
          );
    }
    const count = statementCount(db, sql); // throws on a syntax error
    if (count === 0) return err('sql-empty', 'Geef een SQL-instructie in.');
    if (count > 1) return err('sql-multiple', 'Voer één SQL-instructie tegelijk uit.');
    if (writesData(db, sql)) return err('sql-read-only', readOnlyMessage);
    return ok(undefined);
  } catch (error) {
    return err('sql-invalid', `De SQL-instructie klopt niet: ${errorText(error)}`, {
      detail: errorText(error),
    });
  }
}

/**
 * Steps a prepared statement: skips `skip` rows, reads at most `limit`, and says whether more
 * follow — the row stepped to in finding that out is returned as `next`, so a following page
 * can start with it (`carried`). `deadline` (ms since epoch) stops a query between rows; one
 * long step cannot be interrupted in this thread (the sandbox's watchdog can).
 */
export function readRows(
  statement: Statement,
  skip: number,
  limit: number,
  deadline = Number.POSITIVE_INFINITY,
  carried: SqlValue[] | null = null,
): { rows: SqlValue[][]; truncated: boolean; next: SqlValue[] | null } {
  const rows: SqlValue[][] = [];
  let skipped = 0;
  let pending = carried;
  for (let steps = 0; ; steps++) {
    if ((steps & 255) === 255 && Date.now() > deadline) {
      return { rows, truncated: true, next: pending };
    }
    let row: SqlValue[];
    if (pending) {
      row = pending;
      pending = null;
    } else if (statement.step()) row = statement.get();
    else return { rows, truncated: false, next: null };
    if (skipped < skip) {
      skipped++;
      continue;
    }
    if (rows.length === limit) return { rows, truncated: true, next: row };
    rows.push(row);
  }
}

export function sqlFailed(error: unknown): Result<never> {
  return err('sql-failed', `De SQL-instructie kon niet uitgevoerd worden: ${errorText(error)}`, {
    detail: errorText(error),
  });
}

/**
 * Runs one query read-only, in this thread. Three guards: the statement kind, SQLite's own
 * plan, and a savepoint rolled back afterwards whatever happened. For the app's own figures;
 * an analyst's query goes through the sandbox (./sql-sandbox), which can stop a runaway.
 */
export function runReadOnlySql(
  db: Database,
  sql: string,
  limit: number = DEFAULT_SQL_LIMIT,
  offset = 0,
): Result<SqlQueryResult> {
  const max = Math.max(1, Math.floor(limit));
  const checked = checkReadOnlySql(db, sql);
  if (!checked.ok) return checked;
  db.run('SAVEPOINT pijlerplan_read_only');
  try {
    const statement = db.prepare(sql);
    try {
      const columns = statement.getColumnNames();
      const { rows, truncated } = readRows(statement, Math.max(0, Math.floor(offset)), max);
      return ok({ columns, rows, truncated });
    } finally {
      statement.free();
    }
  } catch (error) {
    return sqlFailed(error);
  } finally {
    db.run('ROLLBACK TO pijlerplan_read_only');
    db.run('RELEASE pijlerplan_read_only');
  }
}
