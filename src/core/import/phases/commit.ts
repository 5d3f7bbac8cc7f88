import { beforeAllocationWrites } from '../../planning/rollup';
import type { Database } from 'sql.js';
import type { HandlerContext } from '../../handlers/context';
import { appendAudit } from '../../mutations/audit';
import { pushHistory } from '../../mutations/history';
import { quoteIdent } from '../../mutations/table-info';
import { err, ok, type AppError, type Result } from '../../result';
import { errorText } from '../../db/workspace-file';
import type { ColumnMapping, CommitRequest, ImportLogEntry } from '../api-types';
import {
  insertAll,
  redoOps,
  TableWriter,
  undoOps,
  WriteRefused,
  type WriteOp,
} from '../pipeline/commit';
import { getPlan } from '../pipeline/file-store';
import { finishLogEntry, insertLogEntry, listImports, targetLabel } from '../pipeline/import-log';
import type { RawCounts } from '../pipeline/raw-table';
import { layoutFingerprint, saveTemplate } from '../pipeline/templates';
import { ImportCancelled } from '../pipeline/validate';
import type { SheetLayout } from '../types';
import { buildPlan, cancelled, entityDiff, type StoredPlan } from './plan';

/**
 * The commit phase: a plan written in one transaction (all or nothing), logged with its undo
 * steps, its template saved and an audit line added, as one undoable step.
 */

/** Thrown inside the import's transaction to roll it back with a result (not a failure). */
export class RollBack extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

const SAVEPOINT = 'pijlerplan_import';

/**
 * All-or-nothing around an async body (a commit that streams the file). Safe because the
 * runtime runs one call at a time: nothing else touches the database while this awaits.
 */
async function inImportTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  db.run(`SAVEPOINT ${SAVEPOINT}`);
  try {
    const value = await work();
    db.run(`RELEASE ${SAVEPOINT}`);
    return value;
  } catch (error) {
    db.run(`ROLLBACK TO ${SAVEPOINT}`);
    db.run(`RELEASE ${SAVEPOINT}`);
    throw error;
  }
}

export type CommitOptions = Omit<CommitRequest, 'planId'>;

export function refuseErrors(stored: StoredPlan, request: CommitOptions): Result<void> {
  if (stored.errorCount > 0 && !request.acceptValidRows) {
    return err(
      'import.has_errors',
      `Er is niets geïmporteerd: ${stored.errorCount} fout(en) in ${stored.rejectedRows} rij(en). Verbeter het bestand of importeer alleen de geldige rijen.`,
      { errors: stored.errorCount, rows: stored.rejectedRows },
    );
  }
  if (stored.rowsRead > 0 && stored.plan.validRows === 0) {
    return err('import.nothing_valid', 'Er is niets geïmporteerd: geen enkele rij is geldig.');
  }
  return ok(undefined);
}

/**
 * The logged, undoable write of an import: log entry, the writes `body` makes, the log's counts
 * and report, the template and the audit line, all in one transaction. `body` returns the plan
 * it wrote (a commit: the stored plan; the CLI's single pass: the plan it made while writing).
 */
export async function writeLogged(
  context: HandlerContext,
  head: Pick<StoredPlan, 'file' | 'sheet' | 'target' | 'mapping'>,
  request: CommitOptions,
  body: (
    writer: TableWriter,
    importId: number,
  ) => Promise<{ stored: StoredPlan; counts: RawCounts }>,
): Promise<Result<{ entry: ImportLogEntry; stored: StoredPlan }>> {
  const { session } = context;
  const db = session.db;
  const userName = request.userName ?? session.userName ?? null;
  const label = `Import ${head.file.fileName} → ${targetLabel(head.target)}`;
  const writer = new TableWriter(db);
  let importId = 0;
  let stored: StoredPlan | undefined;
  try {
    await inImportTransaction(db, async () => {
      importId = insertLogEntry(db, {
        startedAt: new Date().toISOString(),
        userName,
        fileName: head.file.fileName,
        fileSha256: head.file.sha256,
        fileSize: head.file.fileSize,
        sheet: head.sheet,
        target: head.target,
        mapping: head.mapping,
      });
      const done = await body(writer, importId);
      stored = done.stored;
      const { counts } = done;
      finishLogEntry(
        db,
        importId,
        { read: stored.rowsRead, ...counts, rejected: stored.rejectedRows },
        { issues: stored.issues, nisMappings: stored.plan.nisMappings },
        writer.ops,
      );
      if (request.saveTemplateAs && request.saveTemplateAs.trim() !== '') {
        saveTemplate(db, request.saveTemplateAs.trim(), layoutFingerprint(stored.layout.columns), {
          target: stored.target,
          mapping: stored.mapping ?? {},
          headers: headersOf(stored.mapping ?? {}, stored.layout),
          layout: stored.request.layout,
          raw: stored.request.raw,
        });
      }
      appendAudit(db, {
        action: 'import',
        summary: label,
        details: { importId, ...counts, rejected: stored.rejectedRows },
        userName,
      });
    });
  } catch (error) {
    if (error instanceof RollBack) return { ok: false, error: error.appError };
    if (error instanceof ImportCancelled) return cancelled();
    const message = error instanceof WriteRefused ? error.appError.message : errorText(error);
    return err('import.commit_failed', `Er is niets geïmporteerd: ${message}`, { detail: message });
  }
  const written = stored!;
  const ops = [...writer.ops];
  written.committedAs = importId;
  if (written.entity) written.entity = { ...written.entity, rows: [] };
  // Rows of tables the import created are not kept for a redo: the undo reads them just before
  // it drops the table (memory only for an import that was actually undone).
  const kept = new Map<string, { columns: string[]; rows: (string | number | null)[][] }>();
  pushHistory(session, {
    label,
    undo(d) {
      keepBulkRows(d, ops, kept);
      undoOps(d, ops);
      d.run('UPDATE import_log SET undone_at = ? WHERE id = ?', [
        new Date().toISOString(),
        importId,
      ]);
    },
    redo(d) {
      redoOps(d, ops, (table) => {
        const rows = kept.get(table);
        if (rows) insertAll(d, table, rows.columns, rows.rows);
      });
      kept.clear();
      d.run('UPDATE import_log SET undone_at = NULL WHERE id = ?', [importId]);
    },
  });
  session.dirty = true;
  const entry = listImports(db).find((e) => e.id === importId);
  return entry
    ? ok({ entry, stored: written })
    : err('import.commit_failed', 'De import is niet in het logboek gevonden.');
}

/** The rows of the tables bulk-filled by `ops`, read before an undo drops them. */
export function keepBulkRows(
  db: Database,
  ops: readonly WriteOp[],
  kept: Map<string, { columns: string[]; rows: (string | number | null)[][] }>,
): void {
  for (const op of ops) {
    if (op.op !== 'bulkInsert') continue;
    const result = db.exec(`SELECT * FROM ${quoteIdent(op.table)}`)[0];
    kept.set(op.table, {
      columns: result?.columns ?? [],
      rows: (result?.values ?? []) as (string | number | null)[][],
    });
  }
}

function entityWrite(
  db: Database,
  writer: TableWriter,
  stored: StoredPlan,
  request: CommitOptions,
): RawCounts {
  if (!stored.entity) return { inserted: 0, updated: 0, deleted: 0 };
  const { importer, rows, mapped } = stored.entity;
  if (importer.name === 'allocation') beforeAllocationWrites(db, rows.length);
  const existing = importer.loadExisting(db);
  const diff = entityDiff(db, importer, rows, mapped);
  const removed = request.applyRemovals ? diff.removed : [];
  importer.write(
    { db, writer, mapped, existing },
    {
      added: diff.added.map((r) => r.source),
      changed: diff.changed.map((c) => c.row.source),
      removed,
    },
  );
  return { inserted: diff.added.length, updated: diff.changed.length, deleted: removed.length };
}

export async function commitPlan(
  context: HandlerContext,
  request: CommitRequest,
): Promise<Result<ImportLogEntry>> {
  const stored = getPlan<StoredPlan>(request.planId);
  if (!stored) {
    return err('import.plan_expired', 'Dit importplan is verlopen; maak het voorbeeld opnieuw.', {
      planId: request.planId,
    });
  }
  if (stored.committedAs !== undefined) {
    return err(
      'import.plan_used',
      `Dit plan is al geïmporteerd (import ${stored.committedAs}); maak een nieuw plan om opnieuw te importeren.`,
      { importId: stored.committedAs },
    );
  }
  const refused = refuseErrors(stored, request);
  if (!refused.ok) return refused;
  const db = context.session.db;
  const result = await writeLogged(context, stored, request, async (writer, importId) => {
    if (!stored.raw) return { stored, counts: entityWrite(db, writer, stored, request) };
    // The raw rows again, from the stored file, validated the same way and written as they come.
    const again = await buildPlan(
      stored.request,
      context,
      () => ({
        writer,
        importId,
        label: rawLabel(stored),
        applyRemovals: request.applyRemovals ?? false,
      }),
      stored.raw.source,
    );
    if (!again.ok) throw new RollBack(again.error);
    const counts = again.value.counts ?? { inserted: 0, updated: 0, deleted: 0 };
    if (again.value.plan.rawMode !== stored.plan.rawMode) {
      // The table was made or removed since the plan: its diff no longer says what would happen.
      throw new RollBack({
        code: 'import.plan_expired',
        message: 'De tabel is sinds de controle gewijzigd; maak het voorbeeld opnieuw.',
      });
    }
    if (again.value.plan.validRows !== stored.plan.validRows) {
      throw new RollBack({
        code: 'import.commit_failed',
        message: 'Er is niets geïmporteerd: het bestand las anders dan bij de controle.',
      });
    }
    return { stored, counts };
  });
  return result.ok ? ok(result.value.entry) : result;
}

/** "gemeenten.xlsx — Blad2"; a CSV's only "sheet" is the file itself, so just its name. */
export function rawLabel(stored: Pick<StoredPlan, 'file' | 'sheet'>): string {
  const { fileName } = stored.file;
  const sheetIsFile = stored.sheet === fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return stored.sheet && !sheetIsFile ? `${fileName} — ${stored.sheet}` : fileName;
}

function headersOf(mapping: ColumnMapping, layout: SheetLayout): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(mapping).map(([field, index]) => [
      field,
      index === null || index === undefined
        ? null
        : (layout.columns.find((c) => c.index === index)?.header ?? null),
    ]),
  );
}
