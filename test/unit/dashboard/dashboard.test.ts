import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import {
  readChart,
  readDashboard,
  traceFigure,
  type ChartData,
  type ChartId,
  type DashboardFilter,
  type Drill,
} from '../../../src/core/dashboard';
import { loadSnapshot, unitRollups } from '../../../src/core/org';
import { demandByRegion } from '../../../src/core/planning/demand';
import { dashboardSession } from './dashboard-fixture';

let db: Database;
beforeAll(async () => {
  db = (await dashboardSession()).session.db;
});

const sql = (text: string, params: (string | number)[] = []) =>
  (db.exec(text, params)[0]?.values ?? []) as (string | number | null)[][];

/** The chart as { category label: { series label: value rounded to 4 decimals } }. */
function table(chart: ChartData): Record<string, Record<string, number>> {
  const label = new Map(chart.series.map((s) => [s.key, s.label]));
  return Object.fromEntries(
    chart.rows.map((row) => [
      row.label,
      Object.fromEntries(
        Object.entries(row.values)
          .filter(([, v]) => v !== 0)
          .map(([k, v]) => [label.get(k) ?? k, Math.round(v * 1e4) / 1e4]),
      ),
    ]),
  );
}

const base: DashboardFilter = { scenarioId: 1 };
const r4 = (n: number) => Math.round(n * 1e4) / 1e4;

describe('fourth-pillar FTE by division and role, by hand', () => {
  it.each<[string, DashboardFilter, Drill | null, Record<string, Record<string, number>>]>([
    // D1: Netwerkcoach P1 3,6 + P5 0,6 = 4,2 ÷ 6; Consulent P2 2,0 + P4 4,8 = 6,8 ÷ 6.
    ['all months', base, null, { 'Afdeling Een': { Netwerkcoach: 0.7, Consulent: r4(6.8 / 6) } }],
    [
      '2023-04 … 06',
      { ...base, from: '2023-04', to: '2023-06' },
      null,
      { 'Afdeling Een': { Netwerkcoach: 0.6, Consulent: 1.1 } },
    ],
    [
      'region NW2',
      { ...base, regionCode: 'NW2' },
      null,
      { 'Afdeling Een': { Consulent: r4(6.8 / 6) } },
    ],
    ['division Twee', { ...base, divisionId: 3 }, null, {}],
    [
      'activity management',
      { ...base, activityCode: 'management' },
      null,
      { 'Afdeling Twee': { Netwerkcoach: 1 } },
    ],
    ['scenario Meer', { scenarioId: 2 }, null, { 'Afdeling Een': { Netwerkcoach: 1 } }],
    [
      'drilled into Afdeling Een',
      base,
      { unitId: 2 },
      {
        'Afdeling Een (zelf)': { Netwerkcoach: 0.1 },
        'Team A': { Netwerkcoach: 0.6, Consulent: 0.8 },
        'Team B': { Consulent: r4(2 / 6) },
      },
    ],
    [
      'drilled into Team A',
      base,
      { unitId: 4 },
      { 'Netwerkcoach A': { Netwerkcoach: 0.6 }, 'Consulent A': { Consulent: 0.8 } },
    ],
  ])('%s', (_name, filter, drill, expected) => {
    expect(table(readChart(db, filter, 'fteByDivision', drill))).toEqual(expected);
  });

  it('gives the breadcrumb of a drill level', () => {
    expect(readChart(db, base, 'fteByDivision', { unitId: 4 }).crumbs.map((c) => c.label)).toEqual([
      'Alle afdelingen',
      'Afdeling Een',
      'Team A',
    ]);
  });

  it('equals a direct GROUP BY on the allocation table', () => {
    const milli = sql(
      `SELECT sum(round(a.fte * 1000)) FROM allocation a JOIN activity act ON act.code = a.activity_code
        WHERE a.scenario_id = 1 AND act.is_pillar4 = 1`,
    )[0]![0] as number;
    const chart = readChart(db, base, 'fteByDivision');
    const total = chart.rows.flatMap((row) => Object.values(row.values)).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(milli / 1000 / 6, 9);
  });
});

describe('planned FTE over time per scenario', () => {
  it.each<[string, DashboardFilter, Record<string, Record<string, number>>]>([
    // K1: 1,8 + 1,1 + 2,4 + 0,6 = 5,9 ÷ 3; K2: 1,8 + 0,9 + 2,4 = 5,1 ÷ 3.
    [
      'quarters',
      { ...base, grain: 'quarter' },
      { '2023-K1': { Basis: r4(5.9 / 3), Meer: 1 }, '2023-K2': { Basis: 1.7, Meer: 1 } },
    ],
    ['year', { ...base, grain: 'year' }, { '2023': { Basis: r4(11 / 6), Meer: 1 } }],
    [
      'months, NW1',
      { ...base, grain: 'month', regionCode: 'NW1', from: '2023-03', to: '2023-04' },
      { '2023-03': { Basis: 0.8, Meer: 1 }, '2023-04': { Basis: 0.6, Meer: 1 } },
    ],
  ])('%s', (_name, filter, expected) => {
    expect(table(readChart(db, filter, 'plannedOverTime'))).toEqual(expected);
  });
});

describe('required vs planned per region (the planning demand model)', () => {
  // NW1: 1.200 newcomers → 40 participants a month, active 40/80/120…, FTE = active ÷ 60:
  // (0,667 + 1,333 + 4 × 2) ÷ 6 = 1,667. NW2: 240 → 8 a month: (8+16+24×4)/60 ÷ 6 = 0,333.
  it.each<[string, DashboardFilter, Drill | null, Record<string, Record<string, number>>]>([
    [
      'networks',
      base,
      null,
      {
        'Netwerk Een': { Nodig: r4(10 / 6), Gepland: 0.7, Verschil: r4(0.7 - 10 / 6) },
        'Netwerk Twee': { Nodig: r4(2 / 6), Gepland: r4(6.8 / 6), Verschil: r4(6.8 / 6 - 2 / 6) },
      },
    ],
    [
      'region NW2 only',
      { ...base, regionCode: 'NW2' },
      null,
      {
        'Netwerk Twee': { Nodig: r4(2 / 6), Gepland: r4(6.8 / 6), Verschil: r4(6.8 / 6 - 2 / 6) },
      },
    ],
    [
      'drilled into NW2: municipalities',
      base,
      { regionCode: 'NW2' },
      {
        Veurne: { Nodig: r4(2 / 6), Gepland: 0.8, Verschil: r4(0.8 - 2 / 6) },
        'Regio (geen gemeente)': { Gepland: r4(2 / 6), Verschil: r4(2 / 6) },
      },
    ],
  ])('%s', (_name, filter, drill, expected) => {
    expect(table(readChart(db, filter, 'requiredVsPlanned', drill))).toEqual(expected);
  });

  it('is the demand model of the planning core, averaged over the period', () => {
    const demand = demandByRegion(db, { scenarioId: 1, regionKind: 'network', grain: 'all' });
    if (!demand.ok) throw new Error(demand.error.message);
    const chart = readChart(db, base, 'requiredVsPlanned');
    for (const row of demand.value.rows) {
      const mine = chart.rows.find((r) => r.key === row.regionCode)!;
      expect(mine.values.required).toBeCloseTo(row.requiredFte, 9);
      expect(mine.values.planned).toBeCloseTo(row.plannedMilli / 1000, 9);
    }
  });

  it('municipalities inside a region add up to the region', () => {
    const region = readChart(db, base, 'requiredVsPlanned').rows.find((r) => r.key === 'NW1')!;
    const inside = readChart(db, base, 'requiredVsPlanned', { regionCode: 'NW1' }).rows;
    const sum = (key: string) => inside.reduce((t, r) => t + (r.values[key] ?? 0), 0);
    expect(sum('required')).toBeCloseTo(region.values.required!, 9);
    expect(sum('planned')).toBeCloseTo(region.values.planned!, 9);
  });
});

describe('positions filled vs vacant', () => {
  it.each<[string, DashboardFilter, Drill | null, Record<string, Record<string, number>>]>([
    ['divisions', base, null, { 'Afdeling Een': { Ingevuld: 4 }, 'Afdeling Twee': { Vacant: 1 } }],
    ['region NW2', { ...base, regionCode: 'NW2' }, null, { 'Afdeling Twee': { Vacant: 1 } }],
    [
      'in Afdeling Een',
      base,
      { unitId: 2 },
      {
        'Afdeling Een (zelf)': { Ingevuld: 1 },
        'Team A': { Ingevuld: 2 },
        'Team B': { Ingevuld: 1 },
      },
    ],
  ])('%s', (_name, filter, drill, expected) => {
    expect(table(readChart(db, filter, 'positions', drill))).toEqual(expected);
  });

  it('agrees with the organigram core roll-ups', () => {
    const rollups = unitRollups(loadSnapshot(db, { scenarioId: 1, date: '2023-06-30' }));
    for (const row of readChart(db, base, 'positions').rows) {
      const rollup = rollups.get(Number(row.key.slice(1)))!;
      expect([row.values.filled, row.values.vacant]).toEqual([rollup.filled, rollup.vacant]);
    }
  });
});

describe('pilots', () => {
  it.each<[string, ChartId, DashboardFilter, Record<string, Record<string, number>>]>([
    [
      'by province and approach',
      'pilotsByProvince',
      base,
      {
        Antwerpen: { Buddywerking: 1, Vrijwilligerswerk: 1 },
        'West-Vlaanderen': { Buddywerking: 1 },
      },
    ],
    [
      'by province, from 2023-04 (PL1 ended)',
      'pilotsByProvince',
      { ...base, from: '2023-04' },
      { 'West-Vlaanderen': { Buddywerking: 1 } },
    ],
    [
      'budget and co-financing',
      'pilotBudget',
      base,
      {
        Antwerpen: { Subsidie: 40000, Cofinanciering: 20000 },
        'West-Vlaanderen': { Subsidie: 30000, Cofinanciering: 10000 },
      },
    ],
    [
      'participants, region NW2',
      'pilotParticipants',
      { ...base, regionCode: 'NW2' },
      { 'West-Vlaanderen': { Bereikt: 25, Doel: 20 } },
    ],
    [
      'network coverage',
      'networkCoverage',
      base,
      { 'Netwerk Een': { 'Met proeftuin': 2 }, 'Netwerk Twee': { 'Met proeftuin': 1 } },
    ],
    [
      'network coverage from 2023-04',
      'networkCoverage',
      { ...base, from: '2023-04' },
      { 'Netwerk Een': { 'Zonder proeftuin': 2 }, 'Netwerk Twee': { 'Met proeftuin': 1 } },
    ],
  ])('%s', (_name, chart, filter, expected) => {
    expect(table(readChart(db, filter, chart))).toEqual(expected);
  });
});

describe('KPIs', () => {
  it('are the hand-worked totals', () => {
    const result = readDashboard(db, base);
    if (!result.ok) throw new Error(result.error.message);
    const kpi = Object.fromEntries(result.value.kpis.map((k) => [k.id, r4(k.value)]));
    expect(kpi).toEqual({
      plannedFte: r4(11 / 6),
      requiredFte: r4(12 / 6),
      gapFte: r4(11 / 6 - 2),
      vacancies: 1,
      pilots: 2,
      coverage: 3,
    });
    expect(result.value.charts).toHaveLength(8);
  });

  it('refuses an unknown scenario with a Dutch message', () => {
    const result = readDashboard(db, { scenarioId: 99 });
    expect(result.ok).toBe(false);
  });
});

describe('traces: the rows that make a figure', () => {
  it.each<[string, Parameters<typeof traceFigure>[1], number, number]>([
    [
      'Consulent in Afdeling Een',
      { filter: base, chart: 'fteByDivision', rowKey: 'u2', seriesKey: 'r2' },
      12,
      6.8 / 6,
    ],
    [
      'Team A drilled',
      { filter: base, chart: 'fteByDivision', rowKey: 'u4', drill: { unitId: 2 } },
      12,
      8.4 / 6,
    ],
    ['planned KPI', { filter: base, chart: 'plannedFte' }, 21, 11 / 6],
    [
      '2023-K2 of Meer',
      { filter: base, chart: 'plannedOverTime', rowKey: '2023-K2', seriesKey: 's2' },
      3,
      1,
    ],
    [
      'planned in NW2',
      { filter: base, chart: 'requiredVsPlanned', rowKey: 'NW2', seriesKey: 'planned' },
      12,
      6.8 / 6,
    ],
    [
      'required in NW1',
      { filter: base, chart: 'requiredVsPlanned', rowKey: 'NW1', seriesKey: 'required' },
      2,
      10 / 6,
    ],
    [
      'Veurne planned',
      {
        filter: base,
        chart: 'requiredVsPlanned',
        rowKey: '38025',
        seriesKey: 'planned',
        drill: { regionCode: 'NW2' },
      },
      6,
      0.8,
    ],
    ['vacancies KPI', { filter: base, chart: 'vacancies' }, 1, 1],
    [
      'budget Antwerpen',
      { filter: base, chart: 'pilotBudget', rowKey: 'Antwerpen', seriesKey: 'budget' },
      1,
      40000,
    ],
    [
      'covered in NW1',
      { filter: base, chart: 'networkCoverage', rowKey: 'NW1', seriesKey: 'covered' },
      2,
      2,
    ],
  ])('%s', (_name, request, rows, figure) => {
    const trace = traceFigure(db, request);
    expect(trace.rowCount).toBe(rows);
    expect(trace.figure).toBeCloseTo(figure, 9);
    expect(trace.words.length).toBeGreaterThan(20);
  });

  it('returns exactly the rows that sum to the figure, checked against the table', () => {
    const trace = traceFigure(db, {
      filter: base,
      chart: 'fteByDivision',
      rowKey: 'u2',
      seriesKey: 'r2',
    });
    const ids = trace.rows.map((row) => Number(row[0])).sort((a, b) => a - b);
    const expected = sql(
      `SELECT id FROM allocation WHERE scenario_id = 1 AND position_id IN (2, 4) AND activity_code = 'pillar4' ORDER BY id`,
    ).map((row) => Number(row[0]));
    expect(ids).toEqual(expected);
    const fteColumn = trace.columns.indexOf('VTE');
    const sum = trace.rows.reduce((total, row) => total + Number(row[fteColumn]), 0);
    expect(sum).toBeCloseTo(trace.rowSum, 9);
    expect(sum / 6).toBeCloseTo(trace.figure, 9);
    expect(trace.sourceNote).toMatch(/niet geïmporteerd/);
  });

  it('names the import a pilot came from', () => {
    const trace = traceFigure(db, { filter: base, chart: 'pilots' });
    expect(trace.rows.map((row) => row[1])).toEqual(['PL1', 'PL2']);
    expect(trace.sources).toEqual([
      {
        importId: 7,
        fileName: 'proeftuinen.xlsx',
        sha256: 'ab12',
        sheet: 'Proeftuinen',
        importedAt: '2023-06-30T10:00:00Z',
        writeNumbers: [1, 2],
      },
    ]);
  });
});
