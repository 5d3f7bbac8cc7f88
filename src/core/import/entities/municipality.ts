import { field, pickMapped, queryRows, type EntityImporter, type ExistingRow } from './types';
import { RefLookup } from './lookup';

const COLUMNS: Record<string, string> = {
  nis_code: 'nis_code',
  name: 'name',
  arrondissement: 'arrondissement',
  province: 'province',
  reference_region_code: 'reference_region_code',
  network_code: 'network_code',
  agii_region_code: 'agii_region_code',
  inhabitants_2020: 'inhabitants_2020',
};
const REGION_FIELDS = ['reference_region_code', 'network_code', 'agii_region_code'];

/** Municipalities, keyed by NIS code (an old code of a merged municipality maps to its new one). */
export const municipalityImporter: EntityImporter = {
  name: 'municipality',
  labelKey: 'import.entities.municipality',
  fields: [
    field('municipality', 'nis_code', 'nis_code', {
      required: true,
      isKey: true,
      nis: { allowNew: true },
    }),
    field('municipality', 'name', 'text', { required: true }),
    field('municipality', 'arrondissement', 'text'),
    field('municipality', 'province', 'text'),
    field('municipality', 'reference_region_code', 'text'),
    field('municipality', 'network_code', 'text'),
    field('municipality', 'agii_region_code', 'text'),
    field('municipality', 'inhabitants_2020', 'integer'),
  ],
  keyOf: (values) => String(values.nis_code ?? ''),
  prepare(rows, context) {
    const regions = RefLookup.fromTable(context.db, 'region', 'code', 'code');
    for (const row of rows) {
      for (const key of REGION_FIELDS) {
        const value = row.values[key];
        if (!context.mapped.has(key) || value === null || value === undefined) continue;
        const region = regions.find(String(value));
        if (region) row.values[key] = String(region.id);
        else context.issue(row, key, `Onbekende regio '${String(value)}'`);
      }
      const inhabitants = row.values.inhabitants_2020;
      if (typeof inhabitants === 'number' && inhabitants < 0) {
        context.issue(row, 'inhabitants_2020', 'Het aantal inwoners kan niet negatief zijn');
      }
    }
  },
  loadExisting(db) {
    const map = new Map<string, ExistingRow>();
    for (const r of queryRows(db, 'SELECT * FROM municipality')) {
      map.set(String(r.nis_code), { values: r, pk: { nis_code: r.nis_code ?? null } });
    }
    return map;
  },
  write({ writer, mapped, existing }, { added, changed, removed }) {
    for (const row of added) writer.insert('municipality', pickMapped(row.values, mapped, COLUMNS));
    for (const row of changed) {
      const old = existing.get(String(row.values.nis_code));
      if (old) writer.update('municipality', old.pk, pickMapped(row.values, mapped, COLUMNS));
    }
    for (const key of removed) {
      const old = existing.get(key);
      if (old) writer.delete('municipality', old.pk);
    }
  },
};
