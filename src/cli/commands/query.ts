import { parseArgs } from '../args';
import { openWorkspaceInCore } from '../core';
import { formatRows, type OutputFormat } from '../format';
import { CliError, type CliCommand } from './types';

const usage = 'query <werkruimte> "<sql>" [--format csv|json|table] [--limit <n>]';

/** Runs one read-only SQL query on a workspace file and prints the rows. */
export const queryCommand: CliCommand = {
  name: 'query',
  usage,
  summary: 'Voert een lezende SQL-query uit op een werkruimte (csv, json of tabel).',
  async run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      { format: { type: 'string', values: ['csv', 'json', 'table'] }, limit: { type: 'string' } },
      usage,
    );
    const [file, sql, ...rest] = positionals;
    if (file === undefined || sql === undefined || rest.length > 0) {
      throw new CliError(`Geef een werkruimte en één SQL-query op. Gebruik: ${usage}`, 2);
    }
    const limit = options.limit === undefined ? Number.MAX_SAFE_INTEGER : Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      throw new CliError(`--limit moet een positief geheel getal zijn.`, 2);
    }
    const core = await openWorkspaceInCore(file);
    const result = await core.call('tables.sql', { sql, limit });
    if (!result.ok) throw new CliError(result.error.message);
    const format = (options.format ?? 'table') as OutputFormat;
    io.out(formatRows(format, result.value.columns, result.value.rows));
    if (result.value.truncated) io.err(`Let op: alleen de eerste ${limit} rijen getoond.\n`);
    return 0;
  },
};
