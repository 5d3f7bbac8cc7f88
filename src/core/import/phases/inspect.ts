import type { Database } from 'sql.js';
import { err, ok, type Result } from '../../result';
import type {
  ImportFile,
  ImportPreview,
  ImportTemplate,
  InspectArgs,
  LayoutOverrides,
  PreviewArgs,
} from '../api-types';
import { uniqueColumnNames } from '../readers/column-names';
import { getFile, newId, storeFile, type StoredFile } from '../pipeline/file-store';
import { detectLayout, readSheetSample, sampleLayout } from '../readers/layout';
import { rawTableName, suggestTarget } from '../pipeline/mapping';
import { findTemplate, layoutFingerprint, templateMapping } from '../pipeline/templates';
import type { SheetSample } from '../readers/layout';
import type { ByteSource, CellValue, MergedRange, SheetLayout, WorkbookReader } from '../types';
import { openWorkbook } from '../readers/workbook';

/**
 * The first phase of an import: a file is kept under an id and its sheets listed (inspect), a
 * sheet's layout detected and the user's overrides applied (prepare), and the first rows shown
 * with a suggested target (preview).
 */
const PREVIEW_ROWS = 100;
const SAMPLE_ROWS = 200;

export async function openStored(
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
    countOnly: true,
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
  /** The layout was detected without the sheet's merges (not known yet): see `checkMerges`. */
  mergesDeferred: boolean;
  overrides: LayoutOverrides | undefined;
  sample: SheetSample;
};

/** What prepare may leave out: the merges of an .xlsx, when a full read of the sheet follows. */
export type PrepareOptions = { deferMerges?: boolean };

export async function prepare(
  fileId: string | StoredFile,
  sheetName: string,
  overrides: LayoutOverrides | undefined,
  signal: AbortSignal,
  options: PrepareOptions = {},
): Promise<Result<Prepared>> {
  const opened = typeof fileId === 'string' ? await openStored(fileId) : await readerOf(fileId);
  if (!opened.ok) return opened;
  const { file, reader } = opened.value;
  const sheet = sheetOf(reader, sheetName);
  if (!sheet.ok) return sheet;
  // Preview and import both prepare: the sample is read once per file and sheet.
  let sample = file.samples?.get(sheet.value);
  if (!sample) {
    const read = await readSheetSample(reader, sheet.value, { sampleRows: SAMPLE_ROWS, signal });
    if (!read.ok) return read;
    sample = read.value;
    (file.samples ??= new Map()).set(sheet.value, sample);
  }
  // An .xlsx lists its merges after all its cells: finding them is a read of the whole sheet.
  // An import that reads the whole sheet anyway may take them from that read (checkMerges).
  let merges = reader.knownMerges
    ? reader.knownMerges(sheet.value)
    : await reader.merges(sheet.value);
  const mergesDeferred = merges === undefined && options.deferMerges === true;
  merges ??= mergesDeferred ? [] : await reader.merges(sheet.value);
  let totalRows = sample.complete ? sample.rows.length : file.rowCounts?.get(sheet.value);
  if (totalRows === undefined) {
    // A sheet counted by reading it is read for that once.
    totalRows = await countRows(reader, sheet.value, signal, sample.rows.length);
    if (!signal.aborted) (file.rowCounts ??= new Map()).set(sheet.value, totalRows);
  }
  const layout = finalLayout(reader, sheet.value, sample, merges, overrides, totalRows);
  return ok({
    file,
    reader,
    sheet: sheet.value,
    layout,
    rows: sample.rows,
    totalRows,
    mergesDeferred,
    overrides,
    sample,
  });
}

function finalLayout(
  reader: WorkbookReader,
  sheet: string,
  sample: SheetSample,
  merges: readonly MergedRange[],
  overrides: LayoutOverrides | undefined,
  totalRows: number,
): SheetLayout {
  const found = sampleLayout(reader, sheet, sample, merges).layout;
  if (found.toEnd) found.lastDataRow = Math.max(found.lastDataRow, totalRows - 1);
  return applyOverrides(found, sample.rows, overrides, totalRows);
}

/**
 * After a full read with the merges deferred: the layout detected with the merges the read found
 * must be the one that was used, else the import is redone with it ('import.layout_changed').
 * Most sheets have no merges at the top, and then there is nothing to compare.
 */
export async function checkMerges(prepared: Prepared): Promise<Result<true>> {
  if (!prepared.mergesDeferred) return ok(true);
  const { reader, sheet, sample } = prepared;
  const merges = reader.knownMerges?.(sheet) ?? (await reader.merges(sheet));
  if (!merges.some((m) => m.top < sample.rows.length)) return ok(true);
  const layout = finalLayout(reader, sheet, sample, merges, prepared.overrides, prepared.totalRows);
  if (JSON.stringify(layout) === JSON.stringify(prepared.layout)) return ok(true);
  return err(
    'import.layout_changed',
    `De samengevoegde cellen bovenaan blad ‘${sheet}’ veranderen de kolomkoppen: de import wordt opnieuw gedaan met die koppen.`,
    { sheet },
  );
}

/** The raw table name a sheet gets by default: the file's name, or the sheet's when it says more. */
function defaultTableName(fileName: string, reader: WorkbookReader, sheet: string): string {
  const generic = /^(sheet|blad|feuil|tabelle)\s*\d*$/i.test(sheet.trim());
  return rawTableName(reader.sheets.length === 1 || generic ? fileName : sheet);
}

/** The template saved for this layout, its mapping pointed at this file's columns. */
export function templateFor(db: Database, layout: SheetLayout): ImportTemplate | undefined {
  const template = findTemplate(db, layoutFingerprint(layout.columns));
  return template ? { ...template, mapping: templateMapping(template, layout.columns) } : undefined;
}

/**
 * Arguments of 'import.inspectSource': a file read in pieces (the CLI: from disk) with its
 * SHA-256 computed by the caller as it streamed it (WebCrypto hashes only whole buffers).
 */
export type InspectSourceArgs = Omit<InspectArgs, 'bytes'> & { source: ByteSource; sha256: string };

export async function inspect(
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

/** The first rows, the detected layout (with overrides), a matching template and a target. */
export async function previewSheet(
  db: Database,
  args: PreviewArgs,
  signal: AbortSignal,
): Promise<Result<ImportPreview>> {
  const prepared = await prepare(args.fileId, args.sheet, args.layout, signal, {
    deferMerges: args.deferMerges === true,
  });
  if (!prepared.ok) return prepared;
  const { file, reader, sheet, layout, rows, totalRows } = prepared.value;
  const template = templateFor(db, layout);
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
}
