import type { ColumnMapping, EntityName, ImportTarget } from '../api-types';
import { toColumnName } from '../readers/column-names';
import { ENTITY_IMPORTERS } from '../entities';
import { normaliseHeader, synonymsFor } from './synonyms';
import type { ColumnLayout } from '../types';

type Candidate = { field: string; column: number; score: number };

/**
 * Suggests which sheet column feeds which entity field, from the headers alone: an exact
 * (folded) synonym beats a header that merely contains one, an entity's own synonyms beat the
 * shared ones, and each column feeds at most one field.
 */
export function suggestMapping(
  columns: readonly ColumnLayout[],
  entity: EntityName,
): ColumnMapping {
  const importer = ENTITY_IMPORTERS[entity];
  const candidates: Candidate[] = [];
  importer.fields.forEach((f, fieldIndex) => {
    const synonyms = [f.key, ...synonymsFor(entity, f.key)].map(normaliseHeader);
    for (const column of columns) {
      const header = normaliseHeader(column.header);
      if (header === '') continue;
      let best = 0;
      synonyms.forEach((s, i) => {
        if (s === '') return;
        if (header === s) best = Math.max(best, 1000 - i);
        else if (s.length >= 3 && header.includes(s)) best = Math.max(best, 500 - i + s.length);
      });
      // Required and earlier fields win ties: "Naam" is a person before it is a title.
      if (best > 0)
        candidates.push({ field: f.key, column: column.index, score: best * 100 - fieldIndex });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  const mapping: ColumnMapping = Object.fromEntries(importer.fields.map((f) => [f.key, null]));
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return mapping;
}

/** How well a sheet's headers fit an entity: every required field found, then how many fields. */
function fitScore(columns: readonly ColumnLayout[], entity: EntityName): number {
  const importer = ENTITY_IMPORTERS[entity];
  const mapping = suggestMapping(columns, entity);
  const mapped = importer.fields.filter((f) => mapping[f.key] !== null);
  if (importer.fields.some((f) => f.required && mapping[f.key] === null)) return 0;
  if (mapped.length < 2) return 0;
  return mapped.length / importer.fields.length + mapped.length;
}

/** The entity the headers fit best, or a raw table named after the sheet/file. */
export function suggestTarget(
  columns: readonly ColumnLayout[],
  fallbackTableName: string,
): ImportTarget {
  let best: { entity: EntityName; score: number } | undefined;
  for (const entity of Object.keys(ENTITY_IMPORTERS) as EntityName[]) {
    const score = fitScore(columns, entity);
    if (score > 0 && (!best || score > best.score)) best = { entity, score };
  }
  return best
    ? { kind: 'entity', entity: best.entity }
    : { kind: 'raw', table: rawTableName(fallbackTableName) };
}

/** A file or sheet name → a valid raw table name ("Bevolking 2024.xlsx" → "bevolking_2024"). */
export function rawTableName(name: string): string {
  const base = name.replace(/\.(xlsx|xlsm|csv|tsv|txt)$/i, '');
  return toColumnName(base, 'tabel').slice(0, 60);
}

/**
 * A mapping whose values may be column headers (templates written by hand for the CLI) →
 * column indices. Unknown headers stay unmapped.
 */
export function resolveMapping(
  mapping: Record<string, number | string | null>,
  columns: readonly ColumnLayout[],
): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [key, value] of Object.entries(mapping)) {
    if (typeof value === 'number' || value === null) out[key] = value;
    else {
      const wanted = normaliseHeader(value);
      out[key] =
        columns.find((c) => normaliseHeader(c.header) === wanted || c.name === value)?.index ??
        null;
    }
  }
  return out;
}
