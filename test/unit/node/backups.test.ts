import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  backupBeforeOverwrite,
  backupFileName,
  backupFolderFor,
  listBackups,
  rotateBackups,
  type BackupFs,
} from '../../../src/node/backups';

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await realFs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-backups-'));
  root = path.join(dir, 'userData', 'backups');
});
afterEach(async () => {
  await realFs.rm(dir, { recursive: true, force: true });
});

/** A clock that moves one minute per call, so every backup gets its own name. */
function minuteClock(start = Date.UTC(2026, 10, 27, 8, 0, 0)): () => Date {
  let tick = 0;
  return () => new Date(start + tick++ * 60_000);
}

describe('backup names', () => {
  it('puts a sortable, file-system-safe timestamp before the extension', () => {
    expect(
      backupFileName(
        '/data/planning 2026.pijlerplan',
        new Date(Date.UTC(2026, 10, 27, 5, 49, 10, 123)),
      ),
    ).toBe('planning 2026.2026-11-27T05-49-10-123Z.pijlerplan');
  });

  it('gives same-named workspaces in different folders different backup folders', () => {
    const a = backupFolderFor('/backups', '/team-a/planning.pijlerplan');
    const b = backupFolderFor('/backups', '/team-b/planning.pijlerplan');
    expect(a).not.toBe(b);
    expect(path.basename(a)).toMatch(/^planning\.pijlerplan-[0-9a-f]{8}$/);
    expect(backupFolderFor('/backups', '/team-a/planning.pijlerplan')).toBe(a);
  });
});

describe('backupBeforeOverwrite', () => {
  it('returns null and creates nothing to rotate when the workspace does not exist yet', async () => {
    const result = await backupBeforeOverwrite(path.join(dir, 'nieuw.pijlerplan'), { root });
    expect(result).toBeNull();
    const folder = backupFolderFor(root, path.join(dir, 'nieuw.pijlerplan'));
    expect(await realFs.readdir(folder)).toEqual([]);
  });

  it('copies the current file content into the backup folder', async () => {
    const workspace = path.join(dir, 'plan.pijlerplan');
    await realFs.writeFile(workspace, 'versie 1');
    const backup = await backupBeforeOverwrite(workspace, { root, now: minuteClock() });
    expect(backup).not.toBeNull();
    expect(await realFs.readFile(backup ?? '', 'utf8')).toBe('versie 1');
    expect(path.basename(backup ?? '')).toBe('plan.2026-11-27T08-00-00-000Z.pijlerplan');
  });

  it('keeps only the newest five backups, oldest removed first', async () => {
    const workspace = path.join(dir, 'plan.pijlerplan');
    const now = minuteClock();
    for (let version = 1; version <= 8; version++) {
      await realFs.writeFile(workspace, `versie ${version}`);
      await backupBeforeOverwrite(workspace, { root, now });
    }
    const folder = backupFolderFor(root, workspace);
    const kept = await listBackups(folder, workspace);
    expect(kept).toHaveLength(5);
    const contents = await Promise.all(kept.map((file) => realFs.readFile(file, 'utf8')));
    expect(contents).toEqual(['versie 8', 'versie 7', 'versie 6', 'versie 5', 'versie 4']);
    expect((await realFs.readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([1, 3, 5])('honours keep = %i', async (keep) => {
    const workspace = path.join(dir, 'plan.pijlerplan');
    await realFs.writeFile(workspace, 'x');
    const now = minuteClock();
    for (let i = 0; i < 7; i++) await backupBeforeOverwrite(workspace, { root, now, keep });
    expect(await listBackups(backupFolderFor(root, workspace), workspace)).toHaveLength(keep);
  });

  it('removes its temp copy and rethrows when the copy fails', async () => {
    const workspace = path.join(dir, 'plan.pijlerplan');
    await realFs.writeFile(workspace, 'x');
    const failingFs: BackupFs = {
      ...realFs,
      copyFile: async (_from, to) => {
        await realFs.writeFile(to, 'half');
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    };
    await expect(backupBeforeOverwrite(workspace, { root, fs: failingFs })).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    expect(await realFs.readdir(backupFolderFor(root, workspace))).toEqual([]);
  });
});

describe('rotateBackups', () => {
  it('leaves unrelated files and other workspaces alone', async () => {
    const folder = path.join(dir, 'mixed');
    await realFs.mkdir(folder);
    const names = [
      'plan.2026-01-01T00-00-00-000Z.pijlerplan',
      'plan.2026-01-02T00-00-00-000Z.pijlerplan',
      'plan.2026-01-03T00-00-00-000Z.pijlerplan',
      'planning.2026-01-01T00-00-00-000Z.pijlerplan',
      'notities.txt',
    ];
    for (const name of names) await realFs.writeFile(path.join(folder, name), name);
    const deleted = await rotateBackups(folder, '/elders/plan.pijlerplan', 1);
    expect(deleted.map((file) => path.basename(file))).toEqual([
      'plan.2026-01-02T00-00-00-000Z.pijlerplan',
      'plan.2026-01-01T00-00-00-000Z.pijlerplan',
    ]);
    expect((await realFs.readdir(folder)).sort()).toEqual([
      'notities.txt',
      'plan.2026-01-03T00-00-00-000Z.pijlerplan',
      'planning.2026-01-01T00-00-00-000Z.pijlerplan',
    ]);
  });

  it('treats a missing folder as having no backups', async () => {
    expect(await rotateBackups(path.join(dir, 'nergens'), '/x/plan.pijlerplan', 5)).toEqual([]);
  });
});
