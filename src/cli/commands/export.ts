import { extname } from 'node:path';
import { openFileSink } from '../../node/file-sink';
import { parseArgs } from '../args';
import { openWorkspaceInCore } from '../core';
import { CliError, type CliCommand } from './types';

const usage =
  'export <werkruimte> (--sql "<query>" | --report rapport [--scenario <naam>] [--compare <naam>]) --out <bestand.xlsx|csv> [--csv-style belgian|plain]';

/** Exports a SQL result (xlsx or csv) or the report workbook from a workspace file. */
export const exportCommand: CliCommand = {
  name: 'export',
  usage,
  summary:
    'Schrijft een SQL-resultaat naar .xlsx of .csv (Belgische CSV standaard), of het rapport "Vierde pijler — rapport".',
  async run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      {
        sql: { type: 'string' },
        report: { type: 'string', values: ['rapport'] },
        scenario: { type: 'string' },
        compare: { type: 'string' },
        out: { type: 'string' },
        'csv-style': { type: 'string', values: ['belgian', 'plain'] },
      },
      usage,
    );
    const [file, ...rest] = positionals;
    const out = options.out as string | undefined;
    if (file === undefined || rest.length > 0 || out === undefined) {
      throw new CliError(`Geef een werkruimte en --out <bestand> op. Gebruik: ${usage}`, 2);
    }
    if ((options.sql === undefined) === (options.report === undefined)) {
      throw new CliError(`Kies --sql of --report. Gebruik: ${usage}`, 2);
    }
    const extension = extname(out).toLowerCase();
    if (extension !== '.xlsx' && extension !== '.csv') {
      throw new CliError(`--out moet eindigen op .xlsx of .csv (nu: ${out}).`, 2);
    }
    if (options.report !== undefined && extension !== '.xlsx') {
      throw new CliError('Het rapport is een Excel-werkmap: geef --out <bestand>.xlsx op.', 2);
    }
    const core = await openWorkspaceInCore(file);
    const sink = await openFileSink(out);
    const started = performance.now();
    try {
      const result =
        options.sql !== undefined
          ? await core.call('export.table', {
              source: { kind: 'sql', sql: options.sql as string },
              format: extension === '.csv' ? 'csv' : 'xlsx',
              csvStyle: (options['csv-style'] as 'belgian' | 'plain' | undefined) ?? 'belgian',
              sheetName: 'Gegevens',
              title: 'SQL-export',
              sink,
            })
          : await core.call('export.report', {
              scenario: options.scenario as string | undefined,
              compareWith: options.compare as string | undefined,
              fileName: file,
              sink,
            });
      if (!result.ok) throw new CliError(result.error.message);
      await sink.commit();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { rows, sheets, notes } = result.value;
      io.out(
        `${out}: ${rows.toLocaleString('nl-BE')} rijen${
          sheets.length > 0 ? ` op ${sheets.length} blad(en) (${sheets.join(', ')})` : ''
        }, ${seconds} s.\n`,
      );
      for (const note of notes) {
        io.err(
          `Let op: ${note.sheet}!${note.cell} had ${note.length} tekens en is ingekort tot Excel's 32.767.\n`,
        );
      }
      return 0;
    } catch (error) {
      await sink.abort();
      throw error;
    }
  },
};
