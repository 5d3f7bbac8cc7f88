import type { SqlValue } from 'sql.js';
import type { RowKey } from './table-info';

/**
 * Dutch names of the app's tables as a user says them, for messages like "(gemeente 11001)".
 * A raw table an analyst imported is called by its own name.
 */
const TABLE_LABELS: Record<string, string> = {
  meta: 'werkruimte-eigenschap',
  region: 'regio',
  municipality: 'gemeente',
  municipality_crosswalk: 'NIS-omzetting',
  newcomer_forecast: 'nieuwkomersprognose',
  org_unit: 'organisatie-eenheid',
  role: 'rol',
  person: 'persoon',
  position: 'functie',
  assignment: 'toewijzing',
  cross_unit_link: 'transversale link',
  scenario: 'scenario',
  scenario_assumption: 'scenario-aanname',
  scenario_position: 'scenariowijziging van een functie',
  scenario_leave: 'verlof',
  scenario_grade_cost: 'kost per graad',
  activity: 'activiteit',
  allocation: 'inzet',
  pilot: 'proeftuin',
  pilot_municipality: 'proeftuingemeente',
  pilot_approach: 'proeftuinaanpak',
  import_log: 'import',
  import_template: 'importsjabloon',
  dataset: 'dataset',
  audit_log: 'auditregel',
};

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? `tabel ${table}`;
}

/** A value as a message shows it: numbers bare, text quoted, NULL as "leeg". */
export function formatValue(value: SqlValue | undefined): string {
  if (value === null || value === undefined) return 'leeg';
  if (typeof value === 'number') return String(value);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
}

/** "gemeente 11001", "functie 12", "proeftuingemeente 3/11001"; "nieuwe gemeente" without key. */
export function rowLabel(table: string, key: RowKey | null): string {
  const values = key
    ? Object.values(key).filter((value) => value !== null && value !== undefined)
    : [];
  if (values.length === 0) return `nieuwe ${tableLabel(table)}`;
  return `${tableLabel(table)} ${values.map((value) => String(value)).join('/')}`;
}
