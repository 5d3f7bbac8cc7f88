// Later migrations in files of their own (this one is long enough).
import { MIGRATION_8 } from './migration-8';

/**
 * The workspace schema, as ordered migrations. A workspace file records the version it was
 * written with in `PRAGMA user_version`; opening an older file runs the missing migrations,
 * opening a newer one is refused (we cannot know what its extra structure means).
 *
 * Naming: tables are singular nouns from the domain glossary (DOMAIN.md); months are `YYYY-MM`
 * text, dates `YYYY-MM-DD` text (ISO sorts and compares as text), FTE are REAL, money in euro
 * REAL, NIS codes five-digit TEXT. Every domain table has an INTEGER PRIMARY KEY `id` (or a
 * natural text key for reference data), so the one mutation door can address any row.
 */

/** "PJLP" — identifies a Pijlerplan workspace among SQLite files (PRAGMA application_id). */
export const APPLICATION_ID = 0x504a4c50;

export type Migration = { version: number; description: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Foundation: reference data, organigram, planning, pilots, import and audit logs',
    sql: /* sql */ `
      -- Workspace facts: name, creation time, data date, whether it is the demo.
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT
      ) WITHOUT ROWID;

      ---------------------------------------------------------------- reference data
      -- The 15 referentieregio's plus the city networks Antwerpen, Gent and Brussel make the
      -- 18 fourth-pillar networks; AgII's six regional teams are regions of kind 'agii'.
      CREATE TABLE region (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('network', 'agii')),
        sort_order INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      -- Municipalities on the 2025 map (285 in Flanders) plus Brussels' 19.
      CREATE TABLE municipality (
        nis_code              TEXT PRIMARY KEY CHECK (length(nis_code) = 5),
        name                  TEXT NOT NULL,
        arrondissement        TEXT,
        province              TEXT,
        reference_region_code TEXT REFERENCES region (code),
        network_code          TEXT REFERENCES region (code),
        agii_region_code      TEXT REFERENCES region (code),
        inhabitants_2020      INTEGER CHECK (inhabitants_2020 IS NULL OR inhabitants_2020 >= 0)
      ) WITHOUT ROWID;

      -- Old (2019–2024 map) NIS code → 2025 code; imports use it to map old codes.
      CREATE TABLE municipality_crosswalk (
        nis_code_2024 TEXT PRIMARY KEY CHECK (length(nis_code_2024) = 5),
        name_2024     TEXT NOT NULL,
        nis_code_2025 TEXT NOT NULL,
        name_2025     TEXT NOT NULL,
        changed       INTEGER NOT NULL DEFAULT 0 CHECK (changed IN (0, 1))
      ) WITHOUT ROWID;

      -- Expected newcomers per municipality and year (demand model input).
      CREATE TABLE newcomer_forecast (
        nis_code  TEXT NOT NULL REFERENCES municipality (nis_code),
        year      INTEGER NOT NULL,
        newcomers REAL NOT NULL CHECK (newcomers >= 0),
        source    TEXT,
        PRIMARY KEY (nis_code, year)
      ) WITHOUT ROWID;

      ---------------------------------------------------------------- organigram
      CREATE TABLE org_unit (
        id          INTEGER PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('agency', 'division', 'region_team', 'team', 'service')),
        parent_id   INTEGER REFERENCES org_unit (id),
        region_code TEXT REFERENCES region (code),
        valid_from  TEXT,
        valid_to    TEXT,
        sort_order  INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX org_unit_parent ON org_unit (parent_id);

      -- The editable role list (trajectbegeleider, netwerkcoach, …).
      CREATE TABLE role (
        id         INTEGER PRIMARY KEY,
        code       TEXT NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        is_pillar4 INTEGER NOT NULL DEFAULT 0 CHECK (is_pillar4 IN (0, 1))
      );

      CREATE TABLE person (
        id           INTEGER PRIMARY KEY,
        code         TEXT NOT NULL UNIQUE,
        name         TEXT NOT NULL,
        contract_fte REAL NOT NULL DEFAULT 1 CHECK (contract_fte > 0 AND contract_fte <= 1),
        email        TEXT,
        valid_from   TEXT,
        valid_to     TEXT
      );

      -- A position (functie) sits in one unit and reports to one position (solid line).
      -- pillar4_share is the part of the position's budgeted FTE that goes to the fourth pillar.
      CREATE TABLE position (
        id             INTEGER PRIMARY KEY,
        code           TEXT NOT NULL UNIQUE,
        unit_id        INTEGER NOT NULL REFERENCES org_unit (id),
        title          TEXT NOT NULL,
        role_id        INTEGER REFERENCES role (id),
        budget_fte     REAL NOT NULL DEFAULT 1 CHECK (budget_fte >= 0),
        pillar4_share  REAL NOT NULL DEFAULT 0 CHECK (pillar4_share >= 0 AND pillar4_share <= 1),
        reports_to_id  INTEGER REFERENCES position (id),
        grade          TEXT,
        annual_cost    REAL,
        valid_from     TEXT,
        valid_to       TEXT
      );
      CREATE INDEX position_unit ON position (unit_id);
      CREATE INDEX position_reports_to ON position (reports_to_id);

      -- Who holds a position, and for how much of their contract. A position without a
      -- current assignment is a vacancy (vacature). A person may hold several positions.
      CREATE TABLE assignment (
        id          INTEGER PRIMARY KEY,
        position_id INTEGER NOT NULL REFERENCES position (id),
        person_id   INTEGER NOT NULL REFERENCES person (id),
        fte         REAL NOT NULL CHECK (fte > 0),
        valid_from  TEXT,
        valid_to    TEXT
      );
      CREATE INDEX assignment_position ON assignment (position_id);
      CREATE INDEX assignment_person ON assignment (person_id);

      -- Cross-unit links (transversale samenwerking): dotted lines between positions or units.
      CREATE TABLE cross_unit_link (
        id               INTEGER PRIMARY KEY,
        from_position_id INTEGER REFERENCES position (id),
        from_unit_id     INTEGER REFERENCES org_unit (id),
        to_position_id   INTEGER REFERENCES position (id),
        to_unit_id       INTEGER REFERENCES org_unit (id),
        label            TEXT NOT NULL,
        CHECK ((from_position_id IS NULL) <> (from_unit_id IS NULL)),
        CHECK ((to_position_id IS NULL) <> (to_unit_id IS NULL))
      );

      ---------------------------------------------------------------- planning
      CREATE TABLE scenario (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        description  TEXT,
        based_on_id  INTEGER REFERENCES scenario (id),
        status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
        created_at   TEXT NOT NULL,
        approved_at  TEXT
      );

      -- Demand-model assumptions per scenario (caseload, hours per newcomer, shares…).
      CREATE TABLE scenario_assumption (
        scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
        key         TEXT NOT NULL,
        value       REAL NOT NULL,
        PRIMARY KEY (scenario_id, key)
      ) WITHOUT ROWID;

      -- The editable activity list (fourth pillar, NT2 guidance, …).
      CREATE TABLE activity (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        is_pillar4 INTEGER NOT NULL DEFAULT 0 CHECK (is_pillar4 IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      -- Time-phased allocation: one row per scenario × position (and person, if filled) ×
      -- activity × region × month. Months make roll-ups to quarters and years plain SQL.
      CREATE TABLE allocation (
        id          INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
        position_id INTEGER NOT NULL REFERENCES position (id),
        person_id   INTEGER REFERENCES person (id),
        activity_code TEXT NOT NULL REFERENCES activity (code),
        region_code TEXT REFERENCES region (code),
        nis_code    TEXT REFERENCES municipality (nis_code),
        month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        fte         REAL NOT NULL CHECK (fte >= 0)
      );
      CREATE INDEX allocation_scenario_month ON allocation (scenario_id, month);
      CREATE INDEX allocation_position ON allocation (position_id);
      CREATE INDEX allocation_person ON allocation (person_id);

      ---------------------------------------------------------------- pilots (proeftuinen)
      CREATE TABLE pilot (
        id                   INTEGER PRIMARY KEY,
        code                 TEXT NOT NULL UNIQUE,
        name                 TEXT NOT NULL,
        lead_nis_code        TEXT REFERENCES municipality (nis_code),
        coordinator          TEXT,
        budget_eur           REAL CHECK (budget_eur IS NULL OR budget_eur >= 0),
        cofinancing_eur      REAL CHECK (cofinancing_eur IS NULL OR cofinancing_eur >= 0),
        start_date           TEXT,
        end_date             TEXT,
        target_participants  INTEGER,
        reached_participants INTEGER,
        target_buddy_pairs   INTEGER,
        reached_buddy_pairs  INTEGER,
        activity_hours       REAL,
        interim_evaluation   TEXT,
        final_evaluation     TEXT,
        is_fictional         INTEGER NOT NULL DEFAULT 1 CHECK (is_fictional IN (0, 1)),
        source_note          TEXT
      );

      CREATE TABLE pilot_municipality (
        pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
        nis_code TEXT NOT NULL REFERENCES municipality (nis_code),
        role     TEXT NOT NULL DEFAULT 'partner' CHECK (role IN ('lead', 'partner')),
        PRIMARY KEY (pilot_id, nis_code)
      ) WITHOUT ROWID;

      -- Approaches: buddy, volunteering, internship, language internship, leisure club, care
      -- home, neighbourhood centre, other.
      CREATE TABLE pilot_approach (
        pilot_id INTEGER NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
        approach TEXT NOT NULL,
        PRIMARY KEY (pilot_id, approach)
      ) WITHOUT ROWID;

      ---------------------------------------------------------------- imports and audit
      -- Every import: what came in, from which file (SHA-256), how it was mapped, the counts,
      -- and the validation report. undone_at is set when the import is undone.
      CREATE TABLE import_log (
        id             INTEGER PRIMARY KEY,
        started_at     TEXT NOT NULL,
        finished_at    TEXT,
        user_name      TEXT,
        file_name      TEXT NOT NULL,
        file_sha256    TEXT NOT NULL,
        file_size      INTEGER NOT NULL,
        sheet          TEXT,
        target_kind    TEXT NOT NULL CHECK (target_kind IN ('raw', 'entity')),
        target         TEXT NOT NULL,
        mapping_json   TEXT,
        rows_read      INTEGER NOT NULL DEFAULT 0,
        rows_inserted  INTEGER NOT NULL DEFAULT 0,
        rows_updated   INTEGER NOT NULL DEFAULT 0,
        rows_deleted   INTEGER NOT NULL DEFAULT 0,
        rows_rejected  INTEGER NOT NULL DEFAULT 0,
        report_json    TEXT,
        undone_at      TEXT,
        -- What undoing the import takes back (JSON list of row writes, tables created or
        -- replaced), so an import can be undone in a later session too.
        undo_json      TEXT
      );

      -- A saved column mapping, applied again when a file with the same layout comes back.
      CREATE TABLE import_template (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        target       TEXT NOT NULL,
        fingerprint  TEXT NOT NULL,
        options_json TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (target, fingerprint)
      );

      -- Raw tables imported by analysts (any sheet → an SQL table), so the app can list them
      -- apart from its own tables.
      CREATE TABLE dataset (
        table_name TEXT PRIMARY KEY,
        label      TEXT NOT NULL,
        import_id  INTEGER REFERENCES import_log (id),
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE audit_log (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        user_name TEXT,
        action    TEXT NOT NULL,
        summary   TEXT NOT NULL,
        details_json TEXT
      );

      ---------------------------------------------------------------- views for the screens
      -- One row per pilot with what the Proeftuinen table shows: the lead municipality's name
      -- and province, how many municipalities take part, and its approaches as one list.
      CREATE VIEW pilot_overview AS
      SELECT
        p.id,
        p.code,
        p.name,
        p.lead_nis_code,
        lead.name AS lead_municipality,
        lead.province,
        (SELECT count(*) FROM pilot_municipality pm WHERE pm.pilot_id = p.id) AS municipality_count,
        (SELECT count(*) FROM pilot_municipality pm
          WHERE pm.pilot_id = p.id AND pm.role = 'partner') AS partner_count,
        (SELECT group_concat(approach, ', ')
          FROM (SELECT approach FROM pilot_approach pa WHERE pa.pilot_id = p.id ORDER BY approach)
        ) AS approaches,
        p.coordinator,
        p.budget_eur,
        p.cofinancing_eur,
        p.start_date,
        p.end_date,
        p.target_participants,
        p.reached_participants,
        p.target_buddy_pairs,
        p.reached_buddy_pairs,
        p.activity_hours,
        p.is_fictional
      FROM pilot p
      LEFT JOIN municipality lead ON lead.nis_code = p.lead_nis_code;

      -- One row per municipality with its regions by name and how many pilots it took part in.
      CREATE VIEW municipality_overview AS
      SELECT
        m.nis_code,
        m.name,
        m.arrondissement,
        m.province,
        m.reference_region_code,
        reference_region.name AS reference_region,
        m.network_code,
        network.name AS network,
        m.agii_region_code,
        agii_region.name AS agii_region,
        m.inhabitants_2020,
        (SELECT count(*) FROM pilot_municipality pm WHERE pm.nis_code = m.nis_code) AS pilot_count
      FROM municipality m
      LEFT JOIN region reference_region ON reference_region.code = m.reference_region_code
      LEFT JOIN region network ON network.code = m.network_code
      LEFT JOIN region agii_region ON agii_region.code = m.agii_region_code;
    `,
  },
  {
    version: 2,
    description: 'Organigram: positions planned in a scenario, and scenario changes to positions',
    sql: /* sql */ `
      -- A position with a scenario_id exists only in that scenario (a planned new position);
      -- the baseline organigram is every position with scenario_id NULL.
      ALTER TABLE position ADD COLUMN scenario_id INTEGER REFERENCES scenario (id);
      CREATE INDEX position_scenario ON position (scenario_id);

      -- What a scenario changes about a baseline position, without touching the baseline:
      -- a move (unit, reports-to), other FTE or fourth-pillar share, or closing it from a
      -- date. NULL means "as in the baseline". A scenario based on another one inherits its
      -- changes; its own rows win.
      CREATE TABLE scenario_position (
        scenario_id   INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
        position_id   INTEGER NOT NULL REFERENCES position (id),
        unit_id       INTEGER REFERENCES org_unit (id),
        reports_to_id INTEGER REFERENCES position (id),
        budget_fte    REAL CHECK (budget_fte IS NULL OR budget_fte >= 0),
        pillar4_share REAL CHECK (pillar4_share IS NULL OR (pillar4_share >= 0 AND pillar4_share <= 1)),
        closed_from   TEXT,
        PRIMARY KEY (scenario_id, position_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    description: 'Planning: approval lock in the database, cell lookup index, assumption sources',
    sql: /* sql */ `
      -- Where a planner found an assumption (a report, a decree, their own estimate).
      ALTER TABLE scenario_assumption ADD COLUMN source TEXT;

      -- A grid cell is found by scenario × position × activity × month (then person, region,
      -- municipality among a handful of rows); compare groups both scenarios on the same key.
      CREATE INDEX allocation_cell ON allocation (scenario_id, position_id, activity_code, month);

      -- The approval lock, enforced below the core too: no write reaches the plan or the
      -- assumptions of an approved scenario, whoever sends it (an import, the SQL of a script).
      CREATE TRIGGER allocation_locked_insert BEFORE INSERT ON allocation
      WHEN (SELECT status FROM scenario WHERE id = NEW.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de inzet kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER allocation_locked_update BEFORE UPDATE ON allocation
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
        OR (SELECT status FROM scenario WHERE id = NEW.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de inzet kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER allocation_locked_delete BEFORE DELETE ON allocation
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de inzet kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER assumption_locked_insert BEFORE INSERT ON scenario_assumption
      WHEN (SELECT status FROM scenario WHERE id = NEW.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de aannames kunnen niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER assumption_locked_update BEFORE UPDATE ON scenario_assumption
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de aannames kunnen niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER assumption_locked_delete BEFORE DELETE ON scenario_assumption
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de aannames kunnen niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      -- An approved scenario keeps its name and description. The one change allowed is back to
      -- draft with nothing else touched: that is how undoing an approval works (audited).
      CREATE TRIGGER scenario_locked_update BEFORE UPDATE ON scenario
      WHEN OLD.status = 'approved'
        AND NOT (NEW.status = 'draft' AND NEW.name IS OLD.name AND NEW.description IS OLD.description
                 AND NEW.based_on_id IS OLD.based_on_id AND NEW.id = OLD.id)
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: naam en beschrijving kunnen niet meer wijzigen.');
      END;
      CREATE TRIGGER scenario_locked_delete BEFORE DELETE ON scenario
      WHEN OLD.status = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: het kan niet verwijderd worden.');
      END;
    `,
  },
  {
    version: 4,
    description: 'Dashboard: a covering index for the allocation scans by scenario and month',
    sql: /* sql */ `
      -- Every dashboard chart on the plan reads allocation by scenario and a month range and
      -- sums FTE by position, region or municipality: with all those columns in the index the
      -- scan never visits the table rows (EXPLAIN QUERY PLAN: USING COVERING INDEX).
      CREATE INDEX allocation_dashboard ON allocation
        (scenario_id, month, activity_code, position_id, region_code, nis_code, person_id, fte);
    `,
  },
  {
    version: 6,
    description: 'Planning: leave as a monthly reduction of capacity, cost per FTE by grade',
    sql: /* sql */ `
      -- Leave (verlof) lowers a person's capacity in one month of one scenario: the capacity
      -- rule becomes allocations <= contract FTE - leave. Per scenario, so an approved plan's
      -- breaches never move, and a copy can assume other leave.
      CREATE TABLE scenario_leave (
        scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
        person_id   INTEGER NOT NULL REFERENCES person (id),
        month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        fte         REAL NOT NULL CHECK (fte > 0 AND fte <= 1),
        note        TEXT,
        PRIMARY KEY (scenario_id, person_id, month)
      ) WITHOUT ROWID;

      -- What one FTE of a grade (loonschaal) costs a year in a scenario: the plan's budget is
      -- FTE x this rate / 12 per month. A grade without a row takes the organigram's average
      -- (position annual cost / budgeted FTE).
      CREATE TABLE scenario_grade_cost (
        scenario_id         INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
        grade               TEXT NOT NULL,
        annual_cost_per_fte REAL NOT NULL CHECK (annual_cost_per_fte >= 0),
        source              TEXT,
        PRIMARY KEY (scenario_id, grade)
      ) WITHOUT ROWID;

      CREATE TRIGGER scenario_leave_locked_insert BEFORE INSERT ON scenario_leave
      WHEN (SELECT status FROM scenario WHERE id = NEW.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: het verlof kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER scenario_leave_locked_update BEFORE UPDATE ON scenario_leave
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: het verlof kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER scenario_leave_locked_delete BEFORE DELETE ON scenario_leave
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: het verlof kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER scenario_grade_cost_locked_insert BEFORE INSERT ON scenario_grade_cost
      WHEN (SELECT status FROM scenario WHERE id = NEW.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de kost per graad kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER scenario_grade_cost_locked_update BEFORE UPDATE ON scenario_grade_cost
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de kost per graad kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
      CREATE TRIGGER scenario_grade_cost_locked_delete BEFORE DELETE ON scenario_grade_cost
      WHEN (SELECT status FROM scenario WHERE id = OLD.scenario_id) = 'approved'
      BEGIN
        SELECT RAISE(ABORT, 'Dit scenario is goedgekeurd en vergrendeld: de kost per graad kan niet meer wijzigen. Maak een kopie om verder te plannen.');
      END;
    `,
  },
  {
    version: 7,
    description: 'Dashboard: monthly roll-ups of the allocation, kept current by triggers',
    sql: /* sql */ `
      -- Σ milli-FTE of the allocation per scenario × month × activity × position × region of
      -- both kinds (by the rule of planning/demand.ts: the row's own region when of that kind,
      -- else its municipality's; '' for none), so the dashboard and the demand view read a few
      -- thousand rows instead of a million. Derived data: planning/rollup.ts rebuilds it when
      -- 'stale' is set; the triggers below keep it current row by row otherwise.
      CREATE TABLE allocation_rollup (
        scenario_id   INTEGER NOT NULL,
        month         TEXT NOT NULL,
        activity_code TEXT NOT NULL,
        position_id   INTEGER NOT NULL,
        network_code  TEXT NOT NULL,
        agii_code     TEXT NOT NULL,
        milli         INTEGER NOT NULL,
        vacancy_milli INTEGER NOT NULL,
        row_count     INTEGER NOT NULL,
        PRIMARY KEY (scenario_id, month, activity_code, position_id, network_code, agii_code)
      ) WITHOUT ROWID;
      -- The same per municipality ('' for FTE booked on a region only): the drill into a region.
      CREATE TABLE allocation_rollup_nis (
        scenario_id   INTEGER NOT NULL,
        month         TEXT NOT NULL,
        activity_code TEXT NOT NULL,
        nis_code      TEXT NOT NULL,
        network_code  TEXT NOT NULL,
        agii_code     TEXT NOT NULL,
        milli         INTEGER NOT NULL,
        row_count     INTEGER NOT NULL,
        PRIMARY KEY (scenario_id, month, activity_code, nis_code, network_code, agii_code)
      ) WITHOUT ROWID;
      -- stale = 1: the roll-ups are out of date (a new file, a changed municipality or region,
      -- a bulk write); the next read rebuilds them and the triggers rest meanwhile.
      CREATE TABLE allocation_rollup_state (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        stale INTEGER NOT NULL CHECK (stale IN (0, 1))
      );
      INSERT INTO allocation_rollup_state (id, stale) VALUES (1, 1);

      CREATE TRIGGER allocation_rollup_insert AFTER INSERT ON allocation
      WHEN (SELECT stale FROM allocation_rollup_state) = 0
      BEGIN
        INSERT INTO allocation_rollup VALUES (NEW.scenario_id, NEW.month, NEW.activity_code,
          NEW.position_id, coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          CAST(round(NEW.fte * 1000) AS INTEGER), CASE WHEN NEW.person_id IS NULL THEN CAST(round(NEW.fte * 1000) AS INTEGER) ELSE 0 END, 1)
        ON CONFLICT DO UPDATE SET milli = milli + excluded.milli,
          vacancy_milli = vacancy_milli + excluded.vacancy_milli, row_count = row_count + 1;
        INSERT INTO allocation_rollup_nis VALUES (NEW.scenario_id, NEW.month, NEW.activity_code,
          coalesce(NEW.nis_code, ''), coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          CAST(round(NEW.fte * 1000) AS INTEGER), 1)
        ON CONFLICT DO UPDATE SET milli = milli + excluded.milli, row_count = row_count + 1;
      END;
      CREATE TRIGGER allocation_rollup_delete AFTER DELETE ON allocation
      WHEN (SELECT stale FROM allocation_rollup_state) = 0
      BEGIN
        UPDATE allocation_rollup SET milli = milli - CAST(round(OLD.fte * 1000) AS INTEGER),
          vacancy_milli = vacancy_milli - CASE WHEN OLD.person_id IS NULL THEN CAST(round(OLD.fte * 1000) AS INTEGER) ELSE 0 END, row_count = row_count - 1
        WHERE scenario_id = OLD.scenario_id AND month = OLD.month
          AND activity_code = OLD.activity_code AND position_id = OLD.position_id
          AND network_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = OLD.nis_code), '')
          AND agii_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = OLD.nis_code), '');
        UPDATE allocation_rollup_nis SET milli = milli - CAST(round(OLD.fte * 1000) AS INTEGER), row_count = row_count - 1
        WHERE scenario_id = OLD.scenario_id AND month = OLD.month
          AND activity_code = OLD.activity_code AND nis_code = coalesce(OLD.nis_code, '')
          AND network_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = OLD.nis_code), '')
          AND agii_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = OLD.nis_code), '');
        DELETE FROM allocation_rollup WHERE row_count = 0 AND scenario_id = OLD.scenario_id
          AND month = OLD.month AND activity_code = OLD.activity_code
          AND position_id = OLD.position_id;
        DELETE FROM allocation_rollup_nis WHERE row_count = 0 AND scenario_id = OLD.scenario_id
          AND month = OLD.month AND activity_code = OLD.activity_code
          AND nis_code = coalesce(OLD.nis_code, '');
      END;
      -- An update is the old row out and the new row in.
      CREATE TRIGGER allocation_rollup_update AFTER UPDATE ON allocation
      WHEN (SELECT stale FROM allocation_rollup_state) = 0
      BEGIN
        UPDATE allocation_rollup SET milli = milli - CAST(round(OLD.fte * 1000) AS INTEGER),
          vacancy_milli = vacancy_milli - CASE WHEN OLD.person_id IS NULL THEN CAST(round(OLD.fte * 1000) AS INTEGER) ELSE 0 END, row_count = row_count - 1
        WHERE scenario_id = OLD.scenario_id AND month = OLD.month
          AND activity_code = OLD.activity_code AND position_id = OLD.position_id
          AND network_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = OLD.nis_code), '')
          AND agii_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = OLD.nis_code), '');
        UPDATE allocation_rollup_nis SET milli = milli - CAST(round(OLD.fte * 1000) AS INTEGER), row_count = row_count - 1
        WHERE scenario_id = OLD.scenario_id AND month = OLD.month
          AND activity_code = OLD.activity_code AND nis_code = coalesce(OLD.nis_code, '')
          AND network_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = OLD.nis_code), '')
          AND agii_code = coalesce(
            (SELECT code FROM region WHERE code = OLD.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = OLD.nis_code), '');
        INSERT INTO allocation_rollup VALUES (NEW.scenario_id, NEW.month, NEW.activity_code,
          NEW.position_id, coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          CAST(round(NEW.fte * 1000) AS INTEGER), CASE WHEN NEW.person_id IS NULL THEN CAST(round(NEW.fte * 1000) AS INTEGER) ELSE 0 END, 1)
        ON CONFLICT DO UPDATE SET milli = milli + excluded.milli,
          vacancy_milli = vacancy_milli + excluded.vacancy_milli, row_count = row_count + 1;
        INSERT INTO allocation_rollup_nis VALUES (NEW.scenario_id, NEW.month, NEW.activity_code,
          coalesce(NEW.nis_code, ''), coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'network'),
            (SELECT network_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          coalesce(
            (SELECT code FROM region WHERE code = NEW.region_code AND kind = 'agii'),
            (SELECT agii_region_code FROM municipality WHERE nis_code = NEW.nis_code), ''),
          CAST(round(NEW.fte * 1000) AS INTEGER), 1)
        ON CONFLICT DO UPDATE SET milli = milli + excluded.milli, row_count = row_count + 1;
        DELETE FROM allocation_rollup WHERE row_count = 0 AND scenario_id = OLD.scenario_id
          AND month = OLD.month AND activity_code = OLD.activity_code
          AND position_id = OLD.position_id;
        DELETE FROM allocation_rollup_nis WHERE row_count = 0 AND scenario_id = OLD.scenario_id
          AND month = OLD.month AND activity_code = OLD.activity_code
          AND nis_code = coalesce(OLD.nis_code, '');
      END;

      -- Which region a row counts under follows its municipality and the region's kind: when
      -- either changes, the roll-ups are rebuilt on the next read.
      CREATE TRIGGER municipality_rollup_stale_insert AFTER INSERT ON municipality
      BEGIN UPDATE allocation_rollup_state SET stale = 1 WHERE stale = 0; END;
      CREATE TRIGGER municipality_rollup_stale_update AFTER UPDATE OF nis_code, network_code, agii_region_code ON municipality
      BEGIN UPDATE allocation_rollup_state SET stale = 1 WHERE stale = 0; END;
      CREATE TRIGGER municipality_rollup_stale_delete AFTER DELETE ON municipality
      BEGIN UPDATE allocation_rollup_state SET stale = 1 WHERE stale = 0; END;
      CREATE TRIGGER region_rollup_stale_insert AFTER INSERT ON region
      BEGIN UPDATE allocation_rollup_state SET stale = 1 WHERE stale = 0; END;
      CREATE TRIGGER region_rollup_stale_update AFTER UPDATE OF code, kind ON region
      BEGIN UPDATE allocation_rollup_state SET stale = 1 WHERE stale = 0; END;
      CREATE TRIGGER region_rollup_stale_delete AFTER DELETE ON region
      BEGIN UPDATE allocation_rollup_state SET stale = 1 WHERE stale = 0; END;
    `,
  },
  MIGRATION_8,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Tables the app owns; a raw import may not take one of these names. */
export const DOMAIN_TABLES = [
  'meta',
  'region',
  'municipality',
  'municipality_crosswalk',
  'newcomer_forecast',
  'org_unit',
  'role',
  'person',
  'position',
  'assignment',
  'cross_unit_link',
  'scenario',
  'scenario_position',
  'scenario_assumption',
  'scenario_leave',
  'scenario_grade_cost',
  'activity',
  'allocation',
  'allocation_rollup',
  'allocation_rollup_nis',
  'allocation_rollup_region',
  'allocation_rollup_state',
  'pilot',
  'pilot_municipality',
  'pilot_approach',
  'import_log',
  'import_template',
  'dataset',
  'audit_log',
] as const;

export type DomainTable = (typeof DOMAIN_TABLES)[number];

/**
 * Tables derived from allocation and kept current by its triggers (migrations 7 and 8): nobody
 * edits them, and a check of source data leaves them out (rollup.test.ts checks them against it).
 */
export const DERIVED_TABLES: readonly DomainTable[] = [
  'allocation_rollup',
  'allocation_rollup_nis',
  'allocation_rollup_region',
  'allocation_rollup_state',
];
