import type { Database, SqlValue } from 'sql.js';
import type { WriteOp } from '../import/pipeline/commit';
import { selectRows } from './filter';
import type { TraceSource } from './types';

/**
 * The imports that wrote the given rows of a table, from the import log: file name, SHA-256,
 * sheet and when, with the number of each row's write in the import (the log keeps the writes
 * in the order of the file's data rows; it does not keep the file's own row numbers).
 */
export function importSources(
  db: Database,
  table: string,
  keys: readonly Record<string, SqlValue>[],
): TraceSource[] {
  if (keys.length === 0) return [];
  const wanted = new Set(keys.map(keyText));
  const sources: TraceSource[] = [];
  for (const [id, fileName, sha, sheet, startedAt, undoJson] of selectRows(
    db,
    `SELECT id, file_name, file_sha256, sheet, started_at, undo_json FROM import_log
      WHERE target = ? AND undone_at IS NULL ORDER BY id`,
    [table],
  )) {
    if (typeof undoJson !== 'string') continue;
    const ops = JSON.parse(undoJson) as WriteOp[];
    const writeNumbers: number[] = [];
    ops.forEach((op, index) => {
      if ((op.op === 'insert' || op.op === 'update') && op.table === table) {
        if (wanted.has(keyText(op.pk))) writeNumbers.push(index + 1);
      }
    });
    if (writeNumbers.length === 0) continue;
    sources.push({
      importId: Number(id),
      fileName: String(fileName),
      sha256: String(sha),
      sheet: sheet === null ? null : String(sheet),
      importedAt: String(startedAt),
      writeNumbers,
    });
  }
  return sources;
}

const keyText = (key: Record<string, SqlValue>) =>
  Object.keys(key)
    .sort()
    .map((column) => `${column}=${String(key[column])}`)
    .join('|');
