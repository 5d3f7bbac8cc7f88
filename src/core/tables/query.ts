import type { Database, SqlValue } from 'sql.js';
import { foldText } from '../db/workspace-file';
import { quoteIdent } from '../mutations/table-info';
import { err, ok, type Result } from '../result';
import { resolveTable, type ResolvedTable } from './catalog';
import { affinity } from './cell-value';
import type { ColumnFilter, RowKey, TableColumn, TableQuery, TableQueryResult } from './types';

export const MAX_PAGE = 5000;

/** `%`, `_` and the escape itself are literal in a search, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Declared types that hold text; sorted by fold() so "Éke" sits with "Eke", not after "Z". */
function isTextType(type: string): boolean {
  const upper = type.toUpperCase();
  return upper.includes('CHAR') || upper.includes('CLOB') || upper.includes('TEXT');
}

type Where = { sql: string; params: SqlValue[] };

function filterSql(table: ResolvedTable, filter: ColumnFilter): Result<Where> {
  const column = table.columns.find((candidate) => candidate.name === filter.column);
  if (!column) return unknownColumn(table, filter.column);
  const id = quoteIdent(column.name);
  const single = Array.isArray(filter.value) ? (filter.value[0] ?? null) : (filter.value ?? null);
  const comparisons = { eq: '=', neq: 'IS NOT', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
  switch (filter.op) {
    case 'eq':
    case 'neq':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return ok({ sql: `${id} ${comparisons[filter.op]} ?`, params: [single] });
    case 'contains':
    case 'startsWith': {
      const folded = likeLiteral(foldText(single) ?? '');
      const pattern = filter.op === 'contains' ? `%${folded}%` : `${folded}%`;
      return ok({ sql: `fold(${id}) LIKE ? ESCAPE '\\'`, params: [pattern] });
    }
    case 'isNull':
      return ok({ sql: `${id} IS NULL`, params: [] });
    case 'notNull':
      return ok({ sql: `${id} IS NOT NULL`, params: [] });
    case 'in': {
      const values = Array.isArray(filter.value) ? filter.value : [single];
      if (values.length === 0) return ok({ sql: '0', params: [] });
      return ok({ sql: `${id} IN (${values.map(() => '?').join(', ')})`, params: values });
    }
    default:
      return err('unknown-filter', `Onbekende filter "${String(filter.op)}".`, {
        op: String(filter.op),
      });
  }
}

function unknownColumn(table: ResolvedTable, column: string): Result<never> {
  return err('unknown-column', `De kolom ${column} bestaat niet in ${table.name}.`, {
    table: table.name,
    column,
  });
}

/**
 * One column's part of a search. Numbers have no accents or case, so numeric columns skip the
 * JS fold() call (the costly part on a million rows) and compare their text in SQLite.
 */
function searchTerm(column: TableColumn): string {
  const id = quoteIdent(column.name);
  const kind = affinity(column.type);
  return kind === 'integer' || kind === 'real'
    ? `CAST(${id} AS TEXT) LIKE ? ESCAPE '\\'`
    : `fold(${id}) LIKE ? ESCAPE '\\'`;
}

function buildWhere(table: ResolvedTable, query: TableQuery): Result<Where> {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const filter of query.filters ?? []) {
    const where = filterSql(table, filter);
    if (!where.ok) return where;
    parts.push(where.value.sql);
    params.push(...where.value.params);
  }
  // Each word must occur in some column: "gent oost" finds "Oost-Vlaanderen … Gent".
  const words = (foldText(query.search ?? '') ?? '').split(/\s+/).filter(Boolean);
  for (const word of words) {
    const pattern = `%${likeLiteral(word)}%`;
    parts.push(`(${table.columns.map((column) => searchTerm(column)).join(' OR ')})`);
    params.push(...table.columns.map(() => pattern));
  }
  return ok({ sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params });
}

/**
 * Above this many rows, text sorts by SQLite's own (binary) order: fold() is a JS call per row,
 * seconds on a million-row raw table, while the screens' tables (hundreds of rows) keep the
 * accent-aware order.
 */
export const FOLDED_SORT_MAX_ROWS = 50_000;

function buildOrder(table: ResolvedTable, query: TableQuery, total: number): Result<string> {
  const terms: string[] = [];
  for (const sort of query.sort ?? []) {
    const column = table.columns.find((candidate) => candidate.name === sort.column);
    if (!column) return unknownColumn(table, sort.column);
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const id = quoteIdent(column.name);
    const folded = isTextType(column.type) && total <= FOLDED_SORT_MAX_ROWS;
    terms.push(folded ? `fold(${id}) ${direction}, ${id} ${direction}` : `${id} ${direction}`);
  }
  // Ties broken by the key so paging never shows a row twice or skips one.
  if (table.usesRowid) terms.push('rowid');
  else for (const key of table.keyColumns ?? []) terms.push(quoteIdent(key));
  return ok(terms.length > 0 ? `ORDER BY ${terms.join(', ')}` : '');
}

/**
 * One page of a table or view with sort, filters and search done in SQL. Every identifier is
 * checked against the schema first; values only ever travel as parameters.
 */
export function queryTable(db: Database, query: TableQuery): Result<TableQueryResult> {
  const table = resolveTable(db, query.table);
  if (!table) {
    return err('unknown-table', `De tabel ${query.table} bestaat niet in deze werkruimte.`, {
      table: query.table,
    });
  }
  const where = buildWhere(table, query);
  if (!where.ok) return where;
  const from = `FROM ${quoteIdent(table.name)} ${where.value.sql}`;
  const total = Number(
    db.exec(`SELECT count(*) ${from}`, where.value.params)[0]?.values[0]?.[0] ?? 0,
  );
  const order = buildOrder(table, query, total);
  if (!order.ok) return order;
  const limit = Math.max(0, Math.min(MAX_PAGE, Math.floor(query.limit)));
  const offset = Math.max(0, Math.floor(query.offset));
  const select = table.usesRowid ? 'rowid AS "rowid", *' : '*';
  const statement = db.prepare(`SELECT ${select} ${from} ${order.value} LIMIT ? OFFSET ?`, [
    ...where.value.params,
    limit,
    offset,
  ]);
  const rows: SqlValue[][] = [];
  const keys: RowKey[] = [];
  const offsetInRow = table.usesRowid ? 1 : 0;
  const keyIndexes = (table.keyColumns ?? []).map((key) =>
    table.usesRowid ? 0 : table.columns.findIndex((column) => column.name === key),
  );
  try {
    while (statement.step()) {
      const values = statement.get();
      rows.push(values.slice(offsetInRow));
      if (table.keyColumns) {
        const key: RowKey = {};
        table.keyColumns.forEach((name, index) => {
          key[name] = values[keyIndexes[index] ?? 0] ?? null;
        });
        keys.push(key);
      }
    }
  } finally {
    statement.free();
  }
  return ok({ columns: table.columns, rows, keys: table.keyColumns ? keys : null, total });
}
