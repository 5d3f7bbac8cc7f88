/** Electron accelerator → Mantine hotkey: `CmdOrCtrl+Shift+S` → `mod+shift+S`. */
export function toHotkey(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' ? 'mod' : part.length === 1 ? part : part.toLowerCase()))
    .join('+');
}

/** Human-readable shortcut for tooltips: `Ctrl+Shift+S` (⌘ on a Mac). */
export function shortcutLabel(accelerator: string | undefined): string {
  if (!accelerator) return '';
  const mac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
  return accelerator.replace('CmdOrCtrl', mac ? '⌘' : 'Ctrl');
}
