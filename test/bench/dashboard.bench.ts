import type { Database } from 'sql.js';
import {
  CHART_IDS,
  readChart,
  readDashboard,
  type DashboardFilter,
} from '../../src/core/dashboard';
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportWorkspaceDb } from '../../src/core/db/workspace-file';
import { beforeAllocationWrites, ensureRollup } from '../../src/core/planning/rollup';
import { createCoreRuntime } from '../../src/core/runtime';
import { diskResources } from '../../src/node/disk-resources';
import { drawFigures, printDrawFigures } from './dashboard/draw';

/**
 * Issue 10, criterion 3: all dashboard queries together (< 1 s target) on the demo and on the
 * demo grown to 1,000,000 allocation rows, first read and after a filter change, with the query
 * plans of the allocation scans; then in Chromium (dashboard/draw.ts) from opening the dashboard
 * to every chart drawn (< 1.5 s) and a filter change redrawn (< 500 ms), on both workspaces.
 *
 * While working on it: DASHBOARD_BENCH_BROWSER_ONLY=1 skips the Node figures (the 1M workspace
 * is still grown for the browser), DASHBOARD_BENCH_DEMO_ONLY=1 measures the demo alone.
 */
const BROWSER_ONLY = process.env.DASHBOARD_BENCH_BROWSER_ONLY === '1';
const DEMO_ONLY = process.env.DASHBOARD_BENCH_DEMO_ONLY === '1';
const RUNS = 3;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(db: Database, filter: DashboardFilter): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = measured(() => readDashboard(db, filter));
    if (!run.value.ok) throw new Error(run.value.error.message);
    wall.push(run.wall);
    cpu.push(run.cpu);
  }
  return { wall, cpu };
}

function report(label: string, times: { wall: number[]; cpu: number[] }, target = 1000) {
  const med = median(times.wall);
  console.log(
    `${label.padEnd(50)} wall median ${med.toFixed(0).padStart(5)} ms (min ${Math.min(...times.wall).toFixed(0)}, max ${Math.max(...times.wall).toFixed(0)}), cpu ${median(times.cpu).toFixed(0).padStart(5)} ms  ${med < target ? `✓ < ${target} ms` : `✗ ≥ ${target} ms`}`,
  );
}

function plans(db: Database) {
  const plan = (label: string, sql: string) => {
    console.log(`  EXPLAIN QUERY PLAN, ${label}:`);
    for (const row of db.exec(`EXPLAIN QUERY PLAN ${sql}`)[0]?.values ?? [])
      console.log(`    ${String(row[3])}`);
  };
  // The queries the charts run (fte-charts.ts, planning/demand.ts, months.ts), on the roll-ups.
  plan(
    'planned FTE by position (scenario + period + region)',
    `SELECT a.position_id, sum(a.milli) FROM allocation_rollup a JOIN activity act ON act.code = a.activity_code
      WHERE a.scenario_id = 2 AND a.month BETWEEN '2024-01' AND '2024-12' AND act.is_pillar4 = 1
        AND a.network_code = 'REFREG15' GROUP BY a.position_id`,
  );
  plan(
    'planned FTE over time (all scenarios)',
    `SELECT a.scenario_id, a.month, sum(a.milli) FROM allocation_rollup_region a JOIN activity act ON act.code = a.activity_code
      WHERE a.month BETWEEN '2022-01' AND '2026-12' AND act.is_pillar4 = 1 GROUP BY 1, 2`,
  );
  plan(
    'planned per region and month (demand model)',
    `SELECT nullif(r.network_code, ''), r.month, sum(r.milli), sum(r.vacancy_milli) FROM allocation_rollup_region r
       JOIN activity act ON act.code = r.activity_code AND act.is_pillar4 = 1 WHERE r.scenario_id = 2 GROUP BY 1, 2`,
  );
  plan(
    'drill into a region: planned per municipality',
    `SELECT a.nis_code, sum(a.milli) FROM allocation_rollup_nis a JOIN activity act ON act.code = a.activity_code
      WHERE a.scenario_id = 2 AND a.month BETWEEN '2022-01' AND '2026-12' AND act.is_pillar4 = 1
        AND a.network_code = 'REFREG15' GROUP BY 1`,
  );
  plan(
    'the planning horizon (min/max month per scenario)',
    `SELECT min(lo), max(hi) FROM (SELECT (SELECT min(month) FROM allocation WHERE scenario_id = s.id) AS lo,
       (SELECT max(month) FROM allocation WHERE scenario_id = s.id) AS hi FROM scenario s)`,
  );
}

/** Wall and CPU (user + system) milliseconds of `work`, so a loaded machine can be read. */
function measured<T>(work: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const value = work();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: performance.now() - wall0, cpu: (cpu.user + cpu.system) / 1000 };
}

/** A fixed CPU loop (≈ 100 ms wall and CPU on an idle core), to scale a loaded machine's figures. */
function calibration(): string {
  const run = measured(() => {
    let sum = 0;
    for (let i = 0; i < 1e8; i++) sum += i % 7;
    return sum;
  });
  return `  calibration: a 10⁸-step loop took wall ${run.wall.toFixed(0)} ms, cpu ${run.cpu.toFixed(0)} ms (≈ 100 ms each on an idle core)`;
}

export async function run(): Promise<void> {
  console.log(calibration());
  const core = createCoreRuntime({ resources: diskResources });
  await core.call('workspace.openDemo', undefined);
  const db = (await core.session()).db;
  console.log(load());
  const count = () => Number(db.exec('SELECT count(*) FROM allocation')[0]!.values[0]![0]);
  if (!BROWSER_ONLY) nodeDemo(db, count);
  if (DEMO_ONLY) return browser(null);

  // Grow the draft scenario: every row booked again on 76 municipalities (per-municipality plans),
  // written as a bulk import writes them: roll-ups marked stale first, rebuilt by the next read.
  beforeAllocationWrites(db, 1_000_000);
  db.exec(`INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, nis_code, month, fte)
           SELECT a.scenario_id, a.position_id, a.person_id, a.activity_code, a.region_code, m.nis_code, a.month, a.fte / 76
             FROM allocation a JOIN (SELECT nis_code FROM municipality ORDER BY nis_code LIMIT 76) m
            WHERE a.scenario_id = 2`);
  db.exec('ANALYZE');
  const rebuild = measured(() => ensureRollup(db));
  const rollupRows = Number(db.exec('SELECT count(*) FROM allocation_rollup')[0]!.values[0]![0]);
  const nisRows = Number(db.exec('SELECT count(*) FROM allocation_rollup_nis')[0]!.values[0]![0]);
  const regionRows = Number(
    db.exec('SELECT count(*) FROM allocation_rollup_region')[0]!.values[0]![0],
  );
  console.log(
    `  roll-ups rebuilt after the bulk write (once): wall ${rebuild.wall.toFixed(0)} ms, cpu ${rebuild.cpu.toFixed(0)} ms → ${rollupRows.toLocaleString('en')} (per position) + ${regionRows.toLocaleString('en')} (per region) + ${nisRows.toLocaleString('en')} (per municipality) rows`,
  );
  if (!BROWSER_ONLY) nodeGenerated(db, count);

  // The grown workspace as a file, opened in the browser as a user opens one; the grown
  // scenario is made the approved one, so the dashboard opens on its million rows.
  db.run("UPDATE scenario SET status = 'draft' WHERE id = 1");
  db.run("UPDATE scenario SET status = 'approved' WHERE id = 2");
  const name = 'dashboard-1m.pijlerplan';
  const file = join(tmpdir(), name);
  writeFileSync(file, exportWorkspaceDb(db));
  try {
    await browser({ file, name });
  } finally {
    rmSync(file, { force: true }); // 200 MB
  }
}

const load = () =>
  `  load average (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;

async function browser(big: { file: string; name: string } | null): Promise<void> {
  console.log(
    '\ndashboard in Chromium (headless, no GPU; built renderer) — targets: drawn < 1500 ms, filter change redrawn < 500 ms',
  );
  printDrawFigures(await drawFigures(big));
  console.log(load());
  console.log(calibration());
}

function nodeDemo(db: Database, count: () => number): void {
  console.log(`dashboard — demo (${count().toLocaleString('en')} allocation rows)`);
  report('  all queries, scenario Basis', time(db, { scenarioId: 1 }));
  report(
    '  filter change: region Limburg + 2024',
    time(db, { scenarioId: 1, regionCode: 'REFREG15', from: '2024-01', to: '2024-12' }),
  );
}

function nodeGenerated(db: Database, count: () => number): void {
  console.log(`dashboard — generated (${count().toLocaleString('en')} allocation rows)`);
  report('  all queries, scenario Uitbreiding (1M rows)', time(db, { scenarioId: 2 }));
  report(
    '  filter change: region + 2024',
    time(db, { scenarioId: 2, regionCode: 'REFREG15', from: '2024-01', to: '2024-12' }),
    500,
  );
  report('  filter change: activity NT2', time(db, { scenarioId: 2, activityCode: 'nt2' }), 500);
  console.log('  per chart (one read each, scenario 2; wall / cpu ms):');
  for (const id of CHART_IDS) {
    const run = measured(() => readChart(db, { scenarioId: 2 }, id));
    console.log(
      `    ${id.padEnd(20)} ${run.wall.toFixed(0).padStart(6)} / ${run.cpu.toFixed(0).padStart(5)}`,
    );
  }
  const drill = measured(() =>
    readChart(db, { scenarioId: 2 }, 'requiredVsPlanned', { regionCode: 'REFREG15' }),
  );
  console.log(
    `    drill into a region  ${drill.wall.toFixed(0).padStart(6)} / ${drill.cpu.toFixed(0).padStart(5)}`,
  );
  // One grid edit on the 1M-row workspace: the triggers update the roll-ups row by row.
  const edit = measured(() =>
    db.run('UPDATE allocation SET fte = fte + 0.001 WHERE id = (SELECT max(id) FROM allocation)'),
  );
  console.log(
    `  one allocation edit kept in the roll-ups by the triggers: wall ${edit.wall.toFixed(1)} ms`,
  );
  plans(db);
  console.log(load());
}
