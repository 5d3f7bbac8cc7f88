import * as fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { sha256 } from './save-record';
import { removeStaleTemps, atomicTempPattern } from './stale-temps';

/**
 * The crash-recovery copy: the unsaved workspace, written now and then (at most every 60 s, the
 * renderer decides when) into the app's own folder — never over the user's file. Bytes first,
 * then a small record with their SHA-256, each atomically: a kill between the two leaves the
 * previous record, which no longer matches and is ignored, so a half-state is never offered.
 */
export type RecoveryInfo = { name: string; path: string | null };
export type RecoveryCopy = RecoveryInfo & { bytes: Uint8Array; writtenAt: string };

type RecoveryRecord = RecoveryInfo & { writtenAt: string; sha256: string; size: number };

export const RECOVERY_INTERVAL_MS = 60_000;

export function createRecoveryStore(options: { dir: string; now?: () => Date }) {
  const bytesPath = path.join(options.dir, 'herstel.pijlerplan');
  const recordPath = path.join(options.dir, 'herstel.json');
  const clean = () =>
    removeStaleTemps(options.dir, [atomicTempPattern(bytesPath), atomicTempPattern(recordPath)]);

  return {
    bytesPath,
    recordPath,
    async write(bytes: Uint8Array, info: RecoveryInfo): Promise<void> {
      await fs.mkdir(options.dir, { recursive: true });
      await writeFileAtomic(bytesPath, bytes, { mode: 0o600 });
      const record: RecoveryRecord = {
        ...info,
        writtenAt: (options.now?.() ?? new Date()).toISOString(),
        sha256: sha256(bytes),
        size: bytes.length,
      };
      await writeFileAtomic(recordPath, new TextEncoder().encode(JSON.stringify(record)), {
        mode: 0o600,
      });
      await clean();
    },

    /** The copy left by a session that did not end cleanly, or null. */
    async read(): Promise<RecoveryCopy | null> {
      await clean();
      try {
        const record = JSON.parse(await fs.readFile(recordPath, 'utf8')) as RecoveryRecord;
        const buffer = await fs.readFile(bytesPath);
        const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        if (sha256(bytes) !== record.sha256) return null; // killed between bytes and record
        return { name: record.name, path: record.path, writtenAt: record.writtenAt, bytes };
      } catch {
        return null;
      }
    },

    /** After a save, or when the user declines the copy. */
    async clear(): Promise<void> {
      await fs.rm(recordPath, { force: true });
      await fs.rm(bytesPath, { force: true });
    },
  };
}

export type RecoveryStore = ReturnType<typeof createRecoveryStore>;
