import * as nodeFs from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';

/** The file-system calls backups make; `node:fs/promises` fits, tests may inject failures. */
export type BackupFs = {
  copyFile(from: string, to: string, mode?: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<string | undefined>;
  readdir(dir: string): Promise<string[]>;
};

export type BackupOptions = {
  /** Where all backups live, e.g. `<userData>/backups`. */
  root: string;
  /** How many backups to keep per workspace (default 5). */
  keep?: number;
  now?: () => Date;
  fs?: BackupFs;
};

export const DEFAULT_BACKUPS_KEPT = 5;

/** "2026-11-27T05-49-10-123Z": sorts chronologically as text and is valid on every OS. */
export function backupTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

const TIMESTAMP_PATTERN = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z`;

/**
 * One folder per workspace, named after the file plus a hash of its full path: two
 * "planning.pijlerplan" files in different folders must not rotate each other's backups away.
 */
export function backupFolderFor(root: string, workspacePath: string): string {
  const resolved = path.resolve(workspacePath);
  const hash = createHash('sha256').update(resolved).digest('hex').slice(0, 8);
  return path.join(root, `${path.basename(resolved)}-${hash}`);
}

/** "planning.pijlerplan" → "planning.2026-11-27T05-49-10-123Z.pijlerplan". */
export function backupFileName(workspacePath: string, date: Date): string {
  const { name, ext } = path.parse(workspacePath);
  return `${name}.${backupTimestamp(date)}${ext}`;
}

function backupNamePattern(workspacePath: string): RegExp {
  const { name, ext } = path.parse(workspacePath);
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(name)}\\.${TIMESTAMP_PATTERN}${escape(ext)}$`);
}

/** The backups of one workspace in `folder`, newest first. Other files are left alone. */
export async function listBackups(
  folder: string,
  workspacePath: string,
  fs: BackupFs = nodeFs,
): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(folder);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  const pattern = backupNamePattern(workspacePath);
  return entries
    .filter((entry) => pattern.test(entry))
    .sort()
    .reverse()
    .map((entry) => path.join(folder, entry));
}

/** Deletes all but the newest `keep` backups of a workspace; returns the deleted paths. */
export async function rotateBackups(
  folder: string,
  workspacePath: string,
  keep: number,
  fs: BackupFs = nodeFs,
): Promise<string[]> {
  const surplus = (await listBackups(folder, workspacePath, fs)).slice(Math.max(0, keep));
  for (const file of surplus) await fs.unlink(file);
  return surplus;
}

/**
 * Before a save overwrites a workspace, keeps a copy of what is on disk now and drops the
 * oldest copies beyond `keep`. Returns the backup's path, or null when there was nothing to
 * back up (a new file). The copy goes to a temp name first and is renamed, so a crash never
 * leaves a truncated file that looks like a good backup.
 */
export async function backupBeforeOverwrite(
  workspacePath: string,
  options: BackupOptions,
): Promise<string | null> {
  const fs = options.fs ?? nodeFs;
  const keep = options.keep ?? DEFAULT_BACKUPS_KEPT;
  const folder = backupFolderFor(options.root, workspacePath);
  await fs.mkdir(folder, { recursive: true });
  const target = path.join(
    folder,
    backupFileName(workspacePath, (options.now ?? (() => new Date()))()),
  );
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.copyFile(workspacePath, temp);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await rotateBackups(folder, workspacePath, keep, fs);
  return target;
}
