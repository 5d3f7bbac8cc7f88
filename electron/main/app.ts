import type * as Electron from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { COMMANDS, type CommandId } from '../../src/commands/commands';
import { nl } from '../../src/i18n/locales/nl';
import { backupBeforeOverwrite, backupFolderFor } from '../../src/node/backups';
import { readSaveRecord, writeSaveRecord } from '../../src/node/save-record';
import { removeWorkspaceTemps } from '../../src/node/stale-temps';
import { createRecoveryStore } from '../../src/node/recovery';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { createRecentFilesStore } from '../../src/node/recent-files';
import { COMMAND_EVENT } from '../shared/ipc-channels';
import { createCloseGuard, formatWindowTitle, type PromptAnswer } from './close-guard';
import { createIpcHandlers, registerIpcHandlers } from './ipc-handlers';
import { buildMenuTemplate } from './menu';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './protocol';
import {
  denyAllPermissions,
  hardenWebContents,
  isTrustedUrl,
  mainWindowOptions,
  trustedOrigins,
} from './security';
import { findStartupFile } from './startup-file';
import { fillIn, MAIN_STRINGS_NL } from './strings-nl';
import { createWorkspaceFiles } from './workspace-files';

/** The parts of Electron the shell uses, passed in so nothing here imports 'electron'. */
export type ElectronApi = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'Menu' | 'dialog' | 'ipcMain' | 'protocol' | 'session' | 'shell'
>;

export type StartOptions = {
  /** The folder of the built main script (out/main); preload and renderer sit beside it. */
  mainDir: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL) in `npm run dev`, else undefined. */
  devServerUrl: string | undefined;
  argv: readonly string[];
  cwd: string;
};

/** The built layout (see electron.vite.config.ts): out/main, out/preload, out/renderer. */
export const builtPaths = (mainDir: string): { preload: string; renderer: string } => ({
  preload: path.join(mainDir, '../preload/index.cjs'),
  renderer: path.join(mainDir, '../renderer'),
});

const PROMPT_ANSWERS: readonly PromptAnswer[] = ['save', 'dontSave', 'cancel'];

/** Wires the shell together. Must be called before the app is ready (scheme registration). */
export function startApp(electron: ElectronApi, options: StartOptions): void {
  const { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, shell } = electron;

  // Only one Pijlerplan per user: two windows saving the same workspace would overwrite each
  // other's work.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const paths = builtPaths(options.mainDir);
  const origins = trustedOrigins(options.devServerUrl);
  const isDev = options.devServerUrl !== undefined;
  let startupPath = findStartupFile(options.argv, options.cwd);
  // macOS hands over double-clicked files through an event, possibly before ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    startupPath = filePath;
  });

  let mainWindow: Electron.BrowserWindow | null = null;
  let workspaceTitle = '';
  const closeGuard = createCloseGuard();

  const sendCommand = (id: CommandId): void => {
    mainWindow?.webContents.send(COMMAND_EVENT, id);
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, including any the app did not mean to create, gets the same rules.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { origins, openExternal: (url) => shell.openExternal(url) });
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler(
        paths.renderer,
        async (file) => new Uint8Array(await readFile(file)),
      ),
    );
    denyAllPermissions(session.defaultSession);

    const window = new BrowserWindow(mainWindowOptions(paths.preload));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    // The title is ours (workspace name + unsaved marker), not the page's <title>.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('closed', () => {
      mainWindow = null;
    });

    const setTitle = (title: string, dirty: boolean): void => {
      workspaceTitle = title;
      closeGuard.setDirty(dirty);
      if (window.isDestroyed()) return;
      window.setTitle(formatWindowTitle(title, dirty));
      if (process.platform === 'darwin') window.setDocumentEdited(dirty);
    };

    window.on('close', (event) => {
      const decision = closeGuard.onCloseRequested();
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'ignore') return;
      const strings = MAIN_STRINGS_NL.closePrompt;
      void dialog
        .showMessageBox(window, {
          type: 'warning',
          title: strings.title,
          message: fillIn(strings.message, { name: workspaceTitle || nl.app.untitled }),
          detail: strings.detail,
          buttons: [strings.save, strings.dontSave, strings.cancel],
          defaultId: 0,
          cancelId: 2,
          noLink: true,
        })
        .then(({ response }) => {
          const next = closeGuard.onPromptAnswered(PROMPT_ANSWERS[response] ?? 'cancel');
          if (next === 'close') window.close();
          else if (next === 'saveThenClose') sendCommand('file.save');
        });
    });

    const recent = createRecentFilesStore({
      storePath: path.join(app.getPath('userData'), 'recent-files.json'),
    });
    const backupsRoot = path.join(app.getPath('userData'), 'backups');
    const files = createWorkspaceFiles({
      dialogs: {
        showOpenDialog: (dialogOptions) => dialog.showOpenDialog(window, dialogOptions),
        showSaveDialog: (dialogOptions) => dialog.showSaveDialog(window, dialogOptions),
      },
      readFile: async (file) => new Uint8Array(await readFile(file)),
      writeFileAtomic: (file, bytes) => writeFileAtomic(file, bytes),
      backupBeforeOverwrite: (file) => backupBeforeOverwrite(file, { root: backupsRoot }),
      cleanStaleTemps: async (file) => {
        await removeWorkspaceTemps(file, backupFolderFor(backupsRoot, file));
      },
      saveRecord: {
        read: (file) => readSaveRecord(backupsRoot, file),
        write: (file, bytes) => writeSaveRecord(backupsRoot, file, bytes),
      },
      recent,
      startupPath: () => startupPath,
      defaultDir: app.getPath('documents'),
      log: (message) => console.warn(`[pijlerplan] ${message}`),
    });
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        files,
        closeGuard,
        setTitle,
        recovery: createRecoveryStore({ dir: path.join(app.getPath('userData'), 'recovery') }),
        closeWindow: () => {
          if (!window.isDestroyed()) window.close();
        },
      }),
      (url) => isTrustedUrl(url, origins),
    );

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          commands: COMMANDS,
          labels: nl,
          sendCommand,
          platform: process.platform,
          isDev,
        }),
      ),
    );

    void window.loadURL(options.devServerUrl ?? APP_INDEX_URL);
  });
}
