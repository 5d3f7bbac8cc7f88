import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The part of a `fs/promises` FileHandle the atomic write needs. */
export type AtomicFileHandle = {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
  /** Sets the permission bits exactly (open's mode is narrowed by the umask). */
  chmod?(mode: number): Promise<void>;
};

/**
 * The file-system calls the atomic write makes. `node:fs/promises` fits as is; tests inject a
 * fake to simulate a disk that fails midway or a file a virus scanner keeps locked.
 */
export type AtomicWriteFs = {
  open(filePath: string, flags: string, mode?: number): Promise<AtomicFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  realpath(filePath: string): Promise<string>;
  /** Reads the target's mode so the saved file keeps it (0600 stays 0600). */
  stat?(filePath: string): Promise<{ mode: number }>;
};

export type AtomicWriteOptions = {
  /** File-system implementation; defaults to `node:fs/promises`. */
  fs?: AtomicWriteFs;
  /** How many times a locked rename is retried after the first attempt (default 6). */
  renameRetries?: number;
  /** First back-off delay in ms; doubles on each retry (default 50 → 50…1600 ms, ~3 s in all). */
  retryDelayMs?: number;
  /** Waits between retries; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Permission bits for a new file (default 0o666, narrowed by the umask); an existing file keeps its own. */
  mode?: number;
};

/**
 * Error codes Windows gives while another process (a virus scanner, a backup agent, Excel
 * peeking at the file, the search indexer) briefly holds the target: worth waiting for.
 */
const TRANSIENT_RENAME_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** The file a path really names, so writing through a symlink replaces the file, not the link. */
async function resolveTarget(fs: AtomicWriteFs, filePath: string): Promise<string> {
  try {
    return await fs.realpath(filePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return path.resolve(filePath);
    throw error;
  }
}

async function renameWithRetry(
  fs: AtomicWriteFs,
  from: string,
  to: string,
  retries: number,
  delayMs: number,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= retries || code === undefined || !TRANSIENT_RENAME_CODES.has(code)) {
        throw error;
      }
      await sleep(delayMs * 2 ** attempt);
    }
  }
}

/**
 * Makes the rename itself durable: without it a power cut right after saving can bring back
 * the old directory entry. Windows cannot open a directory for fsync (EPERM/EISDIR), and
 * some network file systems refuse too; the data is already synced, so that is not an error.
 */
async function syncDirectory(fs: AtomicWriteFs, dir: string): Promise<void> {
  let handle: AtomicFileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort, see above.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `bytes` to `filePath` so that the target is always either the complete old file or
 * the complete new one — never half-written, whatever fails in between:
 * temp file in the same folder (same volume, so rename is atomic) → write → fsync → close →
 * rename over the target (retried with back-off while another process holds it) → fsync the
 * folder. On failure the temp file is removed and the error is rethrown unchanged.
 */
export async function writeFileAtomic(
  filePath: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const sleep = options.sleep ?? defaultSleep;
  const target = await resolveTarget(fs, filePath);
  const dir = path.dirname(target);
  // Dot-prefixed and random so it never collides with a concurrent save or a user's file.
  const tempPath = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );

  const existingMode = await fs.stat?.(target).then(
    (info) => info.mode & 0o7777,
    () => undefined,
  );
  let handle: AtomicFileHandle | undefined;
  let renamed = false;
  try {
    // 'wx': fail rather than follow or truncate something already at the temp path.
    handle = await fs.open(tempPath, 'wx', existingMode ?? options.mode ?? 0o666);
    // Replacing a file must not widen who may read it (a 0600 personnel file stays 0600).
    if (existingMode !== undefined) await handle.chmod?.(existingMode);
    await handle.writeFile(bytes);
    await handle.sync();
    const opened = handle;
    handle = undefined;
    await opened.close();
    await renameWithRetry(
      fs,
      tempPath,
      target,
      options.renameRetries ?? 6,
      options.retryDelayMs ?? 50,
      sleep,
    );
    renamed = true;
  } finally {
    if (!renamed) {
      await handle?.close().catch(() => undefined);
      await fs.unlink(tempPath).catch(() => undefined);
    }
  }
  await syncDirectory(fs, dir);
}
