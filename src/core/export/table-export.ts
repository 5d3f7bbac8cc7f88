import type { SqlValue } from 'sql.js';
import type { Progress } from '../handlers/context';
import { err, ok, type Result } from '../result';
import { csvLine, UTF8_BOM, type CsvStyle } from './csv';
import { MAX_SHEET_ROWS, type CellInput, type TruncationNote } from './xlsx/cells';
import type { Compression } from './xlsx/compression';
import type { SheetColumn } from './xlsx/sheet';
import type { StyleName } from './xlsx/styles';
import { XlsxWriter, type ByteSink } from './xlsx/workbook';
import type { WorkbookProperties } from './xlsx/package-parts';
import { isoDateSerial } from './xlsx/xml';

export type ExportFormat = 'xlsx' | 'csv';

/** Rows to export: column names and the rows, pulled one at a time (a SQL statement, a page…). */
export type RowSource = {
  columns: readonly string[];
  /** Rows in order; may be a generator over a prepared statement. */
  rows: Iterable<readonly SqlValue[]>;
  /** Row count when known, for progress. */
  total?: number;
};

export type TableExportOptions = {
  format: ExportFormat;
  /** Name of the first sheet; later sheets are "<name> (2)", "(3)"… */
  sheetName?: string;
  csvStyle?: CsvStyle;
  properties?: WorkbookProperties;
  /** The host's native deflate (session.compression); fflate when absent. */
  compression?: Compression;
  /** Data rows per sheet (Excel: 1,048,576 including the header). Smaller in tests. */
  maxRowsPerSheet?: number;
  progress?: (progress: Progress) => void;
  signal?: AbortSignal;
};

export type TableExportResult = {
  rows: number;
  sheets: string[];
  bytes: number;
  notes: TruncationNote[];
};

const SAMPLE_ROWS = 1000;
const PROGRESS_EVERY = 5000;

/** Number formats by column name: FTE with two decimals, money in euro, shares as %. */
function styleByName(name: string): StyleName | undefined {
  const n = name.toLowerCase();
  if (/(^|_)fte($|_)|vte/.test(n)) return 'fte';
  if (/(^|_)(eur|euro|budget|cost|kost|cofinancing)($|_)|_eur$/.test(n)) return 'euro';
  if (/(^|_)(share|pct|percent|aandeel)($|_)/.test(n)) return 'percent';
  return undefined;
}

type ColumnPlan = { column: SheetColumn; dates: boolean };

/** Widths and formats from the header and the first rows: known before the sheet starts. */
function planColumns(
  names: readonly string[],
  sample: readonly (readonly SqlValue[])[],
): ColumnPlan[] {
  return names.map((name, c) => {
    let longest = name.length + 2;
    let texts = 0;
    let dates = 0;
    for (const row of sample) {
      const value = row[c];
      if (value === null || value === undefined) continue;
      const shown = typeof value === 'number' ? String(value).length + 1 : String(value).length;
      if (shown > longest) longest = shown;
      if (typeof value === 'string') {
        texts++;
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) dates++;
      }
    }
    const isDate = texts > 0 && dates === texts;
    const width = Math.min(60, Math.max(8, isDate ? 12 : longest + 1));
    return { column: { width, style: isDate ? 'date' : styleByName(name) }, dates: isDate };
  });
}

const cancelled = (): Result<never> =>
  err('export.cancelled', 'De export is geannuleerd; het bestand is niet (volledig) geschreven.');

class ExportCancelled extends Error {}

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Streams rows to an .xlsx (header styled, frozen, filtered, widths fitted; a new sheet
 * "<name> (2)" with the same header past Excel's row limit) or to a CSV. The sink receives the
 * file in chunks; nothing holds the whole file.
 */
export async function exportRows(
  source: RowSource,
  sink: ByteSink,
  options: TableExportOptions,
): Promise<Result<TableExportResult>> {
  try {
    return ok(
      options.format === 'csv'
        ? await writeCsv(source, sink, options)
        : await writeXlsx(source, sink, options),
    );
  } catch (error) {
    if (error instanceof ExportCancelled) return cancelled();
    throw error;
  }
}

async function checkpoint(
  options: TableExportOptions,
  done: number,
  total?: number,
): Promise<void> {
  options.progress?.({ phase: 'export', done, total });
  await yieldNow();
  if (options.signal?.aborted) throw new ExportCancelled();
}

async function writeCsv(
  source: RowSource,
  sink: ByteSink,
  options: TableExportOptions,
): Promise<TableExportResult> {
  const style = options.csvStyle ?? 'belgian';
  const encoder = new TextEncoder();
  let buffer = (style === 'belgian' ? UTF8_BOM : '') + csvLine(source.columns as string[], style);
  let bytes = 0;
  let rows = 0;
  const flush = async () => {
    const chunk = encoder.encode(buffer);
    bytes += chunk.length;
    buffer = '';
    await sink.write(chunk);
  };
  for (const row of source.rows) {
    buffer += csvLine(row, style);
    rows++;
    if (buffer.length > 1 << 16) await flush();
    if (rows % PROGRESS_EVERY === 0) await checkpoint(options, rows, source.total);
  }
  await flush();
  options.progress?.({ phase: 'export', done: rows, total: rows });
  return { rows, sheets: [], bytes, notes: [] };
}

async function writeXlsx(
  source: RowSource,
  sink: ByteSink,
  options: TableExportOptions,
): Promise<TableExportResult> {
  const writer = new XlsxWriter(sink, options.properties, options.compression);
  const iterator = source.rows[Symbol.iterator]();
  const sample: (readonly SqlValue[])[] = [];
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    sample.push(next.value);
    if (sample.length >= SAMPLE_ROWS) break;
  }
  const plans = planColumns(source.columns, sample);
  const perSheet = Math.min(options.maxRowsPerSheet ?? MAX_SHEET_ROWS - 1, MAX_SHEET_ROWS - 1);
  const baseName = writer.nameFor(options.sheetName ?? 'Gegevens');
  const header: CellInput[] = source.columns.map((name) => ({ v: name, s: 'header' }));
  const sheets: string[] = [];
  let sheet = null as ReturnType<XlsxWriter['addSheet']> | null;
  let inSheet = perSheet;
  let rows = 0;
  const cells: CellInput[] = new Array<CellInput>(source.columns.length);
  const write = async (row: readonly SqlValue[]) => {
    if (inSheet >= perSheet) {
      sheet = writer.addSheet(baseName, {
        columns: plans.map((plan) => plan.column),
        freeze: { rows: 1, columns: 1 },
        autoFilterRow: 1,
        print: {
          landscape: true,
          fitToWidth: true,
          repeatRows: [1, 1],
          footer: '&CPagina &P van &N',
        },
      });
      sheets.push(sheet.name);
      sheet.row(header, { height: 30 });
      inSheet = 0;
    }
    for (let c = 0; c < cells.length; c++) {
      const value = row[c];
      if (plans[c]?.dates && typeof value === 'string') {
        cells[c] = isoDateSerial(value) ?? value;
      } else if (value instanceof Uint8Array) cells[c] = `[${value.length} bytes]`;
      else cells[c] = value as CellInput;
    }
    (sheet as NonNullable<typeof sheet>).row(cells);
    inSheet++;
    rows++;
    if ((rows & 255) === 0) await writer.maybeDrain();
    if (rows % PROGRESS_EVERY === 0) await checkpoint(options, rows, source.total);
  };
  for (const row of sample) await write(row);
  for (let next = iterator.next(); !next.done; next = iterator.next()) await write(next.value);
  if (rows === 0) {
    // Header only: still one sheet with its filter row.
    inSheet = perSheet;
    sheet = writer.addSheet(baseName, {
      columns: plans.map((plan) => plan.column),
      freeze: { rows: 1, columns: 1 },
      autoFilterRow: 1,
    });
    sheets.push(sheet.name);
    sheet.row(header, { height: 30 });
  }
  const result = await writer.finish();
  options.progress?.({ phase: 'export', done: rows, total: rows });
  return { rows, sheets, bytes: result.bytes, notes: result.notes };
}
