import type {
  CellValue,
  ColumnType,
  CsvDialect,
  DataEnd,
  SheetInfo,
  SheetLayout,
  SqlValue,
} from './types';

/**
 * The import wizard's contract with the core (handlers `import.*` in ./handlers.ts). The
 * worker keeps the file's bytes between steps under `fileId`, so they cross the thread
 * boundary once.
 */

export type ImportFile = {
  fileId: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: 'xlsx' | 'csv';
  dialect?: CsvDialect;
  sheets: SheetInfo[];
};

/** What the user may override in the preview step. */
export type LayoutOverrides = Partial<
  Pick<SheetLayout, 'headerRow' | 'headerRows' | 'firstDataRow' | 'lastDataRow'>
> & {
  columnTypes?: Record<number, ColumnType>;
};

export type ImportPreview = {
  sheet: string;
  layout: SheetLayout;
  /** The first rows of the sheet as the file holds them, title rows included (0-based from 0). */
  rows: CellValue[][];
  /** Total rows in the sheet (all of it, not only the preview). */
  totalRows: number;
  /** A template saved earlier for this layout, applied automatically. */
  template?: { id: number; name: string; target: ImportTarget; mapping: ColumnMapping };
  /** The entity this sheet most likely holds, from its headers. */
  suggestedTarget: ImportTarget;
};

/** Where rows go: a raw analyst table, or one of the app's entities. */
export type ImportTarget = { kind: 'raw'; table: string } | { kind: 'entity'; entity: EntityName };

export type EntityName =
  'municipality' | 'pilot' | 'org_unit' | 'position' | 'allocation' | 'newcomer_forecast';

/** A field of an entity target, for the mapping step. */
export type EntityField = {
  key: string;
  /** i18n key of its label. */
  labelKey: string;
  type: ColumnType;
  required: boolean;
  /** Part of the key that identifies a row (for re-import diffs). */
  isKey?: boolean;
};

export type EntityDefinition = { name: EntityName; labelKey: string; fields: EntityField[] };

/** Entity field key → 0-based sheet column index (or null when not mapped). */
export type ColumnMapping = Record<string, number | null>;

export type ImportRequest = {
  fileId: string;
  sheet: string;
  layout?: LayoutOverrides;
  target: ImportTarget;
  /** Required for entity targets; raw tables take every column. */
  mapping?: ColumnMapping;
  /** Raw tables only: what to do when the table already exists. */
  raw?: RawTableOptions;
  /**
   * Detect the layout without the sheet's merges when they are not known yet (an .xlsx lists
   * them after its cells: finding them first is a read of the whole sheet), and check it against
   * the merges the import's own read found: 'import.layout_changed' when they change it, and
   * nothing is written. The CLI then imports again, with the merges known.
   */
  deferMerges?: boolean;
};

/**
 * Re-import into an existing raw table: with `keyColumn` (a clean column name) rows are matched
 * by that column and the plan shows a diff; with `replace` the table's rows are replaced
 * (the diff then counts every old row as removed and every new row as added). A new table
 * needs neither.
 */
export type RawTableOptions = { keyColumn?: string; replace?: boolean };

/** One problem found before anything is written. `row` is the 1-based row as in Excel. */
export type ValidationIssue = {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
  severity: 'error' | 'warning';
};

export type CellChange = { field: string; before: SqlValue; after: SqlValue };

export type DiffRow = {
  key: string;
  kind: 'added' | 'changed' | 'removed';
  changes?: CellChange[];
  /** The 1-based Excel row the added/changed row comes from (absent for removed rows). */
  row?: number;
  /** For added rows: the values that will be written, by field key / column name. */
  values?: Record<string, SqlValue>;
};

export type ImportPlan = {
  planId: string;
  target: ImportTarget;
  rowsRead: number;
  validRows: number;
  rejectedRows: number;
  issues: ValidationIssue[];
  /** Old-map NIS codes recognised and mapped to the 2025 map. */
  nisMappings: { from: string; fromName: string; to: string; toName: string; rows: number }[];
  diff: {
    added: number;
    changed: number;
    removed: number;
    unchanged: number;
    /** At most 2,000 rows (changed first, then added, then removed); the counts are complete. */
    rows: DiffRow[];
    /** True when `rows` was cut short. */
    truncated?: boolean;
  };
  /**
   * How the end of the data was found: the sheet's last row, a totals row, notes, or the
   * user's last row (0-based `row`). The summary says it, so left-out rows show at once.
   */
  end?: DataEnd;
  /** The sheet and file the plan reads (for the summary step). */
  sheet?: string;
  fileName?: string;
  /** Every issue counted (`issues` holds at most 1,000; the Excel export has all of them). */
  issueCount?: number;
  /** Raw tables: the columns the table will have, and whether it is new, merged or replaced. */
  columns?: { name: string; header: string; type: ColumnType }[];
  rawMode?: 'create' | 'merge' | 'replace';
  /** The layout actually used (detected, with the user's overrides applied). */
  layout?: SheetLayout;
};

export type CommitRequest = {
  planId: string;
  /** false: import nothing if any row is invalid; true: import the valid rows, keep the report. */
  acceptValidRows: boolean;
  /** Remove rows that are no longer in the file (re-import); default false. */
  applyRemovals?: boolean;
  /** Save the mapping as a template under this name. */
  saveTemplateAs?: string;
  /** Who imports (shown in the import log); hosts pass the OS or app user name. */
  userName?: string;
};

export type ImportLogEntry = {
  id: number;
  startedAt: string;
  fileName: string;
  fileSha256: string;
  sheet: string | null;
  target: string;
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
  rowsRejected: number;
  undoneAt: string | null;
  targetKind: 'raw' | 'entity';
  finishedAt: string | null;
  userName: string | null;
  fileSize: number;
  mapping: ColumnMapping | null;
  /** The validation issues kept with the import (valid-rows-only imports). */
  issueCount: number;
};

/** A saved mapping (import_template), listed by 'import.templates'. */
export type ImportTemplate = {
  id: number;
  name: string;
  target: ImportTarget;
  mapping: ColumnMapping;
  /** Normalised headers joined with "|": a file with the same headers gets this template. */
  fingerprint: string;
  updatedAt: string;
};

/** Arguments of the `import.*` handlers (see ./handlers.ts). */
export type InspectArgs = {
  fileName: string;
  bytes: Uint8Array;
  encoding?: CsvDialect['encoding'];
  delimiter?: CsvDialect['delimiter'];
};
export type PreviewArgs = {
  fileId: string;
  sheet: string;
  layout?: LayoutOverrides;
  /** See ImportRequest.deferMerges. */
  deferMerges?: boolean;
};
export type SuggestMappingArgs = PreviewArgs & { target: ImportTarget };
export type ExportIssuesArgs = { planId: string };
export type UndoImportArgs = { importId: number };
export type DeleteTemplateArgs = { id: number };
