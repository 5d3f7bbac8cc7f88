import { mkdtemp, readdir, rm, stat, utimes, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/node/atomic-write';
import { backupBeforeOverwrite, backupFolderFor } from '../../../src/node/backups';
import {
  changedOutsideNotice,
  readSaveRecord,
  sha256,
  writeSaveRecord,
} from '../../../src/node/save-record';
import { removeWorkspaceTemps } from '../../../src/node/stale-temps';
import { readWorkspaceFile, writeWorkspaceFile } from '../../../src/node/workspace-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-temps-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);
const hourAgo = () => new Date(Date.now() - 3_600_000);

async function aged(file: string, content = 'x'): Promise<string> {
  await writeFile(file, content);
  await utimes(file, hourAgo(), hourAgo());
  return file;
}

describe('stale temp files of this app are removed, exactly those', () => {
  it('removes old temps beside the workspace and in its backups folder; keeps young ones and lookalikes', async () => {
    const workspace = path.join(dir, 'planning.pijlerplan');
    await writeFile(workspace, 'ws');
    const root = path.join(dir, 'backups');
    const folder = backupFolderFor(root, workspace);
    await backupBeforeOverwrite(workspace, { root }); // makes the folder
    const stale = [
      await aged(path.join(dir, '.planning.pijlerplan.4242.0123456789ab.tmp')),
      await aged(path.join(folder, 'planning.2026-11-27T05-49-10-123Z.pijlerplan.deadbeef.tmp')),
      await aged(path.join(folder, '.planning.pijlerplan.sha256.json.77.abcdefabcdef.tmp')),
    ];
    const kept = [
      // young: a save in progress (maybe another process on the shared drive)
      path.join(dir, '.planning.pijlerplan.4243.0123456789ac.tmp'),
      // another workspace's temp, a user's own file, an almost-match
      await aged(path.join(dir, '.budget.pijlerplan.4242.0123456789ab.tmp')),
      await aged(path.join(dir, 'notities.tmp')),
      await aged(path.join(dir, '.planning.pijlerplan.4242.0123456789ab.tmp.bak')),
      await aged(path.join(dir, '.planning.pijlerplan.abc.0123456789ab.tmp')),
    ];
    await writeFile(kept[0]!, 'young');

    const removed = await removeWorkspaceTemps(workspace, folder);
    expect(removed.sort()).toEqual([...stale].sort());
    const left = [...(await readdir(dir)), ...(await readdir(folder))];
    for (const file of stale) expect(left).not.toContain(path.basename(file));
    for (const file of kept) expect(left).toContain(path.basename(file));
  });

  it('the CLI’s read and write of a workspace clean what a killed save left', async () => {
    const workspace = path.join(dir, 'w.pijlerplan');
    await writeFile(workspace, 'old');
    const temp = await aged(path.join(dir, '.w.pijlerplan.1.aaaaaaaaaaaa.tmp'), 'half a copy');
    expect((await readWorkspaceFile(workspace)).ok).toBe(true);
    expect(await readdir(dir)).toEqual(['w.pijlerplan']);
    await aged(temp);
    await writeWorkspaceFile(workspace, bytes('new'));
    expect(await readdir(dir)).toEqual(['w.pijlerplan']);
  });
});

describe('a save keeps the file’s mode', () => {
  it.each([0o600, 0o640, 0o644])('%o stays %o', async (mode) => {
    const file = path.join(dir, 'personeel.pijlerplan');
    await writeFile(file, 'v1');
    await chmod(file, mode);
    await writeFileAtomic(file, bytes('v2'));
    expect((await stat(file)).mode & 0o777).toBe(mode);
  });
});

describe('the SHA-256 of each save is kept with the backups', () => {
  it('names a file changed outside the app (one flipped byte), and is quiet for its own save', async () => {
    const root = path.join(dir, 'backups');
    const file = path.join(dir, 'p.pijlerplan');
    const saved = bytes('SQLite format 3\u0000 pretend content');
    await writeFileAtomic(file, saved);
    await writeSaveRecord(root, file, saved, new Date('2026-12-01T10:00:00Z'));
    const record = await readSaveRecord(root, file);
    expect(record).toEqual({
      sha256: sha256(saved),
      size: saved.length,
      savedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(changedOutsideNotice('p.pijlerplan', record, saved)).toBeNull();
    const flipped = saved.slice();
    flipped[20] = flipped[20]! ^ 0x01;
    expect(changedOutsideNotice('p.pijlerplan', record, flipped)).toMatch(
      /^"p\.pijlerplan" is gewijzigd buiten Pijlerplan sinds het hier laatst opgeslagen werd \(\d{1,2}\/12\/2026, /,
    );
    expect(await readSaveRecord(root, path.join(dir, 'nooit.pijlerplan'))).toBeNull();
  });
});
