import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { exportWorkspaceDb, openWorkspaceDb } from '../../../src/core/db/workspace-file';
import { readChart } from '../../../src/core/dashboard';
import { copyScenario } from '../../../src/core/planning/scenarios';
import {
  ROLLUP_NIS_SELECT,
  ROLLUP_REGION_SELECT,
  ROLLUP_SELECT,
  ensureRollup,
  rollupStale,
} from '../../../src/core/planning/rollup';
import { dashboardSession } from '../dashboard/dashboard-fixture';
import { planFile, unwrap, xlsx } from '../import-pipeline/helpers';

/**
 * The maintained roll-ups (migrations 7 and 8) must always equal what a GROUP BY on the allocation
 * table gives: after grid edits, undo and redo, imports and their undo, a scenario copy, and a
 * change to the municipality → region mapping. The oracle is ROLLUP_SELECT run on the base table.
 */
const rowsOf = (db: Database, sql: string) =>
  JSON.stringify(
    (db.exec(`${sql} ORDER BY 1, 2, 3, 4, 5, 6`)[0]?.values ?? []).filter(
      (row) => Number(row.at(-1)) > 0,
    ),
  );

function expectCurrent(db: Database) {
  // Not stale: the triggers kept it, no rebuild hides a mistake.
  expect(rollupStale(db)).toBe(false);
  expect(rowsOf(db, 'SELECT * FROM allocation_rollup')).toBe(rowsOf(db, ROLLUP_SELECT));
  expect(rowsOf(db, 'SELECT * FROM allocation_rollup_nis')).toBe(rowsOf(db, ROLLUP_NIS_SELECT));
  expect(rowsOf(db, 'SELECT * FROM allocation_rollup_region')).toBe(
    rowsOf(db, ROLLUP_REGION_SELECT),
  );
}

const total = (db: Database, table: string, scenarioId: number) =>
  Number(
    db.exec(`SELECT coalesce(sum(milli), 0) FROM ${table} WHERE scenario_id = ?`, [scenarioId])[0]!
      .values[0]![0],
  );

async function fresh() {
  const { core, session } = await dashboardSession();
  ensureRollup(session.db);
  expectCurrent(session.db);
  const call = core.call.bind(core) as Parameters<typeof planFile>[0]['call'];
  return { core: { core, session, call }, db: session.db, call };
}

const line = (positionId: number, personId: number | null, regionCode: string | null) => ({
  positionId,
  personId,
  activityCode: 'pillar4',
  regionCode,
  nisCode: null,
});

describe('the allocation roll-ups stay equal to the base table', () => {
  it('is built from the base table on the first read of a new workspace', async () => {
    const { db } = await fresh();
    expect(total(db, 'allocation_rollup', 1)).toBe(
      Number(
        db.exec(
          'SELECT sum(CAST(round(fte * 1000) AS INTEGER)) FROM allocation WHERE scenario_id = 1',
        )[0]!.values[0]![0],
      ),
    );
    expect(total(db, 'allocation_rollup', 1)).toBeGreaterThan(0);
  });

  it('after grid edits (new cell, changed cell, cleared cell), undo and redo', async () => {
    const { db, call } = await fresh();
    const before = rowsOf(db, 'SELECT * FROM allocation_rollup');
    unwrap(
      await call('planning.setCells', {
        scenarioId: 1,
        cells: [
          { line: line(1, 1, 'NW1'), month: '2023-02', milli: 900 }, // changed
          { line: line(2, 1, 'NW2'), month: '2023-01', milli: 0 }, // cleared
          { line: line(3, null, 'NW2'), month: '2023-04', milli: 250 }, // new, on a vacancy
        ],
      }),
    );
    expectCurrent(db);
    expect(rowsOf(db, 'SELECT * FROM allocation_rollup')).not.toBe(before);
    unwrap(await call('workspace.undo', undefined));
    expectCurrent(db);
    expect(rowsOf(db, 'SELECT * FROM allocation_rollup')).toBe(before);
    unwrap(await call('workspace.redo', undefined));
    expectCurrent(db);
  });

  it('after an allocation import and its undo', async () => {
    const { core, db, call } = await fresh();
    const bytes = await xlsx({
      Inzet: [
        ['Scenario', 'Functie', 'Activiteit', 'Regio', 'Gemeente', 'Maand', 'VTE'],
        ['Basis', 'P4', 'pillar4', null, '11001', '2023-05', '0,4'],
        ['Meer', 'P3', 'pillar4', 'NW1', null, '2023-06', 0.5],
        ['Basis', 'P1', 'management', 'NW2', null, '2023-01', 0.1],
      ],
    });
    const { plan } = await planFile(core, 'inzet.xlsx', bytes, {
      target: { kind: 'entity', entity: 'allocation' },
    });
    expect(plan.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const before = rowsOf(db, 'SELECT * FROM allocation_rollup');
    const entry = unwrap(
      await call('import.commit', { planId: plan.planId, acceptValidRows: true }),
    );
    expectCurrent(db);
    expect(rowsOf(db, 'SELECT * FROM allocation_rollup')).not.toBe(before);
    unwrap(await call('import.undo', { importId: entry.id }));
    expectCurrent(db);
    expect(rowsOf(db, 'SELECT * FROM allocation_rollup')).toBe(before);
  });

  it('after a scenario copy and its undo (copied, not recounted)', async () => {
    const { core, db, call } = await fresh();
    const copy = unwrap(copyScenario(core.session, 2, 'Kopie van Meer'));
    expectCurrent(db);
    expect(total(db, 'allocation_rollup', copy.id)).toBe(total(db, 'allocation_rollup', 2));
    expect(total(db, 'allocation_rollup_nis', copy.id)).toBe(total(db, 'allocation_rollup', 2));
    unwrap(await call('workspace.undo', undefined));
    expectCurrent(db);
    expect(total(db, 'allocation_rollup', copy.id)).toBe(0);
  });

  it('marks itself stale when a municipality moves to another region, and the next read rebuilds', async () => {
    const { db } = await fresh();
    db.run(
      "INSERT INTO region (code, name, kind, sort_order) VALUES ('AG2', 'AgII Twee', 'agii', 2)",
    );
    expect(rollupStale(db)).toBe(true);
    const filter = { scenarioId: 1, regionKind: 'agii' as const };
    const before = readChart(db, filter, 'requiredVsPlanned');
    expectCurrent(db);
    db.run("UPDATE municipality SET agii_region_code = 'AG2' WHERE nis_code = '38025'");
    expect(rollupStale(db)).toBe(true);
    const after = readChart(db, filter, 'requiredVsPlanned');
    expectCurrent(db);
    const planned = (chart: typeof after, code: string) =>
      chart.rows.find((row) => row.key === code)?.values.planned ?? 0;
    // P4's 0,8 VTE on Veurne (its row names network NW2, so its AgII region is Veurne's).
    expect(planned(before, 'AG2')).toBe(0);
    expect(planned(after, 'AG2')).toBeCloseTo(0.8, 6);
    expect(planned(before, 'AG1') - planned(after, 'AG1')).toBeCloseTo(0.8, 6);
  });

  it('a bulk write rests the triggers and the next read rebuilds once', async () => {
    const { db } = await fresh();
    db.run('UPDATE allocation_rollup_state SET stale = 1');
    db.run('DELETE FROM allocation WHERE scenario_id = 2');
    expect(total(db, 'allocation_rollup', 2)).toBeGreaterThan(0); // untouched while stale
    readChart(db, { scenarioId: 2 }, 'fteByDivision');
    expectCurrent(db);
    expect(total(db, 'allocation_rollup', 2)).toBe(0);
  });

  it('migration 8 builds the region roll-up from a version-7 file, and its triggers keep it', async () => {
    const { db } = await fresh();
    // The file as version 7 wrote it: no region roll-up and none of its triggers.
    db.exec(`DROP TRIGGER allocation_rollup_region_insert;
             DROP TRIGGER allocation_rollup_region_delete;
             DROP TRIGGER allocation_rollup_region_update;
             DROP TABLE allocation_rollup_region;
             PRAGMA user_version = 7;`);
    const opened = openWorkspaceDb(await initSqlJs(), exportWorkspaceDb(db));
    if (!opened.ok) throw new Error(opened.error.message);
    const migrated = opened.value.db;
    expect(migrated.exec('PRAGMA user_version')[0]!.values[0]![0]).toBe(8);
    expectCurrent(migrated);
    migrated.run(
      'UPDATE allocation SET fte = fte + 0.25 WHERE id = (SELECT min(id) FROM allocation)',
    );
    migrated.run('DELETE FROM allocation WHERE id = (SELECT max(id) FROM allocation)');
    expectCurrent(migrated);
  });
});
