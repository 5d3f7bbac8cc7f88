import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/db/schema';
import { createWorkspaceDb, exportWorkspaceDb } from '../../../src/core/db/workspace-file';

const one = (db: Database, sql: string) => db.exec(sql)[0]?.values[0]?.[0];
const schemaOf = (db: Database) =>
  db.exec('SELECT type, name, sql FROM sqlite_master ORDER BY type, name')[0]?.values;

/**
 * A new workspace: the first is made by the migrations, the next from their cached image; both
 * must be the same schema, with the connection tuned and prepared, and independent copies.
 */
describe('createWorkspaceDb', () => {
  it('makes the same empty workspace from the migrations and from their cached image', async () => {
    const SQL = await initSqlJs();
    const first = createWorkspaceDb(SQL);
    const second = createWorkspaceDb(SQL);
    expect(schemaOf(second)).toEqual(schemaOf(first));
    expect((schemaOf(first) ?? []).length).toBeGreaterThan(20);
    for (const db of [first, second]) {
      expect(one(db, 'PRAGMA user_version')).toBe(SCHEMA_VERSION);
      expect(one(db, 'PRAGMA application_id')).toBe(0x504a4c50); // "PJLP"
      expect(one(db, 'PRAGMA foreign_keys')).toBe(1);
      expect(one(db, 'PRAGMA journal_mode')).toBe('memory');
      expect(one(db, 'PRAGMA cache_size')).toBe(-16 * 1024);
      expect(one(db, "SELECT fold('Éléonore')")).toBe('eleonore');
    }
    // Independent: a write in one is not in the other, nor in the next one made.
    first.run("INSERT INTO meta (key, value) VALUES ('probe', 'x')");
    expect(one(second, "SELECT count(*) FROM meta WHERE key = 'probe'")).toBe(0);
    expect(one(createWorkspaceDb(SQL), "SELECT count(*) FROM meta WHERE key = 'probe'")).toBe(0);
  });

  it('rolls a transaction back with the journal kept in memory, also after an export', async () => {
    const SQL = await initSqlJs();
    const db = createWorkspaceDb(SQL);
    const count = () => one(db, 'SELECT count(*) FROM meta');
    const before = count();
    for (let round = 0; round < 2; round++) {
      db.run('BEGIN');
      db.run("INSERT INTO meta (key, value) VALUES ('half', 'written')");
      expect(count()).toBe(Number(before) + 1);
      db.run('ROLLBACK');
      expect(count()).toBe(before);
      exportWorkspaceDb(db); // export() reopens the connection: the tuning is set again
      expect(one(db, 'PRAGMA journal_mode')).toBe('memory');
    }
  });
});
