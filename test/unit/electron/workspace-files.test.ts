import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../src/node/atomic-write';
import { backupBeforeOverwrite, backupFolderFor, listBackups } from '../../../src/node/backups';
import { createRecentFilesStore } from '../../../src/node/recent-files';
import {
  createWorkspaceFiles,
  fileErrorMessage,
  withWorkspaceExtension,
  type FileDialogs,
  type WorkspaceFilesDeps,
} from '../../../electron/main/workspace-files';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

let dir: string;
beforeEach(async () => {
  dir = await realFs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-files-'));
});
afterEach(async () => {
  await realFs.rm(dir, { recursive: true, force: true });
});

/** The dialogs answer from a queue, like a user clicking through them. */
function scriptedDialogs(answers: Array<string | null>): FileDialogs & { titles: string[] } {
  const titles: string[] = [];
  const next = (): string | null => (answers.length > 0 ? (answers.shift() ?? null) : null);
  return {
    titles,
    showOpenDialog: async (options) => {
      titles.push(options.title ?? '');
      const answer = next();
      return answer === null
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths: [answer] };
    },
    showSaveDialog: async (options) => {
      titles.push(options.title ?? '');
      const answer = next();
      return answer === null ? { canceled: true } : { canceled: false, filePath: answer };
    },
  };
}

function setup(answers: Array<string | null> = [], overrides: Partial<WorkspaceFilesDeps> = {}) {
  const dialogs = scriptedDialogs(answers);
  const userData = path.join(dir, 'userData');
  const recent = createRecentFilesStore({
    storePath: path.join(userData, 'recent-files.json'),
    ignoreCase: false,
  });
  const log = vi.fn();
  const files = createWorkspaceFiles({
    dialogs,
    readFile: async (file) => new Uint8Array(await realFs.readFile(file)),
    writeFileAtomic: (file, bytes) => writeFileAtomic(file, bytes),
    backupBeforeOverwrite: (file) =>
      backupBeforeOverwrite(file, { root: path.join(userData, 'backups') }),
    recent,
    startupPath: () => null,
    defaultDir: dir,
    log,
    ...overrides,
  });
  return { files, dialogs, recent, log, backupsRoot: path.join(userData, 'backups') };
}

describe('opening workspaces', () => {
  it('reads the chosen file and remembers it as recent', async () => {
    const file = path.join(dir, 'plan.pijlerplan');
    await realFs.writeFile(file, 'SQLite format 3');
    const { files, dialogs, recent } = setup([file]);
    const result = await files.openWorkspace();
    expect(result.ok && result.value?.name).toBe('plan.pijlerplan');
    expect(result.ok && decode(result.value?.bytes ?? new Uint8Array())).toBe('SQLite format 3');
    expect(dialogs.titles).toEqual(['Werkruimte openen']);
    expect((await recent.list()).map((item) => item.path)).toEqual([file]);
  });

  it('returns null when the dialog is cancelled', async () => {
    expect(await setup([null]).files.openWorkspace()).toEqual({ ok: true, value: null });
  });

  it('opens a recent file, but refuses a path the user never chose', async () => {
    const file = path.join(dir, 'plan.pijlerplan');
    await realFs.writeFile(file, 'x');
    const { files, recent } = setup();
    const refused = await files.openRecent(file);
    expect(refused).toEqual({
      ok: false,
      message: expect.stringContaining('zonder dat je het zelf kiest'),
    });
    await recent.add(file);
    expect((await files.openRecent(file)).ok).toBe(true);
  });

  it('explains in Dutch when a recent file has disappeared', async () => {
    const file = path.join(dir, 'weg.pijlerplan');
    await realFs.writeFile(file, 'x');
    const { files, recent } = setup();
    await recent.add(file);
    await realFs.unlink(file);
    expect(await files.openRecent(file)).toEqual({
      ok: false,
      message: 'Het bestand "weg.pijlerplan" bestaat niet meer.',
    });
  });

  it('opens the file given on the command line', async () => {
    const file = path.join(dir, 'start.pijlerplan');
    await realFs.writeFile(file, 'x');
    const { files } = setup([], { startupPath: () => file });
    const result = await files.openStartup();
    expect(result.ok && result.value?.path).toBe(file);
  });
});

describe('saving workspaces', () => {
  it('Save as: asks where, adds the extension, writes, and grants the path for later saves', async () => {
    const chosen = path.join(dir, 'nieuw');
    const { files, recent } = setup([chosen]);
    const result = await files.saveWorkspace(encode('v1'), null, 'Voorbeeldwerkruimte');
    const target = `${chosen}.pijlerplan`;
    expect(result).toEqual({ ok: true, value: { name: 'nieuw.pijlerplan', path: target } });
    expect(await realFs.readFile(target, 'utf8')).toBe('v1');
    expect((await recent.list())[0]?.path).toBe(target);
    expect(await files.saveWorkspace(encode('v2'), target, 'nieuw.pijlerplan')).toMatchObject({
      ok: true,
    });
    expect(await realFs.readFile(target, 'utf8')).toBe('v2');
  });

  it('keeps the previous version as a backup on each save', async () => {
    const target = path.join(dir, 'plan.pijlerplan');
    const { files, backupsRoot } = setup([target]);
    await files.saveWorkspace(encode('v1'), null, 'plan');
    await files.saveWorkspace(encode('v2'), target, 'plan');
    const backups = await listBackups(backupFolderFor(backupsRoot, target), target);
    expect(backups).toHaveLength(1);
    expect(await realFs.readFile(backups[0] ?? '', 'utf8')).toBe('v1');
  });

  it('still saves when the backup fails, and logs it', async () => {
    const target = path.join(dir, 'plan.pijlerplan');
    const { files, log } = setup([target], {
      backupBeforeOverwrite: () => Promise.reject(new Error('schijf vol')),
    });
    expect((await files.saveWorkspace(encode('v1'), null, 'plan')).ok).toBe(true);
    expect(await realFs.readFile(target, 'utf8')).toBe('v1');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('schijf vol'));
  });

  it('refuses to overwrite a path the user never chose', async () => {
    const elsewhere = path.join(dir, 'niet-van-mij.txt');
    await realFs.writeFile(elsewhere, 'origineel');
    const { files } = setup();
    expect((await files.saveWorkspace(encode('x'), elsewhere, 'x')).ok).toBe(false);
    expect(await realFs.readFile(elsewhere, 'utf8')).toBe('origineel');
  });

  it('reports a locked file in Dutch and leaves the old content', async () => {
    const target = path.join(dir, 'plan.pijlerplan');
    const { files } = setup([target, target], {
      writeFileAtomic: () => Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' })),
    });
    await realFs.writeFile(target, 'oud');
    const result = await files.saveWorkspace(encode('nieuw'), null, 'plan');
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('in gebruik door een ander programma'),
    });
    expect(await realFs.readFile(target, 'utf8')).toBe('oud');
  });
});

describe('spreadsheets and exports', () => {
  it('reads a chosen spreadsheet without remembering it as a workspace', async () => {
    const file = path.join(dir, 'gemeenten.xlsx');
    await realFs.writeFile(file, 'PK');
    const { files, recent, dialogs } = setup([file]);
    const result = await files.openSpreadsheet();
    expect(result.ok && result.value?.name).toBe('gemeenten.xlsx');
    expect(dialogs.titles).toEqual(['Spreadsheet importeren']);
    expect(await recent.list()).toEqual([]);
  });

  it('writes an export where the user chose and returns the path', async () => {
    const target = path.join(dir, 'rapport.xlsx');
    const { files } = setup([target]);
    expect(await files.saveExport(encode('PK'), 'rapport.xlsx')).toEqual({
      ok: true,
      value: target,
    });
    expect(await realFs.readFile(target, 'utf8')).toBe('PK');
  });

  it('returns null when the export dialog is cancelled', async () => {
    expect(await setup([null]).files.saveExport(encode('x'), 'rapport.xlsx')).toEqual({
      ok: true,
      value: null,
    });
  });
});

describe('helpers', () => {
  it.each([
    ['/w/plan', '/w/plan.pijlerplan'],
    ['/w/plan.pijlerplan', '/w/plan.pijlerplan'],
    ['/w/plan.sqlite', '/w/plan.sqlite'],
  ])('withWorkspaceExtension(%s) = %s', (input, expected) => {
    expect(withWorkspaceExtension(input)).toBe(expected);
  });

  it.each([
    ['EPERM', 'in gebruik door een ander programma'],
    ['ENOENT', 'bestaat niet meer'],
    ['ENOSPC', 'kon niet opgeslagen worden: schijf'],
  ])('fileErrorMessage for %s', (code, fragment) => {
    const error = Object.assign(new Error('schijf'), { code });
    expect(fileErrorMessage(error, '/w/plan.pijlerplan', 'write')).toContain(fragment);
  });
});
