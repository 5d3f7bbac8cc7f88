import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { HostFile, HostResult, RecentFile } from '../../src/host/host';
import type { RecentFilesStore } from '../../src/node/recent-files';
import { heldMessage, type HeldLock, type LockOutcome } from '../../src/node/workspace-lock';
import {
  changedOutsideNotice,
  sha256,
  shownMoment,
  type SaveRecord,
} from '../../src/node/save-record';
import { fillIn, MAIN_STRINGS_NL } from './strings-nl';

export const WORKSPACE_EXTENSION = 'pijlerplan';
const WORKSPACE_EXTENSIONS = [WORKSPACE_EXTENSION, 'sqlite', 'sqlite3', 'db'];
const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'csv', 'txt'];

/** dialog.showOpenDialog / showSaveDialog, already bound to the main window. */
export type FileDialogs = {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
};

export type WorkspaceFilesDeps = {
  dialogs: FileDialogs;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFileAtomic(filePath: string, bytes: Uint8Array): Promise<void>;
  /** Copies the file on disk aside before it is overwritten; null when there was none. */
  backupBeforeOverwrite(filePath: string): Promise<string | null>;
  recent: RecentFilesStore;
  /** The workspace named on the command line or by the OS (open-file), if any. */
  startupPath(): string | null;
  /** Where dialogs start, e.g. the user's Documents folder. */
  defaultDir: string;
  log(message: string): void;
  /** Removes this app's stale temp files beside the workspace and among its backups. */
  cleanStaleTemps?(filePath: string): Promise<void>;
  /** What Pijlerplan last saved to a path (SHA-256 and when), kept with the backups. */
  saveRecord?: {
    read(filePath: string): Promise<SaveRecord | null>;
    write(filePath: string, bytes: Uint8Array): Promise<void>;
  };
  /**
   * Takes the lock beside a workspace (src/node/workspace-lock), or says who has it;
   * `takeOver` replaces a stale one. Without it (tests of other parts) nothing is locked.
   */
  acquireLock?(filePath: string, takeOver: boolean): Promise<LockOutcome>;
};

export type WorkspaceFiles = {
  openWorkspace(): Promise<HostResult<HostFile | null>>;
  openRecent(filePath: string): Promise<HostResult<HostFile>>;
  openStartup(): Promise<HostResult<HostFile | null>>;
  openSpreadsheet(): Promise<HostResult<Omit<HostFile, 'path'> | null>>;
  saveWorkspace(
    bytes: Uint8Array,
    filePath: string | null,
    suggestedName: string,
  ): Promise<HostResult<{ name: string; path: string } | null>>;
  saveExport(bytes: Uint8Array, suggestedName: string): Promise<HostResult<string | null>>;
  recentFiles(): Promise<RecentFile[]>;
  /**
   * The file as it is on disk now, taken as the version this window knows (its SHA-256 is what
   * the next save compares with): after a colleague saved it, to re-apply one's edits onto.
   */
  readCurrent(filePath: string): Promise<HostResult<HostFile>>;
  /** Takes over a stale lock of the workspace this window has open read-only. */
  takeOverLock(filePath: string): Promise<HostResult<HostFile>>;
  /** Releases this window's lock (a new or demo workspace replaces the file; the app quits). */
  releaseLock(): Promise<void>;
  /** The same, synchronously, as the window closes and the app quits. */
  releaseLockNow(): void;
  /** Refreshes this window's lock (every LOCK_REFRESH_MS); false when someone took it over. */
  refreshLock(): Promise<boolean>;
};

/** The save dialog for an export (xlsx, csv, png…); the chosen path, or null when cancelled. */
export async function askExportPath(
  dialogs: FileDialogs,
  defaultDir: string,
  suggestedName: string,
): Promise<string | null> {
  const strings = MAIN_STRINGS_NL.dialogs;
  const extension = path.extname(suggestedName).slice(1);
  const choice = await dialogs.showSaveDialog({
    title: strings.saveExport,
    defaultPath: path.join(defaultDir, suggestedName),
    filters: extension
      ? [
          { name: extension.toUpperCase(), extensions: [extension] },
          { name: strings.allFiles, extensions: ['*'] },
        ]
      : [],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  return choice.canceled || !choice.filePath ? null : path.resolve(choice.filePath);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A Dutch sentence for a failed read or write, naming the file. */
export function fileErrorMessage(
  error: unknown,
  filePath: string,
  action: 'read' | 'write',
): string {
  const name = path.basename(filePath);
  const { errors } = MAIN_STRINGS_NL;
  switch (errorCode(error)) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return fillIn(errors.locked, { name });
    case 'ENOENT':
      return fillIn(errors.notFound, { name });
    default:
      return fillIn(action === 'read' ? errors.readFailed : errors.writeFailed, {
        name,
        reason: error instanceof Error ? error.message : String(error),
      });
  }
}

/** "planning" → "planning.pijlerplan"; a name with its own extension keeps it. */
export function withWorkspaceExtension(filePath: string): string {
  return path.extname(filePath) === '' ? `${filePath}.${WORKSPACE_EXTENSION}` : filePath;
}

function samePath(a: string, b: string): boolean {
  const ignoreCase = process.platform === 'win32' || process.platform === 'darwin';
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * Workspace and export files behind the IPC handlers. Main only reads or overwrites a path
 * the user chose — in a dialog, on the command line, or earlier (the recent list) — so a
 * compromised renderer cannot read ~/.ssh or overwrite arbitrary files through it.
 */
export function createWorkspaceFiles(deps: WorkspaceFilesDeps): WorkspaceFiles {
  const granted: string[] = [];
  const grant = (filePath: string): void => {
    if (!granted.some((item) => samePath(item, filePath))) granted.push(filePath);
  };
  const isAllowed = async (filePath: string): Promise<boolean> =>
    granted.some((item) => samePath(item, filePath)) || (await deps.recent.has(filePath));

  const notAllowed = (filePath: string): { ok: false; message: string } => ({
    ok: false,
    message: fillIn(MAIN_STRINGS_NL.errors.notAllowed, { name: path.basename(filePath) }),
  });

  /** SHA-256 of each workspace as this window opened or last saved it. */
  const opened = new Map<string, string>();
  /** The lock of the workspace this window has open, and paths it has open read-only. */
  let lock: HeldLock | null = null;
  const readOnly = new Set<string>();
  const dropLock = async (): Promise<void> => {
    const old = lock;
    lock = null;
    await old
      ?.release()
      .catch((error: unknown) => deps.log(`lock release failed: ${String(error)}`));
  };

  /** Locks `filePath` for this window; what the user must know when someone else has it. */
  const takeLock = async (filePath: string, takeOver = false): Promise<HostFile['lock']> => {
    if (!deps.acquireLock) return undefined;
    if (lock && samePath(lock.filePath, filePath)) return undefined; // ours already
    let outcome: LockOutcome;
    try {
      outcome = await deps.acquireLock(filePath, takeOver);
    } catch (error) {
      // A read-only share or a folder without write rights: open without a lock, say so in the log.
      deps.log(`lock for ${filePath} failed: ${String(error)}`);
      return undefined;
    }
    if (outcome.kind === 'acquired') {
      await dropLock();
      lock = outcome.lock;
      readOnly.delete(filePath);
      return undefined;
    }
    const { holder, stale } = outcome;
    return {
      user: holder.user,
      machine: holder.machine,
      since: holder.since,
      stale,
      message: heldMessage(path.basename(filePath), holder, stale),
    };
  };
  const cleanTemps = (filePath: string): Promise<void> =>
    deps
      .cleanStaleTemps?.(filePath)
      .catch((error: unknown) =>
        deps.log(`temp cleanup for ${filePath} failed: ${String(error)}`),
      ) ?? Promise.resolve();

  const readWorkspace = async (filePath: string): Promise<HostResult<HostFile>> => {
    try {
      const bytes = await deps.readFile(filePath);
      grant(filePath);
      opened.set(filePath, sha256(bytes));
      const held = await takeLock(filePath);
      if (held) {
        readOnly.add(filePath);
        // Someone else has it: this window no longer works on the file it had open.
        await dropLock();
      }
      await deps.recent
        .add(filePath)
        .catch((error: unknown) => deps.log(`recent: ${String(error)}`));
      await cleanTemps(filePath);
      const record = await deps.saveRecord?.read(filePath).catch(() => null);
      const notice = changedOutsideNotice(path.basename(filePath), record ?? null, bytes);
      return {
        ok: true,
        value: {
          name: path.basename(filePath),
          path: filePath,
          bytes,
          ...(notice ? { notice } : {}),
          ...(held ? { lock: held } : {}),
        },
      };
    } catch (error) {
      return { ok: false, message: fileErrorMessage(error, filePath, 'read') };
    }
  };

  /**
   * Before overwriting: is the file on disk still the one this window opened or saved? If
   * someone else saved it meanwhile (a colleague on the shared drive), nothing is overwritten.
   */
  const changedOnDisk = async (target: string): Promise<string | null> => {
    const known = opened.get(target);
    if (known === undefined) return null;
    let current: Uint8Array;
    try {
      current = await deps.readFile(target);
    } catch {
      return null; // gone or unreadable: the write itself will say what is wrong
    }
    if (sha256(current) === known) return null;
    const record = await deps.saveRecord?.read(target).catch(() => null);
    return fillIn(MAIN_STRINGS_NL.errors.changedOnDisk, {
      name: path.basename(target),
      when: record ? shownMoment(record.savedAt) : '?',
    });
  };

  const readCurrent = async (filePath: string): Promise<HostResult<HostFile>> => {
    const resolved = path.resolve(filePath);
    if (!(await isAllowed(resolved))) return notAllowed(resolved);
    try {
      const bytes = await deps.readFile(resolved);
      opened.set(resolved, sha256(bytes));
      return { ok: true, value: { name: path.basename(resolved), path: resolved, bytes } };
    } catch (error) {
      return { ok: false, message: fileErrorMessage(error, resolved, 'read') };
    }
  };

  const { dialogs: strings } = MAIN_STRINGS_NL;
  const workspaceFilters = [
    { name: strings.workspaceFilter, extensions: [WORKSPACE_EXTENSION] },
    { name: strings.sqliteFilter, extensions: WORKSPACE_EXTENSIONS },
    { name: strings.allFiles, extensions: ['*'] },
  ];

  return {
    async openWorkspace() {
      const choice = await deps.dialogs.showOpenDialog({
        title: strings.openWorkspace,
        defaultPath: deps.defaultDir,
        properties: ['openFile'],
        filters: workspaceFilters,
      });
      const chosen = choice.filePaths[0];
      if (choice.canceled || chosen === undefined) return { ok: true, value: null };
      return readWorkspace(path.resolve(chosen));
    },

    async openRecent(filePath) {
      const resolved = path.resolve(filePath);
      if (!(await isAllowed(resolved))) return notAllowed(resolved);
      return readWorkspace(resolved);
    },

    async openStartup() {
      const startup = deps.startupPath();
      if (startup === null) return { ok: true, value: null };
      return readWorkspace(path.resolve(startup));
    },

    async openSpreadsheet() {
      const choice = await deps.dialogs.showOpenDialog({
        title: strings.openSpreadsheet,
        defaultPath: deps.defaultDir,
        properties: ['openFile'],
        filters: [
          { name: strings.spreadsheetFilter, extensions: SPREADSHEET_EXTENSIONS },
          { name: strings.allFiles, extensions: ['*'] },
        ],
      });
      const chosen = choice.filePaths[0];
      if (choice.canceled || chosen === undefined) return { ok: true, value: null };
      try {
        return {
          ok: true,
          value: { name: path.basename(chosen), bytes: await deps.readFile(chosen) },
        };
      } catch (error) {
        return { ok: false, message: fileErrorMessage(error, chosen, 'read') };
      }
    },

    async saveWorkspace(bytes, filePath, suggestedName) {
      let target: string;
      if (filePath === null) {
        const choice = await deps.dialogs.showSaveDialog({
          title: strings.saveWorkspace,
          defaultPath: path.join(deps.defaultDir, withWorkspaceExtension(suggestedName)),
          filters: workspaceFilters,
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        });
        if (choice.canceled || !choice.filePath) return { ok: true, value: null };
        target = path.resolve(withWorkspaceExtension(choice.filePath));
        // Saving as a file someone else has open would overwrite their work under them.
        const held = await takeLock(target);
        if (held) return { ok: false, code: 'locked', message: held.message };
      } else {
        target = path.resolve(filePath);
        if (!(await isAllowed(target))) return notAllowed(target);
        if (readOnly.has(target)) {
          return {
            ok: false,
            code: 'read-only',
            message: fillIn(MAIN_STRINGS_NL.errors.readOnly, { name: path.basename(target) }),
          };
        }
        const changed = await changedOnDisk(target);
        if (changed) return { ok: false, code: 'changed-on-disk', message: changed };
      }
      try {
        // A failed backup must not cost the user the save they asked for.
        await deps
          .backupBeforeOverwrite(target)
          .catch((error: unknown) => deps.log(`backup of ${target} failed: ${String(error)}`));
        await deps.writeFileAtomic(target, bytes);
      } catch (error) {
        return { ok: false, message: fileErrorMessage(error, target, 'write') };
      }
      grant(target);
      opened.set(target, sha256(bytes));
      await deps.saveRecord
        ?.write(target, bytes)
        .catch((error: unknown) => deps.log(`save record for ${target}: ${String(error)}`));
      await cleanTemps(target);
      await deps.recent.add(target).catch((error: unknown) => deps.log(`recent: ${String(error)}`));
      return { ok: true, value: { name: path.basename(target), path: target } };
    },

    recentFiles: () => deps.recent.list().catch(() => []),

    readCurrent,

    async takeOverLock(filePath) {
      const resolved = path.resolve(filePath);
      if (!(await isAllowed(resolved))) return notAllowed(resolved);
      const held = await takeLock(resolved, true);
      if (held) return { ok: false, code: 'locked', message: held.message };
      // The holder may have saved before it stopped: work on the file as it is now.
      return readCurrent(resolved);
    },

    releaseLock: dropLock,

    releaseLockNow() {
      lock?.releaseSync();
      lock = null;
    },

    async refreshLock() {
      if (!lock) return true;
      const still = await lock.refresh().catch(() => true);
      if (!still) {
        deps.log(`lock on ${lock.filePath} was taken over by someone else`);
        lock = null;
      }
      return still;
    },

    async saveExport(bytes, suggestedName) {
      const target = await askExportPath(deps.dialogs, deps.defaultDir, suggestedName);
      if (target === null) return { ok: true, value: null };
      try {
        await deps.writeFileAtomic(target, bytes);
        return { ok: true, value: target };
      } catch (error) {
        return { ok: false, message: fileErrorMessage(error, target, 'write') };
      }
    },
  };
}
