import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { lockPathFor } from '../../../src/node/workspace-lock';

/*
 * Must-be-true 5: two planners' apps — two real processes (fixtures/share-session.ts: the main
 * process's file side and the core) — on one workspace file on a "shared drive" (a folder).
 */
const CHILD = path.join(import.meta.dirname, 'fixtures', 'share-session.ts');
let dir: string;
let demo: Uint8Array;
let workspace: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-share2-'));
  const file = path.join(dir, 'demo.pijlerplan');
  expect(await runCli(['demo', '--out', file], { out: () => {}, err: () => {} })).toBe(0);
  demo = new Uint8Array(await readFile(file));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(async () => {
  workspace = path.join(await mkdtemp(path.join(dir, 'share-')), 'gedeeld.pijlerplan');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(workspace, demo);
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

type Planner = { send(line: string): Promise<Record<string, unknown>> };

/** Starts one planner's app; `staleMs`: after how long an unrefreshed lock may be taken over. */
function planner(user: string, staleMs = 300_000): Planner {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CHILD,
      workspace,
      path.join(path.dirname(workspace), `userData-${user}`),
      user,
      String(staleMs),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.push(child);
  let buffer = '';
  let stderr = '';
  const waiting: Array<(value: Record<string, unknown>) => void> = [];
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
    }
  });
  return {
    send: (line) =>
      new Promise((resolve, reject) => {
        waiting.push((value) =>
          value.error ? reject(new Error(String(value.error))) : resolve(value),
        );
        child.stdin.write(`${line}\n`);
        child.once('exit', (code) => reject(new Error(`${user} stopped (${code}): ${stderr}`)));
      }),
  };
}

/** Reads a value from the file on disk, with sqlite3's engine (sql.js here), not the app's. */
async function onDisk(sql: string): Promise<unknown> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(new Uint8Array(await readFile(workspace)));
  try {
    return db.exec(sql)[0]?.values[0]?.[0];
  } finally {
    db.close();
  }
}

const budget = (id: number) => `SELECT budget_eur FROM pilot WHERE id = ${id}`;

describe('two planners on one workspace (two processes)', () => {
  it('the second is told who has it and gets it read-only; the lock goes when the first closes', async () => {
    const anna = planner('anna');
    const bram = planner('bram');
    expect(await anna.send('open')).toEqual({ lock: null });
    const lockFile = JSON.parse(await readFile(lockPathFor(workspace), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(lockFile).toMatchObject({ user: 'anna', machine: os.hostname() });

    const opened = (await bram.send('open')) as {
      lock: { user: string; message: string; stale: boolean };
    };
    expect(opened.lock).toMatchObject({ user: 'anna', machine: os.hostname(), stale: false });
    expect(opened.lock.message).toMatch(
      new RegExp(
        `^Dit bestand is geopend door anna op ${os.hostname()} sinds \\d{1,2}/\\d{1,2}/\\d{4}, \\d{2}:\\d{2}\\. Je kunt`,
      ),
    );
    // Read-only: the edit is refused in Dutch, and so is a save over the file.
    const edit = await bram.send('edit pilot 1 budget_eur 99999');
    expect(edit).toMatchObject({ ok: false, code: 'read-only' });
    expect(await bram.send('save')).toMatchObject({ kind: 'failed', code: 'read-only' });
    // A live lock cannot be taken over.
    expect(await bram.send('takeover')).toMatchObject({ ok: false });

    const before = await onDisk(budget(1));
    await anna.send('quit');
    await expect(readFile(lockPathFor(workspace))).rejects.toThrow(/ENOENT/);
    expect(await onDisk(budget(1))).toBe(before);
  }, 120_000);

  it('both edit and save after a stale lock was taken over: neither loses an edit, the one clash is listed', async () => {
    // Anna's lock is not refreshed (her laptop slept): after 1 s Bram may take it over.
    const anna = planner('anna', 1_000);
    const bram = planner('bram', 1_000);
    await anna.send('open');
    expect(((await bram.send('open')) as { lock: unknown }).lock).toMatchObject({ user: 'anna' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await bram.send('takeover')).toEqual({ ok: true });
    expect(JSON.parse(await readFile(lockPathFor(workspace), 'utf8'))).toMatchObject({
      user: 'bram',
    });

    const original2 = await onDisk(budget(2));
    // Anna is back and edits on; Bram edits too. Pilot 1's budget: both (a conflict).
    expect(await anna.send('edit pilot 1 budget_eur 41000')).toEqual({ ok: true });
    expect(await anna.send('edit pilot 3 coordinator Anna')).toEqual({ ok: true });
    expect(await bram.send('edit pilot 1 budget_eur 45000')).toEqual({ ok: true });
    expect(await bram.send('edit pilot 2 budget_eur 39000')).toEqual({ ok: true });

    expect(await anna.send('save')).toMatchObject({ kind: 'saved' });
    const bramSaved = (await bram.send('save')) as {
      kind: string;
      reapplied: { applied: number; conflictLines: string[] };
    };
    expect(bramSaved.kind).toBe('saved');
    expect(bramSaved.reapplied.applied).toBeGreaterThanOrEqual(1);
    expect(bramSaved.reapplied.conflictLines).toHaveLength(1);
    expect(bramSaved.reapplied.conflictLines[0]).toMatch(
      /proeftuin 1, budget_eur: jij 45000.*41000/,
    );

    // On disk (read by another sql.js instance): Anna's two edits and Bram's non-clashing one.
    expect(await onDisk(budget(1))).toBe(41_000);
    expect(await onDisk('SELECT coordinator FROM pilot WHERE id = 3')).toBe('Anna');
    expect(await onDisk(budget(2))).toBe(39_000);
    expect(original2).not.toBe(39_000);
    const actions = await onDisk(
      "SELECT group_concat(user_name || ':' || action, ' ') FROM (SELECT * FROM audit_log WHERE user_name IN ('anna', 'bram') ORDER BY id)",
    );
    expect(actions).toBe('anna:edit anna:edit bram:edit bram:edit bram:workspace.rebase');

    // Anna saves once more: her app sees Bram's save and re-applies onto it; nothing is lost.
    expect(await anna.send('edit pilot 4 coordinator Anna')).toEqual({ ok: true });
    expect(await anna.send('save')).toMatchObject({
      kind: 'saved',
      reapplied: { conflictLines: [] },
    });
    expect(await onDisk(budget(2))).toBe(39_000);
    expect(await onDisk('SELECT coordinator FROM pilot WHERE id = 4')).toBe('Anna');
    expect(await onDisk(budget(1))).toBe(41_000);
    // No temp file of either app's saves is left beside the workspace.
    const names = await readdir(path.dirname(workspace));
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});
