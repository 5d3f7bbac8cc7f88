import type { Database } from 'sql.js';
import { milliSql } from './fte';
import { selectValue } from './sql';

/**
 * The allocation's monthly roll-ups (migrations 7 and 8): Σ milli-FTE per scenario × month ×
 * activity × position × region of each kind (`allocation_rollup`), the same without the
 * position (`allocation_rollup_region`, a quarter of the rows: for what does not split by
 * position), and per scenario × month × activity × municipality × region of each kind
 * (`allocation_rollup_nis`). Triggers on allocation keep them current row by row; a change to
 * the municipality → region mapping, a new workspace or a bulk write sets `stale`, and the next
 * read rebuilds them here from the base table. Traces never read the roll-ups: they list the
 * base rows.
 */

/** The region of each kind a base row counts under ('' for none), over ROLLUP_JOINS. */
const NETWORK_OF_ROW = `coalesce(CASE WHEN r.kind = 'network' THEN a.region_code END, mu.network_code, '')`;
const AGII_OF_ROW = `coalesce(CASE WHEN r.kind = 'agii' THEN a.region_code END, mu.agii_region_code, '')`;
const ROLLUP_JOINS = `FROM allocation a
    LEFT JOIN region r ON r.code = a.region_code
    LEFT JOIN municipality mu ON mu.nis_code = a.nis_code`;
const VACANCY_MILLI = `sum(CASE WHEN a.person_id IS NULL THEN ${milliSql('a.fte')} ELSE 0 END)`;

/** The roll-ups as the base table makes them, in one pass (also the oracle of the tests). */
export const ROLLUP_SELECT = /* sql */ `
  SELECT a.scenario_id, a.month, a.activity_code, a.position_id, ${NETWORK_OF_ROW}, ${AGII_OF_ROW},
         sum(${milliSql('a.fte')}), ${VACANCY_MILLI}, count(*)
    ${ROLLUP_JOINS}
   GROUP BY 1, 2, 3, 4, 5, 6`;

export const ROLLUP_NIS_SELECT = /* sql */ `
  SELECT a.scenario_id, a.month, a.activity_code, coalesce(a.nis_code, ''), ${NETWORK_OF_ROW},
         ${AGII_OF_ROW}, sum(${milliSql('a.fte')}), count(*)
    ${ROLLUP_JOINS}
   GROUP BY 1, 2, 3, 4, 5, 6`;

/** The region roll-up from the base table (the tests' oracle). */
export const ROLLUP_REGION_SELECT = /* sql */ `
  SELECT a.scenario_id, a.month, a.activity_code, ${NETWORK_OF_ROW}, ${AGII_OF_ROW},
         sum(${milliSql('a.fte')}), ${VACANCY_MILLI}, count(*)
    ${ROLLUP_JOINS}
   GROUP BY 1, 2, 3, 4, 5`;

/** The region roll-up from a current position roll-up: the same sums, from 80k rows, not 1M. */
const REGION_FROM_ROLLUP = /* sql */ `
  SELECT scenario_id, month, activity_code, network_code, agii_code,
         sum(milli), sum(vacancy_milli), sum(row_count)
    FROM allocation_rollup GROUP BY 1, 2, 3, 4, 5`;

export function rollupStale(db: Database): boolean {
  return selectValue(db, 'SELECT stale FROM allocation_rollup_state') !== 0;
}

/** Rebuilds the roll-ups from the allocation table, all or nothing. */
export function rebuildRollup(db: Database): void {
  db.run('SAVEPOINT allocation_rollup');
  try {
    db.run('DELETE FROM allocation_rollup');
    db.run('DELETE FROM allocation_rollup_nis');
    db.run('DELETE FROM allocation_rollup_region');
    db.run(`INSERT INTO allocation_rollup ${ROLLUP_SELECT}`);
    db.run(`INSERT INTO allocation_rollup_nis ${ROLLUP_NIS_SELECT}`);
    db.run(`INSERT INTO allocation_rollup_region ${REGION_FROM_ROLLUP}`);
    db.run('UPDATE allocation_rollup_state SET stale = 0');
    db.run('RELEASE allocation_rollup');
  } catch (error) {
    db.run('ROLLBACK TO allocation_rollup');
    db.run('RELEASE allocation_rollup');
    throw error;
  }
}

/** Makes the roll-ups current before a read: a no-op (one tiny query) unless stale. */
export function ensureRollup(db: Database): void {
  if (rollupStale(db)) rebuildRollup(db);
}

/**
 * Before a bulk write (an import, a scenario copy of a million rows): the triggers rest and
 * the next read rebuilds once, which is cheaper than a million row-by-row updates.
 */
export function markRollupStale(db: Database): void {
  db.run('UPDATE allocation_rollup_state SET stale = 1 WHERE stale = 0');
}

/** Writes to allocation beyond this many rows mark the roll-ups stale instead of row by row. */
export const BULK_ROWS = 2000;

/** Before writing `rows` allocation rows: rests the triggers when that many is a bulk write. */
export function beforeAllocationWrites(db: Database, rows: number): void {
  if (rows > BULK_ROWS) markRollupStale(db);
}

/** The roll-up's region column for a region kind. */
export const rollupRegionColumn = (kind: 'network' | 'agii') =>
  kind === 'network' ? 'network_code' : 'agii_code';

/** A scenario copy's roll-up rows: the source's, under the new id; the roll-ups current again. */
export function copyRollup(db: Database, fromId: number, toId: number): void {
  db.run(
    `INSERT INTO allocation_rollup SELECT ?, month, activity_code, position_id, network_code,
       agii_code, milli, vacancy_milli, row_count FROM allocation_rollup WHERE scenario_id = ?`,
    [toId, fromId],
  );
  db.run(
    `INSERT INTO allocation_rollup_nis SELECT ?, month, activity_code, nis_code, network_code,
       agii_code, milli, row_count FROM allocation_rollup_nis WHERE scenario_id = ?`,
    [toId, fromId],
  );
  db.run(
    `INSERT INTO allocation_rollup_region SELECT ?, month, activity_code, network_code, agii_code,
       milli, vacancy_milli, row_count FROM allocation_rollup_region WHERE scenario_id = ?`,
    [toId, fromId],
  );
  db.run('UPDATE allocation_rollup_state SET stale = 0');
}

/** A scenario's roll-up rows gone with its allocation rows; the roll-ups current again. */
export function dropRollup(db: Database, scenarioId: number): void {
  db.run('DELETE FROM allocation_rollup WHERE scenario_id = ?', [scenarioId]);
  db.run('DELETE FROM allocation_rollup_nis WHERE scenario_id = ?', [scenarioId]);
  db.run('DELETE FROM allocation_rollup_region WHERE scenario_id = ?', [scenarioId]);
  db.run('UPDATE allocation_rollup_state SET stale = 0');
}
