import type { Session, HistoryEntry } from '../session';
import { errorText } from '../db/workspace-file';
import { err, ok, type Result } from '../result';
import { appendAudit } from './audit';
import { inTransaction } from './transaction';

/** How many steps back a user can go; older steps are forgotten. */
export const HISTORY_LIMIT = 100;

/**
 * Records a done step. Clears redo: after a new change, the undone branch is gone. Big
 * operations (an import) push their own entry here after doing and auditing their work.
 */
export function pushHistory(session: Session, entry: HistoryEntry): void {
  const { history } = session;
  history.undo.push(entry);
  if (history.undo.length > HISTORY_LIMIT)
    history.undo.splice(0, history.undo.length - HISTORY_LIMIT);
  history.redo = [];
}

export function undoLabel(session: Session): string | null {
  return session.history.undo.at(-1)?.label ?? null;
}

export function redoLabel(session: Session): string | null {
  return session.history.redo.at(-1)?.label ?? null;
}

/** Reverts the last step, in one transaction; returns its label. */
export function undo(session: Session): Result<string> {
  return step(session, 'undo');
}

/** Re-applies the last undone step, in one transaction; returns its label. */
export function redo(session: Session): Result<string> {
  return step(session, 'redo');
}

function step(session: Session, direction: 'undo' | 'redo'): Result<string> {
  const from = direction === 'undo' ? session.history.undo : session.history.redo;
  const to = direction === 'undo' ? session.history.redo : session.history.undo;
  if (session.readOnly) return err('read-only', session.readOnly);
  const entry = from.at(-1);
  if (!entry) {
    return direction === 'undo'
      ? err('nothing-to-undo', 'Er is niets om ongedaan te maken.')
      : err('nothing-to-redo', 'Er is niets om opnieuw te doen.');
  }
  try {
    inTransaction(session.db, () => {
      entry[direction](session.db);
      appendAudit(session.db, {
        action: direction,
        summary: `${direction === 'undo' ? 'Ongedaan gemaakt' : 'Opnieuw gedaan'}: ${entry.label}`,
        userName: session.userName ?? null,
      });
    });
  } catch (error) {
    // The stacks stay as they were: the workspace is unchanged, the step can be retried.
    return err(
      direction === 'undo' ? 'undo-failed' : 'redo-failed',
      `"${entry.label}" kon niet ${direction === 'undo' ? 'ongedaan gemaakt' : 'opnieuw gedaan'} worden: ${errorText(error)}`,
      { label: entry.label },
    );
  }
  from.pop();
  to.push(entry);
  session.dirty = true;
  return ok(entry.label);
}
