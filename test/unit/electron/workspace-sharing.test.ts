import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkspaceFiles, type FileDialogs } from '../../../electron/main/workspace-files';
import { writeFileAtomic } from '../../../src/node/atomic-write';
import { backupBeforeOverwrite, backupFolderFor } from '../../../src/node/backups';
import { createRecentFilesStore } from '../../../src/node/recent-files';
import { readSaveRecord, writeSaveRecord } from '../../../src/node/save-record';
import { removeWorkspaceTemps } from '../../../src/node/stale-temps';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
let dir: string;
beforeEach(async () => {
  dir = await realFs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-share-'));
});
afterEach(() => realFs.rm(dir, { recursive: true, force: true }));

function dialogs(answers: string[]): FileDialogs {
  return {
    showOpenDialog: async () => ({ canceled: false, filePaths: [answers.shift() ?? ''] }),
    showSaveDialog: async () => ({ canceled: false, filePath: answers.shift() ?? '' }),
  };
}

/** One app window's file side, as main builds it (app.ts), each with its own user data. */
function window(name: string, answers: string[]) {
  const userData = path.join(dir, `userData-${name}`);
  const backupsRoot = path.join(userData, 'backups');
  return createWorkspaceFiles({
    dialogs: dialogs(answers),
    readFile: async (file) => new Uint8Array(await realFs.readFile(file)),
    writeFileAtomic: (file, bytes) => writeFileAtomic(file, bytes),
    backupBeforeOverwrite: (file) => backupBeforeOverwrite(file, { root: backupsRoot }),
    cleanStaleTemps: async (file) => {
      await removeWorkspaceTemps(file, backupFolderFor(backupsRoot, file));
    },
    saveRecord: {
      read: (file) => readSaveRecord(backupsRoot, file),
      write: (file, bytes) => writeSaveRecord(backupsRoot, file, bytes),
    },
    recent: createRecentFilesStore({
      storePath: path.join(userData, 'recent.json'),
      ignoreCase: false,
    }),
    startupPath: () => null,
    defaultDir: dir,
    log: vi.fn(),
  });
}

describe('two windows on one workspace', () => {
  it('the second save does not overwrite the first: it is refused and offered as Save as', async () => {
    const file = path.join(dir, 'gedeeld.pijlerplan');
    await realFs.writeFile(file, 'v0');
    const anna = window('anna', [file]);
    const bram = window('bram', [file, path.join(dir, 'gedeeld-bram.pijlerplan')]);
    expect((await anna.openWorkspace()).ok).toBe(true);
    expect((await bram.openWorkspace()).ok).toBe(true);

    expect(await anna.saveWorkspace(encode('v0+anna'), file, 'gedeeld')).toMatchObject({
      ok: true,
    });
    const refused = await bram.saveWorkspace(encode('v0+bram'), file, 'gedeeld');
    expect(refused).toMatchObject({ ok: false, code: 'changed-on-disk' });
    if (!refused.ok) expect(refused.message).toContain('Niets is overschreven');
    expect(await realFs.readFile(file, 'utf8')).toBe('v0+anna');

    // Bram saves as a new file: neither edit is lost.
    const savedAs = await bram.saveWorkspace(encode('v0+bram'), null, 'gedeeld');
    expect(savedAs).toMatchObject({ ok: true, value: { name: 'gedeeld-bram.pijlerplan' } });
    expect(await realFs.readFile(path.join(dir, 'gedeeld-bram.pijlerplan'), 'utf8')).toBe(
      'v0+bram',
    );
    // Anna may keep saving: the file on disk is still hers.
    expect((await anna.saveWorkspace(encode('v0+anna+2'), file, 'gedeeld')).ok).toBe(true);
  });

  it('opening names a file changed outside the app since it was saved here', async () => {
    const file = path.join(dir, 'p.pijlerplan');
    const anna = window('anna', [file, file, file]);
    await realFs.writeFile(file, 'v0');
    await anna.openWorkspace();
    await anna.saveWorkspace(encode('v1'), file, 'p');
    const clean = await anna.openWorkspace();
    expect(clean.ok && clean.value?.notice).toBeUndefined();
    await realFs.writeFile(file, 'v1 met een ander byte');
    const changed = await anna.openWorkspace();
    expect(changed.ok && changed.value?.notice).toMatch(/^"p\.pijlerplan" is gewijzigd buiten/);
  });
});
