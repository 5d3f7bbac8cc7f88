import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { patchMemfsGrowth, SQL_JS_FILE } from '../../../src/core/db/memfs-growth';
import { patchedSqlJs } from '../../../src/node/sql-engine';

const dist = dirname(createRequire(import.meta.url).resolve('sql.js'));

describe('sql.js with MEMFS files doubling as they grow', () => {
  it.each(['sql-wasm.js', 'sql-wasm-browser.js'])(
    'patches the one growth expression in the installed %s',
    (name) => {
      const file = join(dist, name);
      expect(SQL_JS_FILE.test(file)).toBe(true);
      const code = readFileSync(file, 'utf8');
      const patched = patchMemfsGrowth(code, file);
      expect(code).toMatch(/\w\*\(\w<1048576\?2:1\.125\)>>>0/);
      expect(patched).not.toContain('1.125');
      expect(patched.length).toBe(code.length - '(m<1048576?2:1.125)'.length + 1);
    },
  );

  it('refuses code without the expression, naming the file', () => {
    expect(() => patchMemfsGrowth('var x = 1;', 'sql-wasm.js')).toThrow(/sql-wasm\.js.*not found/);
  });

  it('the patched engine writes a database the stock engine reads back, row for row', async () => {
    const SQL = await patchedSqlJs()();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)');
    db.run('BEGIN');
    // ~8 MB: the file passes 1 MB and grows many times.
    db.run(
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40000) INSERT INTO t SELECT x, printf('%.180c', 'é') || x FROM n",
    );
    db.run('COMMIT');
    expect(db.exec('PRAGMA integrity_check')[0]?.values).toEqual([['ok']]);
    const bytes = db.export();
    expect(bytes.length).toBeGreaterThan(8_000_000);
    const stock = new (await initSqlJs()).Database(bytes);
    const digest = (d: typeof db) =>
      d.exec('SELECT count(*), sum(id), sum(length(note)), max(note) FROM t')[0]?.values;
    expect(digest(stock)).toEqual(digest(db));
    expect(digest(stock)?.[0]?.[0]).toBe(40000);
  });
});
