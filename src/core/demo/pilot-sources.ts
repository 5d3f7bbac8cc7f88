import type { Database } from 'sql.js';
import { lookup, runRows, SourceError, type SourceTable } from './source-table';

/** Approaches a pilot can take (stored as these codes; the UI translates them). */
export const PILOT_APPROACHES = [
  'buddy',
  'volunteering',
  'internship',
  'language_internship',
  'leisure_club',
  'care_home',
  'neighbourhood_centre',
  'other',
] as const;

export type PilotApproach = (typeof PILOT_APPROACHES)[number];

/** Pilots and their approaches (`approaches`: codes separated by `;`). */
export function loadPilots(db: Database, table: SourceTable): void {
  const approaches: [string, string][] = [];
  runRows(
    db,
    `INSERT INTO pilot (code, name, coordinator, budget_eur, cofinancing_eur, start_date, end_date,
       target_participants, reached_participants, target_buddy_pairs, reached_buddy_pairs,
       activity_hours, interim_evaluation, final_evaluation, is_fictional, source_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    table.rows.map((row) => {
      const code = row.text('code');
      const budget = row.number('budget_eur', { min: 0 });
      const cofinancing = row.number('cofinancing_eur', { min: 0, max: budget });
      const start = row.date('start_date');
      const end = row.date('end_date');
      if (end < start) row.fail(`einddatum ${end} ligt vóór startdatum ${start}`);
      const codes = row
        .text('approaches')
        .split(';')
        .map((a) => a.trim());
      for (const approach of codes) {
        if (!(PILOT_APPROACHES as readonly string[]).includes(approach))
          row.fail(`onbekende aanpak "${approach}" (toegelaten: ${PILOT_APPROACHES.join(', ')})`);
        approaches.push([code, approach]);
      }
      return [
        code,
        row.text('name'),
        row.optText('coordinator'),
        budget,
        cofinancing,
        start,
        end,
        row.optInt('target_participants', { min: 0 }),
        row.optInt('reached_participants', { min: 0 }),
        row.optInt('target_buddy_pairs', { min: 0 }),
        row.optInt('reached_buddy_pairs', { min: 0 }),
        row.optNumber('activity_hours', { min: 0 }),
        row.optText('interim_evaluation'),
        row.optText('final_evaluation'),
        row.flag('is_fictional'),
        row.optText('source_note'),
      ];
    }),
  );
  const pilots = lookup<number>(db, 'SELECT code, id FROM pilot');
  runRows(
    db,
    'INSERT INTO pilot_approach (pilot_id, approach) VALUES (?, ?)',
    approaches.map(([code, approach]) => [pilots.get(code) ?? null, approach]),
  );
}

/**
 * A pilot's municipalities, written with the NIS codes of the 2019–2024 map (as a 2021
 * spreadsheet would) and stored on the 2025 map through the crosswalk — e.g. Hasselt 71022 →
 * 71072, Melle 44040 → 44088 Merelbeke-Melle. Exactly one `lead` per pilot; it becomes the
 * pilot's `lead_nis_code`.
 */
export function loadPilotMunicipalities(db: Database, table: SourceTable): void {
  const pilots = lookup<number>(db, 'SELECT code, id FROM pilot');
  const crosswalk = new Map(
    (
      db.exec('SELECT nis_code_2024, name_2024, nis_code_2025 FROM municipality_crosswalk')[0]
        ?.values ?? []
    ).map((r) => [String(r[0]), { name: String(r[1]), nisCode: String(r[2]) }]),
  );
  const seen = new Map<string, number>();
  const leads = new Map<number, string>();
  const rows = table.rows.map((row) => {
    const pilotId = row.ref('pilot_code', pilots, 'proeftuin');
    const oldCode = row.nisCode('nis_code_2024');
    const mapped = row.ref('nis_code_2024', crosswalk, 'NIS-code (kaart 2019–2024)');
    const name = row.text('gemeente_2024');
    if (name !== mapped.name) row.fail(`${oldCode} is ${mapped.name}, niet "${name}"`);
    const key = `${pilotId}/${mapped.nisCode}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      row.fail(`valt na omzetting naar de kaart van 2025 samen met rij ${earlier}`);
    seen.set(key, row.row);
    const role = row.oneOf('role', ['lead', 'partner'] as const);
    if (role === 'lead') {
      if (leads.has(pilotId)) row.fail(`tweede trekkende gemeente voor ${row.text('pilot_code')}`);
      leads.set(pilotId, mapped.nisCode);
    }
    return [pilotId, mapped.nisCode, role];
  });
  for (const [code, id] of pilots)
    if (!leads.has(id))
      throw new SourceError(table.file, null, `proeftuin ${code} heeft geen trekkende gemeente`);
  runRows(db, 'INSERT INTO pilot_municipality (pilot_id, nis_code, role) VALUES (?, ?, ?)', rows);
  runRows(
    db,
    'UPDATE pilot SET lead_nis_code = ? WHERE id = ?',
    [...leads].map(([id, nisCode]) => [nisCode, id]),
  );
}
