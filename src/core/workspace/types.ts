/** What the shell shows about the open workspace: title, dirty marker, undo/redo menu items. */
export type WorkspaceInfo = {
  /** Workspace name (meta 'name'), else the file name without extension, else "Naamloze werkruimte". */
  name: string;
  /** The file it was opened from or last saved to; null for a new or demo workspace. */
  fileName: string | null;
  isDemo: boolean;
  /** Unsaved changes. */
  dirty: boolean;
  schemaVersion: number;
  canUndo: boolean;
  canRedo: boolean;
  /** Someone else has the file open: changes are refused, only "Opslaan als…" saves. */
  readOnly: boolean;
  /** Label of the step Undo would revert, e.g. "inhabitants_2020 van gemeente 11001 gewijzigd in 5". */
  undoLabel: string | null;
  redoLabel: string | null;
  /** The date the data describes (YYYY-MM-DD), when known. */
  dataDate: string | null;
};
