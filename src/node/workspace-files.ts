import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../core/result';
import { writeFileAtomic } from './atomic-write';
import { removeWorkspaceTemps } from './stale-temps';

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** Reads a workspace (or any file) from disk; a missing or unreadable file is a Result, in Dutch. */
export async function readWorkspaceFile(filePath: string): Promise<Result<Uint8Array>> {
  const shown = path.basename(filePath);
  try {
    const info = await stat(filePath);
    if (info.isDirectory()) {
      return err('is-directory', `${filePath} is een map, geen werkruimtebestand.`, {
        file: shown,
      });
    }
    // A view on Node's buffer, not a copy: a 1M-row workspace is ~140 MB.
    const buffer = await readFile(filePath);
    await removeWorkspaceTemps(filePath, null); // what killed saves left beside it
    return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') {
      return err('file-not-found', `Het bestand ${filePath} bestaat niet.`, { file: shown });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return err('file-no-access', `Geen toegang tot ${filePath}.`, { file: shown });
    }
    return err('file-unreadable', `${filePath} kon niet gelezen worden: ${String(error)}`, {
      file: shown,
    });
  }
}

/** Saves workspace bytes so the file is always either the old or the new workspace, never half. */
export async function writeWorkspaceFile(filePath: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(filePath, bytes);
  await removeWorkspaceTemps(filePath, null);
}
