import type { Database } from 'sql.js';
import { DOMAIN_TABLES } from '../db/schema';
import { err, ok, type Result } from '../result';
import type { ImportPlan, RawTableOptions } from './api-types';
import { insertAll, quoteId, type Row, type TableWriter } from './commit';
import { diffRows, MAX_DIFF_ROWS, summariseDiff, type KeyedRow, type RowDiff } from './diff';
import { queryRows } from './entities/types';
import { columnLabel, isEmptyCell, type IssueSink } from './validate';
import type {
  CellValue,
  ColumnLayout,
  ColumnType,
  SheetLayout,
  SqlValue,
  ValueProblem,
} from './types';

/** SQLite column type per detected column type (dates and NIS codes stay text). */
export function sqlType(type: ColumnType): 'TEXT' | 'INTEGER' | 'REAL' {
  switch (type) {
    case 'integer':
    case 'boolean':
      return 'INTEGER';
    case 'decimal':
    case 'percent':
    case 'currency':
      return 'REAL';
    default:
      return 'TEXT';
  }
}

const APP_TABLES = new Set<string>(DOMAIN_TABLES);

/**
 * A raw table's name must be a plain identifier analysts can type in SQL, and may not take an
 * app table's name (nor a view's, nor SQLite's own). An existing raw table (listed in
 * `dataset`) may be imported into again.
 */
export function checkRawTableName(db: Database, name: string): Result<{ exists: boolean }> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    return err(
      'import.bad_table_name',
      `'${name}' is geen geldige tabelnaam: gebruik kleine letters, cijfers en _, en begin met een letter.`,
      { table: name },
    );
  }
  if (APP_TABLES.has(name) || name.startsWith('sqlite_')) {
    return err(
      'import.reserved_table_name',
      `'${name}' is een tabel van Pijlerplan zelf; kies een andere naam.`,
      {
        table: name,
      },
    );
  }
  const object = db.exec('SELECT type FROM sqlite_master WHERE name = ?', [name])[0]
    ?.values[0]?.[0];
  if (object === undefined) return ok({ exists: false });
  const isDataset = db.exec('SELECT 1 FROM dataset WHERE table_name = ?', [name])[0] !== undefined;
  if (object !== 'table' || !isDataset) {
    return err(
      'import.reserved_table_name',
      `'${name}' bestaat al in de werkruimte en is geen geïmporteerde tabel; kies een andere naam.`,
      {
        table: name,
      },
    );
  }
  return ok({ exists: true });
}

export type RawRow = KeyedRow & { cells: SqlValue[] };

/**
 * A raw import's valid rows, kept compact (a million rows must fit in the worker): the typed
 * cells, their Excel row numbers, and their keys only when re-importing by a key column.
 */
export type RawPlanData = {
  table: string;
  columns: ColumnLayout[];
  mode: 'create' | 'merge' | 'replace';
  keyColumn?: string;
  cells: SqlValue[][];
  rowNumbers: number[];
  keys: string[] | null;
  existingCount: number;
};

/** Reads data rows into typed values for a raw table; cells that do not fit are issues. */
export class RawPlanner {
  readonly cells: SqlValue[][] = [];
  readonly rowNumbers: number[] = [];
  readonly keys: string[] | null;
  rowsRead = 0;
  private readonly keyIndex: number;
  private readonly seenKeys = new Map<string, number>();

  private readonly parsers: ((cell: CellValue) => Result<SqlValue, ValueProblem>)[];

  constructor(
    private readonly layout: SheetLayout,
    /** One parser per column, made once (types and number styles are fixed for the import). */
    makeParser: (column: ColumnLayout) => (cell: CellValue) => Result<SqlValue, ValueProblem>,
    private readonly sink: IssueSink,
    readonly keyColumn: string | undefined,
  ) {
    this.parsers = layout.columns.map(makeParser);
    this.keyIndex =
      keyColumn === undefined ? -1 : layout.columns.findIndex((c) => c.name === keyColumn);
    this.keys = this.keyIndex >= 0 ? [] : null;
  }

  add(cells: CellValue[], row: number): void {
    const columns = this.layout.columns;
    if (columns.every((c) => isEmptyCell(cells[c.index]))) return;
    this.rowsRead++;
    const values: SqlValue[] = new Array<SqlValue>(columns.length);
    let bad = false;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const cell = cells[column.index] ?? null;
      const parsed = this.parsers[i]!(cell);
      if (parsed.ok) values[i] = parsed.value;
      else {
        values[i] = null;
        bad = true;
        this.sink.add(row, columnLabel(this.layout, column.index), cell, parsed.error.reason);
      }
    }
    let key = '';
    if (this.keyIndex >= 0) {
      const k = values[this.keyIndex];
      const column = columnLabel(this.layout, columns[this.keyIndex]!.index);
      if (k === null || k === undefined || k === '') {
        this.sink.add(row, column, '', 'De sleutelkolom is leeg');
        bad = true;
      } else {
        key = String(k);
        const first = this.seenKeys.get(key);
        if (first !== undefined) {
          this.sink.add(row, column, k, `Dubbele sleutel: ook in rij ${first}`);
          bad = true;
        } else this.seenKeys.set(key, row);
      }
    }
    if (bad) return;
    this.cells.push(values);
    this.rowNumbers.push(row);
    this.keys?.push(key);
  }
}

/** Existing rows of a raw table by key column, for the re-import diff. */
export function loadRawExisting(
  db: Database,
  table: string,
  keyColumn: string,
): Map<string, { values: Row; pk: Row }> {
  const map = new Map<string, { values: Row; pk: Row }>();
  for (const r of queryRows(db, `SELECT rowid AS "rowid", * FROM ${quoteId(table)}`)) {
    const k = r[keyColumn];
    if (k === null || k === undefined) continue;
    map.set(String(k), { values: r, pk: { rowid: r.rowid ?? null } });
  }
  return map;
}

export function tableColumnNames(db: Database, table: string): string[] {
  return (db.exec(`PRAGMA table_info(${quoteId(table)})`)[0]?.values ?? []).map((r) =>
    String(r[1]),
  );
}

/** The rows as keyed records (column name → value) for the diff; merges only. */
export function rawRows(data: RawPlanData, limit = Infinity): RawRow[] {
  const out: RawRow[] = [];
  const n = Math.min(limit, data.cells.length);
  for (let r = 0; r < n; r++) {
    const cells = data.cells[r]!;
    const values: Row = {};
    data.columns.forEach((c, i) => (values[c.name] = cells[i] ?? null));
    out.push({ key: data.keys?.[r] ?? `#${r + 1}`, row: data.rowNumbers[r] ?? 0, values, cells });
  }
  return out;
}

/** Re-import by key: the file's rows against the table's. */
export function rawMergeDiff(db: Database, data: RawPlanData): RowDiff<RawRow> {
  const existing = loadRawExisting(db, data.table, data.keyColumn ?? '');
  for (const old of existing.values()) for (const c of data.columns) old.values[c.name] ??= null;
  return diffRows(
    rawRows(data),
    existing,
    data.columns.map((c) => c.name),
  );
}

/** The plan's diff: a merge compares row by row; a new or replaced table adds every row. */
export function rawPlanDiff(db: Database, data: RawPlanData): ImportPlan['diff'] {
  if (data.mode === 'merge') return summariseDiff(rawMergeDiff(db, data));
  const shown = rawRows(data, MAX_DIFF_ROWS);
  return {
    added: data.cells.length,
    changed: 0,
    removed: data.existingCount,
    unchanged: 0,
    rows: shown.map((r) => ({ key: r.key, kind: 'added', row: r.row, values: r.values })),
    ...(data.cells.length + data.existingCount > shown.length ? { truncated: true } : {}),
  };
}

export function rawMode(
  exists: boolean,
  options: RawTableOptions | undefined,
): RawPlanData['mode'] {
  if (!exists) return 'create';
  return options?.keyColumn && !options.replace ? 'merge' : 'replace';
}

function createSql(table: string, columns: readonly ColumnLayout[]): string {
  return `CREATE TABLE ${quoteId(table)} (${columns.map((c) => `${quoteId(c.name)} ${sqlType(c.type)}`).join(', ')})`;
}

/**
 * Writes a raw import. A new table is created and filled in bulk (undone by dropping it); a
 * replaced table is dropped with its rows kept in the log; a merge inserts, updates and (when
 * asked) removes single rows through the writer.
 */
export function writeRaw(
  writer: TableWriter,
  data: RawPlanData,
  options: { applyRemovals: boolean; importId: number; label: string },
): { inserted: number; updated: number; deleted: number } {
  const { db } = writer;
  const { table, columns } = data;
  const names = columns.map((c) => c.name);
  if (data.mode === 'create' || data.mode === 'replace') {
    let deleted = 0;
    if (data.mode === 'replace') {
      const sql = String(
        db.exec('SELECT sql FROM sqlite_master WHERE type = ? AND name = ?', ['table', table])[0]
          ?.values[0]?.[0],
      );
      const oldColumns = tableColumnNames(db, table);
      const oldRows = (db.exec(`SELECT * FROM ${quoteId(table)}`)[0]?.values ?? []) as SqlValue[][];
      db.run(`DROP TABLE ${quoteId(table)}`);
      writer.record({ op: 'dropTable', table, sql, columns: oldColumns, rows: oldRows });
      deleted = oldRows.length;
    }
    const sql = createSql(table, columns);
    db.run(sql);
    writer.record({ op: 'createTable', table, sql });
    insertAll(db, table, names, data.cells);
    writer.record({ op: 'bulkInsert', table, rows: data.cells.length });
    const now = new Date().toISOString();
    if (data.mode === 'create') {
      writer.insert(
        'dataset',
        { table_name: table, label: options.label, import_id: options.importId, created_at: now },
        false,
      );
    } else {
      writer.update('dataset', { table_name: table }, { import_id: options.importId }, false);
    }
    return { inserted: data.cells.length, updated: 0, deleted };
  }
  const diff = rawMergeDiff(db, data);
  const present = new Set(tableColumnNames(db, table));
  for (const c of columns) {
    if (present.has(c.name)) continue;
    db.run(`ALTER TABLE ${quoteId(table)} ADD COLUMN ${quoteId(c.name)} ${sqlType(c.type)}`);
    writer.record({ op: 'addColumn', table, column: c.name, sqlType: sqlType(c.type) });
  }
  for (const r of diff.added) writer.insert(table, r.values);
  const existing = loadRawExisting(db, table, data.keyColumn ?? '');
  for (const c of diff.changed) {
    const old = existing.get(c.row.key);
    if (old) writer.update(table, old.pk, c.row.values);
  }
  let deleted = 0;
  if (options.applyRemovals) {
    for (const key of diff.removed) {
      const old = existing.get(key);
      if (old) {
        writer.delete(table, old.pk);
        deleted++;
      }
    }
  }
  return { inserted: diff.added.length, updated: diff.changed.length, deleted };
}
