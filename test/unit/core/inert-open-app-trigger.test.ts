import initSqlJs from 'sql.js';
import { describe, expect, it, vi } from 'vitest';
import type * as Schema from '../../../src/core/db/schema';

/**
 * Version 1 has no triggers of its own; later migrations (organigram, planning) add some. This
 * file gives the schema one app trigger so that "an app trigger changed in the file" is tested
 * against the same reference the real open builds (the migrations, run on a fresh database).
 */
vi.mock('../../../src/core/db/schema', async (importOriginal) => {
  const original = await importOriginal<typeof Schema>();
  const [first, ...rest] = original.MIGRATIONS;
  return {
    ...original,
    MIGRATIONS: [
      {
        ...first!,
        sql: `${first!.sql}
          CREATE TRIGGER audit_log_append_only BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
      },
      ...rest,
    ],
  };
});

const { createWorkspaceDb, openWorkspaceDb } = await import('../../../src/core/db/workspace-file');

describe('an app trigger changed in the file', () => {
  it('is put back as the migrations define it', async () => {
    const SQL = await initSqlJs();
    const db = createWorkspaceDb(SQL);
    db.exec(`
      INSERT INTO pilot (id, code, name) VALUES (1, 'P1', 'Eén');
      DROP TRIGGER audit_log_append_only;
      CREATE TRIGGER audit_log_append_only BEFORE DELETE ON audit_log
      BEGIN DELETE FROM pilot; END;`);
    const bytes = db.export();
    db.close();

    const opened = openWorkspaceDb(SQL, bytes);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.notices[0]).toContain(
      'hersteld zoals Pijlerplan het maakt: trigger audit_log_append_only (op audit_log)',
    );
    const reopened = opened.value.db;
    reopened.run("INSERT INTO audit_log (at, action, summary) VALUES ('2026', 'x', 'y')");
    expect(() => reopened.run('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(reopened.exec('SELECT count(*) FROM pilot')[0]?.values[0]?.[0]).toBe(1);
    reopened.close();
  });

  it('an unchanged app trigger gives no notice', async () => {
    const SQL = await initSqlJs();
    const db = createWorkspaceDb(SQL);
    const bytes = db.export();
    db.close();
    const opened = openWorkspaceDb(SQL, bytes);
    expect(opened.ok && opened.value.notices).toEqual([]);
    if (opened.ok) opened.value.db.close();
  });
});
