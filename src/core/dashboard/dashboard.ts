import type { Database } from 'sql.js';
import { findScenarioHead } from '../planning/scenarios';
import { err, ok, type Result } from '../result';
import { readMeta } from '../workspace/meta';
import { resolveFilter, type DashboardFilter } from './filter';
import {
  fteByDivision,
  plannedMilliByPosition,
  plannedOverTime,
  positionsChart,
  requiredVsPlanned,
} from './fte-charts';
import {
  networkCoverage,
  pilotBudget,
  pilotParticipants,
  pilotsByProvince,
  countPilots,
  seriesTotal,
} from './pilot-charts';
import { selectRows } from './filter';
import type { ChartData, ChartId, Dashboard, Drill, Kpi } from './types';

export const CHART_IDS: readonly ChartId[] = [
  'fteByDivision',
  'requiredVsPlanned',
  'plannedOverTime',
  'positions',
  'pilotsByProvince',
  'pilotBudget',
  'pilotParticipants',
  'networkCoverage',
];

/** One chart at a drill level (the charts without drill levels ignore it). */
export function readChart(
  db: Database,
  filter: DashboardFilter,
  chart: ChartId,
  drill?: Drill | null,
): ChartData {
  const f = resolveFilter(db, filter);
  return chartOf(db, f, chart, drill);
}

function chartOf(
  db: Database,
  f: ReturnType<typeof resolveFilter>,
  chart: ChartId,
  drill?: Drill | null,
) {
  switch (chart) {
    case 'fteByDivision':
      return fteByDivision(db, f, drill);
    case 'plannedOverTime':
      return plannedOverTime(db, f);
    case 'requiredVsPlanned':
      return requiredVsPlanned(db, f, drill);
    case 'positions':
      return positionsChart(f, drill);
    case 'pilotsByProvince':
      return pilotsByProvince(db, f);
    case 'pilotBudget':
      return pilotBudget(db, f);
    case 'pilotParticipants':
      return pilotParticipants(db, f);
    case 'networkCoverage':
      return networkCoverage(db, f);
  }
}

/** Every KPI and chart of the dashboard for one filter (drill levels per chart). */
export function readDashboard(
  db: Database,
  filter: DashboardFilter,
  drills: Partial<Record<ChartId, Drill | null>> = {},
): Result<Dashboard> {
  const started = performance.now();
  const scenario = findScenarioHead(db, filter.scenarioId);
  if (!scenario.ok) return err(scenario.error.code, scenario.error.message);
  const f = resolveFilter(db, filter);
  const charts = CHART_IDS.map((id) => chartOf(db, f, id, drills[id]));
  const top = (id: ChartId) =>
    drills[id] ? chartOf(db, f, id, null) : charts.find((chart) => chart.id === id)!;
  const sum = (chart: ChartData, key: string) => seriesTotal(chart.rows, key);
  const demand = top('requiredVsPlanned');
  const coverage = top('networkCoverage');
  const plannedMilli = [...plannedMilliByPosition(db, f).values()].reduce((a, b) => a + b, 0);
  const { pilots } = countPilots(db, f);
  const vacancies = f.snapshot.positions.filter(
    (p) =>
      p.pillar4Share > 0 &&
      p.holders.length === 0 &&
      (f.divisionId === null ||
        (f.ancestry.get(p.unitId) ?? []).some((u) => u.id === f.divisionId)),
  ).length;
  const covered = sum(coverage, 'covered');
  const kpis: Kpi[] = [
    { id: 'plannedFte', value: plannedMilli / 1000 / f.months.length, unit: 'fte' },
    { id: 'requiredFte', value: sum(demand, 'required'), unit: 'fte' },
    { id: 'gapFte', value: sum(demand, 'gap'), unit: 'fte' },
    { id: 'vacancies', value: vacancies, unit: 'count' },
    { id: 'pilots', value: pilots, unit: 'count' },
    { id: 'coverage', value: covered, of: covered + sum(coverage, 'uncovered'), unit: 'count' },
  ];
  const meta = readMeta(db);
  return ok({
    workspaceName: meta.name ?? '',
    dataDate: f.dataDate,
    scenarioName: scenario.value.name,
    from: f.from,
    to: f.to,
    kpis,
    charts,
    timings: { queriesMs: performance.now() - started },
  });
}

/** What the filter chips offer: scenarios, regions of both kinds, divisions, activities, months. */
export function filterOptions(db: Database) {
  const list = (sql: string) => selectRows(db, sql);
  const horizon = resolveFilter(db, { scenarioId: 0 });
  return {
    scenarios: list('SELECT id, name, status FROM scenario ORDER BY id').map(
      ([id, name, status]) => ({
        id: Number(id),
        name: String(name),
        approved: status === 'approved',
      }),
    ),
    regions: list('SELECT code, name, kind FROM region ORDER BY kind, sort_order, code').map(
      ([code, name, kind]) => ({
        code: String(code),
        name: String(name),
        kind: String(kind) as 'agii' | 'network',
      }),
    ),
    divisions: list(
      "SELECT id, name FROM org_unit WHERE kind = 'division' ORDER BY sort_order, id",
    ).map(([id, name]) => ({
      id: Number(id),
      name: String(name),
    })),
    activities: list('SELECT code, name, is_pillar4 FROM activity ORDER BY sort_order, code').map(
      ([code, name]) => ({
        code: String(code),
        name: String(name),
      }),
    ),
    from: horizon.from,
    to: horizon.to,
  };
}

export type FilterOptions = ReturnType<typeof filterOptions>;
