import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let demo: string;

/** Rows 1…n from a recursive CTE: a result whose size the test knows without the app. */
const numbers = (n: number) =>
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n}) SELECT i FROM n`;
const FOREVER = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-query-'));
  demo = path.join(dir, 'demo.pijlerplan');
  expect((await cli('demo', '--out', demo)).code).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli query is bounded', () => {
  it('shows 1000 rows by default and says how to see more', async () => {
    const result = await cli('query', demo, numbers(1500), '--format', 'csv');
    expect(result.code).toBe(0);
    const lines = result.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines.at(-1)).toBe('1000');
    expect(result.err).toBe(
      'Let op: alleen de eerste 1000 rijen getoond; --limit <n> toont er meer, --limit 0 alle.\n',
    );
  });

  it.each([
    ['csv', (out: string) => out.trimEnd().split('\n').slice(1).map(Number)],
    ['json', (out: string) => (JSON.parse(out) as { i: number }[]).map((row) => row.i)],
  ])('--limit 0 streams every row (%s), in pages, none lost or doubled', async (format, parse) => {
    const result = await cli('query', demo, numbers(23_456), '--format', format, '--limit', '0');
    expect(result.err).toBe('');
    const values = parse(result.out);
    expect(values).toHaveLength(23_456);
    expect(values.every((value, index) => value === index + 1)).toBe(true);
  });

  it('--limit n shows exactly n rows; an empty result is still valid JSON', async () => {
    const some = await cli('query', demo, numbers(50), '--format', 'json', '--limit', '7');
    expect((JSON.parse(some.out) as unknown[]).length).toBe(7);
    const none = await cli('query', demo, 'SELECT code FROM pilot WHERE 0', '--format', 'json');
    expect(JSON.parse(none.out)).toEqual([]);
  });

  it('stops a runaway query at --timeout with a Dutch message, exit 1', async () => {
    const started = Date.now();
    const result = await cli('query', demo, `SELECT count(*) FROM (${FOREVER})`, '--timeout', '1');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Fout: De query liep langer dan 1 s en is gestopt\./);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.each(['EXPLAIN PRAGMA foreign_keys = OFF', 'PRAGMA user_version', 'SELECT 1; SELECT 2'])(
    'refuses %s',
    async (sql) => {
      const result = await cli('query', demo, sql);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^Fout: /);
    },
  );

  it('piped into head, an endless query ends quietly (exit 0, no EPIPE trace)', async () => {
    const { stdout, stderr, code } = await new Promise<{
      stdout: string;
      stderr: string;
      code: number | null;
    }>((resolve) => {
      const child = spawn(
        'sh',
        [
          '-c',
          `npx tsx src/cli/main.ts query "$0" "$1" --format csv --limit 0 | head -n 3`,
          demo,
          FOREVER,
        ],
        { cwd: ROOT },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('exit', (exitCode) => resolve({ stdout: out, stderr: err, code: exitCode }));
    });
    expect(stdout).toBe('i\n1\n2\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
