import type { SqlValue } from 'sql.js';
import type { Grain } from '../../core/planning/months';
import { parseArgs } from '../args';
import { openWorkspaceInCore } from '../core';
import { formatFte } from '../../i18n/formatters';
import { formatRows, type OutputFormat } from '../format';
import { CliError, type CliCommand } from './types';

const usage =
  'plan <werkruimte> --scenario <naam> [--by region[,month|quarter|year]] [--regions network|agii] [--format table|csv|json]';

const GRAINS: readonly Grain[] = ['month', 'quarter', 'year'];

/** Rounds FTE for printing; the core's sums are exact (integer thousandths). */
const fte = (value: number): number => Math.round(value * 100) / 100 || 0;

/**
 * Planned vs required vs gap per region (and month, quarter or year) for one scenario: the
 * same core query ('planning.demand') as the demand view of the Planning screen.
 */
export const planCommand: CliCommand = {
  name: 'plan',
  usage,
  summary: 'Toont gepland, nodig en verschil (VTE vierde pijler) per regio en periode.',
  async run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      {
        scenario: { type: 'string' },
        by: { type: 'string' },
        regions: { type: 'string', values: ['network', 'agii'] },
        format: { type: 'string', values: ['csv', 'json', 'table'] },
      },
      usage,
    );
    const [file, ...rest] = positionals;
    if (file === undefined || rest.length > 0)
      throw new CliError(`Geef één werkruimte op. Gebruik: ${usage}`, 2);
    if (options.scenario === undefined)
      throw new CliError(`Geef het scenario op met --scenario "<naam>". Gebruik: ${usage}`, 2);
    const by = String(options.by ?? 'region')
      .split(',')
      .map((part) => part.trim());
    const [first, period, ...extra] = by;
    if (
      first !== 'region' ||
      extra.length > 0 ||
      (period !== undefined && !GRAINS.includes(period as Grain))
    )
      throw new CliError(
        `--by "${String(options.by)}" wordt niet begrepen: gebruik region, region,month, region,quarter of region,year.`,
        2,
      );
    const grain: Grain = (period as Grain | undefined) ?? 'all';

    const core = await openWorkspaceInCore(file);
    const scenarios = await core.call('planning.scenarios', undefined);
    const scenario = scenarios.find((candidate) => candidate.name === options.scenario);
    if (!scenario)
      throw new CliError(
        `Scenario "${String(options.scenario)}" bestaat niet in ${file}. Beschikbaar: ${scenarios.map((s) => `"${s.name}"`).join(', ')}.`,
      );
    const demand = await core.call('planning.demand', {
      scenarioId: scenario.id,
      regionKind: options.regions === 'agii' ? 'agii' : 'network',
      grain,
    });
    if (!demand.ok) throw new CliError(demand.error.message);

    const columns =
      grain === 'all'
        ? ['regio', 'gepland', 'nodig', 'verschil']
        : ['regio', 'periode', 'gepland', 'nodig', 'verschil'];
    const rows: SqlValue[][] = demand.value.rows.map((row) => [
      row.regionName,
      ...(grain === 'all' ? [] : [row.bucket]),
      fte(row.plannedMilli / 1000),
      fte(row.requiredFte),
      fte(row.gapFte),
    ]);
    const format = (options.format ?? 'table') as OutputFormat;
    // A table is for people: two decimals, the Belgian way (0,53), through the app's own nl-BE
    // formatter; csv and json keep numbers as numbers for scripts.
    const shown =
      format === 'table'
        ? rows.map((row) =>
            row.map((value) => (typeof value === 'number' ? formatFte(value, 'nl-BE') : value)),
          )
        : rows;
    io.out(
      formatRows(
        format,
        columns,
        shown,
        columns.map((column) => ['gepland', 'nodig', 'verschil'].includes(column)),
      ),
    );
    return 0;
  },
};
