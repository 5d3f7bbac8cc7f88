import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readDashboard, traceFigure } from '../../../src/core/dashboard';
import { createCoreRuntime } from '../../../src/core/runtime';
import { diskResources } from '../../../src/node/disk-resources';

let db: Database;
beforeAll(async () => {
  const core = createCoreRuntime({ resources: diskResources });
  await core.call('workspace.openDemo', undefined);
  db = (await core.session()).db;
}, 60_000);

const DATE = '2022-11-30';
const VALID = (t: string) =>
  `(${t}.valid_from IS NULL OR ${t}.valid_from <= '${DATE}') AND (${t}.valid_to IS NULL OR ${t}.valid_to >= '${DATE}')`;
const HELD = `SELECT 1 FROM assignment a WHERE a.position_id = p.id AND ${VALID('a')}`;
const value = (sql: string) => db.exec(sql)[0]?.values[0]?.[0];

describe('the dashboard on the demo, against direct SQL', () => {
  it('planned fourth-pillar FTE is Σ allocation ÷ months of the horizon', () => {
    const result = readDashboard(db, { scenarioId: 1 });
    if (!result.ok) throw new Error(result.error.message);
    const planned = result.value.kpis.find((k) => k.id === 'plannedFte')!.value;
    const direct = value(
      `SELECT sum(round(a.fte * 1000)) / 1000.0 / 60 FROM allocation a
         JOIN activity act ON act.code = a.activity_code WHERE act.is_pillar4 = 1 AND a.scenario_id = 1`,
    ) as number;
    expect(planned).toBeCloseTo(direct, 9);
    const positions = result.value.charts.find((c) => c.id === 'positions')!;
    const count = (key: string) => positions.rows.reduce((t, r) => t + (r.values[key] ?? 0), 0);
    // The organigram on the data date (2022-11-30): positions and assignments valid that day.
    expect(count('filled') + count('vacant')).toBe(
      value(`SELECT count(*) FROM position p WHERE ${VALID('p')}`),
    );
    expect(count('vacant')).toBe(
      value(`SELECT count(*) FROM position p WHERE ${VALID('p')} AND NOT EXISTS (${HELD})`),
    );
    expect(result.value.kpis.find((k) => k.id === 'pilots')!.value).toBe(26);
  });

  it('traces the vacancies to positions.csv in the import log, with its SHA-256', () => {
    const trace = traceFigure(db, { filter: { scenarioId: 1 }, chart: 'vacancies' });
    const direct = value(
      `SELECT count(*) FROM position p WHERE p.pillar4_share > 0 AND ${VALID('p')} AND NOT EXISTS (${HELD})`,
    );
    expect(trace.rowCount).toBe(direct);
    expect(trace.sources.map((s) => [s.fileName, s.sha256])).toEqual([
      [
        'positions.csv',
        value("SELECT file_sha256 FROM import_log WHERE file_name = 'positions.csv'"),
      ],
    ]);
    // The import inserts a position, then sets its reports-to line: one or two writes per row.
    expect(trace.sources[0]!.writeNumbers.length).toBeGreaterThanOrEqual(trace.rowCount);
  });
});
