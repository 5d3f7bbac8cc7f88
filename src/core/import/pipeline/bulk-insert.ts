import type { Database, Statement } from 'sql.js';
import { quoteIdent } from '../../mutations/table-info';
import type { SqlValue } from '../types';

/**
 * Fast inserts into sql.js. sql.js binds every string through JS glue (a malloc, two JS loops
 * over its characters, a free), which costs more than SQLite's insert itself. Two strategies
 * stay: `text-blob` (the default, below) and plain multi-row VALUES (its fallback). Measured and
 * dropped, CPU per 100k rows of the 10-column bench data: one prepared bind+step per row
 * 0.67–1.09 s, multi-row VALUES 0.70–0.82 s, json_each over a JSON text 1.76–1.85 s, the same as
 * a blob 0.99–1.18 s, jsonb_each over a blob 0.52–0.62 s (its ten `value ->> i` extractions cost
 * ~3 of the 4 s per 1M rows); text-blob then took insert CPU ~45% below multi-row VALUES
 * (per 200k rows 0.52–0.69 s vs 0.94–1.27 s). The floor, the same rows generated inside SQLite,
 * is ~3.3 s per 1M rows.
 *
 * Callers own the transaction: wrap a whole import in BEGIN … COMMIT (one transaction is also
 * what keeps a workspace from being left half-imported).
 */

export type InsertStrategy = 'multi-values' | 'text-blob';

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
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  const width = columns.length;
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
    return batchedInserter(per, flush, () => {
      full.free();
      for (const stmt of statements.values()) stmt.free();
    });
  }
  return textBlobInserter(db, table, columns);
}

/** Cuts what is added into statements of at most `per` rows and counts what went in. */
function batchedInserter(
  per: number,
  flush: (rows: readonly (readonly SqlValue[])[], from: number, count: number) => void,
  free: () => void,
): RowInserter {
  let inserted = 0;
  return {
    add(rows) {
      for (let r = 0; r < rows.length; r += per) flush(rows, r, Math.min(per, rows.length - r));
      inserted += rows.length;
    },
    finish: free,
    get inserted() {
      return inserted;
    },
  };
}

/** Measured winner (see the module comment); exported so the bench can report it. */
export const DEFAULT_STRATEGY: InsertStrategy = 'text-blob';

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

/** Columns declared TEXT (their values are stored as text whatever is bound). */
function textColumns(db: Database, table: string, columns: readonly string[]): boolean[] {
  const declared = new Map(
    (db.exec(`PRAGMA table_info(${quoteIdent(table)})`)[0]?.values ?? []).map((r) => [
      String(r[1]),
      String(r[2]).toUpperCase(),
    ]),
  );
  return columns.map((c) => declared.get(c) === 'TEXT');
}

/**
 * Multi-row VALUES where the text of a whole statement travels as ONE blob: each text cell is
 * `CAST(substr(?1, offset, length) AS TEXT)` with two integer parameters. sql.js binds a string
 * with a malloc, two JS loops over its characters and a free; a blob with one memcpy, and an
 * integer with neither. CPU per 200k rows of the 10-column bench data (5 text columns):
 * multi-values 0.94–1.27 s, text-blob 0.52–0.69 s. Values and types stored
 * are the same: a TEXT column stores text either way. A batch with a non-string value in a text
 * column (which a raw import's parsers never produce) goes through plain multi-row VALUES.
 */
function textBlobInserter(db: Database, table: string, columns: readonly string[]): RowInserter {
  const width = columns.length;
  const isText = textColumns(db, table, columns);
  const textCount = isText.filter(Boolean).length;
  if (textCount === 0) return createRowInserter(db, table, columns, 'multi-values');
  // The fallback, prepared only when a batch needs it (its 500-row statement costs a prepare).
  let fallback: RowInserter | undefined;
  const plain = () => (fallback ??= createRowInserter(db, table, columns, 'multi-values'));
  const paramsPerRow = width + textCount;
  const per = Math.max(1, Math.min(500, Math.floor(32_000 / paramsPerRow)));
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  const statements = new Map<number, Statement>();
  const statementFor = (count: number): Statement => {
    let stmt = statements.get(count);
    if (stmt) return stmt;
    let n = 2;
    const tuples: string[] = [];
    for (let r = 0; r < count; r++) {
      const cells = isText.map((text) =>
        text ? `CAST(substr(?1, ?${n++}, ?${n++}) AS TEXT)` : `?${n++}`,
      );
      tuples.push(`(${cells.join(', ')})`);
    }
    stmt = db.prepare(`INSERT INTO ${target} VALUES ${tuples.join(', ')}`);
    statements.set(count, stmt);
    return stmt;
  };
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(1 << 20);
  const flush = (rows: readonly (readonly SqlValue[])[], from: number, count: number): void => {
    const params: (SqlValue | Uint8Array)[] = new Array<SqlValue | Uint8Array>(
      1 + count * paramsPerRow,
    );
    let k = 1;
    let pos = 0;
    for (let r = from; r < from + count; r++) {
      const row = rows[r] as readonly SqlValue[];
      for (let c = 0; c < width; c++) {
        const value = row[c] ?? null;
        if (!isText[c]) {
          params[k++] = value;
          continue;
        }
        if (value === null) {
          params[k++] = null;
          params[k++] = null;
          continue;
        }
        if (typeof value !== 'string') {
          plain().add(rows.slice(from, from + count));
          return;
        }
        if (buffer.length - pos < value.length * 3) {
          const grown = new Uint8Array(Math.max(buffer.length * 2, pos + value.length * 3));
          grown.set(buffer.subarray(0, pos));
          buffer = grown;
        }
        const { written } = encoder.encodeInto(value, buffer.subarray(pos));
        params[k++] = pos + 1;
        params[k++] = written;
        pos += written;
      }
    }
    params[0] = buffer.subarray(0, Math.max(1, pos));
    const stmt = statementFor(count);
    stmt.bind(params);
    stmt.step();
    stmt.reset();
  };
  return batchedInserter(per, flush, () => {
    fallback?.finish();
    for (const stmt of statements.values()) stmt.free();
  });
}
