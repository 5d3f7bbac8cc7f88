import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readChart, type DashboardFilter } from '../../../src/core/dashboard';
import { dashboardSession } from './dashboard-fixture';

let db: Database;
beforeAll(async () => {
  db = (await dashboardSession()).session.db;
});

/**
 * The charts that read the region roll-up (migration 8) or the position roll-up (a division
 * filter) show what a direct query on the allocation table gives, with the region rule written
 * out here: the row's own region when of the kind, else its municipality's.
 */
const REGION = {
  network: `coalesce(CASE WHEN r.kind = 'network' THEN a.region_code END, mu.network_code)`,
  agii: `coalesce(CASE WHEN r.kind = 'agii' THEN a.region_code END, mu.agii_region_code)`,
};

/** Σ FTE per scenario and month straight from allocation, for a WHERE over `a`, `act`, `r`, `mu`. */
function direct(where: string): Map<string, number> {
  const rows = db.exec(`
    SELECT a.scenario_id, a.month, sum(round(a.fte * 1000)) FROM allocation a
      JOIN activity act ON act.code = a.activity_code
      LEFT JOIN region r ON r.code = a.region_code
      LEFT JOIN municipality mu ON mu.nis_code = a.nis_code
     WHERE ${where} GROUP BY 1, 2`)[0]?.values;
  return new Map(
    (rows ?? []).map(([scenario, month, milli]) => [`s${scenario} ${month}`, Number(milli) / 1000]),
  );
}

/** The chart's values per scenario and month (grain month), zeros left out. */
function overTime(filter: DashboardFilter): Map<string, number> {
  const chart = readChart(db, { ...filter, grain: 'month' }, 'plannedOverTime');
  const values = new Map<string, number>();
  for (const row of chart.rows)
    for (const [series, value] of Object.entries(row.values))
      if (value !== 0) values.set(`${series} ${row.key}`, value);
  return values;
}

const expectSame = (chart: Map<string, number>, sql: Map<string, number>) => {
  expect(sql.size).toBeGreaterThan(0);
  expect([...chart.keys()].sort()).toEqual([...sql.keys()].filter((k) => sql.get(k)).sort());
  for (const [key, value] of chart) expect(value).toBeCloseTo(sql.get(key) ?? 0, 9);
};

describe('planned FTE over time equals the allocation table', () => {
  it.each<[string, DashboardFilter, string]>([
    ['every fourth-pillar row', { scenarioId: 1 }, 'act.is_pillar4 = 1'],
    [
      'one activity',
      { scenarioId: 1, activityCode: 'management' },
      "a.activity_code = 'management'",
    ],
    [
      'a network',
      { scenarioId: 1, regionCode: 'NW2' },
      `act.is_pillar4 = 1 AND ${REGION.network} = 'NW2'`,
    ],
    [
      'an AgII region',
      { scenarioId: 1, regionCode: 'AG1' },
      `act.is_pillar4 = 1 AND ${REGION.agii} = 'AG1'`,
    ],
    [
      'a period',
      { scenarioId: 1, from: '2023-02', to: '2023-04' },
      "act.is_pillar4 = 1 AND a.month BETWEEN '2023-02' AND '2023-04'",
    ],
    // Afdeling Een holds P1, P2, P4 (its teams) and P5 (itself): the position roll-up's path.
    [
      'a division',
      { scenarioId: 1, divisionId: 2 },
      'act.is_pillar4 = 1 AND a.position_id IN (1, 2, 4, 5)',
    ],
    [
      'a division and a network',
      { scenarioId: 1, divisionId: 2, regionCode: 'NW1' },
      `act.is_pillar4 = 1 AND a.position_id IN (1, 2, 4, 5) AND ${REGION.network} = 'NW1'`,
    ],
  ])('%s', (_name, filter, where) => {
    expectSame(overTime(filter), direct(where));
  });
});

describe('planned FTE per region (the demand model) equals the allocation table', () => {
  it.each<[string, DashboardFilter, 'network' | 'agii']>([
    ['networks, Basis', { scenarioId: 1 }, 'network'],
    ['networks, Meer', { scenarioId: 2 }, 'network'],
    ['AgII regions', { scenarioId: 1, regionKind: 'agii' }, 'agii'],
  ])('%s', (_name, filter, kind) => {
    const planned = new Map(
      readChart(db, filter, 'requiredVsPlanned').rows.map((row) => [row.key, row.values.planned]),
    );
    const rows = db.exec(`
      SELECT ${REGION[kind]}, sum(round(a.fte * 1000)) FROM allocation a
        JOIN activity act ON act.code = a.activity_code AND act.is_pillar4 = 1
        LEFT JOIN region r ON r.code = a.region_code
        LEFT JOIN municipality mu ON mu.nis_code = a.nis_code
       WHERE a.scenario_id = ${filter.scenarioId} AND ${REGION[kind]} IS NOT NULL
       GROUP BY 1`)[0]!.values;
    expect(rows.length).toBeGreaterThan(0);
    for (const [code, milli] of rows)
      expect(planned.get(String(code))).toBeCloseTo(Number(milli) / 1000 / 6, 9);
  });
});
