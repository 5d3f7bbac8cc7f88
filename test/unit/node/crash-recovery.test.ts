import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { createCoreRuntime } from '../../../src/core/runtime';
import { diskResources } from '../../../src/node/disk-resources';
import { createRecoveryStore } from '../../../src/node/recovery';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'edit-then-crash.ts');
let dir: string;
let workspace: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-recovery-'));
  workspace = path.join(dir, 'demo.pijlerplan');
  const written = await runCli(['demo', '--out', workspace], { out: () => {}, err: () => {} });
  expect(written).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const sha = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** Starts the editing session and SIGKILLs it `afterMs` after its first recovery copy. */
function crashSession(recoveryDir: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, recoveryDir, workspace], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('geschreven')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without kill: ${err}`)),
    );
  });
}

describe('crash recovery', () => {
  it('a session killed mid-edit is restored from its recovery copy; the user’s file is untouched', async () => {
    const before = await sha(workspace);
    const recoveryDir = path.join(dir, 'herstel');
    await crashSession(recoveryDir, 400);

    const store = createRecoveryStore({ dir: recoveryDir });
    const copy = await store.read();
    expect(copy).not.toBeNull();
    if (!copy) return;
    expect(copy.path).toBe(workspace);
    expect(Date.now() - Date.parse(copy.writtenAt)).toBeLessThan(60_000);

    const core = createCoreRuntime({ resources: diskResources });
    const opened = await core.call('workspace.open', { bytes: copy.bytes, fileName: workspace });
    expect(opened.ok).toBe(true);
    const budget = await core.call('tables.sql', {
      sql: 'SELECT budget_eur FROM pilot WHERE id = 1',
    });
    // The first edit (123456) or a later one the session wrote before it was killed.
    const value = budget.ok ? Number(budget.value.rows[0]?.[0]) : NaN;
    expect(value === 123_456 || value >= 200_000).toBe(true);
    expect(await sha(workspace)).toBe(before);
    // No temp files of the recovery writes are offered or left as recovery copies.
    const names = await readdir(recoveryDir);
    const kept = names.filter((name) => !name.endsWith('.tmp'));
    expect(kept).toContain('herstel.json');
    expect(kept.every((name) => /^herstel(\.json|-[ab]\.pijlerplan)$/.test(name))).toBe(true);
    await store.clear();
    expect(await store.read()).toBeNull();
  });
});
