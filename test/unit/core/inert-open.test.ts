import { createHash } from 'node:crypto';
import initSqlJs, { type Database } from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../src/core/session';
import { scalar, seedWorkspace, startCore } from './workspace-fixture';

let core: Awaited<ReturnType<typeof startCore>>['core'];
let session: Session;

beforeEach(async () => {
  ({ core, session } = await startCore());
  seedWorkspace(session.db);
  session.db.exec(`
    INSERT INTO org_unit (id, code, name, kind) VALUES (1, 'AGII', 'Agentschap', 'agency');
    INSERT INTO position (id, code, unit_id, title, budget_fte, pillar4_share)
      VALUES (1, 'POS1', 1, 'Trajectbegeleider', 1, 0.5), (2, 'POS2', 1, 'Netwerkcoach', 0.8, 1);
  `);
});

/** The current workspace's bytes after `tamper` ran on a raw copy (as an attacker's tool would). */
async function tampered(tamper: (db: Database) => void): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(await core.call('workspace.export', undefined));
  tamper(db);
  const bytes = db.export();
  db.close();
  return bytes;
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const FOREVER = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n`;

describe('opening a workspace from elsewhere is inert', () => {
  it('removes an AFTER UPDATE trigger that wipes pilots and FTE; editing a cell then changes only that cell', async () => {
    const bytes = await tampered((db) =>
      db.exec(`CREATE TRIGGER wis_alles AFTER UPDATE ON municipality BEGIN
                 DELETE FROM pilot; UPDATE position SET budget_fte = 0;
               END;`),
    );
    const before = sha(bytes);
    const opened = await core.call('workspace.open', { bytes, fileName: 'vreemd.pijlerplan' });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.notices).toHaveLength(1);
    expect(opened.value.notices[0]).toContain('trigger wis_alles (op municipality)');
    expect(opened.value.notices[0]).toContain('Het bestand op schijf is niet gewijzigd');
    expect(
      scalar(
        session.db,
        "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'wis_alles'",
      ),
    ).toBe(0);

    const edited = await core.call('tables.updateCell', {
      table: 'municipality',
      key: { nis_code: '11001' },
      column: 'inhabitants_2020',
      value: 14500,
    });
    expect(edited.ok).toBe(true);
    expect(scalar(session.db, 'SELECT count(*) FROM pilot')).toBe(2);
    expect(scalar(session.db, 'SELECT sum(budget_fte) FROM position')).toBeCloseTo(1.8);
    expect(sha(bytes)).toBe(before); // the caller's bytes (the file) are untouched
  });

  it('removes a view that never ends, so opening and listing the tables finish', async () => {
    const bytes = await tampered((db) => db.exec(`CREATE VIEW eindeloos AS ${FOREVER}`));
    const opened = await core.call('workspace.open', { bytes, fileName: 'lus.pijlerplan' });
    expect(opened.ok && opened.value.notices[0]).toContain('view eindeloos');
    const tables = await core.call('tables.list', undefined);
    expect(tables.map((table) => table.name)).not.toContain('eindeloos');
  });

  it('puts back an app view whose definition was changed (here into one that never ends)', async () => {
    const bytes = await tampered((db) =>
      db.exec(`DROP VIEW pilot_overview; CREATE VIEW pilot_overview AS ${FOREVER}`),
    );
    const opened = await core.call('workspace.open', { bytes, fileName: 'x.pijlerplan' });
    expect(opened.ok && opened.value.notices[0]).toContain('hersteld zoals Pijlerplan het maakt');
    expect(opened.ok && opened.value.notices[0]).toContain('view pilot_overview');
    // The app's own view again: one row per pilot, with the lead municipality's name.
    const rows = session.db.exec(
      'SELECT code, lead_municipality FROM pilot_overview ORDER BY code',
    );
    expect(rows[0]?.values).toEqual([
      ['P01', 'Aartselaar'],
      ['P02', 'Turnhout'],
    ]);
  });

  it('removes an index the app did not make', async () => {
    const bytes = await tampered((db) => db.exec('CREATE INDEX vreemd ON pilot (name)'));
    const opened = await core.call('workspace.open', { bytes, fileName: 'x.pijlerplan' });
    expect(opened.ok && opened.value.notices[0]).toContain('index vreemd (op pilot)');
    expect(scalar(session.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'vreemd'")).toBe(0);
    // The app's own indexes are kept.
    expect(
      scalar(session.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'position_unit'"),
    ).toBe(1);
  });

  it.each([
    ['an unknown table', 'CREATE TABLE geheim (x TEXT)', 'geheim (niet door Pijlerplan gemaakt)'],
    [
      'an app table with another structure',
      'DROP VIEW pilot_overview; ALTER TABLE pilot ADD COLUMN extra TEXT',
      'pilot (andere structuur)',
    ],
  ])(
    'refuses a file with %s, naming it, and keeps the current workspace',
    async (_, sql, named) => {
      const bytes = await tampered((db) => db.exec(sql));
      const current = session.db;
      const opened = await core.call('workspace.open', { bytes, fileName: 'x.pijlerplan' });
      expect(opened.ok).toBe(false);
      if (opened.ok) return;
      expect(opened.error.code).toBe('foreign-schema');
      expect(opened.error.message).toContain(named);
      expect(opened.error.message).toContain('niet aangeraakt');
      expect(session.db).toBe(current);
    },
  );

  it('accepts a raw import table recorded in dataset, and a clean workspace without notices', async () => {
    const bytes = await tampered((db) =>
      db.exec(`CREATE TABLE "ruwe data" ("Gemeente" TEXT, "Aantal" REAL);
               INSERT INTO "ruwe data" VALUES ('Gent', 3);
               INSERT INTO dataset (table_name, label, created_at) VALUES ('ruwe data', 'Ruw', '2026-01-01');`),
    );
    const opened = await core.call('workspace.open', { bytes, fileName: 'x.pijlerplan' });
    expect(opened.ok && opened.value.notices).toEqual([]);
    expect(scalar(session.db, 'SELECT "Aantal" FROM "ruwe data"')).toBe(3);

    const recorded = await tampered((db) =>
      db.exec(
        "CREATE VIRTUAL TABLE v USING fts5(x); INSERT INTO dataset (table_name, label, created_at) VALUES ('v', 'v', '2026')",
      ),
    ).catch(() => null);
    if (recorded) {
      const refused = await core.call('workspace.open', { bytes: recorded, fileName: 'v' });
      expect(refused.ok).toBe(false);
    }
  });

  it('a trigger on a raw import table is removed too', async () => {
    const bytes = await tampered((db) =>
      db.exec(`CREATE TABLE ruw (x TEXT);
               INSERT INTO dataset (table_name, label, created_at) VALUES ('ruw', 'Ruw', '2026-01-01');
               CREATE TRIGGER t AFTER INSERT ON ruw BEGIN DELETE FROM pilot; END;`),
    );
    const opened = await core.call('workspace.open', { bytes, fileName: 'x.pijlerplan' });
    expect(opened.ok && opened.value.notices[0]).toContain('trigger t (op ruw)');
    session.db.run("INSERT INTO ruw VALUES ('a')");
    expect(scalar(session.db, 'SELECT count(*) FROM pilot')).toBe(2);
  });
});
