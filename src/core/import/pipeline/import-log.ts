import type { Database } from 'sql.js';
import { appendAudit } from '../../mutations/audit';
import { inTransaction } from '../../mutations/transaction';
import { err, ok, type Result } from '../../result';
import type { ColumnMapping, ImportLogEntry, ImportTarget, ValidationIssue } from '../api-types';
import { undoOps, WriteRefused, type WriteOp } from './commit';
import { queryRows } from '../entities/types';
import { errorText } from '../../db/workspace-file';

export function targetName(target: ImportTarget): string {
  return target.kind === 'raw' ? target.table : target.entity;
}

export function targetLabel(target: ImportTarget): string {
  return target.kind === 'raw' ? `tabel ${target.table}` : `entiteit ${target.entity}`;
}

export type NewLogEntry = {
  startedAt: string;
  userName: string | null;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  sheet: string | null;
  target: ImportTarget;
  mapping: ColumnMapping | null;
};

/** Opens the log row first, so rows written by the import (dataset) can point at it. */
export function insertLogEntry(db: Database, entry: NewLogEntry): number {
  db.run(
    `INSERT INTO import_log (started_at, user_name, file_name, file_sha256, file_size, sheet,
       target_kind, target, mapping_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      entry.startedAt,
      entry.userName,
      entry.fileName,
      entry.fileSha256,
      entry.fileSize,
      entry.sheet,
      entry.target.kind,
      targetName(entry.target),
      entry.mapping ? JSON.stringify(entry.mapping) : null,
    ],
  );
  return Number(db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0]);
}

export function finishLogEntry(
  db: Database,
  id: number,
  counts: { read: number; inserted: number; updated: number; deleted: number; rejected: number },
  report: { issues: ValidationIssue[]; nisMappings: unknown[] },
  ops: readonly WriteOp[],
): void {
  db.run(
    `UPDATE import_log SET finished_at = ?, rows_read = ?, rows_inserted = ?, rows_updated = ?,
       rows_deleted = ?, rows_rejected = ?, report_json = ?, undo_json = ? WHERE id = ?`,
    [
      new Date().toISOString(),
      counts.read,
      counts.inserted,
      counts.updated,
      counts.deleted,
      counts.rejected,
      JSON.stringify(report),
      JSON.stringify(ops),
      id,
    ],
  );
}

function toEntry(r: Record<string, unknown>): ImportLogEntry {
  let issueCount = 0;
  try {
    const report = r.report_json
      ? (JSON.parse(String(r.report_json)) as { issues?: unknown[] })
      : null;
    issueCount = report?.issues?.length ?? 0;
  } catch {
    issueCount = 0;
  }
  let mapping: ColumnMapping | null = null;
  try {
    mapping = r.mapping_json ? (JSON.parse(String(r.mapping_json)) as ColumnMapping) : null;
  } catch {
    mapping = null;
  }
  return {
    id: Number(r.id),
    startedAt: String(r.started_at),
    finishedAt: r.finished_at === null ? null : String(r.finished_at),
    userName: r.user_name === null ? null : String(r.user_name),
    fileName: String(r.file_name),
    fileSha256: String(r.file_sha256),
    fileSize: Number(r.file_size),
    sheet: r.sheet === null ? null : String(r.sheet),
    targetKind: r.target_kind === 'raw' ? 'raw' : 'entity',
    target: String(r.target),
    mapping,
    rowsRead: Number(r.rows_read),
    rowsInserted: Number(r.rows_inserted),
    rowsUpdated: Number(r.rows_updated),
    rowsDeleted: Number(r.rows_deleted),
    rowsRejected: Number(r.rows_rejected),
    undoneAt: r.undone_at === null ? null : String(r.undone_at),
    issueCount,
  };
}

/** Every import, newest first. */
export function listImports(db: Database): ImportLogEntry[] {
  return queryRows(db, 'SELECT * FROM import_log ORDER BY id DESC').map(toEntry);
}

export function getImport(db: Database, id: number): ImportLogEntry | undefined {
  const row = queryRows(db, 'SELECT * FROM import_log WHERE id = ?', [id])[0];
  return row ? toEntry(row) : undefined;
}

export function loadUndoOps(db: Database, id: number): WriteOp[] {
  const json = db.exec('SELECT undo_json FROM import_log WHERE id = ?', [id])[0]?.values[0]?.[0];
  return typeof json === 'string' ? (JSON.parse(json) as WriteOp[]) : [];
}

/**
 * Takes a logged import back, also one from an earlier session: its writes are reversed from
 * the log, in one transaction. Later imports into the same target must be undone first (they
 * may have changed the same rows).
 */
export function undoImport(
  db: Database,
  id: number,
  userName: string | null,
): Result<ImportLogEntry> {
  const entry = getImport(db, id);
  if (!entry) return err('import.not_found', `Import ${id} bestaat niet.`, { id });
  if (entry.undoneAt) {
    return err(
      'import.already_undone',
      `Import ${id} (${entry.fileName}) is al ongedaan gemaakt.`,
      { id },
    );
  }
  const later = queryRows(
    db,
    'SELECT id, file_name FROM import_log WHERE id > ? AND target_kind = ? AND target = ? AND undone_at IS NULL AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1',
    [id, entry.targetKind, entry.target],
  )[0];
  if (later) {
    return err(
      'import.undo_later_first',
      `Maak eerst import ${String(later.id)} (${String(later.file_name)}) ongedaan: die kwam later in hetzelfde doel.`,
      { id, later: Number(later.id) },
    );
  }
  try {
    inTransaction(db, () => {
      undoOps(db, loadUndoOps(db, id));
      db.run('UPDATE import_log SET undone_at = ? WHERE id = ?', [new Date().toISOString(), id]);
      appendAudit(db, {
        action: 'import.undo',
        summary: `Import ongedaan gemaakt: ${entry.fileName} → ${entry.target}`,
        details: { importId: id },
        userName,
      });
    });
  } catch (error) {
    const message = error instanceof WriteRefused ? error.appError.message : errorText(error);
    return err('import.undo_failed', `Import ${id} kon niet ongedaan gemaakt worden: ${message}`, {
      id,
    });
  }
  return ok(getImport(db, id) ?? entry);
}
