import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { shownMoment } from './save-record';

/**
 * Who has a workspace open, in a small file beside it (`.<name>.lock`), so two planners on a
 * shared drive do not work on one file unawares. Created exclusively (O_EXCL); refreshed while
 * the file is open; removed on close. A lock not refreshed for `staleAfterMs` (a crashed app,
 * a laptop that went to sleep) — or one of a process on this machine that is gone — may be
 * taken over.
 */
export type LockHolder = {
  user: string;
  machine: string;
  pid: number;
  /** When the file was opened (ISO). */
  since: string;
  /** Last refresh (ISO). */
  refreshedAt: string;
  token: string;
};

export type LockIdentity = { user: string; machine: string; pid: number };

export const LOCK_REFRESH_MS = 30_000;
export const LOCK_STALE_MS = 5 * 60_000;

export type LockOptions = {
  me?: LockIdentity;
  now?: () => Date;
  staleAfterMs?: number;
};

export type HeldLock = {
  readonly filePath: string;
  readonly lockPath: string;
  readonly holder: LockHolder;
  /** Writes a new refreshedAt; false when the lock is no longer ours (someone took it over). */
  refresh(): Promise<boolean>;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
  /** The same, synchronously: for the moment the app quits and no promise is awaited any more. */
  releaseSync(): void;
};

export type LockOutcome =
  { kind: 'acquired'; lock: HeldLock } | { kind: 'held'; holder: LockHolder; stale: boolean };

export function lockPathFor(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.lock`);
}

export function currentIdentity(): LockIdentity {
  let user = process.env.USERNAME ?? process.env.USER ?? '';
  try {
    user = os.userInfo().username || user;
  } catch {
    // no passwd entry (a container): keep the environment's name
  }
  return { user: user || '?', machine: os.hostname() || '?', pid: process.pid };
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'ESRCH';
  }
}

async function readHolder(lockPath: string): Promise<LockHolder | null> {
  let text: string;
  let mtime: Date;
  try {
    [text, mtime] = await Promise.all([
      fs.readFile(lockPath, 'utf8'),
      fs.stat(lockPath).then((stat) => stat.mtime),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.user === 'string' && typeof parsed.token === 'string') {
      return {
        user: parsed.user,
        machine: String(parsed.machine ?? '?'),
        pid: Number(parsed.pid ?? 0),
        since: String(parsed.since ?? mtime.toISOString()),
        refreshedAt: String(parsed.refreshedAt ?? mtime.toISOString()),
        token: parsed.token,
      };
    }
  } catch {
    // a lock cut short while being written: judged by its time alone
  }
  const at = mtime.toISOString();
  return { user: '?', machine: '?', pid: 0, since: at, refreshedAt: at, token: '' };
}

function isStale(holder: LockHolder, me: LockIdentity, now: Date, staleAfterMs: number): boolean {
  const refreshed = Date.parse(holder.refreshedAt);
  if (!Number.isFinite(refreshed) || now.getTime() - refreshed > staleAfterMs) return true;
  // Same machine: a holder process that is gone left the lock behind (a crash).
  return holder.machine === me.machine && holder.pid !== me.pid && processGone(holder.pid);
}

const encode = (holder: LockHolder) => `${JSON.stringify(holder, null, 2)}\n`;

function heldLock(filePath: string, lockPath: string, holder: LockHolder, now: () => Date) {
  let current = holder;
  const lock: HeldLock = {
    filePath,
    lockPath,
    get holder() {
      return current;
    },
    async refresh() {
      const onDisk = await readHolder(lockPath).catch(() => null);
      if (onDisk && onDisk.token !== current.token) return false;
      current = { ...current, refreshedAt: now().toISOString() };
      await fs.writeFile(lockPath, encode(current));
      return true;
    },
    async release() {
      const onDisk = await readHolder(lockPath).catch(() => null);
      if (onDisk?.token === current.token) await fs.rm(lockPath, { force: true });
    },
    releaseSync() {
      try {
        const onDisk = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
        if (onDisk.token === current.token) rmSync(lockPath, { force: true });
      } catch {
        // gone already, or no longer a lock of ours
      }
    },
  };
  return lock;
}

/**
 * Takes the lock beside `filePath`, or says who has it. `takeOver`: replaces a stale lock (the
 * caller asked the user); a live one is never taken.
 */
export async function acquireLock(
  filePath: string,
  options: LockOptions & { takeOver?: boolean } = {},
): Promise<LockOutcome> {
  const me = options.me ?? currentIdentity();
  const now = options.now ?? (() => new Date());
  const staleAfterMs = options.staleAfterMs ?? LOCK_STALE_MS;
  const lockPath = lockPathFor(filePath);
  const fresh = (): LockHolder => {
    const at = now().toISOString();
    return { ...me, since: at, refreshedAt: at, token: randomBytes(12).toString('hex') };
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    const mine = fresh();
    try {
      await fs.writeFile(lockPath, encode(mine), { flag: 'wx' });
      return { kind: 'acquired', lock: heldLock(filePath, lockPath, mine, now) };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockPath);
    if (holder === null) continue; // released meanwhile: try again
    const stale = isStale(holder, me, now(), staleAfterMs);
    if (!options.takeOver || !stale) return { kind: 'held', holder, stale };
    // Take over: write ours in place, then read back — of two taking over at once, the last
    // writer holds it and the other sees a token that is not its own.
    await fs.writeFile(lockPath, encode(mine));
    const check = await readHolder(lockPath);
    if (check?.token === mine.token)
      return { kind: 'acquired', lock: heldLock(filePath, lockPath, mine, now) };
    if (check) return { kind: 'held', holder: check, stale: false };
  }
  const holder = await readHolder(lockPath);
  return holder
    ? { kind: 'held', holder, stale: isStale(holder, me, now(), staleAfterMs) }
    : acquireLock(filePath, { ...options, takeOver: false });
}

/** The Dutch sentence for a file someone else has open. */
export function heldMessage(name: string, holder: LockHolder, stale: boolean): string {
  const who = `Dit bestand is geopend door ${holder.user} op ${holder.machine} sinds ${shownMoment(holder.since)}`;
  return stale
    ? `${who}, maar die vergrendeling is sinds ${shownMoment(holder.refreshedAt)} niet meer vernieuwd (een programma dat vastliep of een computer die sliep). Je kunt "${name}" overnemen, of alleen-lezen bekijken.`
    : `${who}. Je kunt "${name}" alleen-lezen bekijken; met "Opslaan als…" bewaar je een eigen kopie.`;
}
