import type { Migration } from './schema';

/** The region a row counts under, of each kind: the same rule as migration 7's triggers. */
const network = (row: 'NEW' | 'OLD') => `coalesce(
    (SELECT code FROM region WHERE code = ${row}.region_code AND kind = 'network'),
    (SELECT network_code FROM municipality WHERE nis_code = ${row}.nis_code), '')`;
const agii = (row: 'NEW' | 'OLD') => `coalesce(
    (SELECT code FROM region WHERE code = ${row}.region_code AND kind = 'agii'),
    (SELECT agii_region_code FROM municipality WHERE nis_code = ${row}.nis_code), '')`;
const milli = (row: 'NEW' | 'OLD') => `CAST(round(${row}.fte * 1000) AS INTEGER)`;
const vacancy = (row: 'NEW' | 'OLD') =>
  `CASE WHEN ${row}.person_id IS NULL THEN ${milli(row)} ELSE 0 END`;

const addNew = /* sql */ `
  INSERT INTO allocation_rollup_region VALUES (NEW.scenario_id, NEW.month, NEW.activity_code,
    ${network('NEW')}, ${agii('NEW')}, ${milli('NEW')}, ${vacancy('NEW')}, 1)
  ON CONFLICT DO UPDATE SET milli = milli + excluded.milli,
    vacancy_milli = vacancy_milli + excluded.vacancy_milli, row_count = row_count + 1;`;

const takeOld = /* sql */ `
  UPDATE allocation_rollup_region SET milli = milli - ${milli('OLD')},
    vacancy_milli = vacancy_milli - ${vacancy('OLD')}, row_count = row_count - 1
  WHERE scenario_id = OLD.scenario_id AND month = OLD.month AND activity_code = OLD.activity_code
    AND network_code = ${network('OLD')} AND agii_code = ${agii('OLD')};`;

const dropEmpty = /* sql */ `
  DELETE FROM allocation_rollup_region WHERE row_count = 0 AND scenario_id = OLD.scenario_id
    AND month = OLD.month AND activity_code = OLD.activity_code;`;

const current = 'WHEN (SELECT stale FROM allocation_rollup_state) = 0';

/**
 * Migration 8: allocation_rollup without the position — Σ milli-FTE per scenario × month ×
 * activity × region of both kinds, about a quarter of its rows (22,884 against 81,536 on the
 * 1M-row bench workspace). The charts and the demand model that do not split by position read
 * it (the demand query 22 → 6 ms there). Its own triggers sit beside migration 7's and rest
 * with them while the roll-ups are stale; planning/rollup.ts rebuilds it with the others.
 */
export const MIGRATION_8: Migration = {
  version: 8,
  description: 'Dashboard: the monthly roll-up per region, without the position',
  sql: /* sql */ `
    CREATE TABLE allocation_rollup_region (
      scenario_id   INTEGER NOT NULL,
      month         TEXT NOT NULL,
      activity_code TEXT NOT NULL,
      network_code  TEXT NOT NULL,
      agii_code     TEXT NOT NULL,
      milli         INTEGER NOT NULL,
      vacancy_milli INTEGER NOT NULL,
      row_count     INTEGER NOT NULL,
      PRIMARY KEY (scenario_id, month, activity_code, network_code, agii_code)
    ) WITHOUT ROWID;
    -- From the position roll-up as it is: current when it is, rebuilt with it when stale.
    INSERT INTO allocation_rollup_region
      SELECT scenario_id, month, activity_code, network_code, agii_code,
             sum(milli), sum(vacancy_milli), sum(row_count)
        FROM allocation_rollup GROUP BY 1, 2, 3, 4, 5;

    CREATE TRIGGER allocation_rollup_region_insert AFTER INSERT ON allocation ${current}
    BEGIN ${addNew}
    END;
    CREATE TRIGGER allocation_rollup_region_delete AFTER DELETE ON allocation ${current}
    BEGIN ${takeOld} ${dropEmpty}
    END;
    -- An update is the old row out and the new row in.
    CREATE TRIGGER allocation_rollup_region_update AFTER UPDATE ON allocation ${current}
    BEGIN ${takeOld} ${addNew} ${dropEmpty}
    END;
  `,
};
