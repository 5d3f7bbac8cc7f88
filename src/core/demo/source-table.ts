import type { Database, SqlValue } from 'sql.js';
import { parseCsvText } from '../import/readers/csv';
import type { ResourceLoader } from '../resources';

/**
 * The reference files and the demo's source spreadsheets are ours, so a bad value in them is a
 * bug, not user input: loaders throw this, naming the file and the spreadsheet row (header = 1).
 */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    detail: string,
  ) {
    super(`${file}${row === null ? '' : `, rij ${row}`}: ${detail}`);
    this.name = 'SourceError';
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** One data row of a source file, with typed, validating getters. */
export class SourceRow {
  constructor(
    readonly file: string,
    /** Spreadsheet row number: the header is row 1. */
    readonly row: number,
    private readonly cells: ReadonlyMap<string, string>,
  ) {}

  fail(detail: string): never {
    throw new SourceError(this.file, this.row, detail);
  }

  optText(column: string): string | null {
    const value = this.cells.get(column);
    if (value === undefined) this.fail(`kolom "${column}" ontbreekt`);
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  text(column: string): string {
    return this.optText(column) ?? this.fail(`kolom "${column}" is leeg`);
  }

  optNumber(column: string, range: { min?: number; max?: number } = {}): number | null {
    const raw = this.optText(column);
    if (raw === null) return null;
    const value = Number(raw);
    if (!Number.isFinite(value)) this.fail(`kolom "${column}": "${raw}" is geen getal`);
    if (range.min !== undefined && value < range.min)
      this.fail(`kolom "${column}": ${value} is kleiner dan ${range.min}`);
    if (range.max !== undefined && value > range.max)
      this.fail(`kolom "${column}": ${value} is groter dan ${range.max}`);
    return value;
  }

  number(column: string, range: { min?: number; max?: number } = {}): number {
    return this.optNumber(column, range) ?? this.fail(`kolom "${column}" is leeg`);
  }

  optInt(column: string, range: { min?: number; max?: number } = {}): number | null {
    const value = this.optNumber(column, range);
    if (value !== null && !Number.isInteger(value))
      this.fail(`kolom "${column}": ${value} is geen geheel getal`);
    return value;
  }

  int(column: string, range: { min?: number; max?: number } = {}): number {
    return this.optInt(column, range) ?? this.fail(`kolom "${column}" is leeg`);
  }

  flag(column: string): 0 | 1 {
    const value = this.text(column);
    if (value !== '0' && value !== '1') this.fail(`kolom "${column}": "${value}" is geen 0 of 1`);
    return value === '1' ? 1 : 0;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.text(column);
    if (!(allowed as readonly string[]).includes(value))
      this.fail(`kolom "${column}": "${value}" is niet een van ${allowed.join(', ')}`);
    return value as T;
  }

  nisCode(column: string): string {
    const value = this.text(column);
    if (!/^\d{5}$/.test(value)) this.fail(`kolom "${column}": "${value}" is geen NIS-code`);
    return value;
  }

  month(column: string): string {
    const value = this.text(column);
    if (!MONTH.test(value)) this.fail(`kolom "${column}": "${value}" is geen maand (JJJJ-MM)`);
    return value;
  }

  optDate(column: string): string | null {
    const value = this.optText(column);
    if (value !== null && !DATE.test(value))
      this.fail(`kolom "${column}": "${value}" is geen datum (JJJJ-MM-DD)`);
    return value;
  }

  date(column: string): string {
    return this.optDate(column) ?? this.fail(`kolom "${column}" is leeg`);
  }

  dateTime(column: string): string {
    const value = this.text(column);
    if (!DATE.test(value) && !DATE_TIME.test(value))
      this.fail(`kolom "${column}": "${value}" is geen datum of tijdstip`);
    return value;
  }

  /** Looks a code up in a map built from the workspace; an unknown code is a bug signal. */
  ref<V>(column: string, map: ReadonlyMap<string, V>, what: string): V {
    const code = this.text(column);
    const value = map.get(code);
    if (value === undefined) this.fail(`onbekende ${what} "${code}" in kolom "${column}"`);
    return value;
  }

  optRef<V>(column: string, map: ReadonlyMap<string, V>, what: string): V | null {
    return this.optText(column) === null ? null : this.ref(column, map, what);
  }
}

export type SourceTable = { file: string; header: readonly string[]; rows: SourceRow[] };

/**
 * Reads a comma-separated UTF-8 resource (CRLF or LF) and checks that it has the columns the
 * loader needs. Parsing is `parseCsvText`'s job: there is one CSV parser in the core.
 */
export async function readSourceTable(
  resources: ResourceLoader,
  file: string,
  requiredColumns: readonly string[],
): Promise<SourceTable> {
  const records = parseCsvText(await resources.text(file));
  const header = (records[0] ?? []).map((cell) => cell.trim());
  if (header.length === 0) throw new SourceError(file, null, 'het bestand is leeg');
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new SourceError(file, 1, `ontbrekende kolommen: ${missing.join(', ')}`);
  const rows: SourceRow[] = [];
  records.slice(1).forEach((record, index) => {
    if (record.length === 1 && record[0]?.trim() === '') return; // a blank line
    const row = index + 2;
    if (record.length !== header.length)
      throw new SourceError(file, row, `${record.length} cellen, de kop heeft er ${header.length}`);
    rows.push(new SourceRow(file, row, new Map(header.map((name, i) => [name, record[i] ?? '']))));
  });
  return { file, header, rows };
}

/** Runs one prepared statement (an INSERT or UPDATE) for many rows: the fast path in sql.js. */
export function runRows(db: Database, sql: string, rows: Iterable<SqlValue[]>): number {
  const statement = db.prepare(sql);
  let count = 0;
  try {
    for (const row of rows) {
      statement.run(row);
      count++;
    }
  } finally {
    statement.free();
  }
  return count;
}

/** A `key → value` map from two columns of a workspace table (codes → ids for lookups). */
export function lookup<V extends SqlValue>(db: Database, sql: string): Map<string, V> {
  const result = db.exec(sql)[0];
  return new Map((result?.values ?? []).map((row) => [String(row[0]), row[1] as V]));
}

const ROWS_PER_STATEMENT = 100;

/**
 * Inserts many rows with multi-row `VALUES` statements: in sql.js each statement call crosses
 * the JS/wasm boundary, so 100 rows a call is about twice as fast as one (measured on the demo's
 * 25,000 allocations).
 */
export function insertMany(
  db: Database,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): void {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = (count: number): string =>
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(count).fill(tuple).join(', ')}`;
  const full = Math.floor(rows.length / ROWS_PER_STATEMENT) * ROWS_PER_STATEMENT;
  const chunks: SqlValue[][] = [];
  for (let i = 0; i < full; i += ROWS_PER_STATEMENT)
    chunks.push(rows.slice(i, i + ROWS_PER_STATEMENT).flat());
  if (chunks.length > 0) runRows(db, sql(ROWS_PER_STATEMENT), chunks);
  if (full < rows.length) runRows(db, sql(rows.length - full), [rows.slice(full).flat()]);
}
