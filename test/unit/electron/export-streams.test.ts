import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../../../electron/main/app';
import { createFakeElectron, FakeWindow } from './fake-electron';

const trusted = { senderFrame: { url: 'app://pijlerplan/index.html' } };

let dir: string;
beforeEach(async () => {
  dir = await realFs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-export-stream-'));
  await realFs.mkdir(path.join(dir, 'renderer'), { recursive: true });
  await realFs.writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
});
afterEach(async () => {
  await realFs.rm(dir, { recursive: true, force: true });
});

/** The app on a fake Electron whose save dialog answers `target`. */
async function started(target: string | null) {
  const fake = createFakeElectron({ pathsRoot: dir });
  fake.electron.dialog.showSaveDialog = (async () =>
    target === null
      ? { canceled: true }
      : { canceled: false, filePath: target }) as typeof fake.electron.dialog.showSaveDialog;
  startApp(fake.electron, {
    mainDir: path.join(dir, 'main'),
    devServerUrl: undefined,
    argv: ['electron', '.'],
    cwd: dir,
  });
  await fake.ready();
  const invoke = (channel: string, payload: unknown) =>
    fake.ipcHandlers.get(channel)!(trusted, payload) as Promise<{
      ok: boolean;
      value?: unknown;
      message?: string;
    }>;
  return { fake, invoke };
}

const chunk = (text: string) => new TextEncoder().encode(text);

describe('export:begin/write/commit/abort (a streamed export in the main process)', () => {
  it('writes the chunks to "<file>.part" and renames it into place on commit', async () => {
    const target = path.join(dir, 'rapport.xlsx');
    const { invoke } = await started(target);
    const begun = await invoke('export:begin', { suggestedName: 'rapport.xlsx' });
    expect(begun).toMatchObject({ ok: true, value: { name: 'rapport.xlsx' } });
    const id = (begun.value as { id: string }).id;
    for (const piece of ['PK', 'een', 'twee']) {
      expect(await invoke('export:write', { id, bytes: chunk(piece) })).toEqual({
        ok: true,
        value: null,
      });
    }
    expect((await realFs.readdir(dir)).sort()).toContain('rapport.xlsx.part');
    expect(await invoke('export:commit', { id })).toEqual({ ok: true, value: target });
    expect(await realFs.readFile(target, 'utf8')).toBe('PKeentwee');
    expect(await realFs.readdir(dir)).not.toContain('rapport.xlsx.part');
    // A finished export takes no more chunks.
    expect(await invoke('export:write', { id, bytes: chunk('x') })).toMatchObject({ ok: false });
  });

  it('abort (a cancelled export) leaves neither the file nor a partial one', async () => {
    const target = path.join(dir, 'weg.xlsx');
    const { invoke } = await started(target);
    const begun = await invoke('export:begin', { suggestedName: 'weg.xlsx' });
    const id = (begun.value as { id: string }).id;
    await invoke('export:write', { id, bytes: chunk('half') });
    await invoke('export:abort', { id });
    const names = await realFs.readdir(dir);
    expect(names).not.toContain('weg.xlsx');
    expect(names).not.toContain('weg.xlsx.part');
  });

  it('closing the window mid-export removes the partial file', async () => {
    const target = path.join(dir, 'open.xlsx');
    const { invoke } = await started(target);
    const begun = await invoke('export:begin', { suggestedName: 'open.xlsx' });
    await invoke('export:write', { id: (begun.value as { id: string }).id, bytes: chunk('x') });
    FakeWindow.instances.at(-1)!.emit('closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await realFs.readdir(dir)).not.toContain('open.xlsx.part');
  });

  it('a cancelled save dialog opens nothing; a bad id or path is refused', async () => {
    const { invoke } = await started(null);
    expect(await invoke('export:begin', { suggestedName: 'x.xlsx' })).toEqual({
      ok: true,
      value: null,
    });
    await expect(invoke('export:begin', { suggestedName: '../x.xlsx' })).rejects.toThrow(
      'suggestedName',
    );
    await expect(invoke('export:write', { id: 'geen-id', bytes: chunk('x') })).rejects.toThrow(
      'id',
    );
  });
});
