import path from 'node:path';

const WORKSPACE_FILE = /\.(pijlerplan|sqlite3?|db)$/i;

/**
 * The workspace to open at start, from the command line ("Pijlerplan.exe plan.pijlerplan",
 * what Windows runs for a double-clicked file): the last argument that looks like a workspace
 * file. Electron's own arguments differ between a packaged app and `electron .`, so rather
 * than counting positions, skip flags and anything that is not a workspace.
 */
export function findStartupFile(argv: readonly string[], cwd: string): string | null {
  const candidates = argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && WORKSPACE_FILE.test(arg));
  const last = candidates.at(-1);
  return last === undefined ? null : path.resolve(cwd, last);
}
