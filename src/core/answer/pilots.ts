import type { Database } from 'sql.js';
import { selectRows } from '../dashboard/filter';
import {
  networkCoverage,
  pilotParticipants,
  pilotBudget,
  countPilots,
  seriesTotal,
} from '../dashboard/pilot-charts';
import type { AnswerFilters } from './how-many';
import type { Figure, PilotReach } from './types';

/**
 * "Proeftuinen en lokale besturen": the pilots running at some time in the plan's horizon
 * (the dashboard's pilot filter), their reach and budget (its charts, summed), the
 * municipalities they cover per network, and local governments' readiness when a dataset of
 * that kind was imported.
 */
export function readPilots(db: Database, filters: AnswerFilters): PilotReach {
  const { horizon: filter, horizonF: f } = filters;
  const { pilots, evaluated: interim } = countPilots(db, f);
  const sum = seriesTotal;
  const participants = pilotParticipants(db, f).rows;
  const budget = pilotBudget(db, f).rows;
  const coverage = networkCoverage(db, f).rows;
  const figure = (value: number, unit: Figure['unit'], trace: Figure['trace']): Figure => ({
    value,
    unit,
    trace,
  });
  const covered = sum(coverage, 'covered');
  return {
    pilots: figure(Number(pilots), 'count', { filter, chart: 'pilots' }),
    participantsReached: figure(sum(participants, 'reached'), 'people', {
      filter,
      chart: 'pilotParticipants',
      seriesKey: 'reached',
    }),
    participantsTarget: figure(sum(participants, 'target'), 'people', {
      filter,
      chart: 'pilotParticipants',
      seriesKey: 'target',
    }),
    budgetEur: figure(sum(budget, 'budget'), 'eur', {
      filter,
      chart: 'pilotBudget',
      seriesKey: 'budget',
    }),
    cofinancingEur: figure(sum(budget, 'cofinancing'), 'eur', {
      filter,
      chart: 'pilotBudget',
      seriesKey: 'cofinancing',
    }),
    municipalitiesCovered: figure(covered, 'count', {
      filter,
      chart: 'coverage',
      seriesKey: 'covered',
    }),
    municipalitiesTotal: covered + sum(coverage, 'uncovered'),
    byNetwork: coverage.map((row) => ({
      code: row.key,
      name: row.label,
      covered: row.values.covered ?? 0,
      total: (row.values.covered ?? 0) + (row.values.uncovered ?? 0),
    })),
    interimEvaluations: Number(interim),
    readiness: readReadiness(db),
  };
}

const READINESS = /gereed|klaar|readiness|regierol|regie/i;

/**
 * Local governments' readiness for their directing role, when an imported dataset says so: a
 * dataset whose name or label speaks of readiness ("gereedheid", "regierol", …), counted per
 * value of its first text column whose name does too (else its last text column). Null when
 * no such dataset was imported — the answer then says so rather than guess.
 */
function readReadiness(db: Database): PilotReach['readiness'] {
  const datasets = selectRows(db, 'SELECT table_name, label FROM dataset ORDER BY table_name');
  const found = datasets.find(([table, label]) =>
    READINESS.test(`${String(table)} ${String(label)}`),
  );
  if (!found) return null;
  const table = String(found[0]);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) return null;
  const columns = selectRows(db, `SELECT name, type FROM pragma_table_info('${table}')`).map(
    ([name, type]) => ({ name: String(name), type: String(type).toUpperCase() }),
  );
  const text = columns.filter((c) => c.type === '' || c.type.includes('TEXT'));
  const column =
    text.find((c) => READINESS.test(c.name) || /status|fase/i.test(c.name)) ?? text.at(-1);
  if (!column) return null;
  return selectRows(
    db,
    `SELECT coalesce("${column.name}", '(leeg)'), count(*) FROM "${table}" GROUP BY 1 ORDER BY 2 DESC, 1`,
  ).map(([value, n]) => ({
    label: String(value),
    value: { value: Number(n), unit: 'count' as const, trace: null },
  }));
}
