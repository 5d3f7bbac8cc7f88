import type { Database, SqlValue } from 'sql.js';
import { appendAudit } from '../mutations/audit';
import { formatValue, rowLabel, tableLabel } from '../mutations/labels';
import { deleteRow, insertRow, updateRow } from '../mutations/row-writes';
import { foreignKeys } from '../mutations/sqlite-errors';
import { inTransaction } from '../mutations/transaction';
import { quoteIdent, readRow, tableShape, type Row, type RowKey } from '../mutations/table-info';

/**
 * Re-applying one user's unsaved edits onto a newer file a colleague saved meanwhile (a shared
 * drive). A three-way comparison: `base` is the file as this user opened or last saved it,
 * `mine` the open workspace, `theirs` the file on disk now. Every row this user inserted,
 * changed or deleted since `base` is written into `theirs`, unless the colleague touched the
 * same thing: the same column of the same row changed by both to different values, a row this
 * user changed that the colleague deleted (or the other way round), a key both added with
 * different contents. Those are listed and the colleague's saved value stays, so nothing
 * anyone saved is overwritten without a word.
 */
export type MergeConflict = {
  table: string;
  key: RowKey;
  /** The column both changed; null when the conflict is about the whole row. */
  column: string | null;
  kind: 'both-changed' | 'they-deleted' | 'i-deleted-they-changed' | 'both-added' | 'refused';
  mine: SqlValue | null;
  theirs: SqlValue | null;
  /** One Dutch line for the conflict list. */
  label: string;
};

export type MergeOutcome = {
  /** How many of this user's row changes were written into the newer file. */
  applied: number;
  conflicts: MergeConflict[];
};

/** Tables every user appends to with generated ids; their rows are appended, never compared. */
const APPEND_ONLY = new Set(['audit_log']);

type Packed = Map<string, { key: RowKey; packed: string }>;

function userTables(db: Database): string[] {
  const result = db.exec(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  return (result[0]?.values ?? []).map((row) => String(row[0]));
}

/**
 * Each row of a table as its key and one packed string of all its values (`quote()` of each
 * column), read in one statement: sql.js pays per value handed to JS, so one per row.
 */
function packedRows(db: Database, table: string): Packed {
  const shape = tableShape(db, table);
  const rows: Packed = new Map();
  if (!shape) return rows;
  const keyColumns = shape.usesRowid ? ['rowid'] : shape.keyColumns;
  const keySql = keyColumns.map((column) => (shape.usesRowid ? 'rowid' : quoteIdent(column)));
  const packedSql = shape.columns
    .map((column) => `quote(${quoteIdent(column.name)})`)
    .join(' || char(31) || ');
  const statement = db.prepare(
    `SELECT ${keySql.join(', ')}, ${packedSql || "''"} FROM ${quoteIdent(table)}`,
  );
  try {
    while (statement.step()) {
      const values = statement.get();
      const key: RowKey = {};
      keyColumns.forEach((column, index) => (key[column] = values[index] ?? null));
      const id = JSON.stringify(keyColumns.map((column) => key[column] ?? null));
      rows.set(id, { key, packed: String(values[keyColumns.length]) });
    }
  } finally {
    statement.free();
  }
  return rows;
}

/** Parents before children (foreign keys), so inserts find their parent rows. */
function parentsFirst(db: Database, tables: readonly string[]): string[] {
  const known = new Set(tables);
  const done = new Set<string>();
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table) || path.has(table)) return;
    path.add(table);
    for (const fk of foreignKeys(db, table)) if (known.has(fk.table)) visit(fk.table, path);
    path.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

function same(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array)
    return a.length === b.length && a.every((byte, index) => byte === b[index]);
  return (a ?? null) === (b ?? null);
}

function conflictLabel(conflict: Omit<MergeConflict, 'label'>): string {
  const row = rowLabel(conflict.table, conflict.key);
  switch (conflict.kind) {
    case 'both-changed':
      return `${row}, ${conflict.column ?? ''}: jij ${formatValue(conflict.mine)}, de andere versie ${formatValue(conflict.theirs)} (die blijft staan)`;
    case 'they-deleted':
      return `${row}: je wijzigde deze rij, in de andere versie is ze verwijderd (ze blijft verwijderd)`;
    case 'i-deleted-they-changed':
      return `${row}: je verwijderde deze rij, in de andere versie is ze gewijzigd (ze blijft staan)`;
    case 'both-added':
      if (Object.keys(conflict.key).length === 0)
        return `${tableLabel(conflict.table)}: door jou en in de andere versie aangemaakt (die van de andere versie blijft)`;
      return `${row}: door jou en in de andere versie toegevoegd, met een andere inhoud (die van de andere versie blijft)`;
    case 'refused':
      return `${row}: je wijziging past niet meer op de andere versie (${formatValue(conflict.mine)})`;
  }
}

/** Copies a table this user created (a raw import) with all its rows into `theirs`. */
function copyNewTable(mine: Database, theirs: Database, table: string): number {
  const create = mine.exec('SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?', [
    'table',
    table,
  ])[0]?.values[0]?.[0];
  if (typeof create !== 'string') return 0;
  theirs.run(create);
  const shape = tableShape(mine, table);
  if (!shape) return 0;
  const target = tableShape(theirs, table);
  if (!target) return 0;
  const select = shape.usesRowid ? 'rowid AS rowid, *' : '*';
  const statement = mine.prepare(`SELECT ${select} FROM ${quoteIdent(table)}`);
  let count = 0;
  try {
    while (statement.step()) {
      insertRow(theirs, target, statement.getAsObject() as Row);
      count++;
    }
  } finally {
    statement.free();
  }
  return count;
}

/**
 * Writes this user's changes since `base` into `theirs` (in one transaction) and returns what
 * was applied and what conflicts. `theirs` is changed; `base` and `mine` are only read.
 */
export function rebaseOnto(
  base: Database,
  mine: Database,
  theirs: Database,
  userName: string | null = null,
): MergeOutcome {
  const conflicts: MergeConflict[] = [];
  let applied = 0;
  const conflict = (item: Omit<MergeConflict, 'label'>) =>
    conflicts.push({ ...item, label: conflictLabel(item) });

  const baseTables = new Set(userTables(base));
  const theirTables = new Set(userTables(theirs));
  const tables = parentsFirst(mine, userTables(mine));

  inTransaction(theirs, () => {
    const deletions: Array<() => void> = [];
    for (const table of tables) {
      if (!baseTables.has(table)) {
        // A table this user created since (a raw import): bring it along, unless theirs has one.
        if (theirTables.has(table)) {
          conflict({ table, key: {}, column: null, kind: 'both-added', mine: null, theirs: null });
        } else {
          applied += copyNewTable(mine, theirs, table);
        }
        continue;
      }
      const shape = tableShape(theirs, table);
      const mineShape = tableShape(mine, table);
      if (!shape || !mineShape) continue; // they dropped it: nothing to write into
      const before = packedRows(base, table);
      const now = packedRows(mine, table);

      if (APPEND_ONLY.has(table)) {
        for (const [id, row] of now) {
          if (before.has(id)) continue;
          const full = readRow(mine, mineShape, row.key);
          if (!full) continue;
          const values = { ...full };
          for (const column of shape.keyColumns) delete values[column];
          insertRow(theirs, shape, values);
        }
        continue;
      }

      for (const [id, row] of now) {
        const old = before.get(id);
        if (old && old.packed === row.packed) continue;
        const mineRow = readRow(mine, mineShape, row.key);
        if (!mineRow) continue;
        const theirRow = readRow(theirs, shape, row.key);
        const write = (work: () => void, onFail: Omit<MergeConflict, 'label'>) => {
          try {
            inTransaction(theirs, work);
            applied++;
          } catch {
            conflict(onFail);
          }
        };
        if (!old) {
          // Inserted by this user.
          if (!theirRow) {
            write(() => insertRow(theirs, shape, mineRow), {
              table,
              key: row.key,
              column: null,
              kind: 'refused',
              mine: null,
              theirs: null,
            });
          } else if (shape.columns.some((c) => !same(mineRow[c.name], theirRow[c.name]))) {
            conflict({
              table,
              key: row.key,
              column: null,
              kind: 'both-added',
              mine: null,
              theirs: null,
            });
          }
          continue;
        }
        // Changed by this user.
        const baseRow = readRow(base, mineShape, row.key);
        if (!baseRow) continue;
        if (!theirRow) {
          conflict({
            table,
            key: row.key,
            column: null,
            kind: 'they-deleted',
            mine: null,
            theirs: null,
          });
          continue;
        }
        const patch: Row = {};
        for (const column of mineShape.columns.map((c) => c.name)) {
          if (same(baseRow[column], mineRow[column])) continue; // not mine
          if (!(column in theirRow)) continue;
          if (same(theirRow[column], mineRow[column])) continue; // both made the same change
          if (!same(theirRow[column], baseRow[column])) {
            conflict({
              table,
              key: row.key,
              column,
              kind: 'both-changed',
              mine: mineRow[column] ?? null,
              theirs: theirRow[column] ?? null,
            });
            continue;
          }
          patch[column] = mineRow[column] ?? null;
        }
        if (Object.keys(patch).length > 0) {
          const [column] = Object.keys(patch);
          write(() => updateRow(theirs, shape, row.key, patch), {
            table,
            key: row.key,
            column: column ?? null,
            kind: 'refused',
            mine: column === undefined ? null : (patch[column] ?? null),
            theirs: null,
          });
        }
      }

      // Deleted by this user: done after all inserts and updates, children first.
      for (const [id, old] of before) {
        if (now.has(id)) continue;
        deletions.push(() => {
          const theirRow = readRow(theirs, shape, old.key);
          if (!theirRow) return; // deleted there too
          const baseRow = readRow(base, shape, old.key);
          if (baseRow && shape.columns.some((c) => !same(baseRow[c.name], theirRow[c.name]))) {
            conflict({
              table,
              key: old.key,
              column: null,
              kind: 'i-deleted-they-changed',
              mine: null,
              theirs: null,
            });
            return;
          }
          try {
            inTransaction(theirs, () => deleteRow(theirs, shape, old.key));
            applied++;
          } catch {
            conflict({
              table,
              key: old.key,
              column: null,
              kind: 'refused',
              mine: null,
              theirs: null,
            });
          }
        });
      }
    }
    for (const remove of deletions.reverse()) remove();
    appendAudit(theirs, {
      action: 'workspace.rebase',
      summary: `Wijzigingen opnieuw toegepast op een nieuwere versie van het bestand: ${applied} toegepast, ${conflicts.length} ${conflicts.length === 1 ? 'conflict' : 'conflicten'}`,
      details: { applied, conflicts: conflicts.slice(0, 50).map((item) => item.label) },
      userName,
    });
  });
  return { applied, conflicts };
}

/** "gemeente 11001 …" lines, at most `limit`, with how many more there are. */
export function conflictLines(conflicts: readonly MergeConflict[], limit = 20): string[] {
  const lines = conflicts.slice(0, limit).map((item) => item.label);
  if (conflicts.length > limit) lines.push(`… en nog ${conflicts.length - limit}`);
  return lines;
}
