import * as fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { sha256 } from './save-record';
import { removeStaleTemps, atomicTempPattern } from './stale-temps';

/**
 * The crash-recovery copy: the unsaved workspace, written now and then (at most every 60 s, the
 * renderer decides when) into the app's own folder — never over the user's file. The bytes go
 * into the slot (a/b) the current record does not name, then a small record with the slot and
 * the SHA-256, each atomically: a kill between the two leaves the previous record pointing at the
 * previous, intact copy — so a crash mid-write loses one interval, never the whole copy.
 */
export type RecoveryInfo = { name: string; path: string | null };
export type RecoveryCopy = RecoveryInfo & { bytes: Uint8Array; writtenAt: string };

type RecoveryRecord = RecoveryInfo & {
  writtenAt: string;
  sha256: string;
  size: number;
  slot: string;
};

export const RECOVERY_INTERVAL_MS = 60_000;

export function createRecoveryStore(options: { dir: string; now?: () => Date }) {
  const bytesPaths = ['herstel-a.pijlerplan', 'herstel-b.pijlerplan'].map((name) =>
    path.join(options.dir, name),
  );
  const recordPath = path.join(options.dir, 'herstel.json');
  const tempPatterns = [...bytesPaths, recordPath].map((file) => atomicTempPattern(file));
  const clean = () => removeStaleTemps(options.dir, tempPatterns);
  const readRecord = async (): Promise<RecoveryRecord | null> => {
    try {
      return JSON.parse(await fs.readFile(recordPath, 'utf8')) as RecoveryRecord;
    } catch {
      return null;
    }
  };

  return {
    bytesPaths,
    recordPath,
    tempPatterns,
    async write(bytes: Uint8Array, info: RecoveryInfo): Promise<void> {
      await fs.mkdir(options.dir, { recursive: true });
      const current = await readRecord();
      const slot = path.basename(
        current?.slot === path.basename(bytesPaths[0]!) ? bytesPaths[1]! : bytesPaths[0]!,
      );
      await writeFileAtomic(path.join(options.dir, slot), bytes, { mode: 0o600 });
      const record: RecoveryRecord = {
        ...info,
        slot,
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
        const record = await readRecord();
        if (!record || !bytesPaths.some((file) => path.basename(file) === record.slot)) return null;
        const buffer = await fs.readFile(path.join(options.dir, record.slot));
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
      for (const file of bytesPaths) await fs.rm(file, { force: true });
    },
  };
}

export type RecoveryStore = ReturnType<typeof createRecoveryStore>;
