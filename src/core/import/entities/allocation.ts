import { foldAccents } from '../readers/column-names';
import type { Row } from '../pipeline/commit';
import type { CellValue, ParseValue, SqlValue, ValueProblem } from '../types';
import type { Result } from '../../result';
import { RefLookup } from './lookup';
import { field, queryRows, type EntityImporter, type ExistingRow } from './types';

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mrt: 3,
  maart: 3,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2022-03", "03/2022", "maart 2022", a date or an Excel serial → "2022-03". */
export function parseMonth(
  cell: CellValue,
  parseValue: ParseValue,
): Result<SqlValue, ValueProblem> {
  const bad: Result<SqlValue, ValueProblem> = {
    ok: false,
    error: { reason: 'Geen geldige maand (bv. 2022-03 of 03/2022)', expected: 'date' },
  };
  if (typeof cell === 'object' && cell !== null && 'date' in cell)
    return { ok: true, value: cell.date.slice(0, 7) };
  if (typeof cell === 'string') {
    const t = foldAccents(cell).toLowerCase().trim();
    let m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
    if (m) return monthOf(Number(m[1]), Number(m[2])) ?? bad;
    m = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
    if (m) return monthOf(Number(m[2]), Number(m[1])) ?? bad;
    m = /^([a-z]+)\.?[\s-]+(\d{4})$/.exec(t);
    if (m) {
      const month = MONTHS[m[1] ?? ''];
      return month ? (monthOf(Number(m[2]), month) ?? bad) : bad;
    }
  }
  const date = parseValue(cell, 'date');
  if (date.ok && typeof date.value === 'string' && /^\d{4}-\d{2}/.test(date.value)) {
    return { ok: true, value: date.value.slice(0, 7) };
  }
  return bad;
}

function monthOf(year: number, month: number): Result<SqlValue, ValueProblem> | undefined {
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return undefined;
  return { ok: true, value: `${year}-${pad(month)}` };
}

const KEY_FIELDS = [
  'scenario',
  'position',
  'person',
  'activity',
  'region_code',
  'nis_code',
  'month',
];

/** Time-phased FTE allocations: scenario × position (× person) × activity × region × month. */
export const allocationImporter: EntityImporter = {
  name: 'allocation',
  labelKey: 'import.entities.allocation',
  fields: [
    field('allocation', 'scenario', 'text', { required: true, isKey: true }),
    field('allocation', 'position', 'text', { required: true, isKey: true }),
    field('allocation', 'person', 'text', { isKey: true }),
    field('allocation', 'activity', 'text', { required: true, isKey: true }),
    field('allocation', 'region_code', 'text', { isKey: true }),
    field('allocation', 'nis_code', 'nis_code', { isKey: true, nis: {} }),
    field('allocation', 'month', 'date', { required: true, isKey: true, parse: parseMonth }),
    field('allocation', 'fte', 'decimal', { required: true }),
  ],
  keyOf: (values) => KEY_FIELDS.map((k) => String(values[k] ?? '')).join('|'),
  prepare(rows, context) {
    const { db } = context;
    const scenarios = new RefLookup(
      queryRows(db, 'SELECT id, name FROM scenario').map((r) => ({
        id: Number(r.id),
        code: String(r.id),
        name: String(r.name),
      })),
    );
    const positions = new RefLookup(
      queryRows(db, 'SELECT id, code, title FROM position').map((r) => ({
        id: Number(r.id),
        code: String(r.code),
        name: String(r.title),
      })),
    );
    const people = RefLookup.fromTable(db, 'person');
    const activities = RefLookup.fromTable(db, 'activity', 'code', 'code');
    const regions = RefLookup.fromTable(db, 'region', 'code', 'code');
    const newScenarios = new Set<string>();
    for (const row of rows) {
      const v = row.values;
      if (v.scenario !== null && v.scenario !== undefined) {
        const s = scenarios.find(String(v.scenario));
        if (s) v.scenario = s.name;
        else {
          v.scenario = String(v.scenario).trim();
          if (!newScenarios.has(v.scenario)) {
            newScenarios.add(v.scenario);
            context.issue(
              row,
              'scenario',
              `Nieuw scenario '${v.scenario}' wordt aangemaakt`,
              'warning',
            );
          }
        }
      }
      const resolve = (key: string, lookup: RefLookup, what: string): void => {
        const value = v[key];
        if (value === null || value === undefined) return;
        const found = lookup.find(String(value));
        if (found) v[key] = found.code;
        else context.issue(row, key, `${what} '${String(value)}' bestaat niet in de werkruimte`);
      };
      resolve('position', positions, 'Functie');
      resolve('person', people, 'Persoon');
      resolve('activity', activities, 'Activiteit');
      resolve('region_code', regions, 'Regio');
      if (typeof v.fte === 'number' && v.fte < 0)
        context.issue(row, 'fte', 'VTE kan niet negatief zijn');
    }
  },
  loadExisting(db) {
    const map = new Map<string, ExistingRow>();
    for (const r of queryRows(
      db,
      `SELECT a.id, s.name AS scenario, p.code AS position, pe.code AS person,
              a.activity_code AS activity, a.region_code, a.nis_code, a.month, a.fte
       FROM allocation a JOIN scenario s ON s.id = a.scenario_id JOIN position p ON p.id = a.position_id
       LEFT JOIN person pe ON pe.id = a.person_id`,
    )) {
      map.set(allocationImporter.keyOf(r), { values: r, pk: { id: r.id ?? null } });
    }
    return map;
  },
  write({ db, writer, existing }, { added, changed, removed }) {
    const ids = new Map<string, number | null>();
    const idOf = (sql: string, value: SqlValue): number | null => {
      if (value === null || value === undefined) return null;
      const cacheKey = `${sql}|${String(value)}`;
      if (!ids.has(cacheKey)) {
        const v = db.exec(sql, [String(value)])[0]?.values[0]?.[0];
        ids.set(cacheKey, v === undefined || v === null ? null : Number(v));
      }
      return ids.get(cacheKey) ?? null;
    };
    const scenarioId = (name: SqlValue): number => {
      const id = idOf('SELECT id FROM scenario WHERE name = ?', name);
      if (id !== null) return id;
      const pk = writer.insert(
        'scenario',
        { name: String(name), created_at: new Date().toISOString(), status: 'draft' },
        false,
      );
      ids.set(`SELECT id FROM scenario WHERE name = ?|${String(name)}`, Number(pk.id));
      return Number(pk.id);
    };
    for (const row of added) {
      const v = row.values;
      const values: Row = {
        scenario_id: scenarioId(v.scenario ?? null),
        position_id: idOf('SELECT id FROM position WHERE code = ?', v.position ?? null),
        person_id: idOf('SELECT id FROM person WHERE code = ?', v.person ?? null),
        activity_code: v.activity ?? null,
        region_code: v.region_code ?? null,
        nis_code: v.nis_code ?? null,
        month: v.month ?? null,
        fte: v.fte ?? null,
      };
      writer.insert('allocation', values);
    }
    for (const row of changed) {
      const old = existing.get(allocationImporter.keyOf(row.values));
      if (old) writer.update('allocation', old.pk, { fte: row.values.fte ?? null });
    }
    for (const key of removed) {
      const old = existing.get(key);
      if (old) writer.delete('allocation', old.pk);
    }
  },
};
