import type { Database, Statement } from 'sql.js';
import type { SqlValue } from './types';

/**
 * Fast inserts into sql.js. Every call from JS into the wasm SQLite costs far more than the
 * insert itself, so the winner is the strategy that crosses the boundary least per row (see
 * test/bench/import.bench.ts for the measurements behind STRATEGY).
 *
 * Callers own the transaction: wrap a whole import in BEGIN … COMMIT (one transaction is also
 * what keeps a workspace from being left half-imported).
 */

export type InsertStrategy = 'prepared' | 'multi-values' | 'json-each';

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
  const picks = columns.map((_c, i) => `value ->> ${i}`).join(', ');
  const stmt = db.prepare(`INSERT INTO ${target} SELECT ${picks} FROM json_each(?)`);
  return {
    add(rows) {
      if (rows.length === 0) return;
      stmt.bind([JSON.stringify(rows)]);
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
export const DEFAULT_STRATEGY: InsertStrategy = 'json-each';

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
