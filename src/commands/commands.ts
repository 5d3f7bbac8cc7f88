/**
 * Commands as data (Excalidraw's actions): one list that the native menu, the in-app menu, the
 * keyboard shortcuts and the tests all read. Labels are i18n keys (`commands.<id>`); the
 * renderer attaches what each command does (see features/shell/use-commands.ts).
 */
export type CommandId =
  | 'file.new'
  | 'file.openDemo'
  | 'file.open'
  | 'file.save'
  | 'file.saveAs'
  | 'file.import'
  | 'edit.undo'
  | 'edit.redo'
  | 'view.toggleTheme'
  | 'view.toggleLanguage'
  | 'view.commandPalette';

export type CommandSpec = {
  id: CommandId;
  /** Which menu it sits in. */
  menu: 'file' | 'edit' | 'view';
  /** Electron accelerator syntax; the renderer maps CmdOrCtrl to Ctrl/⌘. */
  shortcut?: string;
  /** Draw a separator above this item. */
  separatorBefore?: boolean;
};

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'file.new', menu: 'file', shortcut: 'CmdOrCtrl+N' },
  { id: 'file.openDemo', menu: 'file' },
  { id: 'file.open', menu: 'file', shortcut: 'CmdOrCtrl+O' },
  { id: 'file.save', menu: 'file', shortcut: 'CmdOrCtrl+S', separatorBefore: true },
  { id: 'file.saveAs', menu: 'file', shortcut: 'CmdOrCtrl+Shift+S' },
  { id: 'file.import', menu: 'file', shortcut: 'CmdOrCtrl+I', separatorBefore: true },
  { id: 'edit.undo', menu: 'edit', shortcut: 'CmdOrCtrl+Z' },
  { id: 'edit.redo', menu: 'edit', shortcut: 'CmdOrCtrl+Y' },
  { id: 'view.toggleTheme', menu: 'view', shortcut: 'CmdOrCtrl+Shift+L' },
  { id: 'view.toggleLanguage', menu: 'view' },
  { id: 'view.commandPalette', menu: 'view', shortcut: 'CmdOrCtrl+K', separatorBefore: true },
];
