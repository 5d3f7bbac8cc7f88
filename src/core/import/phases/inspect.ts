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
import { detectLayout, detectSheetLayout } from '../readers/layout';
import { rawTableName, suggestTarget } from '../pipeline/mapping';
import { findTemplate, layoutFingerprint, templateMapping } from '../pipeline/templates';
import type { ByteSource, CellValue, SheetLayout, WorkbookReader } from '../types';
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
};

export async function prepare(
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
  let totalRows = complete ? detected.value.rows.length : file.rowCounts?.get(sheet.value);
  if (totalRows === undefined) {
    // Preview and import both prepare: a sheet counted by reading it is read for that once.
    totalRows = await countRows(reader, sheet.value, signal, detected.value.rows.length);
    if (!signal.aborted) (file.rowCounts ??= new Map()).set(sheet.value, totalRows);
  }
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
  const prepared = await prepare(args.fileId, args.sheet, args.layout, signal);
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
