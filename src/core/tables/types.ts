import type { SqlValue } from 'sql.js';
import type { RowKey } from '../mutations/table-info';

export type { RowKey };

/** domain: the app's own tables; view: read-mostly overviews; dataset: raw imported tables. */
export type TableKind = 'domain' | 'view' | 'dataset';

export type TableColumn = {
  name: string;
  /** Declared SQL type ('INTEGER', 'TEXT', 'REAL', … or '' for computed view columns). */
  type: string;
  notNull: boolean;
  /** Part of the key that identifies a row (what updateCell's `key` holds). */
  primaryKey: boolean;
  /** Whether tables.updateCell accepts this column. */
  editable: boolean;
};

export type TableSummary = {
  name: string;
  /** The dataset's label for an imported table; the table name otherwise (the UI translates). */
  label: string;
  kind: TableKind;
  rowCount: number;
  columns: TableColumn[];
  /** Columns of a row's key; ['rowid'] for a keyless raw table; null when rows cannot be edited. */
  keyColumns: string[] | null;
  editable: boolean;
};

export type SortSpec = { column: string; direction: 'asc' | 'desc' };

export type FilterOp =
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  /** Accent- and case-insensitive substring. */
  | 'contains'
  /** Accent- and case-insensitive prefix. */
  | 'startsWith'
  | 'isNull'
  | 'notNull'
  /** `value` is an array. */
  | 'in';

export type ColumnFilter = { column: string; op: FilterOp; value?: SqlValue | SqlValue[] };

export type TableQuery = {
  table: string;
  /** Applied in order; the key breaks ties so paging is stable. */
  sort?: SortSpec[];
  /** All must hold. */
  filters?: ColumnFilter[];
  /** Words, each of which must occur (accent- and case-insensitively) in some column. */
  search?: string;
  offset: number;
  /** At most 5000. */
  limit: number;
};

export type TableQueryResult = {
  columns: TableColumn[];
  /** Values in `columns` order. */
  rows: SqlValue[][];
  /** The key of each row (same order), or null for a table/view whose rows cannot be edited. */
  keys: RowKey[] | null;
  /** Rows matching filters and search (before offset/limit). */
  total: number;
};

export type SqlQueryResult = {
  columns: string[];
  rows: SqlValue[][];
  /** True when the query had more rows than `limit`. */
  truncated: boolean;
};
