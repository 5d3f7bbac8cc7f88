import type { Database, SqlValue } from 'sql.js';
import { errorText } from '../db/workspace-file';
import { err, ok, type Result } from '../result';
import type { SqlQueryResult } from './types';

export const DEFAULT_SQL_LIMIT = 1000;

/** Pragmas that only read; anything else (and any pragma with "=") could change the workspace. */
const READ_PRAGMAS = new Set([
  'table_info',
  'table_xinfo',
  'table_list',
  'index_list',
  'index_info',
  'index_xinfo',
  'foreign_key_list',
  'foreign_key_check',
  'integrity_check',
  'quick_check',
  'user_version',
  'application_id',
  'schema_version',
  'page_count',
  'page_size',
  'freelist_count',
  'database_list',
  'function_list',
  'compile_options',
  'collation_list',
]);

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
  'Hier kan alleen gelezen worden (SELECT, WITH, VALUES, EXPLAIN of een lezende PRAGMA); wijzigingen gaan via de tabellen, de import of ongedaan maken.';

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
 * First guard: what the statement says it is. Only reading statements pass; a CTE that ends
 * in INSERT (`WITH … INSERT`) passes this one and is caught by the second (writesData).
 */
function allowedByKeyword(sql: string): boolean {
  const text = stripLeadingComments(sql);
  const keyword = /^[A-Za-z]+/.exec(text)?.[0]?.toUpperCase();
  if (keyword === 'SELECT' || keyword === 'WITH' || keyword === 'VALUES') return true;
  if (keyword === 'EXPLAIN') return true; // explains, never runs
  if (keyword === 'PRAGMA') {
    const pragma = /^PRAGMA\s+(?:main\.)?(\w+)\s*(\(\s*['"]?[\w ]+['"]?\s*\))?\s*;?\s*$/i.exec(
      text,
    );
    return pragma !== null && READ_PRAGMAS.has((pragma[1] ?? '').toLowerCase());
  }
  return false;
}

/** Second guard: SQLite's own plan for the statement opens a write transaction or writes. */
function writesData(db: Database, sql: string): boolean {
  if (/^EXPLAIN\b/i.test(stripLeadingComments(sql))) return false;
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
 * Runs one analyst's query, read-only. Three guards: the statement kind, SQLite's own plan,
 * and a savepoint rolled back afterwards whatever happened.
 */
export function runReadOnlySql(
  db: Database,
  sql: string,
  limit: number = DEFAULT_SQL_LIMIT,
): Result<SqlQueryResult> {
  const max = Math.max(1, Math.floor(limit));
  try {
    if (stripLeadingComments(sql).replace(/^[\s;]+/, '') === '') {
      return err('sql-empty', 'Geef een SQL-instructie in.');
    }
    const allowed = allowedByKeyword(sql);
    // A pragma may act while it is prepared: refuse a writing one before SQLite sees it.
    if (!allowed && /^PRAGMA\b/i.test(stripLeadingComments(sql))) {
      return err('sql-read-only', readOnlyMessage);
    }
    const count = statementCount(db, sql); // throws on a syntax error
    if (count === 0) return err('sql-empty', 'Geef een SQL-instructie in.');
    if (count > 1) return err('sql-multiple', 'Voer één SQL-instructie tegelijk uit.');
    if (!allowed || writesData(db, sql)) return err('sql-read-only', readOnlyMessage);
  } catch (error) {
    return err('sql-invalid', `De SQL-instructie klopt niet: ${errorText(error)}`, {
      detail: errorText(error),
    });
  }
  db.run('SAVEPOINT pijlerplan_read_only');
  try {
    const statement = db.prepare(sql);
    try {
      const columns = statement.getColumnNames();
      const rows: SqlValue[][] = [];
      let truncated = false;
      while (statement.step()) {
        if (rows.length === max) {
          truncated = true;
          break;
        }
        rows.push(statement.get());
      }
      return ok({ columns, rows, truncated });
    } finally {
      statement.free();
    }
  } catch (error) {
    return err('sql-failed', `De SQL-instructie kon niet uitgevoerd worden: ${errorText(error)}`, {
      detail: errorText(error),
    });
  } finally {
    db.run('ROLLBACK TO pijlerplan_read_only');
    db.run('RELEASE pijlerplan_read_only');
  }
}
