import { foldAccents } from '../readers/column-names';
import { checkHierarchy, childrenFirst } from './hierarchy';
import { RefLookup } from './lookup';
import { field, pickMapped, queryRows, type EntityImporter, type ExistingRow } from './types';

const COLUMNS: Record<string, string> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  region_code: 'region_code',
  valid_from: 'valid_from',
  valid_to: 'valid_to',
  sort_order: 'sort_order',
};

/** Dutch and English words for the kinds of unit the schema knows. */
const KINDS: Record<string, string> = {
  agency: 'agency',
  agentschap: 'agency',
  entiteit: 'agency',
  division: 'division',
  afdeling: 'division',
  divisie: 'division',
  region_team: 'region_team',
  regioteam: 'region_team',
  regionaal_team: 'region_team',
  regional_team: 'region_team',
  team: 'team',
  service: 'service',
  dienst: 'service',
  cel: 'service',
};

export function unitKind(text: string): string | undefined {
  return KINDS[
    foldAccents(text)
      .toLowerCase()
      .trim()
      .replace(/[^a-z]+/g, '_')
  ];
}

/** Organisation units: a tree keyed by unit code; the parent by code or name. */
export const orgUnitImporter: EntityImporter = {
  name: 'org_unit',
  labelKey: 'import.entities.org_unit',
  fields: [
    field('org_unit', 'code', 'text', { required: true, isKey: true }),
    field('org_unit', 'name', 'text', { required: true }),
    field('org_unit', 'kind', 'text'),
    field('org_unit', 'parent', 'text'),
    field('org_unit', 'region_code', 'text'),
    field('org_unit', 'valid_from', 'date'),
    field('org_unit', 'valid_to', 'date'),
    field('org_unit', 'sort_order', 'integer'),
  ],
  keyOf: (values) => String(values.code ?? ''),
  dependsOn: (row) => (row.values.parent ? [String(row.values.parent)] : []),
  prepare(rows, context) {
    const regions = RefLookup.fromTable(context.db, 'region', 'code', 'code');
    for (const row of rows) {
      if (row.values.code !== null && row.values.code !== undefined) {
        row.values.code = String(row.values.code).trim();
      }
      const kind = row.values.kind;
      if (context.mapped.has('kind') && kind !== null && kind !== undefined) {
        const k = unitKind(String(kind));
        if (k) row.values.kind = k;
        else {
          context.issue(
            row,
            'kind',
            `Onbekend soort eenheid '${String(kind)}' (agentschap, afdeling, regioteam, team of dienst)`,
          );
        }
      }
      const region = row.values.region_code;
      if (context.mapped.has('region_code') && region !== null && region !== undefined) {
        const found = regions.find(String(region));
        if (found) row.values.region_code = String(found.id);
        else context.issue(row, 'region_code', `Onbekende regio '${String(region)}'`);
      }
    }
    const units = RefLookup.fromTable(context.db, 'org_unit');
    const existingParents = new Map<string, string | null>();
    for (const r of queryRows(
      context.db,
      'SELECT u.code, p.code AS parent FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id',
    )) {
      existingParents.set(String(r.code), r.parent === null ? null : String(r.parent));
    }
    const fileUnits = new RefLookup(
      rows.map((r) => ({
        id: String(r.values.code),
        code: String(r.values.code),
        name: String(r.values.name ?? ''),
      })),
    );
    checkHierarchy({
      rows,
      context,
      keyField: 'code',
      parentField: 'parent',
      findParent: (text) => fileUnits.find(text)?.code ?? units.find(text)?.code,
      existingParents,
      labels: {
        missing: (text) =>
          `Bovenliggende eenheid '${text}' bestaat niet (niet in het bestand, niet in de werkruimte)`,
        self: 'Een eenheid kan niet onder zichzelf vallen',
        cycle: (path) => `Kring in de organisatiestructuur: ${path}`,
      },
    });
  },
  loadExisting(db) {
    const map = new Map<string, ExistingRow>();
    for (const r of queryRows(
      db,
      'SELECT u.*, p.code AS parent FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id',
    )) {
      map.set(String(r.code), { values: r, pk: { id: r.id ?? null } });
    }
    return map;
  },
  write({ db, writer, mapped, existing }, { added, changed, removed }) {
    for (const row of added) {
      const values = pickMapped(row.values, mapped, COLUMNS);
      values.kind ??= 'team';
      writer.insert('org_unit', values);
    }
    const idOf = (code: string): number | null => {
      const v = db.exec('SELECT id FROM org_unit WHERE code = ?', [code])[0]?.values[0]?.[0];
      return v === undefined || v === null ? null : Number(v);
    };
    const parentId = (row: { values: Record<string, unknown> }): number | null =>
      row.values.parent ? idOf(String(row.values.parent)) : null;
    if (mapped.has('parent')) {
      for (const row of added) {
        const id = idOf(String(row.values.code));
        if (id !== null) writer.update('org_unit', { id }, { parent_id: parentId(row) }, false);
      }
    }
    for (const row of changed) {
      const old = existing.get(String(row.values.code));
      if (!old) continue;
      const values = pickMapped(row.values, mapped, COLUMNS);
      if (mapped.has('kind') && values.kind === null) delete values.kind;
      if (mapped.has('parent')) values.parent_id = parentId(row);
      writer.update('org_unit', old.pk, values);
    }
    const parentOf = (key: string): string | null => {
      const p = existing.get(key)?.values.parent;
      return p === null || p === undefined ? null : String(p);
    };
    for (const key of childrenFirst(removed, parentOf)) {
      const old = existing.get(key);
      if (old) writer.delete('org_unit', old.pk);
    }
  },
};
