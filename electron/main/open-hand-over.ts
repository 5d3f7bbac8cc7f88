import { findStartupFile } from './startup-file';

/**
 * A workspace reaches the running app from outside: a second `Pijlerplan.exe plan.pijlerplan`
 * (a double-click in Explorer, the jump list, the command line) — the single-instance lock
 * sends its argv here via 'second-instance' — or macOS's 'open-file'. Before the window is
 * up, the file becomes the startup file; after, it is handed to the renderer, which asks the
 * unsaved-changes question first and then opens it.
 */
export type OpenHandOverDeps = {
  /** Brings the window forward (restore if minimised, focus). */
  focusWindow(): void;
  /** Makes the path openable (the renderer opens it like a recent file) and tells the renderer. */
  deliver(filePath: string): Promise<void>;
  log(message: string): void;
};

export type OpenHandOver = {
  /** app.on('second-instance', (_event, argv, cwd) => …) */
  onSecondInstance(argv: readonly string[], cwd: string): void;
  /** app.on('open-file', (event, path) => …), after event.preventDefault(). */
  onOpenFile(filePath: string): void;
  /** The window has loaded: later files are delivered, not kept for start. */
  windowReady(): void;
  /** The file to open at start (command line or an early open-file), if any. */
  startupPath(): string | null;
};

export function createOpenHandOver(
  deps: OpenHandOverDeps,
  initial: { argv: readonly string[]; cwd: string },
): OpenHandOver {
  let startup = findStartupFile(initial.argv, initial.cwd);
  let ready = false;

  const handOver = (filePath: string): void => {
    if (!ready) {
      startup = filePath;
      return;
    }
    deps.focusWindow();
    deps
      .deliver(filePath)
      .catch((error: unknown) => deps.log(`open ${filePath}: ${String(error)}`));
  };

  return {
    onSecondInstance(argv, cwd) {
      const filePath = findStartupFile(argv, cwd);
      if (filePath === null) {
        // Started again without a file: the user wants the window.
        if (ready) deps.focusWindow();
        return;
      }
      handOver(filePath);
    },
    onOpenFile(filePath) {
      handOver(filePath);
    },
    windowReady() {
      ready = true;
    },
    startupPath: () => startup,
  };
}
