import type { Database } from 'sql.js';
import { beforeAllocationWrites } from '../planning/rollup';
import { defineHandlers, type HandlerContext } from '../handlers/context';
import { appendAudit } from '../mutations/audit';
import { mutate } from '../mutations/mutate';
import { pushHistory } from '../mutations/history';
import { err, ok, type Result } from '../result';
import type { Session } from '../session';
import { errorText } from '../db/workspace-file';
import type {
  ColumnMapping,
  CommitRequest,
  DeleteTemplateArgs,
  EntityDefinition,
  ExportIssuesArgs,
  ImportFile,
  ImportLogEntry,
  ImportPlan,
  ImportPreview,
  ImportRequest,
  ImportTarget,
  ImportTemplate,
  InspectArgs,
  LayoutOverrides,
  PreviewArgs,
  SuggestMappingArgs,
  UndoImportArgs,
  ValidationIssue,
} from './api-types';
import { uniqueColumnNames } from './readers/column-names';
import { quoteIdent } from '../mutations/table-info';
import {
  insertAll,
  redoOps,
  TableWriter,
  undoOps,
  WriteRefused,
  type WriteOp,
} from './pipeline/commit';
import type { AppError } from '../result';
import { diffRows, summariseDiff, type KeyedRow, type RowDiff } from './pipeline/diff';
import { ENTITY_IMPORTERS, entityDefinitions } from './entities';
import type { EntityImporter, EntityRow } from './entities/types';
import {
  getFile,
  getPlan,
  newId,
  sha256Hex,
  storeFile,
  storePlan,
  type StoredFile,
} from './pipeline/file-store';
import {
  finishLogEntry,
  insertLogEntry,
  listImports,
  loadUndoOps,
  targetLabel,
  undoImport,
} from './pipeline/import-log';
import { exportIssuesXlsx } from './pipeline/issues-export';
import { detectLayout, detectSheetLayout, readLayoutRows, type DataEnd } from './readers/layout';
import { rawTableName, suggestMapping, suggestTarget } from './pipeline/mapping';
import { NisResolver } from './pipeline/nis-crosswalk';
import {
  CappedIssueSink,
  checkRawTableName,
  rawMode,
  RawPass,
  type RawCounts,
  type RawTarget,
  type RawWrite,
} from './pipeline/raw-table';
import {
  findTemplate,
  layoutFingerprint,
  listTemplates,
  saveTemplate,
  templateMapping,
} from './pipeline/templates';
import type { ByteSource, CellValue, ParseOptions, SheetLayout, WorkbookReader } from './types';
import {
  checkpoint,
  ImportCancelled,
  IssueSink,
  MAX_PLAN_ISSUES,
  readEntityRow,
  validateEntityRows,
  YIELD_EVERY,
  yieldToEventLoop,
} from './pipeline/validate';
import { makeColumnParser, parseValue } from './readers/values';
import { openWorkbook } from './readers/workbook';

/** What a plan keeps for its commit (in the worker, never sent to the UI). */
type StoredPlan = {
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

const PREVIEW_ROWS = 100;
const SAMPLE_ROWS = 200;

async function openStored(
  fileId: string,
): Promise<Result<{ file: StoredFile; reader: WorkbookReader }>> {
  const file = getFile(fileId);
  if (!file) {
    return err(
      'import.file_expired',
      'Het bestand is niet meer in het geheugen; kies het opnieuw.',
      { fileId },
    );
  }
  return readerOf(file);
}

/** The file's reader, opened once per stored file (a CSV's row count is a scan of all its bytes). */
async function readerOf(
  file: StoredFile,
): Promise<Result<{ file: StoredFile; reader: WorkbookReader }>> {
  if (file.reader) return ok({ file, reader: file.reader });
  const reader = await openWorkbook(file.bytes, file.info.fileName, file.options);
  if (!reader.ok) return reader;
  file.reader = reader.value;
  return ok({ file, reader: reader.value });
}

function sheetOf(reader: WorkbookReader, sheet: string): Result<string> {
  if (reader.sheets.some((s) => s.name === sheet)) return ok(sheet);
  return err('import.no_such_sheet', `Het blad '${sheet}' bestaat niet in dit bestand.`, { sheet });
}

/** The detected layout with the user's overrides applied (header row, data range, types). */
export function applyOverrides(
  detected: SheetLayout,
  rows: CellValue[][],
  overrides: LayoutOverrides | undefined,
  totalRows: number,
): SheetLayout {
  if (!overrides) return detected;
  let layout: SheetLayout = { ...detected, columns: detected.columns.map((c) => ({ ...c })) };
  const headerMoved =
    (overrides.headerRow !== undefined && overrides.headerRow !== detected.headerRow) ||
    (overrides.headerRows !== undefined && overrides.headerRows !== detected.headerRows);
  if (headerMoved) {
    const headerRow = overrides.headerRow ?? detected.headerRow;
    const headerRows = Math.max(1, overrides.headerRows ?? detected.headerRows);
    const width = Math.max(0, ...rows.slice(headerRow).map((r) => r.length));
    const headers: string[] = [];
    const indices: number[] = [];
    for (let col = 0; col < width; col++) {
      const parts: string[] = [];
      for (let r = headerRow; r < headerRow + headerRows; r++) {
        const cell = rows[r]?.[col];
        const text =
          cell === null || cell === undefined
            ? ''
            : typeof cell === 'object'
              ? cell.date
              : String(cell).trim();
        if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
      }
      const hasData = rows
        .slice(headerRow + headerRows)
        .some((r) => r[col] !== null && r[col] !== undefined && r[col] !== '');
      if (parts.length === 0 && !hasData) continue;
      headers.push(parts.join(' / '));
      indices.push(col);
    }
    const names = uniqueColumnNames(headers, indices);
    // Column types from the rows under the chosen header: the sample seen from there, with the
    // detector told the header is its first row (when it agrees).
    const below = detectLayout(rows.slice(headerRow), []);
    const retyped = below.headerRow === 0 && below.headerRows === headerRows ? below.columns : [];
    layout = {
      headerRow,
      headerRows,
      firstDataRow: headerRow + headerRows,
      lastDataRow: Math.max(detected.lastDataRow, headerRow + headerRows - 1),
      columns: indices.map((index, k) => {
        const old =
          retyped.find((c) => c.index === index) ?? detected.columns.find((c) => c.index === index);
        return {
          index,
          header: headers[k] ?? '',
          name: names[k] ?? `kolom_${index + 1}`,
          type: old?.type ?? 'text',
          ...(old?.numberStyle ? { numberStyle: old.numberStyle } : {}),
        };
      }),
    };
  }
  if (overrides.firstDataRow !== undefined) layout.firstDataRow = overrides.firstDataRow;
  if (overrides.lastDataRow !== undefined) {
    // The user's own end: read exactly up to it (and say so when the sheet goes on).
    layout.lastDataRow = Math.min(overrides.lastDataRow, totalRows - 1);
    delete layout.toEnd;
    delete layout.end;
    layout.userEnd = true;
  }
  for (const [index, type] of Object.entries(overrides.columnTypes ?? {})) {
    const column = layout.columns.find((c) => c.index === Number(index));
    if (column) column.type = type;
  }
  return layout;
}

/**
 * Rows in a sheet whose sample did not reach its end. A CSV's count (a scan of all its bytes) or
 * an xlsx `<dimension>` larger than the sample is taken; anything else — no dimension, or one
 * that says `A1` — is counted by reading the sheet.
 */
async function countRows(
  reader: WorkbookReader,
  sheet: string,
  signal: AbortSignal,
  sampled: number,
): Promise<number> {
  const info = reader.sheets.find((s) => s.name === sheet);
  if (info?.rowCount !== null && info?.rowCount !== undefined && info.rowCount > sampled)
    return info.rowCount;
  let count = 0;
  await reader.readRows(sheet, (rows, first) => void (count = first + rows.length), {
    signal,
    batchSize: 5000,
  });
  return count;
}

type Prepared = {
  file: StoredFile;
  reader: WorkbookReader;
  sheet: string;
  layout: SheetLayout;
  rows: CellValue[][];
  totalRows: number;
};

async function prepare(
  fileId: string | StoredFile,
  sheetName: string,
  overrides: LayoutOverrides | undefined,
  signal: AbortSignal,
): Promise<Result<Prepared>> {
  const opened = typeof fileId === 'string' ? await openStored(fileId) : await readerOf(fileId);
  if (!opened.ok) return opened;
  const { file, reader } = opened.value;
  const sheet = sheetOf(reader, sheetName);
  if (!sheet.ok) return sheet;
  const detected = await detectSheetLayout(reader, sheet.value, {
    sampleRows: SAMPLE_ROWS,
    signal,
  });
  if (!detected.ok) return detected;
  const { complete } = detected.value;
  const totalRows = complete
    ? detected.value.rows.length
    : await countRows(reader, sheet.value, signal, detected.value.rows.length);
  const found = detected.value.layout;
  if (found.toEnd) found.lastDataRow = Math.max(found.lastDataRow, totalRows - 1);
  const layout = applyOverrides(found, detected.value.rows, overrides, totalRows);
  return ok({ file, reader, sheet: sheet.value, layout, rows: detected.value.rows, totalRows });
}

/** The raw table name a sheet gets by default: the file's name, or the sheet's when it says more. */
function defaultTableName(fileName: string, reader: WorkbookReader, sheet: string): string {
  const generic = /^(sheet|blad|feuil|tabelle)\s*\d*$/i.test(sheet.trim());
  return rawTableName(reader.sheets.length === 1 || generic ? fileName : sheet);
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

/** The template saved for this layout, its mapping pointed at this file's columns. */
function templateFor(db: Database, layout: SheetLayout): ImportTemplate | undefined {
  const template = findTemplate(db, layoutFingerprint(layout.columns));
  return template ? { ...template, mapping: templateMapping(template, layout.columns) } : undefined;
}

const mappedFields = (mapping: ColumnMapping): Set<string> =>
  new Set(
    Object.entries(mapping)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k]) => k),
  );

function entityDiff(
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

async function buildPlan(
  request: ImportRequest,
  context: HandlerContext,
  /** The CLI's single pass: write the raw rows while reading them (inside its transaction). */
  rawWrite?: (pass: { target: RawTarget; sink: CappedIssueSink }) => RawWrite,
  /** The file a plan holds on to (a commit must not depend on the store keeping it). */
  source?: StoredFile,
): Promise<Result<StoredPlan>> {
  const { session, signal, progress } = context;
  const db = session.db;
  const prepared = await prepare(source ?? request.fileId, request.sheet, request.layout, signal);
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
  stored.plan.end = dataEnd;
  stored.plan.sheet = sheet;
  stored.plan.fileName = file.info.fileName;
  stored.plan.layout = layout;
  return ok(stored);
}

const cancelled = (): Result<never> =>
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

/** Thrown inside the import's transaction to roll it back with a result (not a failure). */
class RollBack extends Error {
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

type CommitOptions = Omit<CommitRequest, 'planId'>;

function refuseErrors(stored: StoredPlan, request: CommitOptions): Result<void> {
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
async function writeLogged(
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
function keepBulkRows(
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

async function commitPlan(
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
function rawLabel(stored: Pick<StoredPlan, 'file' | 'sheet'>): string {
  const { fileName } = stored.file;
  const sheetIsFile = stored.sheet === fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return stored.sheet && !sheetIsFile ? `${fileName} — ${stored.sheet}` : fileName;
}

/**
 * Arguments of 'import.inspectSource': a file read in pieces (the CLI: from disk) with its
 * SHA-256 computed by the caller as it streamed it (WebCrypto hashes only whole buffers).
 */
export type InspectSourceArgs = Omit<InspectArgs, 'bytes'> & { source: ByteSource; sha256: string };

async function inspect(
  args: Omit<InspectArgs, 'bytes'>,
  bytes: Uint8Array | ByteSource,
  sha256: () => Promise<string>,
): Promise<Result<ImportFile>> {
  const options = {
    ...(args.encoding ? { encoding: args.encoding } : {}),
    ...(args.delimiter ? { delimiter: args.delimiter } : {}),
  };
  const reader = await openWorkbook(bytes, args.fileName, options);
  if (!reader.ok) return reader;
  const info: ImportFile = {
    fileId: newId('file'),
    fileName: args.fileName,
    fileSize: bytes instanceof Uint8Array ? bytes.length : bytes.size,
    sha256: await sha256(),
    format: reader.value.format,
    ...(reader.value.dialect ? { dialect: reader.value.dialect } : {}),
    sheets: reader.value.sheets,
  };
  storeFile({ info, bytes, options, reader: reader.value });
  return ok(info);
}

/** Arguments of 'import.run': a plan's request and a commit's choices, in one call. */
export type ImportRunArgs = ImportRequest & CommitOptions;

/** The plan made while importing, and the import (or why nothing was written). */
export type ImportRunResult = { plan: ImportPlan; committed: Result<ImportLogEntry> };

/**
 * The CLI's import in one pass: a raw import validates and writes each row as it reads it, in
 * one transaction that is rolled back at the end when there are errors and valid rows were not
 * accepted. An entity import (small by nature) plans with its rows kept and commits them.
 */
async function runImport(
  args: ImportRunArgs,
  context: HandlerContext,
): Promise<Result<ImportRunResult>> {
  const { fileId, sheet, target, layout, mapping, raw, ...commit } = args;
  const request: ImportRequest = {
    fileId,
    sheet,
    target,
    ...(layout ? { layout } : {}),
    ...(mapping ? { mapping } : {}),
    ...(raw ? { raw } : {}),
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
function undoLogged(session: Session, importId: number): Result<ImportLogEntry> {
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

export const importHandlers = defineHandlers({
  /** Keeps the bytes under a fileId and lists the sheets (with row counts where cheap). */
  'import.inspect': (args: InspectArgs): Promise<Result<ImportFile>> =>
    inspect(args, args.bytes, () => sha256Hex(args.bytes)),

  /**
   * 'import.inspect' for a file read in pieces: the file is then never held whole (1M-row CLI
   * imports: CSV 138 MB less, xlsx ~45 MB less).
   */
  'import.inspectSource': ({ source, sha256, ...args }: InspectSourceArgs) =>
    inspect(args, source, () => Promise.resolve(sha256)),

  /** The first rows, the detected layout (with overrides), a matching template and a target. */
  'import.preview': async (
    args: PreviewArgs,
    context: HandlerContext,
  ): Promise<Result<ImportPreview>> => {
    const prepared = await prepare(args.fileId, args.sheet, args.layout, context.signal);
    if (!prepared.ok) return prepared;
    const { file, reader, sheet, layout, rows, totalRows } = prepared.value;
    const template = templateFor(context.session.db, layout);
    const suggestedTarget =
      template?.target ??
      suggestTarget(layout.columns, defaultTableName(file.info.fileName, reader, sheet));
    return ok({
      sheet,
      layout,
      rows: rows.slice(0, PREVIEW_ROWS),
      totalRows,
      ...(template
        ? {
            template: {
              id: template.id,
              name: template.name,
              target: template.target,
              mapping: template.mapping,
            },
          }
        : {}),
      suggestedTarget,
    });
  },

  'import.entities': (): EntityDefinition[] => entityDefinitions(),

  /** Field → column suggestions from the headers; the raw target maps nothing. */
  'import.suggestMapping': async (
    args: SuggestMappingArgs,
    context: HandlerContext,
  ): Promise<ColumnMapping> => {
    if (args.target.kind !== 'entity') return {};
    const prepared = await prepare(args.fileId, args.sheet, args.layout, context.signal);
    if (!prepared.ok) return {};
    const template = templateFor(context.session.db, prepared.value.layout);
    if (
      template &&
      template.target.kind === 'entity' &&
      template.target.entity === args.target.entity
    ) {
      return template.mapping;
    }
    return suggestMapping(prepared.value.layout.columns, args.target.entity);
  },

  /** Reads, validates and diffs the whole sheet; writes nothing. Progress + cancel. */
  'import.plan': async (
    args: ImportRequest,
    context: HandlerContext,
  ): Promise<Result<ImportPlan>> => {
    const planned = await buildPlan(args, context);
    if (!planned.ok) return planned;
    storePlan(planned.value.plan.planId, planned.value);
    return ok(planned.value.plan);
  },

  /**
   * Writes a plan in one transaction (all or nothing) and logs it. A raw plan's rows are read
   * again from the stored file and written while streaming.
   */
  'import.commit': (
    args: CommitRequest,
    context: HandlerContext,
  ): Promise<Result<ImportLogEntry>> => commitPlan(context, args),

  /** Plan and commit in one pass over the file (the CLI): see runImport. */
  'import.run': (args: ImportRunArgs, context: HandlerContext): Promise<Result<ImportRunResult>> =>
    runImport(args, context),

  /** Every issue of a plan as an .xlsx (sheet, row, column, value, reason). */
  'import.exportIssues': async (args: ExportIssuesArgs): Promise<Uint8Array> => {
    const stored = getPlan<StoredPlan>(args.planId);
    if (!stored) throw new Error('Dit importplan is verlopen; maak het voorbeeld opnieuw.');
    return exportIssuesXlsx(stored.issues, { fileName: stored.file.fileName });
  },

  'import.history': (_args: void, context: HandlerContext): ImportLogEntry[] =>
    listImports(context.session.db),

  'import.undo': (args: UndoImportArgs, context: HandlerContext): Result<ImportLogEntry> =>
    undoLogged(context.session, args.importId),

  'import.templates': (_args: void, context: HandlerContext): ImportTemplate[] =>
    listTemplates(context.session.db),

  /** Forgets a saved mapping. */
  'import.deleteTemplate': (args: DeleteTemplateArgs, context: HandlerContext): Result<void> => {
    const result = mutate(context.session, 'Importsjabloon verwijderd', (writer) =>
      writer.delete('import_template', { id: args.id }),
    );
    return result.ok ? ok(undefined) : result;
  },
});
