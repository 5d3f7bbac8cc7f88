import type { Database, SqlJsStatic } from 'sql.js';
import type { ResourceLoader } from './resources';
import type { Compression } from './export/xlsx/compression';
import type { SqlSandbox } from './tables/sql-sandbox';

/**
 * One undoable step. Row edits build theirs from the recorded before/after images; a big
 * operation (an import) may push its own, e.g. "drop the table it created". Both functions run
 * inside a transaction opened by the history, so they only have to do the work.
 */
export type HistoryEntry = {
  /** What the user did, in Dutch, shown as "Ongedaan maken: <label>". */
  label: string;
  undo(db: Database): void;
  redo(db: Database): void;
};

/** Undo and redo stacks; the last element is the next step to undo/redo. */
export type History = { undo: HistoryEntry[]; redo: HistoryEntry[] };

/**
 * The open workspace inside one host (the worker, a CLI run, a test). Handlers receive it via
 * their context; only the core's mutation door changes `db`'s contents.
 */
export type Session = {
  SQL: SqlJsStatic;
  db: Database;
  /** The file the workspace was opened from or last saved to; null for a new/demo workspace. */
  fileName: string | null;
  /** True after any change that has not been saved. */
  dirty: boolean;
  /** Bundled files: reference data and the demo's source spreadsheets. */
  resources: ResourceLoader;
  /** Undo/redo for this workspace; reset when another workspace replaces it. */
  history: History;
  /** Who makes the changes, for the audit and import logs (the CLI fills in the OS user). */
  userName?: string | null;
  /** Where analysts' queries run, stoppable; without one they run in this thread, unbounded. */
  sqlSandbox?: SqlSandbox;
  /**
   * The file's bytes as this session opened or last saved them: the common ancestor when a
   * colleague saved the same file meanwhile and this user's edits are re-applied onto theirs.
   */
  base?: Uint8Array | null;
  /** Bytes exported for a save that has not been confirmed yet (markSaved promotes them). */
  pendingBase?: Uint8Array | null;
  /**
   * Set while someone else has the file open (their lock beside it): the door refuses
   * changes with this Dutch reason; Save as to another file clears it.
   */
  readOnly?: string | null;
  /** The host's native deflate for exports (zlib in Node, CompressionStream in the worker). */
  compression?: Compression;
};

export function emptyHistory(): History {
  return { undo: [], redo: [] };
}

export function createSession(
  SQL: SqlJsStatic,
  db: Database,
  resources: ResourceLoader,
  fileName: string | null = null,
): Session {
  return { SQL, db, fileName, dirty: false, resources, history: emptyHistory() };
}

/**
 * Puts another workspace in place of the current one: closes the old connection and forgets
 * its history (its undo steps would apply to the wrong data).
 */
export function replaceSessionDb(session: Session, db: Database, fileName: string | null): void {
  const old = session.db;
  session.db = db;
  session.fileName = fileName;
  session.dirty = false;
  session.history = emptyHistory();
  session.base = null;
  session.pendingBase = null;
  session.readOnly = null;
  if (old !== db) old.close();
}
