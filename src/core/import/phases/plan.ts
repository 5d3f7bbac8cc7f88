import type { Database } from 'sql.js';
import type { HandlerContext } from '../../handlers/context';
import { err, ok, type Result } from '../../result';
import type {
  ColumnMapping,
  ImportPlan,
  ImportRequest,
  ImportTarget,
  ValidationIssue,
} from '../api-types';
import { diffRows, summariseDiff, type KeyedRow, type RowDiff } from '../pipeline/diff';
import { ENTITY_IMPORTERS } from '../entities';
import type { EntityImporter, EntityRow } from '../entities/types';
import { newId, type StoredFile } from '../pipeline/file-store';
import { readLayoutRows, type DataEnd } from '../readers/layout';
import { suggestMapping } from '../pipeline/mapping';
import { NisResolver } from '../pipeline/nis-crosswalk';
import {
  CappedIssueSink,
  checkRawTableName,
  rawMode,
  RawPass,
  type RawCounts,
  type RawTarget,
  type RawWrite,
} from '../pipeline/raw-table';
import type { ParseOptions, SheetLayout } from '../types';
import {
  checkpoint,
  ImportCancelled,
  IssueSink,
  MAX_PLAN_ISSUES,
  readEntityRow,
  validateEntityRows,
  YIELD_EVERY,
  yieldToEventLoop,
} from '../pipeline/validate';
import { makeColumnParser, parseValue } from '../readers/values';
import { checkMerges, prepare } from './inspect';

/**
 * The plan phase: the whole sheet read, validated and diffed against the workspace, written
 * nowhere (or, in the CLI's single pass, written while read by the caller's RawWrite).
 */

/** What a plan keeps for its commit (in the worker, never sent to the UI). */
export type StoredPlan = {
  plan: ImportPlan;
  file: StoredFile['info'];
  sheet: string;
  layout: SheetLayout;
  target: ImportTarget;
  request: ImportRequest;
  mapping: ColumnMapping | null;
  /** The issues kept (all of an entity import's; a raw import's first MAX_KEPT_ISSUES). */
  issues: ValidationIssue[];
  errorCount: number;
  rowsRead: number;
  rejectedRows: number;
  entity?: { importer: EntityImporter; rows: EntityRow[]; mapped: Set<string> };
  /**
   * A raw import keeps no rows: its commit reads the stored file again (the plan holds on to
   * it, so the bytes cannot change or be evicted in between) and writes while streaming.
   */
  raw?: { target: RawTarget; source: StoredFile };
  /** Set once committed: the import_log id. */
  committedAs?: number;
  /** What a writing pass (the CLI's single pass) wrote. */
  counts?: RawCounts;
};

const mappedFields = (mapping: ColumnMapping): Set<string> =>
  new Set(
    Object.entries(mapping)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k]) => k),
  );

export function entityDiff(
  db: Database,
  importer: EntityImporter,
  rows: EntityRow[],
  mapped: Set<string>,
): RowDiff<KeyedRow & { source: EntityRow }> {
  const keyed = rows.map((r) => ({
    key: importer.keyOf(r.values),
    row: r.row,
    values: r.values,
    source: r,
  }));
  return diffRows(keyed, importer.loadExisting(db), [...mapped]);
}

export async function buildPlan(
  request: ImportRequest,
  context: HandlerContext,
  /** The CLI's single pass: write the raw rows while reading them (inside its transaction). */
  rawWrite?: (pass: { target: RawTarget; sink: CappedIssueSink }) => RawWrite,
  /** The file a plan holds on to (a commit must not depend on the store keeping it). */
  source?: StoredFile,
): Promise<Result<StoredPlan>> {
  const { session, signal, progress } = context;
  const db = session.db;
  const prepared = await prepare(source ?? request.fileId, request.sheet, request.layout, signal, {
    deferMerges: request.deferMerges === true,
  });
  if (!prepared.ok) return prepared;
  const { file, reader, sheet, layout } = prepared.value;
  if (layout.columns.length === 0)
    return err(
      'import.empty_sheet',
      `Het blad ‘${sheet}’ van ${file.info.fileName} is leeg: er staat geen enkele cel in. Kies een ander blad, of vul het blad aan en importeer opnieuw.`,
      { sheet },
    );
  const sink = new IssueSink(sheet);
  const nis = new NisResolver(db);
  const parseOptions = (index: number): ParseOptions => ({
    numberStyle: layout.columns.find((c) => c.index === index)?.numberStyle,
    date1904: reader.date1904,
  });
  const total = Math.max(0, layout.lastDataRow - layout.firstDataRow + 1);
  let done = 0;
  let nextYield = YIELD_EVERY;
  const afterRows = async (count: number): Promise<void> => {
    done += count;
    if (done >= nextYield) {
      nextYield = done + YIELD_EVERY;
      progress({ phase: 'read', done, total });
      // No throwing here: this runs inside the reader's callback; the reader itself checks the
      // signal after each batch and returns 'import.cancelled'.
      await yieldToEventLoop();
    }
  };

  let target = request.target;
  let stored: StoredPlan;
  let dataEnd: DataEnd = { reason: 'sheet' };
  try {
    if (target.kind === 'entity') {
      const importer = ENTITY_IMPORTERS[target.entity];
      if (!importer)
        return err('import.unknown_entity', `Onbekend importdoel '${String(target.entity)}'.`);
      const mapping = request.mapping ?? suggestMapping(layout.columns, target.entity);
      const missing = importer.fields.filter(
        (f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined),
      );
      if (missing.length > 0) {
        return err(
          'import.mapping_incomplete',
          `Koppel eerst een kolom aan elk verplicht veld: ${missing.map((f) => f.key).join(', ')}.`,
          { fields: missing.map((f) => f.key).join(', ') },
        );
      }
      const rows: EntityRow[] = [];
      const mappedNis = new WeakSet<EntityRow>();
      const read = await readLayoutRows(
        reader,
        sheet,
        layout,
        async (batch, first) => {
          for (let i = 0; i < batch.length; i++) {
            const row = readEntityRow({
              cells: batch[i] ?? [],
              row: first + i + 1,
              importer,
              mapping,
              layout,
              parseValue,
              parseOptions,
              nis,
              sink,
              mappedNis,
            });
            if (row) rows.push(row);
          }
          await afterRows(batch.length);
        },
        { signal },
      );
      if (!read.ok) return signal.aborted ? cancelled() : read;
      dataEnd = read.value.end;
      progress({ phase: 'validate', done: 0, total: rows.length });
      const valid = validateEntityRows({
        db,
        rows,
        importer,
        mapping,
        layout,
        nis,
        sink,
        mappedNis,
      });
      await checkpoint(signal);
      const mapped = mappedFields(mapping);
      progress({ phase: 'diff', done: 0, total: valid.length });
      const diff = entityDiff(db, importer, valid, mapped);
      const issues = sink.sorted();
      const rejectedRows = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.row))
        .size;
      stored = {
        plan: planOf(
          newId('plan'),
          target,
          rows.length,
          valid.length,
          rejectedRows,
          issues,
          nis,
          summariseDiff(diff),
          issues.length,
        ),
        file: file.info,
        sheet,
        layout,
        target,
        request,
        mapping,
        issues,
        errorCount: issues.filter((i) => i.severity === 'error').length,
        rowsRead: rows.length,
        rejectedRows,
        entity: { importer, rows: valid, mapped },
      };
    } else {
      const table = target.table.trim();
      target = { kind: 'raw', table };
      const name = checkRawTableName(db, table);
      if (!name.ok) return name;
      const mode = rawMode(name.value.exists, request.raw);
      const keyColumn = mode === 'merge' ? request.raw?.keyColumn : undefined;
      if (keyColumn !== undefined && !layout.columns.some((c) => c.name === keyColumn)) {
        return err(
          'import.no_key_column',
          `De sleutelkolom '${keyColumn}' staat niet in dit blad.`,
          { column: keyColumn },
        );
      }
      const rawTarget: RawTarget = {
        table,
        columns: layout.columns,
        mode,
        ...(keyColumn !== undefined ? { keyColumn } : {}),
        existingCount:
          mode === 'create'
            ? 0
            : Number(db.exec(`SELECT count(*) FROM "${table}"`)[0]?.values[0]?.[0] ?? 0),
      };
      const rawSink = new CappedIssueSink(sheet);
      const pass = new RawPass(
        db,
        layout,
        rawTarget,
        (column) => makeColumnParser(column, { date1904: reader.date1904 }),
        rawSink,
        rawWrite?.({ target: rawTarget, sink: rawSink }),
      );
      pass.start();
      const read = await readLayoutRows(
        reader,
        sheet,
        layout,
        async (batch, first) => {
          for (let i = 0; i < batch.length; i++) pass.add(batch[i] ?? [], first + i + 1);
          await afterRows(batch.length);
        },
        { signal },
      );
      if (!read.ok) {
        pass.abandon();
        return signal.aborted ? cancelled() : read;
      }
      dataEnd = read.value.end;
      progress({ phase: 'diff', done: 0, total: pass.validRows });
      const { diff, counts } = pass.finish();
      const issues = rawSink.sorted();
      stored = {
        plan: {
          ...planOf(
            newId('plan'),
            target,
            pass.rowsRead,
            pass.validRows,
            rawSink.rejectedRowCount,
            issues,
            nis,
            diff,
            rawSink.count,
          ),
          columns: layout.columns.map((c) => ({ name: c.name, header: c.header, type: c.type })),
          rawMode: mode,
        },
        file: file.info,
        sheet,
        layout,
        target,
        request,
        mapping: null,
        issues,
        errorCount: rawSink.errorCount,
        rowsRead: pass.rowsRead,
        rejectedRows: rawSink.rejectedRowCount,
        raw: { target: rawTarget, source: file },
        counts,
      };
    }
  } catch (error) {
    if (error instanceof ImportCancelled) return cancelled();
    throw error;
  }
  // The whole sheet was read: merges left out of its layout are known now (else read for).
  const merged = await checkMerges(prepared.value);
  if (!merged.ok) return merged;
  stored.plan.end = dataEnd;
  stored.plan.sheet = sheet;
  stored.plan.fileName = file.info.fileName;
  stored.plan.layout = layout;
  return ok(stored);
}

export const cancelled = (): Result<never> =>
  err('import.cancelled', 'De import is geannuleerd; er is niets gewijzigd.');

function planOf(
  planId: string,
  target: ImportTarget,
  rowsRead: number,
  validRows: number,
  rejectedRows: number,
  issues: ValidationIssue[],
  nis: NisResolver,
  diff: ImportPlan['diff'],
  issueCount: number,
): ImportPlan {
  return {
    planId,
    target,
    rowsRead,
    validRows,
    rejectedRows,
    issues: issues.slice(0, MAX_PLAN_ISSUES),
    issueCount,
    nisMappings: nis.mappings(),
    diff,
  };
}
