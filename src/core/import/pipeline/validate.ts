import type { Database } from 'sql.js';
import type { ColumnMapping, ValidationIssue } from '../api-types';
import type { Row } from './commit';
import type { EntityImporter, EntityRow, PrepareContext } from '../entities/types';
import type { NisResolver } from './nis-crosswalk';
import type { CellValue, ParseOptions, ParseValue, SheetLayout, SqlValue } from '../types';

/** Issues listed in a plan at most; the Excel export of the issues has them all. */
export const MAX_PLAN_ISSUES = 1000;

/** Rows between two yields to the event loop, so a cancel message can get through. */
export const YIELD_EVERY = 4000;

export class ImportCancelled extends Error {
  constructor() {
    super('Import geannuleerd');
  }
}

/** Lets pending messages (a cancel) in; the reader sees the aborted signal and stops. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Lets pending messages in, then stops if the job was cancelled (outside reader callbacks). */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  await yieldToEventLoop();
  if (signal.aborted) throw new ImportCancelled();
}

/** Collects the problems found before anything is written, and which rows they reject. */
export class IssueSink {
  readonly issues: ValidationIssue[] = [];
  readonly rejectedRows = new Set<number>();

  constructor(readonly sheet: string) {}

  add(
    row: number,
    column: string,
    value: unknown,
    reason: string,
    severity: 'error' | 'warning' = 'error',
  ): void {
    this.issues.push({ sheet: this.sheet, row, column, value: cellText(value), reason, severity });
    if (severity === 'error') this.rejectedRows.add(row);
  }

  /** Issues sorted by row, for the plan and the export. */
  sorted(): ValidationIssue[] {
    return [...this.issues].sort((a, b) => a.row - b.row);
  }
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'date' in value)
    return String((value as { date: unknown }).date);
  return String(value);
}

export function isEmptyCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The 1-based spreadsheet column letter ("A", "AB") of a 0-based index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "NIS-code (B)": the header as written plus its column letter, for issues. */
export function columnLabel(layout: SheetLayout, index: number): string {
  const header = layout.columns.find((c) => c.index === index)?.header ?? '';
  return header ? `${header} (${columnLetter(index)})` : columnLetter(index);
}

/**
 * Reads one data row into entity field values: empty cells are null, required empty fields and
 * cells that do not parse as their field's type are issues, NIS codes go through the crosswalk.
 */
export function readEntityRow(options: {
  cells: CellValue[];
  row: number;
  importer: EntityImporter;
  mapping: ColumnMapping;
  layout: SheetLayout;
  parseValue: ParseValue;
  /** Per sheet column: its number style and the workbook's date system. */
  parseOptions: (index: number) => ParseOptions;
  nis: NisResolver;
  sink: IssueSink;
  mappedNis: WeakSet<EntityRow>;
}): EntityRow | null {
  const { cells, row, importer, mapping, layout, nis, sink } = options;
  let anyValue = false;
  for (const f of importer.fields) {
    const index = mapping[f.key];
    if (index !== null && index !== undefined && !isEmptyCell(cells[index])) anyValue = true;
  }
  if (!anyValue) return null; // blank lines inside the data range are not rows
  const values: Row = {};
  const entityRow: EntityRow = { row, values };
  for (const f of importer.fields) {
    const index = mapping[f.key];
    if (index === null || index === undefined) continue;
    const cell = cells[index] ?? null;
    const column = columnLabel(layout, index);
    if (isEmptyCell(cell)) {
      values[f.key] = null;
      if (f.required) sink.add(row, column, '', 'Verplicht veld is leeg');
      continue;
    }
    const opts = options.parseOptions(index);
    const parseValue: ParseValue = (c, t) => options.parseValue(c, t, opts);
    const parsed = f.parse ? f.parse(cell, parseValue) : parseValue(cell, f.type);
    if (!parsed.ok) {
      values[f.key] = null;
      sink.add(row, column, cell, parsed.error.reason);
      continue;
    }
    let value: SqlValue = typeof parsed.value === 'string' ? parsed.value.trim() : parsed.value;
    if (f.nis) {
      const resolved = nis.resolve(value, f.nis.allowNew ?? false);
      if (!resolved.ok) {
        sink.add(row, column, cell, resolved.reason);
        value = null;
      } else {
        if (resolved.mapped) options.mappedNis.add(entityRow);
        value = resolved.code;
      }
    }
    values[f.key] = value;
  }
  return entityRow;
}

/**
 * Checks across rows and against the workspace: the entity's own checks (references, cycles),
 * duplicate keys within the file, and rows whose parent row was rejected.
 */
export function validateEntityRows(options: {
  db: Database;
  rows: EntityRow[];
  importer: EntityImporter;
  mapping: ColumnMapping;
  layout: SheetLayout;
  nis: NisResolver;
  sink: IssueSink;
  mappedNis: WeakSet<EntityRow>;
}): EntityRow[] {
  const { db, importer, mapping, layout, nis, sink } = options;
  let rows = options.rows;
  const mapped = new Set(
    Object.entries(mapping)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k]) => k),
  );
  const columnOf = (fieldKey: string): string => {
    const index = mapping[fieldKey];
    return index === null || index === undefined ? fieldKey : columnLabel(layout, index);
  };
  const rejected = new Set<EntityRow>(rows.filter((r) => sink.rejectedRows.has(r.row)));
  const context: PrepareContext = {
    db,
    nis,
    mapped,
    rejected,
    issue(row, fieldKey, reason, severity = 'error') {
      sink.add(row.row, columnOf(fieldKey), row.values[fieldKey] ?? '', reason, severity);
      if (severity === 'error') rejected.add(row);
    },
  };
  importer.prepare?.(rows, context);

  // Duplicate keys: a collision made only by the crosswalk merges (where the entity knows how).
  const byKey = new Map<string, EntityRow>();
  const keyFields = importer.fields.filter((f) => f.isKey).map((f) => f.key);
  const merged = new Set<EntityRow>();
  for (const row of rows) {
    if (rejected.has(row)) continue;
    const key = importer.keyOf(row.values);
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, row);
      continue;
    }
    if (importer.mergeMapped && (options.mappedNis.has(row) || options.mappedNis.has(first))) {
      importer.mergeMapped(first, row);
      merged.add(row);
      sink.add(
        row.row,
        columnOf(keyFields[0] ?? ''),
        row.values[keyFields[0] ?? ''] ?? '',
        `Samengevoegd met rij ${first.row}: beide gemeenten vormen sinds 2025 één gemeente`,
        'warning',
      );
      continue;
    }
    context.issue(
      row,
      keyFields[0] ?? '',
      `Dubbele sleutel: dezelfde ${keyFields.join(' + ')} staat ook in rij ${first.row}`,
    );
  }
  rows = rows.filter((r) => !merged.has(r));

  // A row whose parent row in the same file is rejected cannot be written either.
  if (importer.dependsOn) {
    const rowByKey = new Map<string, EntityRow>();
    for (const r of rows)
      if (!rowByKey.has(importer.keyOf(r.values))) rowByKey.set(importer.keyOf(r.values), r);
    let changed = true;
    while (changed) {
      changed = false;
      for (const row of rows) {
        if (rejected.has(row)) continue;
        for (const parentKey of importer.dependsOn(row)) {
          const parent = rowByKey.get(parentKey);
          if (parent && parent !== row && rejected.has(parent)) {
            context.issue(
              row,
              importer.name === 'position' ? 'reports_to' : 'parent',
              `Hangt af van rij ${parent.row}, die afgekeurd is`,
            );
            changed = true;
          }
        }
      }
    }
  }
  return rows.filter((r) => !rejected.has(r) && !sink.rejectedRows.has(r.row));
}
