import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../host/host';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';

export const MAX_RECENT_FILES = 10;

const recentFileSchema = z.object({
  name: z.string(),
  path: z.string().min(1),
  openedAt: z.string(),
});

/** Windows and macOS file systems ignore case by default: "Plan.pijlerplan" = "plan.pijlerplan". */
export const pathsIgnoreCase = (platform: NodeJS.Platform = process.platform): boolean =>
  platform === 'win32' || platform === 'darwin';

function samePath(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * Puts `entry` first, drops an older entry for the same file and keeps at most `max`.
 * Pure, so the rules are tested without a disk.
 */
export function addRecentFile(
  list: readonly RecentFile[],
  entry: RecentFile,
  options: { max?: number; ignoreCase?: boolean } = {},
): RecentFile[] {
  const ignoreCase = options.ignoreCase ?? pathsIgnoreCase();
  const others = list.filter((item) => !samePath(item.path, entry.path, ignoreCase));
  return [entry, ...others].slice(0, options.max ?? MAX_RECENT_FILES);
}

/** Reads the stored list; a missing or damaged file is an empty list, never an error. */
export function parseRecentFiles(json: string): RecentFile[] {
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(json));
    if (!parsed.success) return [];
    // Keep the good entries of a partly damaged list rather than losing them all.
    return parsed.data.flatMap((item) => {
      const entry = recentFileSchema.safeParse(item);
      return entry.success ? [entry.data] : [];
    });
  } catch {
    return [];
  }
}

export type RecentFilesFs = AtomicWriteFs & {
  readFile(filePath: string, encoding: 'utf8'): Promise<string>;
  access(filePath: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<string | undefined>;
};

export type RecentFilesStore = {
  /** Newest first; files that no longer exist are left out (and forgotten on the next add). */
  list(): Promise<RecentFile[]>;
  /** Records that a workspace was opened or saved; returns the new list. */
  add(filePath: string): Promise<RecentFile[]>;
  /** Whether a path is on the list — main only reads paths the user chose at some point. */
  has(filePath: string): Promise<boolean>;
};

export type RecentFilesOptions = {
  /** The JSON file, e.g. `<userData>/recent-files.json`. */
  storePath: string;
  max?: number;
  ignoreCase?: boolean;
  now?: () => Date;
  fs?: RecentFilesFs;
};

/** The recent-files list, kept as JSON in the user's settings folder. */
export function createRecentFilesStore(options: RecentFilesOptions): RecentFilesStore {
  const fs: RecentFilesFs = options.fs ?? nodeFs;
  const ignoreCase = options.ignoreCase ?? pathsIgnoreCase();
  const max = options.max ?? MAX_RECENT_FILES;
  const now = options.now ?? (() => new Date());

  const readStored = async (): Promise<RecentFile[]> => {
    try {
      return parseRecentFiles(await fs.readFile(options.storePath, 'utf8'));
    } catch {
      return [];
    }
  };
  const exists = async (filePath: string): Promise<boolean> =>
    fs.access(filePath).then(
      () => true,
      () => false,
    );
  const existing = async (): Promise<RecentFile[]> => {
    const stored = await readStored();
    const present = await Promise.all(stored.map((item) => exists(item.path)));
    return stored.filter((_, index) => present[index]);
  };

  return {
    list: existing,
    async add(filePath) {
      const resolved = path.resolve(filePath);
      const entry: RecentFile = {
        name: path.basename(resolved),
        path: resolved,
        openedAt: now().toISOString(),
      };
      const next = addRecentFile(await existing(), entry, { max, ignoreCase });
      await fs.mkdir(path.dirname(options.storePath), { recursive: true });
      await writeFileAtomic(
        options.storePath,
        new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`),
        { fs },
      );
      return next;
    },
    async has(filePath) {
      const resolved = path.resolve(filePath);
      return (await readStored()).some((item) => samePath(item.path, resolved, ignoreCase));
    },
  };
}
