/**
 * What the renderer needs from the machine it runs on. Two implementations: Electron (native
 * dialogs, atomic writes, backups, recent files, native menu — via the preload bridge) and the
 * browser (file input, download, IndexedDB), so the whole UI runs as a plain page in Chromium.
 */
export type HostFile = {
  /** Display name, e.g. "planning-2026.pijlerplan". */
  name: string;
  /** Where it lives: a path in Electron, an IndexedDB key in the browser. */
  path: string;
  bytes: Uint8Array;
  /** Something the user should know about the file, e.g. that it was changed outside the app. */
  notice?: string;
  /**
   * Someone else has the file open (their lock beside it): it is opened read-only. `stale`:
   * their lock was not refreshed for minutes, so it may be taken over.
   */
  lock?: { user: string; machine: string; since: string; stale: boolean; message: string };
};

export type RecentFile = { name: string; path: string; openedAt: string };

/** The crash-recovery copy of an unsaved workspace: what it was, and when it was written. */
export type RecoveryCopy = {
  name: string;
  path: string | null;
  bytes: Uint8Array;
  writtenAt: string;
};

export type HostResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      message: string;
      /**
       * 'changed-on-disk': the file is no longer the one opened; nothing was overwritten.
       * 'read-only': someone else has it open. 'locked': the chosen file is open elsewhere.
       */
      code?: string;
    };

/**
 * An export being written to the place the user chose, chunk by chunk, so a million-row
 * workbook never sits whole in memory. Only `commit` gives the file its name; `abort` (cancel,
 * failure) leaves nothing behind. The browser's download fallback is the exception: it keeps
 * the chunks (as a Blob, which Chromium spills to disk) until commit.
 */
export type ExportFile = {
  /** The chosen file's name, for messages. */
  name: string;
  /** Appends a chunk; awaiting it is the backpressure. */
  write(chunk: Uint8Array): Promise<void>;
  /** Completes the file; its name or path. */
  commit(): Promise<HostResult<string>>;
  abort(): Promise<void>;
};

export type Host = {
  kind: 'electron' | 'browser';
  /** Asks the user for a workspace file and reads it; null when cancelled. */
  openWorkspace(): Promise<HostResult<HostFile | null>>;
  /** Reads a workspace from the recent list. */
  openRecent(path: string): Promise<HostResult<HostFile>>;
  /** Asks the user for a spreadsheet (xlsx, csv, …) and reads it; null when cancelled. */
  openSpreadsheet(): Promise<HostResult<Omit<HostFile, 'path'> | null>>;
  /**
   * Writes the workspace: to `path` (Save), or asks for a place first when `path` is null
   * (Save as). Electron writes atomically and keeps rotating backups. Null when cancelled.
   */
  saveWorkspace(
    bytes: Uint8Array,
    path: string | null,
    suggestedName: string,
  ): Promise<HostResult<{ name: string; path: string } | null>>;
  /** Offers an exported file (xlsx, csv, png…) to the user: a save dialog or a download. */
  saveExport(bytes: Uint8Array, suggestedName: string): Promise<HostResult<string | null>>;
  /**
   * The page as the printer would see it, as PDF through a save dialog (Electron's
   * webContents.printToPDF). Electron only: the browser build draws its PDF itself.
   */
  printToPdf?(suggestedName: string): Promise<HostResult<string | null>>;
  /**
   * Asks where an export goes and opens it for streaming (Electron: a file stream in main;
   * the browser: the File System Access API where there is one, else a download). Null when
   * the user cancels.
   */
  createExportFile(suggestedName: string): Promise<HostResult<ExportFile | null>>;
  recentFiles(): Promise<RecentFile[]>;
  /**
   * Crash recovery: keeps the unsaved workspace aside (atomically, in the app's own storage,
   * never over the user's file); the shell calls it at most every 60 s while there are changes.
   */
  writeRecovery(bytes: Uint8Array, info: { name: string; path: string | null }): Promise<void>;
  /** The copy a session that did not end cleanly left, or null. */
  readRecovery(): Promise<RecoveryCopy | null>;
  /** After a save, or when the user declines the copy. */
  clearRecovery(): Promise<void>;
  /**
   * Sharing on a network drive (Electron; the browser has no shared files). readCurrent: the
   * file as it is on disk now, which the next save then compares with. takeOverLock: takes a
   * stale lock and reads the file. releaseLock: the open file is replaced by a new/demo one.
   */
  readCurrent?(path: string): Promise<HostResult<HostFile>>;
  takeOverLock?(path: string): Promise<HostResult<HostFile>>;
  releaseLock?(): Promise<void>;
  /** Shows the workspace name and the unsaved marker in the window title. */
  setTitle(title: string, dirty: boolean): void;
  /** Native menu items arrive here as command ids from the command registry. */
  onCommand(listener: (commandId: string) => void): () => void;
  /**
   * Workspaces the OS hands to the running app (double-click, a second instance, the native
   * recent list); Electron only. The renderer asks about unsaved changes, then openRecent.
   */
  onOpenFile?(listener: (path: string) => void): () => void;
  /**
   * Installs the question asked before the window closes; `isDirty` says whether there is
   * anything to lose.
   */
  setCloseGuard(isDirty: () => boolean): void;
};
