import type { Database } from 'sql.js';
import type {
  ColumnMapping,
  ImportTarget,
  ImportTemplate,
  LayoutOverrides,
  RawTableOptions,
} from '../api-types';
import { queryRows } from '../entities/types';
import { targetName } from './import-log';
import { normaliseHeader } from './synonyms';
import type { ColumnLayout } from '../types';

/** What a template keeps besides its name (import_template.options_json). */
type TemplateOptions = {
  target: ImportTarget;
  mapping: ColumnMapping;
  /** Field → the header it was mapped from: a file with an extra column in front still fits. */
  headers?: Record<string, string | null>;
  layout?: LayoutOverrides;
  raw?: RawTableOptions;
};

/**
 * A sheet's layout fingerprint: its normalised headers in order. The same monthly export
 * (same headers, other rows) gets the same fingerprint, whatever its title rows or data say.
 */
export function layoutFingerprint(columns: readonly ColumnLayout[]): string {
  return columns.map((c) => normaliseHeader(c.header)).join('|');
}

const headersOfTemplate = new WeakMap<ImportTemplate, Record<string, string | null>>();

/** A template's mapping for this file's columns: by header where it was saved with headers. */
export function templateMapping(
  template: ImportTemplate,
  columns: readonly ColumnLayout[],
): ColumnMapping {
  const headers = headersOfTemplate.get(template);
  if (!headers) return template.mapping;
  const mapping: ColumnMapping = {};
  for (const [field, header] of Object.entries(headers)) {
    const wanted = header === null ? null : normaliseHeader(header);
    mapping[field] =
      wanted === null
        ? null
        : (columns.find((c) => normaliseHeader(c.header) === wanted)?.index ?? null);
  }
  return mapping;
}

function toTemplate(r: Record<string, unknown>): ImportTemplate | undefined {
  try {
    const options = JSON.parse(String(r.options_json)) as TemplateOptions;
    const template: ImportTemplate = {
      id: Number(r.id),
      name: String(r.name),
      target: options.target,
      mapping: options.mapping,
      fingerprint: String(r.fingerprint),
      updatedAt: String(r.updated_at),
    };
    if (options.headers) headersOfTemplate.set(template, options.headers);
    return template;
  } catch {
    return undefined; // a damaged template is skipped, not fatal
  }
}

/** The most recently used template for this layout, if any. */
export function findTemplate(db: Database, fingerprint: string): ImportTemplate | undefined {
  for (const r of queryRows(
    db,
    'SELECT * FROM import_template WHERE fingerprint = ? ORDER BY updated_at DESC, id DESC',
    [fingerprint],
  )) {
    const t = toTemplate(r);
    if (t) return t;
  }
  return undefined;
}

export function findTemplateByName(db: Database, name: string): ImportTemplate | undefined {
  const r = queryRows(
    db,
    'SELECT * FROM import_template WHERE name = ? ORDER BY updated_at DESC LIMIT 1',
    [name],
  )[0];
  return r ? toTemplate(r) : undefined;
}

export function listTemplates(db: Database): ImportTemplate[] {
  return queryRows(db, 'SELECT * FROM import_template ORDER BY name').flatMap(
    (r) => toTemplate(r) ?? [],
  );
}

/** Saves (or updates) the template for this target and layout. Runs inside the commit. */
export function saveTemplate(
  db: Database,
  name: string,
  fingerprint: string,
  options: TemplateOptions,
): void {
  const now = new Date().toISOString();
  db.run(
    `INSERT INTO import_template (name, target, fingerprint, options_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (target, fingerprint) DO UPDATE SET name = excluded.name,
       options_json = excluded.options_json, updated_at = excluded.updated_at`,
    [
      name,
      `${options.target.kind}:${targetName(options.target)}`,
      fingerprint,
      JSON.stringify(options),
      now,
      now,
    ],
  );
}
