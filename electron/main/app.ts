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
import { acquireLock, LOCK_REFRESH_MS } from '../../src/node/workspace-lock';
import { COMMAND_EVENT, OPEN_FILE_EVENT } from '../shared/ipc-channels';
import { createCloseGuard, formatWindowTitle, type PromptAnswer } from './close-guard';
import { createExportStreams } from './export-streams';
import { createIpcHandlers, registerIpcHandlers } from './ipc-handlers';
import { buildMenuTemplate } from './menu';
import {
  APP_INDEX_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './protocol';
import { createOpenHandOver } from './open-hand-over';
import { createRecentDocuments, type RecentDocuments } from './recent-documents';
import {
  applyPermissionPolicy,
  hardenWebContents,
  isExternalLink,
  isTrustedUrl,
  MAIN_WINDOW_FRAME,
  trustedOrigins,
} from './security';
import { fillIn, MAIN_STRINGS_NL } from './strings-nl';
import { createWorkspaceFiles } from './workspace-files';
import type { RecentFile } from '../../src/host/host';

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

  let mainWindow: Electron.BrowserWindow | null = null;
  let recentDocuments: RecentDocuments | null = null;
  let workspaceTitle = '';
  const closeGuard = createCloseGuard();
  const log = (message: string): void => console.warn(`[pijlerplan] ${message}`);

  const sendCommand = (id: CommandId): void => {
    mainWindow?.webContents.send(COMMAND_EVENT, id);
  };
  /** The renderer asks about unsaved changes, then opens it via workspace:openRecent. */
  const requestOpen = (filePath: string): void => {
    mainWindow?.webContents.send(OPEN_FILE_EVENT, filePath);
  };

  // A file double-clicked or passed on the command line while the app runs arrives as a
  // second instance's argv (Windows, Linux) or as open-file (macOS, possibly before ready).
  const handOver = createOpenHandOver(
    {
      focusWindow: () => {
        if (!mainWindow) return;
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.focus();
      },
      deliver: async (filePath) => {
        // On the recent list, the path is one main lets the renderer open (see
        // workspace-files.ts): the user chose it, in Explorer rather than in our dialog.
        await recentDocuments?.store.add(filePath);
        requestOpen(filePath);
      },
      log,
    },
    { argv: options.argv, cwd: options.cwd },
  );
  app.on('second-instance', (_event, argv, workingDirectory) =>
    handOver.onSecondInstance(argv, workingDirectory),
  );
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    handOver.onOpenFile(filePath);
  });

  // Every web contents, including any the app did not mean to create, gets the same rules.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      origins,
      // Checked again at the call: only allow-listed https links reach the OS browser.
      openExternal: (url) => (isExternalLink(url) ? shell.openExternal(url) : Promise.resolve()),
    });
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
    applyPermissionPolicy(session.defaultSession, origins);

    // webPreferences are written out here, in the constructor, so that a static scanner
    // (Electronegativity, in npm test) can verify every switch; app.test.ts pins them too.
    const window = new BrowserWindow({
      ...MAIN_WINDOW_FRAME,
      webPreferences: {
        preload: paths.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        experimentalFeatures: false,
        // A middle click would open links in a new window; the app has no use for it.
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
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

    const buildMenu = (recentFiles: readonly RecentFile[]): void =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            commands: COMMANDS,
            labels: nl,
            sendCommand,
            platform: process.platform,
            isDev,
            recent: { files: recentFiles, open: requestOpen },
          }),
        ),
      );
    // Every workspace opened or saved also reaches the OS's recent list (jump list) and the
    // native menu's Recente bestanden.
    recentDocuments = createRecentDocuments({
      app,
      store: createRecentFilesStore({
        storePath: path.join(app.getPath('userData'), 'recent-files.json'),
      }),
      platform: process.platform,
      onChange: buildMenu,
      log,
    });
    const recent = recentDocuments.store;
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
      startupPath: () => handOver.startupPath(),
      defaultDir: app.getPath('documents'),
      log,
      acquireLock: (file, takeOver) => acquireLock(file, { takeOver }),
    });
    // The lock beside the open workspace says "still here" every 30 s; closing removes it.
    const lockRefresh = setInterval(() => void files.refreshLock(), LOCK_REFRESH_MS);
    lockRefresh.unref();
    window.on('closed', () => {
      clearInterval(lockRefresh);
      files.releaseLockNow();
    });
    // The renderer asks for the startup file once it listens for hand-overs: from then on a
    // file that arrives is sent to it instead of kept for the start.
    const filesForRenderer: typeof files = {
      ...files,
      openStartup: async () => {
        try {
          return await files.openStartup();
        } finally {
          handOver.windowReady();
        }
      },
    };
    const exports = createExportStreams({
      dialogs: {
        showOpenDialog: (dialogOptions) => dialog.showOpenDialog(window, dialogOptions),
        showSaveDialog: (dialogOptions) => dialog.showSaveDialog(window, dialogOptions),
      },
      defaultDir: app.getPath('documents'),
    });
    // An export still running when the window goes leaves no partial file behind.
    window.on('closed', () => void exports.abortAll());
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        files: filesForRenderer,
        exports,
        closeGuard,
        setTitle,
        printToPdf: async () =>
          new Uint8Array(
            await window.webContents.printToPDF({
              landscape: true,
              printBackground: true,
              pageSize: 'A4',
            }),
          ),
        recovery: createRecoveryStore({ dir: path.join(app.getPath('userData'), 'recovery') }),
        closeWindow: () => {
          if (!window.isDestroyed()) window.close();
        },
      }),
      (url) => isTrustedUrl(url, origins),
    );

    buildMenu([]);
    void recentDocuments.init();

    void window.loadURL(options.devServerUrl ?? APP_INDEX_URL);
  });
}
