import type { Database } from 'sql.js';
import {
  CHART_IDS,
  readChart,
  readDashboard,
  type DashboardFilter,
} from '../../src/core/dashboard';
import { createCoreRuntime } from '../../src/core/runtime';
import { diskResources } from '../../src/node/disk-resources';

/**
 * Issue 10, criterion 3: all dashboard queries together (< 1 s target) on the demo and on the
 * demo grown to 1,000,000 allocation rows, first read and after a filter change, with the query
 * plans of the allocation scans. Drawing is measured in the browser by the e2e test, not here.
 */
const RUNS = 3;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(db: Database, filter: DashboardFilter): number[] {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = readDashboard(db, filter);
    if (!result.ok) throw new Error(result.error.message);
    times.push(performance.now() - start);
  }
  return times;
}

function report(label: string, times: number[]) {
  const med = median(times);
  console.log(
    `${label.padEnd(58)} median ${med.toFixed(0).padStart(5)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  ${med < 1000 ? '✓ < 1 s' : '✗ ≥ 1 s'}`,
  );
}

function plans(db: Database) {
  const plan = (sql: string) =>
    (db.exec(`EXPLAIN QUERY PLAN ${sql}`)[0]?.values ?? [])
      .map((row) => `    ${String(row[3])}`)
      .join('\n');
  console.log('  EXPLAIN QUERY PLAN, planned FTE by position (filter: scenario + period):');
  console.log(
    plan(`SELECT a.position_id, sum(round(a.fte * 1000)) FROM allocation a JOIN activity act ON act.code = a.activity_code
           WHERE a.scenario_id = 2 AND a.month BETWEEN '2022-01' AND '2026-12' AND act.is_pillar4 = 1 GROUP BY a.position_id`),
  );
  console.log('  EXPLAIN QUERY PLAN, planned FTE over time (all scenarios):');
  console.log(
    plan(`SELECT a.scenario_id, a.month, sum(round(a.fte * 1000)) FROM allocation a JOIN activity act ON act.code = a.activity_code
           WHERE a.month BETWEEN '2022-01' AND '2026-12' AND act.is_pillar4 = 1 GROUP BY 1, 2`),
  );
}

export async function run(): Promise<void> {
  const core = createCoreRuntime({ resources: diskResources });
  await core.call('workspace.openDemo', undefined);
  const db = (await core.session()).db;
  const count = () => Number(db.exec('SELECT count(*) FROM allocation')[0]!.values[0]![0]);
  console.log(`dashboard — demo (${count().toLocaleString('en')} allocation rows)`);
  report('  all queries, scenario Basis', time(db, { scenarioId: 1 }));
  report(
    '  filter change: region Limburg + 2024',
    time(db, { scenarioId: 1, regionCode: 'REFREG15', from: '2024-01', to: '2024-12' }),
  );

  // Grow the draft scenario: every row booked again on 76 municipalities (per-municipality plans).
  db.exec(`INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, nis_code, month, fte)
           SELECT a.scenario_id, a.position_id, a.person_id, a.activity_code, a.region_code, m.nis_code, a.month, a.fte / 76
             FROM allocation a JOIN (SELECT nis_code FROM municipality ORDER BY nis_code LIMIT 76) m
            WHERE a.scenario_id = 2`);
  db.exec('ANALYZE');
  console.log(`dashboard — generated (${count().toLocaleString('en')} allocation rows)`);
  report('  all queries, scenario Uitbreiding (1M rows)', time(db, { scenarioId: 2 }));
  report(
    '  filter change: region + 2024',
    time(db, { scenarioId: 2, regionCode: 'REFREG15', from: '2024-01', to: '2024-12' }),
  );
  report('  filter change: activity NT2', time(db, { scenarioId: 2, activityCode: 'nt2' }));
  console.log('  per chart (one read each, scenario 2):');
  for (const id of CHART_IDS) {
    const start = performance.now();
    readChart(db, { scenarioId: 2 }, id);
    console.log(`    ${id.padEnd(20)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  }
  plans(db);
}
