import { DERIVED_TABLES } from '../db/schema';

/**
 * Overview views whose rows map one-to-one onto a base table: the Gemeenten and Proeftuinen
 * screens show the view (with region and municipality names) and edits go to the base row.
 */
export type EditableView = { table: string; key: string[]; columns: string[] };

export const EDITABLE_VIEWS: Record<string, EditableView> = {
  municipality_overview: {
    table: 'municipality',
    key: ['nis_code'],
    columns: [
      'name',
      'arrondissement',
      'province',
      'reference_region_code',
      'network_code',
      'agii_region_code',
      'inhabitants_2020',
    ],
  },
  pilot_overview: {
    table: 'pilot',
    key: ['id'],
    columns: [
      'code',
      'name',
      'lead_nis_code',
      'coordinator',
      'budget_eur',
      'cofinancing_eur',
      'start_date',
      'end_date',
      'target_participants',
      'reached_participants',
      'target_buddy_pairs',
      'reached_buddy_pairs',
      'activity_hours',
      'is_fictional',
    ],
  },
};

/** App tables written only by the app itself (logs, bookkeeping), never edited in a grid. */
export const READ_ONLY_TABLES: ReadonlySet<string> = new Set([
  'meta',
  'audit_log',
  'import_log',
  'import_template',
  'dataset',
  // An edit to a derived table would make the dashboard disagree with the plan.
  ...DERIVED_TABLES,
]);
