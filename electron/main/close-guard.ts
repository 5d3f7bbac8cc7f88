/**
 * When may the window close? A small state machine, kept free of Electron so its rules are
 * tested directly:
 * - clean workspace → close;
 * - unsaved changes → ask: Opslaan / Niet opslaan / Annuleren;
 * - Opslaan → main cannot save by itself (the bytes live in the renderer's worker), so it sends
 *   the `file.save` command and waits for the renderer's next workspace:save to finish: saved →
 *   close; cancelled (Save as dialog closed) or failed → stay open, the user keeps their work.
 *   A save that does not even start within `saveStartTimeoutMs` (the renderer failed before
 *   reaching the host) cancels the pending close, so a much later manual save cannot shut the
 *   window by surprise.
 */
export type PromptAnswer = 'save' | 'dontSave' | 'cancel';

export type CloseRequestDecision =
  /** Let the window close. */
  | 'allow'
  /** Prevent it and ask the user. */
  | 'prompt'
  /** Prevent it and do nothing: a question or a save for closing is already under way. */
  | 'ignore';

export type PromptDecision = 'close' | 'saveThenClose' | 'stay';

export type CloseGuard = {
  setDirty(dirty: boolean): void;
  readonly dirty: boolean;
  onCloseRequested(): CloseRequestDecision;
  onPromptAnswered(answer: PromptAnswer): PromptDecision;
  /** A workspace:save began; true when it is the save the close is waiting for. */
  onSaveStarted(): boolean;
  /** A workspace:save ended (`saved` false when cancelled or failed): 'close' or 'stay'. */
  onSaveFinished(saved: boolean): 'close' | 'stay';
};

export const SAVE_START_TIMEOUT_MS = 15_000;

export function createCloseGuard(
  options: { now?: () => number; saveStartTimeoutMs?: number } = {},
): CloseGuard {
  const now = options.now ?? Date.now;
  const timeout = options.saveStartTimeoutMs ?? SAVE_START_TIMEOUT_MS;
  let dirty = false;
  let approved = false;
  let prompting = false;
  let pending: { requestedAt: number; saveStarted: boolean } | null = null;

  const pendingIsAlive = (): boolean => {
    if (pending && !pending.saveStarted && now() - pending.requestedAt > timeout) pending = null;
    return pending !== null;
  };

  return {
    setDirty(value) {
      dirty = value;
    },
    get dirty() {
      return dirty;
    },
    onCloseRequested() {
      if (approved || !dirty) return 'allow';
      if (prompting || pendingIsAlive()) return 'ignore';
      prompting = true;
      return 'prompt';
    },
    onPromptAnswered(answer) {
      prompting = false;
      switch (answer) {
        case 'dontSave':
          approved = true;
          return 'close';
        case 'save':
          pending = { requestedAt: now(), saveStarted: false };
          return 'saveThenClose';
        case 'cancel':
          return 'stay';
      }
    },
    onSaveStarted() {
      if (!pendingIsAlive() || !pending || pending.saveStarted) return false;
      pending.saveStarted = true;
      return true;
    },
    onSaveFinished(saved) {
      if (!pending?.saveStarted) return 'stay';
      pending = null;
      if (!saved) return 'stay';
      approved = true;
      return 'close';
    },
  };
}

/** "• planning.pijlerplan — Pijlerplan": the dot is the unsaved marker, like most editors. */
export function formatWindowTitle(workspaceTitle: string, dirty: boolean): string {
  const name = workspaceTitle.trim();
  const base = name === '' ? 'Pijlerplan' : `${name} — Pijlerplan`;
  return dirty ? `• ${base}` : base;
}
