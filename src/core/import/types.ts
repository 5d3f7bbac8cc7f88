import type { Result } from '../result';

/**
 * Contract between the spreadsheet readers (csv, xlsx, detection, Belgian value parsing) and
 * the import pipeline (mapping, validation, diff, commit). Readers turn bytes into rows of raw
 * cells; the pipeline never sees a file format.
 */

/** A date cell from xlsx (date-formatted serial) as ISO text: `YYYY-MM-DD` or with `THH:MM:SS`. */
export type DateCell = { date: string };

/** One raw cell as the file holds it. CSV cells are always strings (or null when empty). */
export type CellValue = string | number | boolean | null | DateCell;

export type SheetInfo = {
  name: string;
  /** Rows in the sheet when known cheaply (CSV after a scan, xlsx from its dimension), else null. */
  rowCount: number | null;
  hidden?: boolean;
};

/** A merged range, 0-based inclusive (from xlsx `<mergeCell ref="A1:C1">`). */
export type MergedRange = { top: number; left: number; bottom: number; right: number };

export type CsvDialect = {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter: ',' | ';' | '\t' | '|';
  /** Whether a byte-order mark was present. */
  bom: boolean;
};

/**
 * Rows per batch when the caller does not say. Small batches die young in V8's nursery: on the
 * 1M-row bench sheet 1,000-row batches peak at 436 MB RSS where 5,000-row batches reach 632 MB.
 */
export const DEFAULT_BATCH_ROWS = 1000;

export type ReadRowsOptions = {
  signal?: AbortSignal;
  /** Stop after this many rows (previews read ~200). */
  maxRows?: number;
  /** Rows per callback; large batches keep the per-row overhead low. */
  batchSize?: number;
  /**
   * Only the rows, not their cells (delivered empty): for counting a sheet that does not say
   * its size. An .xlsx then skips reading its cells; a CSV reads as usual.
   */
  countOnly?: boolean;
};

/**
 * An opened file. `readRows` streams a sheet's rows in batches: `firstRowIndex` is the 0-based
 * row number of `rows[0]` in the sheet (empty rows are delivered as empty arrays so row numbers
 * stay true to what the user sees in Excel: row index + 1).
 */
export type WorkbookReader = {
  format: 'xlsx' | 'csv';
  sheets: SheetInfo[];
  /** For CSV/TSV/TXT: the detected (or overridden) dialect. */
  dialect?: CsvDialect;
  /** xlsx: serials count from 1904-01-01 (pass to parseValue for serials in date columns). */
  date1904?: boolean;
  merges(sheet: string): Promise<MergedRange[]>;
  /**
   * The merges when they are known without reading the sheet for them (an xlsx lists them after
   * its cells, so they are known once a read reached the end); undefined otherwise. A reader
   * without this method has its merges at no cost.
   */
  knownMerges?(sheet: string): MergedRange[] | undefined;
  readRows(
    sheet: string,
    onRows: (rows: CellValue[][], firstRowIndex: number) => void | Promise<void>,
    options?: ReadRowsOptions,
  ): Promise<Result<{ rowCount: number }>>;
};

/**
 * A file read in pieces instead of held whole (the CLI: a file on disk): a delimited file is
 * streamed from it, an .xlsx read part by part (central directory, small parts, then worksheets
 * inflated from slices); UTF-16 text and refused formats are read whole.
 */
export type ByteSource = {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
};

export type OpenWorkbookOptions = {
  encoding?: CsvDialect['encoding'];
  delimiter?: CsvDialect['delimiter'];
};

/** Column types the detector assigns and the user can override. */
export type ColumnType =
  'text' | 'integer' | 'decimal' | 'percent' | 'currency' | 'date' | 'boolean' | 'nis_code';

export type ColumnLayout = {
  /** 0-based column index in the sheet. */
  index: number;
  /** The header as written (multi-row/merged headers joined with " / "). */
  header: string;
  /** A clean SQL column name derived from the header (lowercase ascii, underscores, unique). */
  name: string;
  type: ColumnType;
  /**
   * Decimal convention of the column's numbers when written as text: 'comma' (Belgian
   * `1.234,56`, the default) or 'dot' (English `1,234.56`). Decided from the column's sample.
   */
  numberStyle?: NumberStyle;
  /**
   * Set when the column's numbers fit both conventions (only `1.234`-like values): the style is
   * a guess, shown with a warning in the preview.
   */
  numberStyleGuessed?: boolean;
};

export type NumberStyle = 'comma' | 'dot';

export type ParseOptions = {
  numberStyle?: NumberStyle;
  /** Serials in the workbook count from 1904-01-01 (old Mac workbooks). */
  date1904?: boolean;
};

/**
 * Where the table is in a sheet: header row(s), then data rows until the last data row (title
 * rows above and totals/notes below excluded). All 0-based sheet row indices.
 */
export type SheetLayout = {
  headerRow: number;
  /** How many rows the header spans (merged two-row headers → 2). */
  headerRows: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: ColumnLayout[];
  /**
   * The data ran to the end of the sample with the sheet going on: read until the sheet ends
   * (never trust a sample, nor a `<dimension>`, for where the data stops).
   */
  toEnd?: boolean;
  /** The user chose the last data row: read exactly to it, totals and notes included. */
  userEnd?: boolean;
  /** Set when the data stops before the sheet does: at a totals row or at notes (0-based row). */
  end?: { reason: 'total' | 'notes'; row: number };
};

/** Where and why the rows read stop: the summary says it, so a user sees rows left out. */
export type DataEnd =
  | { reason: 'sheet' }
  | { reason: 'total' | 'notes'; row: number }
  /** The user's last data row, with more rows in the sheet after it. */
  | { reason: 'range'; row: number };

/** A value after Belgian-aware parsing, ready for SQLite. Dates are ISO text. */
export type SqlValue = string | number | null;

/** Why one cell could not be read as its column's type. */
export type ValueProblem = { reason: string; expected: ColumnType };

export type ParseValue = (
  cell: CellValue,
  type: ColumnType,
  options?: ParseOptions,
) => Result<SqlValue, ValueProblem>;
