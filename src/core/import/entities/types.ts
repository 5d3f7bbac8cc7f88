import type { Database } from 'sql.js';
import type { EntityDefinition, EntityField, EntityName } from '../api-types';
import type { Row, TableWriter } from '../pipeline/commit';
import type { NisResolver } from '../pipeline/nis-crosswalk';
import type { CellValue, ParseValue, SqlValue, ValueProblem } from '../types';
import type { Result } from '../../result';

/** A field plus how to read it, when its column type alone does not say enough. */
export type EntityFieldSpec = EntityField & {
  /** Reads one non-empty cell; defaults to `parseValue(cell, type)`. */
  parse?: (cell: CellValue, parseValue: ParseValue) => Result<SqlValue, ValueProblem>;
  /** NIS fields: a 2024 code is mapped via the crosswalk; `allowNew` accepts unknown codes. */
  nis?: { allowNew?: boolean };
};

/** One data row of the file, read into field values. `row` is the 1-based Excel row. */
export type EntityRow = { row: number; values: Row };

/** A row already in the workspace: its values in the entity's field vocabulary, and its key. */
export type ExistingRow = { values: Row; pk: Row };

export type PrepareContext = {
  db: Database;
  nis: NisResolver;
  /** Mapped field keys. */
  mapped: ReadonlySet<string>;
  /** Records a problem with one row's field; an error rejects the row. */
  issue(row: EntityRow, field: string, reason: string, severity?: 'error' | 'warning'): void;
  /** Rows already rejected (prepare may skip their cross-checks). */
  rejected: ReadonlySet<EntityRow>;
};

export type WriteContext = {
  db: Database;
  writer: TableWriter;
  mapped: ReadonlySet<string>;
  /** Existing rows by key (as loaded before writing). */
  existing: ReadonlyMap<string, ExistingRow>;
};

export type EntityChanges = {
  added: EntityRow[];
  changed: EntityRow[];
  /** Keys of rows in the workspace, absent from the file, to remove. */
  removed: string[];
};

export type EntityImporter = {
  name: EntityName;
  labelKey: string;
  fields: EntityFieldSpec[];
  keyOf(values: Row): string;
  /** Checks that need the workspace or other rows (references, cycles); may canonicalise values. */
  prepare?(rows: EntityRow[], context: PrepareContext): void;
  /** Keys of other rows of the same file this row needs (its parent): a rejected one rejects it. */
  dependsOn?(row: EntityRow): string[];
  /** Two rows whose keys collide only because the crosswalk merged their municipalities. */
  mergeMapped?(into: EntityRow, from: EntityRow): void;
  loadExisting(db: Database): Map<string, ExistingRow>;
  write(context: WriteContext, changes: EntityChanges): void;
};

export function definitionOf(importer: EntityImporter): EntityDefinition {
  return {
    name: importer.name,
    labelKey: importer.labelKey,
    fields: importer.fields.map(({ key, labelKey, type, required, isKey }) => ({
      key,
      labelKey,
      type,
      required,
      ...(isKey ? { isKey } : {}),
    })),
  };
}

/** Field helper: label keys are `import.fields.<entity>.<field>` (H7 adds the strings). */
export function field(
  entity: EntityName,
  key: string,
  type: EntityField['type'],
  options: Partial<Omit<EntityFieldSpec, 'key' | 'type' | 'labelKey'>> = {},
): EntityFieldSpec {
  return {
    key,
    labelKey: `import.fields.${entity}.${key}`,
    type,
    required: options.required ?? false,
    ...options,
  };
}

/** Runs a query and returns its rows as objects. */
export function queryRows(
  db: Database,
  sql: string,
  params: (string | number | null)[] = [],
): Row[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: Row[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as Row);
    return out;
  } finally {
    stmt.free();
  }
}

/** Only the mapped fields of a row's values, renamed to columns. */
export function pickMapped(
  values: Row,
  mapped: ReadonlySet<string>,
  columns: Record<string, string>,
): Row {
  const out: Row = {};
  for (const [fieldKey, column] of Object.entries(columns)) {
    if (mapped.has(fieldKey)) out[column] = values[fieldKey] ?? null;
  }
  return out;
}
