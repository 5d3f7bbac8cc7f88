import type { CellChange, DiffRow, ImportPlan } from '../api-types';
import type { Row } from './commit';
import type { SqlValue } from '../types';

/** Rows listed in a plan at most (the counts are always complete). */
export const MAX_DIFF_ROWS = 2000;

/** Whether two cell values mean the same: "" and null are both empty; 1 and "1.0" are equal. */
export function sameValue(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA && emptyB;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isFinite(x) && Number.isFinite(y))
      return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  }
  return String(a) === String(b);
}

export type KeyedRow = { key: string; row: number; values: Row };

export type RowDiff<T extends KeyedRow> = {
  added: T[];
  changed: { row: T; changes: CellChange[] }[];
  unchanged: number;
  /** Keys in the workspace the file does not have. */
  removed: string[];
};

/** Compares the file's rows with the workspace's, over the given fields only. */
export function diffRows<T extends KeyedRow>(
  fileRows: readonly T[],
  existing: ReadonlyMap<string, { values: Row }>,
  fields: readonly string[],
): RowDiff<T> {
  const result: RowDiff<T> = { added: [], changed: [], unchanged: 0, removed: [] };
  const seen = new Set<string>();
  for (const row of fileRows) {
    seen.add(row.key);
    const old = existing.get(row.key);
    if (!old) {
      result.added.push(row);
      continue;
    }
    const changes: CellChange[] = [];
    for (const field of fields) {
      // A field the workspace does not keep in this shape (e.g. a new person's contract) is
      // written but not compared.
      if (!(field in old.values)) continue;
      const before = old.values[field] ?? null;
      const after = row.values[field] ?? null;
      if (!sameValue(before, after)) changes.push({ field, before, after });
    }
    if (changes.length > 0) result.changed.push({ row, changes });
    else result.unchanged++;
  }
  for (const key of existing.keys()) if (!seen.has(key)) result.removed.push(key);
  return result;
}

/** The plan's diff summary: counts plus the first rows (changed, then added, then removed). */
export function summariseDiff<T extends KeyedRow>(diff: RowDiff<T>): ImportPlan['diff'] {
  const rows: DiffRow[] = [];
  for (const c of diff.changed) {
    if (rows.length >= MAX_DIFF_ROWS) break;
    rows.push({ key: c.row.key, kind: 'changed', changes: c.changes, row: c.row.row });
  }
  for (const a of diff.added) {
    if (rows.length >= MAX_DIFF_ROWS) break;
    rows.push({ key: a.key, kind: 'added', row: a.row, values: a.values });
  }
  for (const key of diff.removed) {
    if (rows.length >= MAX_DIFF_ROWS) break;
    rows.push({ key, kind: 'removed' });
  }
  const total = diff.changed.length + diff.added.length + diff.removed.length;
  return {
    added: diff.added.length,
    changed: diff.changed.length,
    removed: diff.removed.length,
    unchanged: diff.unchanged,
    rows,
    ...(total > rows.length ? { truncated: true } : {}),
  };
}
