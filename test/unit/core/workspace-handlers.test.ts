import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/db/schema';
import type { Session } from '../../../src/core/session';
import { scalar, seedWorkspace, startCore } from './workspace-fixture';

let core: Awaited<ReturnType<typeof startCore>>['core'];
let session: Session;

beforeEach(async () => {
  ({ core, session } = await startCore());
  seedWorkspace(session.db);
});

async function savedBytes(): Promise<Uint8Array> {
  return core.call('workspace.export', undefined);
}

/** Bytes of a valid workspace with user_version bumped past what this build knows. */
async function newerWorkspace(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(await savedBytes());
  db.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
  const bytes = db.export();
  db.close();
  return bytes;
}

async function foreignSqlite(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run("CREATE TABLE boodschappen (item TEXT); INSERT INTO boodschappen VALUES ('brood')");
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('workspace handlers', () => {
  it('reports the workspace: name, dirty marker, undo/redo labels', async () => {
    expect(await core.call('workspace.info', undefined)).toEqual({
      name: 'Testwerkruimte',
      fileName: null,
      isDemo: false,
      dirty: false,
      schemaVersion: SCHEMA_VERSION,
      canUndo: false,
      canRedo: false,
      readOnly: false,
      undoLabel: null,
      redoLabel: null,
      dataDate: null,
    });
    await core.call('tables.updateCell', {
      table: 'municipality',
      key: { nis_code: '11001' },
      column: 'inhabitants_2020',
      value: 15000,
    });
    const info = await core.call('workspace.info', undefined);
    expect(info).toMatchObject({
      dirty: true,
      canUndo: true,
      undoLabel: 'inhabitants_2020 van gemeente 11001 gewijzigd in 15000',
    });
    const undone = await core.call('workspace.undo', undefined);
    expect(undone).toMatchObject({ ok: true, value: { canUndo: false, canRedo: true } });
    expect(
      scalar(session.db, "SELECT inhabitants_2020 FROM municipality WHERE nis_code = '11001'"),
    ).toBe(14000);
    const redone = await core.call('workspace.redo', undefined);
    expect(redone).toMatchObject({ ok: true, value: { canUndo: true, canRedo: false } });
    expect(
      scalar(session.db, "SELECT inhabitants_2020 FROM municipality WHERE nis_code = '11001'"),
    ).toBe(15000);
  });

  it('saves and reopens with the same content, clean and without history', async () => {
    await core.call('tables.updateCell', {
      table: 'pilot',
      key: { id: 2 },
      column: 'name',
      value: 'Sterk Netwerk Kempen',
    });
    const bytes = await savedBytes();
    const saved = await core.call('workspace.markSaved', { fileName: '/tmp/plan.pijlerplan' });
    expect(saved).toMatchObject({ dirty: false, fileName: '/tmp/plan.pijlerplan', canUndo: true });
    // Undo still works after the export reopened sql.js's connection.
    await core.call('workspace.undo', undefined);
    expect(scalar(session.db, 'SELECT name FROM pilot WHERE id = 2')).toBe('Sterk Netwerk');

    const reopened = await core.call('workspace.open', { bytes, fileName: '/tmp/plan.pijlerplan' });
    expect(reopened).toMatchObject({
      ok: true,
      value: {
        name: 'Testwerkruimte',
        fileName: '/tmp/plan.pijlerplan',
        dirty: false,
        canUndo: false,
        canRedo: false,
      },
    });
    const now = await core.session();
    expect(scalar(now.db, 'SELECT name FROM pilot WHERE id = 2')).toBe('Sterk Netwerk Kempen');
    expect(scalar(now.db, 'SELECT count(*) FROM municipality')).toBe(5);
    // The reopened connection has fold() and foreign keys.
    expect(scalar(now.db, "SELECT fold('Éléonore')")).toBe('eleonore');
    expect(scalar(now.db, 'PRAGMA foreign_keys')).toBe(1);
  });

  it.each([
    {
      name: 'a file that is no SQLite database',
      bytes: async () =>
        new TextEncoder().encode('NIS-code;Gemeente\r\n11001;Aartselaar\r\n'.repeat(20)),
      code: 'not-sqlite',
      message: /geen Pijlerplan-werkruimte \(geen SQLite-databank\)/,
    },
    {
      name: 'a truncated workspace',
      bytes: async () => (await savedBytes()).subarray(0, 6000),
      code: 'corrupt',
      message: /beschadigd/,
    },
    {
      name: 'a workspace from a newer schema version',
      bytes: newerWorkspace,
      code: 'newer-version',
      message: /nieuwere versie van Pijlerplan/,
    },
    {
      name: 'an SQLite file of another application',
      bytes: foreignSqlite,
      code: 'not-workspace',
      message: /geen Pijlerplan-werkruimte \(onbekende application_id\)/,
    },
  ])(
    'refuses $name with a Dutch message and keeps the current workspace',
    async ({ bytes, code, message }) => {
      await core.call('tables.updateCell', {
        table: 'pilot',
        key: { id: 1 },
        column: 'budget_eur',
        value: 39000,
      });
      const db = session.db;
      const input = await bytes();
      const result = await core.call('workspace.open', {
        bytes: input,
        fileName: 'kapot.pijlerplan',
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
      const after = await core.session();
      expect(after.db).toBe(db);
      expect(after.fileName).toBeNull();
      expect(await core.call('workspace.info', undefined)).toMatchObject({
        name: 'Testwerkruimte',
        dirty: true,
        canUndo: true,
      });
      expect(scalar(after.db, 'SELECT budget_eur FROM pilot WHERE id = 1')).toBe(39000);
    },
  );

  it('checks the open workspace fully', async () => {
    const check = await core.call('workspace.check', undefined);
    expect(check).toMatchObject({
      ok: true,
      integrity: ['ok'],
      foreignKeyProblemCount: 0,
      schemaVersion: SCHEMA_VERSION,
      supportedSchemaVersion: SCHEMA_VERSION,
      isPijlerplan: true,
    });
    expect(check.tables).toContainEqual({ name: 'municipality', rows: 5 });
    expect(check.tables).toContainEqual({ name: 'pilot', rows: 2 });
  });

  it('renames the workspace as an undoable step', async () => {
    const renamed = await core.call('workspace.rename', { name: 'Planning 2025' });
    expect(renamed).toMatchObject({ ok: true, value: { name: 'Planning 2025', dirty: true } });
    await core.call('workspace.undo', undefined);
    expect((await core.call('workspace.info', undefined)).name).toBe('Testwerkruimte');
    expect(await core.call('workspace.rename', { name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'empty-name' },
    });
  });
});
