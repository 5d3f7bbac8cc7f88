import type { SqlValue } from 'sql.js';
import { createNodeSqlSandbox } from '../../node/sql-sandbox';
import { parseArgs } from '../args';
import { openWorkspaceInCore } from '../core';
import { formatCsv, formatJson, formatRows, type OutputFormat } from '../format';
import { CliError, type CliCommand, type CliIo } from './types';

const usage =
  'query <werkruimte> "<sql>" [--format csv|json|table] [--limit <n>, 0 = alles] [--timeout <s>, 0 = geen]';

/** Rows shown when --limit is not given: a query on a big raw table must not flood the terminal. */
export const DEFAULT_CLI_LIMIT = 1000;
const PAGE_SIZE = 10_000;
const DEFAULT_TIMEOUT_S = 30;

function wholeNumber(value: string | boolean | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(number) || number < 0) {
    throw new CliError(`--${name} moet een geheel getal zijn, 0 of meer.`, 2);
  }
  return number;
}

/**
 * Writes pages as they arrive (csv and json), so --limit 0 on ten million rows streams instead
 * of holding them all; the aligned table needs every row's width and collects them.
 */
function pageWriter(format: OutputFormat, io: CliIo) {
  const collected: SqlValue[][] = [];
  let columns: string[] = [];
  let pages = 0;
  let jsonRows = 0;
  return {
    write(pageColumns: string[], rows: SqlValue[][]) {
      columns = pageColumns;
      pages++;
      if (format === 'table') collected.push(...rows);
      else if (format === 'csv') {
        const text = formatCsv(columns, rows);
        io.out(pages === 1 ? text : text.slice(text.indexOf('\n') + 1));
      } else if (rows.length > 0) {
        const body = formatJson(columns, rows).slice(2, -3); // without "[\n" and "\n]\n"
        io.out(`${jsonRows === 0 ? '[\n' : ',\n'}${body}`);
        jsonRows += rows.length;
      }
    },
    end() {
      if (format === 'table') io.out(formatRows('table', columns, collected));
      else if (format === 'json') io.out(jsonRows > 0 ? '\n]\n' : '[]\n');
    },
  };
}

/** Runs one read-only SQL query on a workspace file and prints the rows. */
export const queryCommand: CliCommand = {
  name: 'query',
  usage,
  summary: `Voert een lezende SQL-query (SELECT of WITH … SELECT) uit op een werkruimte (csv, json of tabel). Toont standaard ${DEFAULT_CLI_LIMIT} rijen en stopt een query na ${DEFAULT_TIMEOUT_S} s.`,
  async run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      {
        format: { type: 'string', values: ['csv', 'json', 'table'] },
        limit: { type: 'string' },
        timeout: { type: 'string' },
      },
      usage,
    );
    const [file, sql, ...rest] = positionals;
    if (file === undefined || sql === undefined || rest.length > 0) {
      throw new CliError(`Geef een werkruimte en één SQL-query op. Gebruik: ${usage}`, 2);
    }
    const limit = wholeNumber(options.limit, DEFAULT_CLI_LIMIT, 'limit');
    const timeoutS = wholeNumber(options.timeout, DEFAULT_TIMEOUT_S, 'timeout');
    const core = await openWorkspaceInCore(file);
    const session = await core.session();
    session.sqlSandbox = createNodeSqlSandbox();
    const writer = pageWriter((options.format ?? 'table') as OutputFormat, io);
    try {
      for (let offset = 0; ;) {
        const pageSize = limit === 0 ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - offset);
        const page = await core.call('tables.userSql', {
          sql,
          limit: pageSize,
          offset,
          timeoutMs: timeoutS === 0 ? 2 ** 31 - 1 : timeoutS * 1000,
        });
        if (!page.ok) throw new CliError(page.error.message);
        writer.write(page.value.columns, page.value.rows);
        offset += page.value.rows.length;
        if (!page.value.truncated) break;
        if (limit !== 0 && offset >= limit) {
          writer.end();
          io.err(
            `Let op: alleen de eerste ${limit} rijen getoond; --limit <n> toont er meer, --limit 0 alle.\n`,
          );
          return 0;
        }
      }
      writer.end();
      return 0;
    } finally {
      session.sqlSandbox.close();
    }
  },
};
