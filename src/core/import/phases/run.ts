import type { HandlerContext } from '../../handlers/context';
import { pushHistory } from '../../mutations/history';
import { err, ok, type AppError, type Result } from '../../result';
import type { Session } from '../../session';
import type { ImportLogEntry, ImportPlan, ImportRequest } from '../api-types';
import { insertAll, redoOps, undoOps, type WriteOp } from '../pipeline/commit';
import { storePlan } from '../pipeline/file-store';
import { loadUndoOps, undoImport } from '../pipeline/import-log';
import {
  commitPlan,
  keepBulkRows,
  rawLabel,
  refuseErrors,
  RollBack,
  writeLogged,
  type CommitOptions,
} from './commit';
import { openStored } from './inspect';
import { buildPlan } from './plan';

/**
 * The CLI's import in one call (run), and undoing a logged import (undo).
 */

/** Arguments of 'import.run': a plan's request and a commit's choices, in one call. */
export type ImportRunArgs = ImportRequest & CommitOptions;

/** The plan made while importing, and the import (or why nothing was written). */
export type ImportRunResult = { plan: ImportPlan; committed: Result<ImportLogEntry> };

/**
 * The CLI's import in one pass: a raw import validates and writes each row as it reads it, in
 * one transaction that is rolled back at the end when there are errors and valid rows were not
 * accepted. An entity import (small by nature) plans with its rows kept and commits them.
 */
export async function runImport(
  args: ImportRunArgs,
  context: HandlerContext,
): Promise<Result<ImportRunResult>> {
  const { fileId, sheet, target, layout, mapping, raw, deferMerges, ...commit } = args;
  const request: ImportRequest = {
    fileId,
    sheet,
    target,
    ...(layout ? { layout } : {}),
    ...(mapping ? { mapping } : {}),
    ...(raw ? { raw } : {}),
    ...(deferMerges ? { deferMerges } : {}),
  };
  if (target.kind === 'entity') {
    const planned = await buildPlan(request, context);
    if (!planned.ok) return planned;
    const stored = planned.value;
    storePlan(stored.plan.planId, stored);
    const committed = await commitPlan(context, { planId: stored.plan.planId, ...commit });
    return ok({ plan: stored.plan, committed });
  }
  const opened = await openStored(fileId);
  if (!opened.ok) return opened;
  const { file } = opened.value;
  let planError: AppError | undefined;
  let plan: ImportPlan | undefined;
  const committed = await writeLogged(
    context,
    { file: file.info, sheet, target, mapping: null },
    commit,
    async (writer, importId) => {
      const planned = await buildPlan(request, context, () => ({
        writer,
        importId,
        label: rawLabel({ file: file.info, sheet }),
        applyRemovals: commit.applyRemovals ?? false,
      }));
      if (!planned.ok) {
        planError = planned.error;
        throw new RollBack(planned.error);
      }
      const stored = planned.value;
      plan = stored.plan;
      const refused = refuseErrors(stored, commit);
      if (!refused.ok) throw new RollBack(refused.error);
      return { stored, counts: stored.counts ?? { inserted: 0, updated: 0, deleted: 0 } };
    },
  );
  if (planError) return { ok: false, error: planError };
  if (!plan) return committed.ok ? err('import.commit_failed', 'Geen plan.') : committed;
  return ok({ plan, committed: committed.ok ? ok(committed.value.entry) : committed });
}

/** Undoes a logged import, as an undoable step itself (Ctrl+Z brings the import back). */
export function undoLogged(session: Session, importId: number): Result<ImportLogEntry> {
  const db = session.db;
  const ops = loadUndoOps(db, importId);
  // Tables the import created are dropped by the undo; keep their rows to redo it in this session.
  const kept = new Map<string, { columns: string[]; rows: (string | number | null)[][] }>();
  keepBulkRows(db, ops, kept);
  const result = undoImport(db, importId, session.userName ?? null);
  if (!result.ok) return result;
  pushHistory(session, {
    label: `Import ongedaan gemaakt: ${result.value.fileName}`,
    undo(d) {
      redoOps(d, ops, (table) => {
        const rows = kept.get(table);
        if (rows) insertAll(d, table, rows.columns, rows.rows);
      });
      d.run('UPDATE import_log SET undone_at = NULL WHERE id = ?', [importId]);
    },
    redo(d) {
      undoOps(d, ops as WriteOp[]);
      d.run('UPDATE import_log SET undone_at = ? WHERE id = ?', [
        new Date().toISOString(),
        importId,
      ]);
    },
  });
  session.dirty = true;
  return result;
}
