import type { Database } from 'sql.js';
import { DOMAIN_TABLES } from '../db/schema';
import { objectType, quoteIdent, tableColumns, tableShape } from '../mutations/table-info';
import { EDITABLE_VIEWS, READ_ONLY_TABLES, type EditableView } from './editable-views';
import type { TableColumn, TableKind, TableSummary } from './types';

const DOMAIN = new Set<string>(DOMAIN_TABLES);

/** A table or view checked against the schema: the only names ever put into SQL text. */
export type ResolvedTable = Omit<TableSummary, 'rowCount'> & {
  /** Keys read through the hidden rowid (keyless raw table). */
  usesRowid: boolean;
  /** For an editable view: where its edits go. */
  base: EditableView | null;
};

function datasetLabels(db: Database): Map<string, string> {
  const rows = db.exec('SELECT table_name, label FROM dataset')[0]?.values ?? [];
  return new Map(rows.map(([name, label]) => [String(name), String(label)]));
}

export function resolveTable(
  db: Database,
  name: string,
  labels: Map<string, string> = datasetLabels(db),
): ResolvedTable | null {
  const type = objectType(db, name);
  if (type === null) return null;
  if (type === 'view') {
    const base = EDITABLE_VIEWS[name] ?? null;
    const columns: TableColumn[] = tableColumns(db, name).map((column) => ({
      name: column.name,
      type: column.type,
      notNull: column.notNull,
      primaryKey: base?.key.includes(column.name) ?? false,
      editable: base?.columns.includes(column.name) ?? false,
    }));
    return {
      name,
      label: name,
      kind: 'view',
      columns,
      keyColumns: base ? base.key : null,
      editable: base !== null,
      usesRowid: false,
      base,
    };
  }
  const shape = tableShape(db, name);
  if (!shape) return null;
  const kind: TableKind = DOMAIN.has(name) ? 'domain' : 'dataset';
  const editable = !READ_ONLY_TABLES.has(name);
  return {
    name,
    label: labels.get(name) ?? name,
    kind,
    columns: shape.columns.map((column) => ({
      name: column.name,
      type: column.type,
      notNull: column.notNull,
      primaryKey: column.primaryKey > 0,
      editable,
    })),
    keyColumns: shape.keyColumns,
    editable,
    usesRowid: shape.usesRowid,
    base: null,
  };
}

/** Every table and view a user can look at: the app's tables, its views, imported datasets. */
export function listTables(db: Database): TableSummary[] {
  const labels = datasetLabels(db);
  const names = (
    db.exec(
      "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )[0]?.values ?? []
  ).map((row) => String(row[0]));
  const order: Record<TableKind, number> = { domain: 0, view: 1, dataset: 2 };
  return names
    .map((name) => resolveTable(db, name, labels))
    .filter((table): table is ResolvedTable => table !== null)
    .map(({ usesRowid: _usesRowid, base: _base, ...table }) => ({
      ...table,
      rowCount: Number(
        db.exec(`SELECT count(*) FROM ${quoteIdent(table.name)}`)[0]?.values[0]?.[0] ?? 0,
      ),
    }))
    .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}
