import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreRuntime } from '../../../src/core/runtime';
import type { Session } from '../../../src/core/session';
import { diskResources } from '../../../src/node/disk-resources';
import { createNodeSqlSandbox } from '../../../src/node/sql-sandbox';
import { scalar, seedWorkspace } from '../core/workspace-fixture';

let core: ReturnType<typeof createCoreRuntime>;
let session: Session;

beforeEach(async () => {
  core = createCoreRuntime({ resources: diskResources, sqlSandbox: createNodeSqlSandbox() });
  session = await core.session();
  seedWorkspace(session.db);
});
afterEach(() => session.sqlSandbox?.close());

const RUNAWAY =
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n';

describe('analysts’ queries run bounded, in a sandbox', () => {
  it('stops a runaway recursive CTE at the time limit; the workspace stays usable and unchanged', async () => {
    const started = Date.now();
    const result = await core.call('tables.userSql', { sql: RUNAWAY, limit: 10, timeoutMs: 1500 });
    const took = Date.now() - started;
    expect(result).toMatchObject({ ok: false, error: { code: 'sql-timeout' } });
    if (!result.ok) expect(result.error.message).toContain('De werkruimte is niet veranderd');
    expect(took).toBeLessThan(10_000);
    // Usable afterwards: the next query (a fresh worker) and an edit both work.
    const count = await core.call('tables.userSql', {
      sql: 'SELECT count(*) FROM pilot',
      limit: 10,
    });
    expect(count).toMatchObject({ ok: true, value: { rows: [[2]] } });
    const edited = await core.call('tables.updateCell', {
      table: 'pilot',
      key: { id: 1 },
      column: 'budget_eur',
      value: 41000,
    });
    expect(edited.ok).toBe(true);
    expect(scalar(session.db, 'SELECT budget_eur FROM pilot WHERE id = 1')).toBe(41000);
  });

  it('can be cancelled while it runs', async () => {
    const running = core.call(
      'tables.userSql',
      { sql: RUNAWAY, limit: 10, timeoutMs: 60_000 },
      undefined,
      'q1',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    core.cancel('q1');
    expect(await running).toMatchObject({ ok: false, error: { code: 'sql-cancelled' } });
    expect(await core.call('tables.userSql', { sql: 'SELECT 1 AS x', limit: 1 })).toMatchObject({
      ok: true,
      value: { rows: [[1]] },
    });
  });

  it('pages through a result; each page continues the same query; an edit is seen by the next query', async () => {
    const sql =
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n';
    const pages: unknown[][] = [];
    for (let offset = 0; ; offset += 4) {
      const page = await core.call('tables.userSql', { sql, limit: 4, offset });
      if (!page.ok) throw new Error(page.error.message);
      pages.push(page.value.rows.map((row) => row[0]));
      if (!page.value.truncated) break;
    }
    expect(pages).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10],
    ]);

    await core.call('tables.updateCell', {
      table: 'pilot',
      key: { id: 2 },
      column: 'name',
      value: 'Nieuw',
    });
    expect(
      await core.call('tables.userSql', { sql: 'SELECT name FROM pilot WHERE id = 2', limit: 1 }),
    ).toMatchObject({ ok: true, value: { rows: [['Nieuw']] } });
  });

  it('reads ten million rows only as far as the limit', async () => {
    const result = await core.call('tables.userSql', {
      sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) SELECT i, printf('%0100d', i) FROM n",
      limit: 1000,
    });
    expect(result.ok && result.value.rows.length).toBe(1000);
    expect(result.ok && result.value.truncated).toBe(true);
  });

  it.each([
    'EXPLAIN PRAGMA foreign_keys = OFF',
    'EXPLAIN SELECT 1',
    'PRAGMA user_version',
    "ATTACH DATABASE ':memory:' AS x",
    'SELECT 1; SELECT 2',
    'VALUES (1)',
  ])('refuses %s before it reaches the sandbox', async (sql) => {
    const result = await core.call('tables.userSql', { sql, limit: 10 });
    expect(result.ok).toBe(false);
    expect(scalar(session.db, 'PRAGMA foreign_keys')).toBe(1);
  });
});
