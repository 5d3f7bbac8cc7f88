import type { Database } from 'sql.js';
import { foldAccents } from '../readers/column-names';
import type { Row, TableWriter } from '../pipeline/commit';
import {
  field,
  pickMapped,
  queryRows,
  type EntityImporter,
  type EntityRow,
  type ExistingRow,
} from './types';

const COLUMNS: Record<string, string> = {
  code: 'code',
  name: 'name',
  lead_nis_code: 'lead_nis_code',
  coordinator: 'coordinator',
  budget_eur: 'budget_eur',
  cofinancing_eur: 'cofinancing_eur',
  start_date: 'start_date',
  end_date: 'end_date',
  target_participants: 'target_participants',
  reached_participants: 'reached_participants',
  target_buddy_pairs: 'target_buddy_pairs',
  reached_buddy_pairs: 'reached_buddy_pairs',
  activity_hours: 'activity_hours',
  interim_evaluation: 'interim_evaluation',
  final_evaluation: 'final_evaluation',
  is_fictional: 'is_fictional',
  source_note: 'source_note',
};

/** Dutch and English words for the fourth-pillar approaches (DOMAIN.md). */
const APPROACHES: [RegExp, string][] = [
  [/buddy|duo|maatje/, 'buddy'],
  [/taalstage|language ?intern/, 'language_internship'],
  [/stage|intern/, 'internship'],
  [/vrijwillig|volunteer/, 'volunteering'],
  [/vereniging|club|sport|cultuur|jeugd|leisure/, 'leisure_club'],
  [/woonzorg|zorgcentrum|care ?home|rusthuis/, 'care_home'],
  [/buurt|wijk|neighbourhood|neighborhood|dienstencentrum/, 'neighbourhood_centre'],
  [/ander|other|overig/, 'other'],
];

const APPROACH_CODES = new Set(APPROACHES.map(([, code]) => code));

export function approachCode(text: string): string {
  const t = foldAccents(text).toLowerCase().trim();
  // The stored codes themselves ("language_internship") come back from an export as they are.
  if (APPROACH_CODES.has(t)) return t;
  return APPROACHES.find(([re]) => re.test(t))?.[1] ?? t.replace(/[^a-z0-9]+/g, '_');
}

const splitList = (text: string): string[] =>
  text
    .split(/[,;/\n|+]|\s+en\s+|\s+and\s+|\s+&\s+/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Pilots (proeftuinen) with their municipalities (lead + partners) and approaches. */
export const pilotImporter: EntityImporter = {
  name: 'pilot',
  labelKey: 'import.entities.pilot',
  fields: [
    field('pilot', 'code', 'text', { required: true, isKey: true }),
    field('pilot', 'name', 'text', { required: true }),
    field('pilot', 'lead_nis_code', 'nis_code', { nis: {} }),
    field('pilot', 'municipalities', 'text'),
    field('pilot', 'approaches', 'text'),
    field('pilot', 'coordinator', 'text'),
    field('pilot', 'budget_eur', 'currency'),
    field('pilot', 'cofinancing_eur', 'currency'),
    field('pilot', 'start_date', 'date'),
    field('pilot', 'end_date', 'date'),
    field('pilot', 'target_participants', 'integer'),
    field('pilot', 'reached_participants', 'integer'),
    field('pilot', 'target_buddy_pairs', 'integer'),
    field('pilot', 'reached_buddy_pairs', 'integer'),
    field('pilot', 'activity_hours', 'decimal'),
    field('pilot', 'interim_evaluation', 'text'),
    field('pilot', 'final_evaluation', 'text'),
    field('pilot', 'is_fictional', 'boolean'),
    field('pilot', 'source_note', 'text'),
  ],
  keyOf: (values) => String(values.code ?? ''),
  prepare(rows, context) {
    for (const row of rows) {
      const v = row.values;
      if (v.code !== null && v.code !== undefined) v.code = String(v.code).trim();
      for (const money of ['budget_eur', 'cofinancing_eur']) {
        const m = v[money];
        if (typeof m === 'number' && m < 0)
          context.issue(row, money, 'Een bedrag kan niet negatief zijn');
      }
      if (
        typeof v.start_date === 'string' &&
        typeof v.end_date === 'string' &&
        v.end_date < v.start_date
      ) {
        context.issue(row, 'end_date', 'De einddatum ligt voor de startdatum');
      }
      if (context.mapped.has('municipalities') || context.mapped.has('lead_nis_code')) {
        const codes = new Set<string>();
        if (typeof v.municipalities === 'string') {
          for (const item of splitList(v.municipalities)) {
            const resolved = context.nis.resolveReference(item);
            if (resolved.ok) codes.add(resolved.code);
            else context.issue(row, 'municipalities', resolved.reason);
          }
        }
        if (typeof v.lead_nis_code === 'string') codes.add(v.lead_nis_code);
        v.municipalities = [...codes].sort().join(', ') || null;
      }
      if (context.mapped.has('approaches')) {
        v.approaches =
          typeof v.approaches === 'string'
            ? [...new Set(splitList(v.approaches).map(approachCode))].sort().join(', ') || null
            : null;
      }
    }
  },
  loadExisting(db) {
    const map = new Map<string, ExistingRow>();
    for (const r of queryRows(
      db,
      `SELECT p.*,
         (SELECT group_concat(nis_code, ', ') FROM (SELECT nis_code FROM pilot_municipality
            WHERE pilot_id = p.id ORDER BY nis_code)) AS municipalities,
         (SELECT group_concat(approach, ', ') FROM (SELECT approach FROM pilot_approach
            WHERE pilot_id = p.id ORDER BY approach)) AS approaches
       FROM pilot p`,
    )) {
      map.set(String(r.code), { values: r, pk: { id: r.id ?? null } });
    }
    return map;
  },
  write({ db, writer, mapped, existing }, { added, changed, removed }) {
    const sync = (pilotId: number, row: EntityRow): void => {
      if (mapped.has('municipalities') || mapped.has('lead_nis_code')) {
        const lead = typeof row.values.lead_nis_code === 'string' ? row.values.lead_nis_code : null;
        const wanted = new Map<string, string>();
        for (const code of String(row.values.municipalities ?? '').split(', ')) {
          if (code !== '') wanted.set(code, code === lead ? 'lead' : 'partner');
        }
        syncChildren(db, writer, 'pilot_municipality', pilotId, 'nis_code', wanted, 'role');
      }
      if (mapped.has('approaches')) {
        const wanted = new Map<string, string>();
        for (const a of String(row.values.approaches ?? '').split(', '))
          if (a !== '') wanted.set(a, a);
        syncChildren(db, writer, 'pilot_approach', pilotId, 'approach', wanted, null);
      }
    };
    for (const row of added) {
      const values = pickMapped(row.values, mapped, COLUMNS);
      if (values.is_fictional === null || values.is_fictional === undefined)
        values.is_fictional = 0;
      const pk = writer.insert('pilot', values);
      sync(Number(pk.id), row);
    }
    for (const row of changed) {
      const old = existing.get(String(row.values.code));
      if (!old) continue;
      const values = pickMapped(row.values, mapped, COLUMNS);
      if (values.is_fictional === null) delete values.is_fictional;
      writer.update('pilot', old.pk, values);
      sync(Number(old.pk.id), row);
    }
    for (const key of removed) {
      const old = existing.get(key);
      if (!old) continue;
      // Delete the children explicitly (not by ON DELETE CASCADE) so undo can bring them back.
      const id = Number(old.pk.id);
      for (const r of queryRows(db, 'SELECT nis_code FROM pilot_municipality WHERE pilot_id = ?', [
        id,
      ])) {
        writer.delete('pilot_municipality', { pilot_id: id, nis_code: r.nis_code ?? null }, false);
      }
      for (const r of queryRows(db, 'SELECT approach FROM pilot_approach WHERE pilot_id = ?', [
        id,
      ])) {
        writer.delete('pilot_approach', { pilot_id: id, approach: r.approach ?? null }, false);
      }
      writer.delete('pilot', old.pk);
    }
  },
};

/** Makes a pilot's child rows exactly `wanted` (key → extra column value). */
function syncChildren(
  db: Database,
  writer: TableWriter,
  table: string,
  pilotId: number,
  keyColumn: string,
  wanted: Map<string, string>,
  extraColumn: string | null,
): void {
  const current = queryRows(db, `SELECT * FROM ${table} WHERE pilot_id = ?`, [pilotId]);
  for (const r of current) {
    const key = String(r[keyColumn]);
    const pk: Row = { pilot_id: pilotId, [keyColumn]: key };
    if (!wanted.has(key)) writer.delete(table, pk, false);
    else if (extraColumn && r[extraColumn] !== wanted.get(key)) {
      writer.update(table, pk, { [extraColumn]: wanted.get(key) ?? null }, false);
    }
    wanted.delete(key);
  }
  for (const [key, extra] of wanted) {
    writer.insert(
      table,
      { pilot_id: pilotId, [keyColumn]: key, ...(extraColumn ? { [extraColumn]: extra } : {}) },
      false,
    );
  }
}
