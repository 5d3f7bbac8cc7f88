import type { Database } from 'sql.js';
import {
  createWorkspaceDb,
  errorText,
  exportWorkspaceDb,
  openWorkspaceDb,
  READ_ONLY_MESSAGE,
} from '../db/workspace-file';
import { defineHandlers, type HandlerContext } from '../handlers/context';
import { appendAudit } from '../mutations/audit';
import { redo, redoLabel, undo, undoLabel } from '../mutations/history';
import { mutate } from '../mutations/mutate';
import { err, ok, type Result } from '../result';
import { replaceSessionDb, type Session } from '../session';
import { checkWorkspace, type WorkspaceCheck } from './check';
import { conflictLines, rebaseOnto, type MergeConflict } from './merge';
import { META_KEYS, readMeta, writeMeta } from './meta';
import type { WorkspaceInfo } from './types';

export const DEMO_NAME = 'Voorbeeldwerkruimte';
export const UNTITLED_NAME = 'Naamloze werkruimte';

export function workspaceInfo(session: Session): WorkspaceInfo {
  const meta = readMeta(session.db);
  const fromFile = session.fileName
    ? session.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
    : null;
  const version = Number(session.db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
  return {
    name: meta[META_KEYS.name] || fromFile || UNTITLED_NAME,
    fileName: session.fileName,
    isDemo: meta[META_KEYS.isDemo] === '1',
    dirty: session.dirty,
    schemaVersion: version,
    canUndo: session.history.undo.length > 0,
    canRedo: session.history.redo.length > 0,
    readOnly: Boolean(session.readOnly),
    undoLabel: undoLabel(session),
    redoLabel: redoLabel(session),
    dataDate: meta[META_KEYS.dataDate] ?? null,
  };
}

/**
 * Builds a workspace in a fresh database and only then swaps it in, so a failing build (a
 * missing resource, a bad source file) leaves the current workspace open and untouched.
 */
async function replaceWith(
  session: Session,
  build: (db: Database) => Promise<void>,
  failure: { code: string; message: string },
): Promise<Result<WorkspaceInfo>> {
  const db = createWorkspaceDb(session.SQL);
  try {
    await build(db);
  } catch (error) {
    db.close();
    return err(failure.code, `${failure.message}: ${errorText(error)}`, {
      detail: errorText(error),
    });
  }
  replaceSessionDb(session, db, null);
  return ok(workspaceInfo(session));
}

function newWorkspace(
  args: { name?: string } | undefined,
  { session }: HandlerContext,
): Promise<Result<WorkspaceInfo>> {
  const name = args?.name?.trim() || UNTITLED_NAME;
  return replaceWith(
    session,
    async (db) => {
      // Loaded on demand: the worker fetches the reference-data code only when it is needed.
      const { loadReferenceData, loadVocabulary } = await import('../demo/reference-data');
      await loadReferenceData(db, session.resources);
      await loadVocabulary(db, session.resources);
      writeMeta(db, {
        [META_KEYS.name]: name,
        [META_KEYS.createdAt]: new Date().toISOString(),
        [META_KEYS.isDemo]: '0',
      });
      appendAudit(db, { action: 'workspace.new', summary: `Nieuwe werkruimte "${name}"` });
    },
    { code: 'new-failed', message: 'De nieuwe werkruimte kon niet gemaakt worden' },
  );
}

function openDemo(
  _args: void,
  { session, progress }: HandlerContext,
): Promise<Result<WorkspaceInfo>> {
  return replaceWith(
    session,
    async (db) => {
      const { buildDemoWorkspace } = await import('../demo/build-demo');
      await buildDemoWorkspace(db, session.resources, progress);
      writeMeta(
        db,
        { [META_KEYS.name]: DEMO_NAME, [META_KEYS.createdAt]: new Date().toISOString() },
        'keep',
      );
      writeMeta(db, { [META_KEYS.isDemo]: '1' });
    },
    { code: 'demo-failed', message: 'De voorbeeldwerkruimte kon niet gemaakt worden' },
  );
}

function openWorkspace(
  args: { bytes: Uint8Array; fileName: string },
  { session }: HandlerContext,
): Result<WorkspaceInfo & { notices: string[] }> {
  const opened = openWorkspaceDb(session.SQL, args.bytes);
  if (!opened.ok) return opened;
  replaceSessionDb(session, opened.value.db, args.fileName);
  session.base = args.bytes;
  return ok({ ...workspaceInfo(session), notices: opened.value.notices });
}

/** Read-only on (someone else holds the file's lock) or off (Save as, a lock taken over). */
function setReadOnly(session: Session, readOnly: boolean): void {
  session.readOnly = readOnly ? READ_ONLY_MESSAGE : null;
  // A second guard under the door: writes that bypass it (an import) fail in SQLite itself.
  session.db.run(`PRAGMA query_only = ${readOnly ? 'ON' : 'OFF'}`);
}

export type RebaseResult = WorkspaceInfo & {
  applied: number;
  conflicts: MergeConflict[];
  /** The conflicts as Dutch lines, at most 20 and "… en nog N". */
  conflictLines: string[];
};

/**
 * A colleague saved the file since this session opened or saved it: re-applies this user's
 * changes onto their version (`bytes`, read from disk now), where they do not conflict. The
 * merged workspace replaces the open one, unsaved; its undo history starts afresh.
 */
function rebase(args: { bytes: Uint8Array }, { session }: HandlerContext): Result<RebaseResult> {
  if (!session.base) {
    return err(
      'no-base',
      'Voor deze werkruimte is geen opgeslagen versie bekend om de wijzigingen op toe te passen; kies "Opslaan als…".',
    );
  }
  const base = openWorkspaceDb(session.SQL, session.base);
  if (!base.ok) return base;
  const theirs = openWorkspaceDb(session.SQL, args.bytes);
  if (!theirs.ok) {
    base.value.db.close();
    return theirs;
  }
  let outcome: ReturnType<typeof rebaseOnto>;
  try {
    outcome = rebaseOnto(base.value.db, session.db, theirs.value.db, session.userName ?? null);
  } catch (error) {
    theirs.value.db.close();
    return err(
      'rebase-failed',
      `Uw wijzigingen konden niet op de nieuwere versie toegepast worden: ${errorText(error)}. Er is niets overschreven; kies "Opslaan als…".`,
    );
  } finally {
    base.value.db.close();
  }
  const fileName = session.fileName;
  replaceSessionDb(session, theirs.value.db, fileName);
  session.base = args.bytes;
  session.dirty = true;
  return ok({
    ...workspaceInfo(session),
    applied: outcome.applied,
    conflicts: outcome.conflicts,
    conflictLines: conflictLines(outcome.conflicts),
  });
}

function stepHistory(session: Session, direction: 'undo' | 'redo'): Result<WorkspaceInfo> {
  const done = direction === 'undo' ? undo(session) : redo(session);
  return done.ok ? ok(workspaceInfo(session)) : done;
}

/** Workspace life cycle: new, demo, open, save (export + mark saved), undo/redo, check. */
export const workspaceHandlers = defineHandlers({
  'workspace.info': (_args: void, { session }: HandlerContext): WorkspaceInfo =>
    workspaceInfo(session),

  /** An empty workspace with the reference data (regions, municipalities, crosswalk). */
  'workspace.new': newWorkspace,

  /** The demo workspace, built from resources/demo; reports progress. */
  'workspace.openDemo': openDemo,

  /** Opens workspace bytes; on any error the current workspace stays open, unchanged. */
  'workspace.open': openWorkspace,

  /**
   * The workspace as SQLite file bytes; the host writes them (atomically) and then calls
   * markSaved. `forSave`: these bytes become the base for a later re-apply once saved.
   */
  'workspace.export': (
    args: { forSave?: boolean } | undefined,
    { session }: HandlerContext,
  ): Uint8Array => {
    const bytes = exportWorkspaceDb(session.db);
    // export() reopened the connection, which forgets query_only.
    if (session.readOnly) session.db.run('PRAGMA query_only = ON');
    if (args?.forSave) session.pendingBase = bytes;
    return bytes;
  },

  /** After the host wrote the exported bytes to `fileName`: clears the dirty marker. */
  'workspace.markSaved': (
    args: { fileName: string },
    { session }: HandlerContext,
  ): WorkspaceInfo => {
    session.fileName = args.fileName;
    session.dirty = false;
    if (session.pendingBase) session.base = session.pendingBase;
    session.pendingBase = null;
    // Saved to a file of one's own (Save as): no one else's lock applies any more.
    if (session.readOnly) setReadOnly(session, false);
    return workspaceInfo(session);
  },

  /** Someone else has the file open (their lock), or not any more: see setReadOnly. */
  'workspace.setReadOnly': (
    args: { readOnly: boolean },
    { session }: HandlerContext,
  ): WorkspaceInfo => {
    setReadOnly(session, args.readOnly);
    return workspaceInfo(session);
  },

  /** Re-applies this session's changes onto a newer version of its file: see rebase. */
  'workspace.rebase': rebase,

  /** After a crash-recovery copy was opened: its changes were never saved, so it is dirty. */
  'workspace.markRecovered': (_args: void, { session }: HandlerContext): WorkspaceInfo => {
    session.dirty = true;
    return workspaceInfo(session);
  },

  /** Renames the workspace (meta 'name'); undoable. */
  'workspace.rename': (
    args: { name: string },
    { session }: HandlerContext,
  ): Result<WorkspaceInfo> => {
    const name = args.name.trim();
    if (!name) return err('empty-name', 'Geef de werkruimte een naam.');
    const renamed = mutate(session, `Werkruimte hernoemd naar "${name}"`, (writer) => {
      const exists = writer.db.exec("SELECT 1 FROM meta WHERE key = 'name'").length > 0;
      if (exists) writer.update('meta', { key: META_KEYS.name }, { value: name });
      else writer.insert('meta', { key: META_KEYS.name, value: name });
    });
    return renamed.ok ? ok(workspaceInfo(session)) : renamed;
  },

  'workspace.undo': (_args: void, { session }: HandlerContext): Result<WorkspaceInfo> =>
    stepHistory(session, 'undo'),

  'workspace.redo': (_args: void, { session }: HandlerContext): Result<WorkspaceInfo> =>
    stepHistory(session, 'redo'),

  /** Full integrity_check, foreign keys, versions and row counts of the open workspace. */
  'workspace.check': (_args: void, { session }: HandlerContext): WorkspaceCheck =>
    checkWorkspace(session.db),
});
