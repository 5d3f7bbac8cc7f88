import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as realFs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { builtPaths, startApp } from '../../../electron/main/app';
import { COMMAND_EVENT, OPEN_FILE_EVENT } from '../../../electron/shared/ipc-channels';
import { createFakeElectron, FakeWindow } from './fake-electron';

const trusted = { senderFrame: { url: 'app://pijlerplan/index.html' } };

let outDir: string;
beforeEach(async () => {
  outDir = await realFs.mkdtemp(path.join(os.tmpdir(), 'pijlerplan-out-'));
  await realFs.mkdir(path.join(outDir, 'renderer'), { recursive: true });
  await realFs.writeFile(path.join(outDir, 'renderer', 'index.html'), '<!doctype html>');
});
afterEach(async () => {
  await realFs.rm(outDir, { recursive: true, force: true });
});

const start = (fake: ReturnType<typeof createFakeElectron>, devServerUrl?: string) =>
  startApp(fake.electron, {
    mainDir: path.join(outDir, 'main'),
    devServerUrl,
    argv: ['electron', '.'],
    cwd: outDir,
  });

describe('startApp (with a fake Electron)', () => {
  it('registers app:// as privileged before ready, then serves the built renderer with a CSP', async () => {
    const fake = createFakeElectron();
    start(fake);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }),
      }),
    ]);
    await fake.ready();
    const response = await fake.protocolHandlers.get('app')?.(new Request('app://pijlerplan/'));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe('<!doctype html>');
    expect(response?.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
  });

  it('opens one hardened window on app://, with the preload from the built layout', async () => {
    const fake = createFakeElectron();
    start(fake);
    await fake.ready();
    expect(FakeWindow.instances).toHaveLength(1);
    const window = FakeWindow.instances[0];
    expect(window?.loadedUrl).toBe('app://pijlerplan/index.html');
    expect(window?.options['webPreferences']).toMatchObject({
      preload: builtPaths(path.join(outDir, 'main')).preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
    });
    expect(window?.options['show']).toBe(false);
    expect(builtPaths('/x/out/main')).toEqual({
      preload: path.join('/x/out/preload/index.cjs'),
      renderer: path.join('/x/out/renderer'),
    });
  });

  it('loads the dev server in development', async () => {
    const fake = createFakeElectron();
    start(fake, 'http://localhost:5173');
    await fake.ready();
    expect(FakeWindow.instances[0]?.loadedUrl).toBe('http://localhost:5173');
  });

  it('grants the clipboard to the app only, denies the rest, and installs the Dutch menu', async () => {
    const fake = createFakeElectron();
    start(fake);
    await fake.ready();
    let granted: boolean | undefined;
    const app = { requestingUrl: 'app://pijlerplan/index.html' };
    fake.permissionHandlers.request?.({}, 'media', (ok: boolean) => (granted = ok), app);
    expect(granted).toBe(false);
    fake.permissionHandlers.request?.({}, 'clipboard-read', (ok: boolean) => (granted = ok), app);
    expect(granted).toBe(true);
    fake.permissionHandlers.request?.({}, 'clipboard-read', (ok: boolean) => (granted = ok), {
      requestingUrl: 'https://evil.example/',
    });
    expect(granted).toBe(false);
    const menu = fake.menus[0] as Array<{ label?: string }>;
    expect(menu.map((item) => item.label)).toContain('Bestand');
  });

  it('quits at once when another Pijlerplan already runs', () => {
    const fake = createFakeElectron();
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    start(fake);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('sets the title with the unsaved marker through IPC', async () => {
    const fake = createFakeElectron();
    start(fake);
    await fake.ready();
    await fake.ipcHandlers.get('window:setTitle')?.(trusted, {
      title: 'plan.pijlerplan',
      dirty: true,
    });
    expect(FakeWindow.instances[0]?.title).toBe('• plan.pijlerplan — Pijlerplan');
  });

  it('prints the page to PDF (landscape A4, backgrounds) and saves it through the dialog', async () => {
    const fake = createFakeElectron({ pathsRoot: outDir });
    const target = path.join(outDir, 'dashboard.pdf');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: target,
    } as never);
    start(fake);
    await fake.ready();
    const result = await fake.ipcHandlers.get('export:printToPdf')?.(trusted, {
      suggestedName: 'dashboard.pdf',
    });
    const window = FakeWindow.instances[0]!;
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      landscape: true,
      printBackground: true,
      pageSize: 'A4',
    });
    expect(result).toEqual({ ok: true, value: target });
    expect((await realFs.readFile(target)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('says in Dutch when printToPDF fails, and saves nothing', async () => {
    const fake = createFakeElectron({ pathsRoot: outDir });
    start(fake);
    await fake.ready();
    FakeWindow.instances[0]!.webContents.printToPDF.mockRejectedValueOnce(new Error('GPU weg'));
    const result = await fake.ipcHandlers.get('export:printToPdf')?.(trusted, {
      suggestedName: 'dashboard.pdf',
    });
    expect(result).toEqual({ ok: false, message: 'De PDF kon niet gemaakt worden: GPU weg' });
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  describe('closing with unsaved changes', () => {
    const dirtyWindow = async (response: number) => {
      const fake = createFakeElectron({ messageBoxResponse: response, pathsRoot: outDir });
      start(fake);
      await fake.ready();
      await fake.ipcHandlers.get('window:setTitle')?.(trusted, { title: 'plan', dirty: true });
      const window = FakeWindow.instances[0];
      if (!window) throw new Error('no window');
      window.close();
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { fake, window };
    };

    it('asks Opslaan / Niet opslaan / Annuleren', async () => {
      const { fake } = await dirtyWindow(2);
      expect(fake.messageBoxes[0]).toMatchObject({
        buttons: ['Opslaan', 'Niet opslaan', 'Annuleren'],
        cancelId: 2,
      });
    });

    it('Annuleren keeps the window', async () => {
      const { window } = await dirtyWindow(2);
      expect(window.closeCount).toBe(0);
    });

    it('Niet opslaan closes it', async () => {
      const { window } = await dirtyWindow(1);
      expect(window.closeCount).toBe(1);
    });

    it('Opslaan asks the renderer to save, and closes when that save succeeded', async () => {
      const { fake, window } = await dirtyWindow(0);
      expect(window.webContents.sent).toEqual([[COMMAND_EVENT, 'file.save']]);
      expect(window.closeCount).toBe(0);
      const target = path.join(outDir, 'plan.pijlerplan');
      fake.dialog.showSaveDialog.mockResolvedValueOnce({
        canceled: false,
        filePath: target,
      } as never);
      const result = await fake.ipcHandlers.get('workspace:save')?.(trusted, {
        bytes: new Uint8Array([1]),
        path: null,
        suggestedName: 'plan',
      });
      expect(result).toMatchObject({ ok: true });
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(window.closeCount).toBe(1);
      expect(await realFs.readFile(target)).toEqual(Buffer.from([1]));
      const recent = JSON.parse(
        await realFs.readFile(path.join(outDir, 'userData', 'recent-files.json'), 'utf8'),
      );
      expect(recent[0].path).toBe(target);
    });
  });
});

describe('one instance, open from anywhere (with a fake Electron)', () => {
  const setup = async () => {
    const fake = createFakeElectron({ pathsRoot: outDir });
    start(fake);
    await fake.ready();
    const window = FakeWindow.instances[0]!;
    const file = path.join(outDir, 'team plan.pijlerplan');
    await realFs.writeFile(file, new Uint8Array([7, 7]));
    return { fake, window, file };
  };

  it("a second instance's file, once the renderer listens, is handed over and opens", async () => {
    const { fake, window, file } = await setup();
    // The renderer asks for the startup file once it listens for hand-overs.
    expect(await fake.ipcHandlers.get('workspace:startup')?.(trusted, {})).toEqual({
      ok: true,
      value: null,
    });
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['Pijlerplan.exe', path.basename(file)], outDir);
    expect(window.minimized).toBe(false);
    expect(window.focusCount).toBe(1);
    // Delivered once main has put it on the recent list (a real, atomic write).
    await vi.waitFor(() => expect(window.webContents.sent).toContainEqual([OPEN_FILE_EVENT, file]));
    // The renderer asks about unsaved changes, then opens it like a recent file — allowed,
    // because the OS (the user, in Explorer) chose it.
    const opened = await fake.ipcHandlers.get('workspace:openRecent')?.(trusted, { path: file });
    expect(opened).toMatchObject({ ok: true, value: { name: 'team plan.pijlerplan', path: file } });
    expect(fake.app.recentDocuments).toContain(file);
  });

  it('a file that arrives before the renderer listens becomes the startup file', async () => {
    const { fake, window, file } = await setup();
    fake.app.emit('open-file', { preventDefault: () => {} }, file);
    expect(window.webContents.sent.filter(([channel]) => channel === OPEN_FILE_EVENT)).toEqual([]);
    const startup = await fake.ipcHandlers.get('workspace:startup')?.(trusted, {});
    expect(startup).toMatchObject({ ok: true, value: { path: file } });
  });

  it('every open reaches the OS recent list and the native Recente bestanden submenu', async () => {
    const { fake, file } = await setup();
    fake.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [file],
    } as never);
    await fake.ipcHandlers.get('workspace:open')?.(trusted, {});
    await vi.waitFor(() => expect(fake.app.addRecentDocument).toHaveBeenCalledWith(file));
    const menu = fake.menus.at(-1) as Array<{
      submenu?: Array<{ id?: string; submenu?: unknown }>;
    }>;
    const recent = menu[0]?.submenu?.find((item) => item.id === 'file.recent') as {
      submenu: Array<{ label: string; click: () => void }>;
    };
    expect(recent.submenu.map((item) => item.label)).toEqual(['&1 team plan.pijlerplan']);
    // Choosing it asks the renderer to open it (unsaved-changes question first).
    const window = FakeWindow.instances[0]!;
    recent.submenu[0]?.click();
    expect(window.webContents.sent).toContainEqual([OPEN_FILE_EVENT, file]);
  });
});
