import type { Database, Statement } from 'sql.js';
import type { SqlValue } from './types';

/**
 * Fast inserts into sql.js. sql.js binds every value through JS glue (a malloc and two JS loops
 * over each string), which costs more than SQLite's insert itself; so the winner hands a whole
 * batch over as one UTF-8 JSON blob that SQLite unpacks in C (jsonb_each). Measured, CPU time
 * per 100k rows of the 10-column bench data: prepared bind+step 0.67–1.09 s, multi-row VALUES
 * 0.70–0.82 s, json_each(text) 1.76–1.85 s, json_each(blob) 0.99–1.18 s, jsonb_each(blob)
 * 0.52–0.62 s; 1M rows: jsonb 5.9 s vs multi-row VALUES 7.6 s (test/bench/import.bench.ts).
 *
 * Callers own the transaction: wrap a whole import in BEGIN … COMMIT (one transaction is also
 * what keeps a workspace from being left half-imported).
 */

export type InsertStrategy = 'prepared' | 'multi-values' | 'json-each' | 'json-blob' | 'jsonb-blob';

export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows per multi-row VALUES statement: 10 columns × 500 rows stays far below SQLite's 32766 parameters. */
const maxRowsPerValues = (columns: number) =>
  Math.max(1, Math.min(500, Math.floor(32_000 / Math.max(1, columns))));

/** Incremental inserter: `add` rows in any batch sizes, then `finish` (frees statements). */
export type RowInserter = {
  add(rows: readonly (readonly SqlValue[])[]): void;
  finish(): void;
  readonly inserted: number;
};

export function createRowInserter(
  db: Database,
  table: string,
  columns: readonly string[],
  strategy: InsertStrategy = DEFAULT_STRATEGY,
): RowInserter {
  const target = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
  const width = columns.length;
  let inserted = 0;
  if (strategy === 'prepared') {
    const stmt = db.prepare(`INSERT INTO ${target} VALUES (${columns.map(() => '?').join(', ')})`);
    return {
      add(rows) {
        for (const row of rows) {
          stmt.bind(row as SqlValue[]);
          stmt.step();
          stmt.reset();
        }
        inserted += rows.length;
      },
      finish: () => void stmt.free(),
      get inserted() {
        return inserted;
      },
    };
  }
  if (strategy === 'multi-values') {
    const per = maxRowsPerValues(width);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const full = db.prepare(`INSERT INTO ${target} VALUES ${Array(per).fill(tuple).join(', ')}`);
    const params: SqlValue[] = new Array<SqlValue>(per * width);
    const statements = new Map<number, Statement>();
    const flush = (rows: readonly (readonly SqlValue[])[], from: number, count: number) => {
      let stmt = full;
      let p: SqlValue[] = params;
      if (count !== per) {
        stmt =
          statements.get(count) ??
          db.prepare(`INSERT INTO ${target} VALUES ${Array(count).fill(tuple).join(', ')}`);
        statements.set(count, stmt);
        p = new Array<SqlValue>(count * width);
      }
      let k = 0;
      for (let r = from; r < from + count; r++) {
        const row = rows[r] as readonly SqlValue[];
        for (let c = 0; c < width; c++) p[k++] = row[c] ?? null;
      }
      stmt.bind(p);
      stmt.step();
      stmt.reset();
    };
    return {
      add(rows) {
        for (let r = 0; r < rows.length; r += per) flush(rows, r, Math.min(per, rows.length - r));
        inserted += rows.length;
      },
      finish() {
        full.free();
        for (const s of statements.values()) s.free();
      },
      get inserted() {
        return inserted;
      },
    };
  }
  // json-each: one JSON text per batch; SQLite's own JSON parser unpacks it in C.
  // json-blob: the same JSON passed as UTF-8 bytes. sql.js copies a blob into wasm memory with
  // one memcpy, while a string goes through two JS loops per character (length, then encode).
  // jsonb-blob: jsonb_each hands each row out as binary JSONB, so `value ->> i` reads it
  // directly instead of re-parsing the row's JSON text once per column (json_each does that).
  const picks = columns.map((_c, i) => `value ->> ${i}`).join(', ');
  const asBlob = strategy !== 'json-each';
  const fn = strategy === 'jsonb-blob' ? 'jsonb_each' : 'json_each';
  const source = asBlob ? `${fn}(CAST(? AS TEXT))` : `${fn}(?)`;
  const stmt = db.prepare(`INSERT INTO ${target} SELECT ${picks} FROM ${source}`);
  const encoder = new TextEncoder();
  return {
    add(rows) {
      if (rows.length === 0) return;
      const json = JSON.stringify(rows);
      stmt.bind([asBlob ? encoder.encode(json) : json]);
      stmt.step();
      stmt.reset();
      inserted += rows.length;
    },
    finish: () => void stmt.free(),
    get inserted() {
      return inserted;
    },
  };
}

/** Measured winner (see the module comment); exported so the bench can report it. */
export const DEFAULT_STRATEGY: InsertStrategy = 'jsonb-blob';

/** Insert rows (each with `columns.length` values) into an existing table. */
export function insertRows(
  db: Database,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  strategy: InsertStrategy = DEFAULT_STRATEGY,
): number {
  const inserter = createRowInserter(db, table, columns, strategy);
  try {
    inserter.add(rows);
  } finally {
    inserter.finish();
  }
  return inserter.inserted;
}
