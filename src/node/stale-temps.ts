import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/**
 * A save killed midway (power cut, crash, kill -9) leaves its temp file behind: a complete or
 * partial copy of personnel data, hidden by its dot, that no code path ever removed, and that
 * on a full disk made the next save fail. These helpers find exactly this app's temp names
 * and remove those older than a few minutes (younger ones may belong to a save in progress,
 * by this or another process on a shared drive).
 */

/** Temp files younger than this are left alone: another save may still be writing them. */
export const STALE_TEMP_AFTER_MS = 5 * 60_000;

export type StaleTempFs = {
  readdir(dir: string): Promise<string[]>;
  stat(filePath: string): Promise<{ mtimeMs: number; isFile(): boolean }>;
  unlink(filePath: string): Promise<void>;
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z`;

/** writeFileAtomic's temp name beside `target`: `.<name>.<pid>.<12 hex>.tmp`. */
export function atomicTempPattern(target: string): RegExp {
  return new RegExp(`^\\.${escape(path.basename(target))}\\.\\d+\\.[0-9a-f]{12}\\.tmp$`);
}

/** backupBeforeOverwrite's temp name in the backups folder: `<name>.<timestamp><ext>.<8 hex>.tmp`. */
export function backupTempPattern(workspacePath: string): RegExp {
  const { name, ext } = path.parse(workspacePath);
  return new RegExp(`^${escape(name)}\\.${TIMESTAMP}${escape(ext)}\\.[0-9a-f]{8}\\.tmp$`);
}

/** Removes the files in `dir` whose names match and that are older than `olderThanMs`. */
export async function removeStaleTemps(
  dir: string,
  patterns: readonly RegExp[],
  options: { now?: number; olderThanMs?: number; fs?: StaleTempFs } = {},
): Promise<string[]> {
  const fs = options.fs ?? nodeFs;
  const cutoff = (options.now ?? Date.now()) - (options.olderThanMs ?? STALE_TEMP_AFTER_MS);
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return []; // no folder (yet), or not readable: nothing of ours to clean
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (!patterns.some((pattern) => pattern.test(entry))) continue;
    const file = path.join(dir, entry);
    try {
      const info = await fs.stat(file);
      if (!info.isFile() || info.mtimeMs > cutoff) continue;
      await fs.unlink(file);
      removed.push(file);
    } catch {
      // Gone already (another process cleaned it) or locked: try again next time.
    }
  }
  return removed;
}

/**
 * Everything this app may leave behind for one workspace: the atomic write's temp beside it,
 * and in its backups folder the backup copy's temp and the save record's temp.
 */
export async function removeWorkspaceTemps(
  workspacePath: string,
  backupFolder: string | null,
  options: { now?: number; olderThanMs?: number } = {},
): Promise<string[]> {
  const removed = await removeStaleTemps(
    path.dirname(workspacePath),
    [atomicTempPattern(workspacePath)],
    options,
  );
  if (backupFolder === null) return removed;
  const record = `${path.basename(workspacePath)}.sha256.json`;
  return [
    ...removed,
    ...(await removeStaleTemps(
      backupFolder,
      [backupTempPattern(workspacePath), atomicTempPattern(path.join(backupFolder, record))],
      options,
    )),
  ];
}
