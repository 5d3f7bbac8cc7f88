import { field, pickMapped, queryRows, type EntityImporter, type ExistingRow } from './types';

const COLUMNS: Record<string, string> = {
  nis_code: 'nis_code',
  year: 'year',
  newcomers: 'newcomers',
  source: 'source',
};

/** Expected newcomers per municipality and year; keyed by (NIS code, year). */
export const newcomerForecastImporter: EntityImporter = {
  name: 'newcomer_forecast',
  labelKey: 'import.entities.newcomer_forecast',
  fields: [
    field('newcomer_forecast', 'nis_code', 'nis_code', { required: true, isKey: true, nis: {} }),
    field('newcomer_forecast', 'year', 'integer', { required: true, isKey: true }),
    field('newcomer_forecast', 'newcomers', 'decimal', { required: true }),
    field('newcomer_forecast', 'source', 'text'),
  ],
  keyOf: (values) => `${String(values.nis_code ?? '')}|${String(values.year ?? '')}`,
  prepare(rows, context) {
    for (const row of rows) {
      const year = row.values.year;
      if (typeof year === 'number' && (year < 1900 || year > 2100)) {
        context.issue(row, 'year', 'Geen geldig jaar');
      }
      const n = row.values.newcomers;
      if (typeof n === 'number' && n < 0) {
        context.issue(row, 'newcomers', 'Het aantal nieuwkomers kan niet negatief zijn');
      }
    }
  },
  // Melle and Merelbeke are one municipality from 2025: their forecasts add up.
  mergeMapped(into, from) {
    const a = Number(into.values.newcomers ?? 0);
    const b = Number(from.values.newcomers ?? 0);
    into.values.newcomers = a + b;
  },
  loadExisting(db) {
    const map = new Map<string, ExistingRow>();
    for (const r of queryRows(db, 'SELECT * FROM newcomer_forecast')) {
      map.set(`${String(r.nis_code)}|${String(r.year)}`, {
        values: r,
        pk: { nis_code: r.nis_code ?? null, year: r.year ?? null },
      });
    }
    return map;
  },
  write({ writer, mapped, existing }, { added, changed, removed }) {
    for (const row of added)
      writer.insert('newcomer_forecast', pickMapped(row.values, mapped, COLUMNS));
    for (const row of changed) {
      const old = existing.get(newcomerForecastImporter.keyOf(row.values));
      if (old) writer.update('newcomer_forecast', old.pk, pickMapped(row.values, mapped, COLUMNS));
    }
    for (const key of removed) {
      const old = existing.get(key);
      if (old) writer.delete('newcomer_forecast', old.pk);
    }
  },
};
