import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-harness';

let dir: string;
let demo: string;

/**
 * Damages one leaf page of `table` the way a bad sector or a bad copy does: a cell pointer
 * pointing off the page. The page is found by walking the b-tree from the table's root page
 * (SQLite file format: interior table page 0x05, right-most child at offset 8; leaf 0x0D).
 */
async function damageTable(bytes: Uint8Array, table: string): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  const root = Number(
    db.exec('SELECT rootpage FROM sqlite_schema WHERE name = ?', [table])[0]?.values[0]?.[0],
  );
  const pageSize = Number(db.exec('PRAGMA page_size')[0]?.values[0]?.[0]);
  db.close();
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  let page = root;
  for (;;) {
    const offset = (page - 1) * pageSize;
    if (copy[offset] === 0x0d) {
      view.setUint16(offset + 8 + 2 * 3, pageSize - 2); // cell 3 now starts off the page
      return copy;
    }
    expect(copy[offset]).toBe(0x05);
    page = view.getUint32(offset + 8);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-check-'));
  demo = path.join(dir, 'demo.pijlerplan');
  expect((await cli('demo', '--out', demo)).code).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('check on a damaged workspace', () => {
  it('reports the integrity check first, names the damaged table, and does not throw', async () => {
    const damaged = path.join(dir, 'beschadigd.pijlerplan');
    await writeFile(damaged, await damageTable(new Uint8Array(await readFile(demo)), 'allocation'));
    const result = await cli('check', damaged);
    expect(result.err).toBe('');
    expect(result.code).toBe(1);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^Integriteit: +BESCHADIGD: /);
    expect(lines[0]!.length).toBeLessThan(260); // first problem and a count, not a wall
    expect(lines[1]).toBe('Beschadigde tabellen: allocation');
    expect(result.out).toMatch(/^Resultaat: +NIET in orde/m);
  });

  it('opening it gives the first problem and a count, in one sentence', async () => {
    const damaged = path.join(dir, 'beschadigd.pijlerplan');
    const result = await cli('query', damaged, 'SELECT 1');
    expect(result.code).toBe(1);
    // quick_check either lists the damage or stops on it with SQLITE_CORRUPT (which depends on where
    // the damaged page falls among the indexes): both end in one short sentence.
    expect(result.err).toMatch(/^Fout: .*De werkruimte is beschadigd( of onvolledig)?: /);
    expect(result.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.err.length).toBeLessThan(400);
  });
});
