import type { HandlerArgs, HandlerName, HandlerValue } from '../core/handlers';
import type { MergeConflict } from '../core/workspace/merge';
import type { Host } from './host';

/** The part of the core a save needs (the worker client or an in-process runtime). */
export type SaveCore = {
  call<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerValue<K>>;
};

/** What the user chose when the file on disk was saved by someone else meanwhile. */
export type ChangedChoice = 'reapply' | 'save-as' | 'cancel';

export type SaveOutcome =
  | {
      kind: 'saved';
      name: string;
      path: string;
      /** Set when this user's edits were re-applied onto a colleague's newer file first. */
      reapplied?: { applied: number; conflicts: MergeConflict[]; conflictLines: string[] };
    }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; code?: string };

/**
 * Saving, as the shell and the sharing test run it: export, let the host write (it refuses
 * when the file on disk is no longer the one this window opened or saved), and then — as the
 * user chooses — re-apply this user's edits onto the newer file (read from disk now, which
 * becomes the version the next write compares with) and save that, or "Opslaan als…". A
 * colleague saving again in between just repeats the round (at most three times).
 */
export async function saveWorkspaceChecked(
  core: SaveCore,
  host: Pick<Host, 'saveWorkspace' | 'readCurrent'>,
  target: string | null,
  suggestedName: string,
  onChanged: (message: string) => Promise<ChangedChoice>,
): Promise<SaveOutcome> {
  let reapplied: Extract<SaveOutcome, { kind: 'saved' }>['reapplied'];
  let path = target;
  for (let round = 0; round < 4; round++) {
    const bytes = await core.call('workspace.export', { forSave: true });
    const saved = await host.saveWorkspace(bytes, path, suggestedName);
    if (saved.ok) {
      if (!saved.value) return { kind: 'cancelled' };
      await core.call('workspace.markSaved', { fileName: saved.value.name });
      return { kind: 'saved', ...saved.value, ...(reapplied ? { reapplied } : {}) };
    }
    if (saved.code !== 'changed-on-disk' || path === null || round === 3) {
      return {
        kind: 'failed',
        message: saved.message,
        ...(saved.code ? { code: saved.code } : {}),
      };
    }
    const choice = reapplied ? 'reapply' : await onChanged(saved.message);
    if (choice === 'cancel') return { kind: 'cancelled' };
    if (choice === 'save-as' || !host.readCurrent) {
      path = null;
      continue;
    }
    const current = await host.readCurrent(path);
    if (!current.ok) return { kind: 'failed', message: current.message };
    const rebased = await core.call('workspace.rebase', { bytes: current.value.bytes });
    if (!rebased.ok)
      return { kind: 'failed', message: rebased.error.message, code: rebased.error.code };
    reapplied = {
      applied: (reapplied?.applied ?? 0) + rebased.value.applied,
      conflicts: [...(reapplied?.conflicts ?? []), ...rebased.value.conflicts],
      conflictLines: [...(reapplied?.conflictLines ?? []), ...rebased.value.conflictLines],
    };
  }
  return { kind: 'cancelled' };
}
