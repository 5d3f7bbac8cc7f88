import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { backupFolderFor } from './backups';

/**
 * What the app last wrote to a workspace: its SHA-256, size and time, kept beside its backups.
 * SQLite has no page checksums, so a byte flipped inside a record opens silently; comparing
 * the file with this record on open names a file that was changed (or damaged) outside the app.
 */
export type SaveRecord = { sha256: string; size: number; savedAt: string };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function saveRecordPath(backupsRoot: string, workspacePath: string): string {
  return path.join(
    backupFolderFor(backupsRoot, workspacePath),
    `${path.basename(workspacePath)}.sha256.json`,
  );
}

export async function writeSaveRecord(
  backupsRoot: string,
  workspacePath: string,
  bytes: Uint8Array,
  now: Date = new Date(),
): Promise<void> {
  const record: SaveRecord = {
    sha256: sha256(bytes),
    size: bytes.length,
    savedAt: now.toISOString(),
  };
  await mkdir(backupFolderFor(backupsRoot, workspacePath), { recursive: true });
  await writeFileAtomic(
    saveRecordPath(backupsRoot, workspacePath),
    new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`),
  );
}

export async function readSaveRecord(
  backupsRoot: string,
  workspacePath: string,
): Promise<SaveRecord | null> {
  try {
    const parsed = JSON.parse(
      await readFile(saveRecordPath(backupsRoot, workspacePath), 'utf8'),
    ) as Partial<SaveRecord>;
    return typeof parsed.sha256 === 'string' && typeof parsed.savedAt === 'string'
      ? { sha256: parsed.sha256, size: Number(parsed.size ?? 0), savedAt: parsed.savedAt }
      : null;
  } catch {
    return null; // never saved here, or an unreadable record: nothing to compare with
  }
}

/** "31/12/2026 14:05", the way a Flemish user reads a moment. */
export function shownMoment(iso: string): string {
  return new Intl.DateTimeFormat('nl-BE', { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** The Dutch notice when the bytes on disk are not what Pijlerplan last saved there. */
export function changedOutsideNotice(
  name: string,
  record: SaveRecord | null,
  bytes: Uint8Array,
): string | null {
  if (!record || record.sha256 === sha256(bytes)) return null;
  return `"${name}" is gewijzigd buiten Pijlerplan sinds het hier laatst opgeslagen werd (${shownMoment(record.savedAt)}): door een ander programma, een andere computer of door beschadiging. Controleer de gegevens; de vorige versies staan bij de reservekopieën.`;
}
