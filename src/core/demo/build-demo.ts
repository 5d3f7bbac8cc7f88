import type { Database } from 'sql.js';
import type { Progress } from '../handlers/context';
import type { ResourceLoader } from '../resources';
import {
  loadAssignments,
  loadCrossUnitLinks,
  loadOrgUnits,
  loadPeople,
  loadPositions,
  loadRoles,
} from './organigram-sources';
import { loadPilotMunicipalities, loadPilots } from './pilot-sources';
import {
  loadActivities,
  loadAllocationPlan,
  loadNewcomerForecast,
  loadScenarioAssumptions,
  loadScenarios,
  loadWorkspaceMeta,
} from './planning-sources';
import { readReferenceData, writeReferenceData } from './reference-data';
import { readSourceTable, type SourceTable } from './source-table';

/**
 * One demo source file and how it gets into the workspace. This is the seam for the import
 * issue: once entity import exists, a step's `load` can hand the same table to that path
 * instead, and the demo is built the way users import.
 */
export type DemoSource = {
  /** Resource name, relative to resources/. */
  file: string;
  /** Columns the loader needs (checked before anything is written). */
  columns: readonly string[];
  /** Dutch label for the progress bar. */
  phase: string;
  load: (db: Database, table: SourceTable) => void;
};

/** In dependency order: each step may refer to codes loaded by the steps before it. */
export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    file: 'demo/workspace.csv',
    columns: ['key', 'value'],
    phase: 'Werkruimte',
    load: loadWorkspaceMeta,
  },
  {
    file: 'demo/activities.csv',
    columns: ['code', 'name', 'is_pillar4', 'sort_order'],
    phase: 'Activiteiten',
    load: loadActivities,
  },
  {
    file: 'demo/roles.csv',
    columns: ['code', 'name', 'is_pillar4'],
    phase: 'Rollen',
    load: loadRoles,
  },
  {
    file: 'demo/org_units.csv',
    columns: ['code', 'name', 'kind', 'parent_code', 'region_code', 'valid_from'],
    phase: 'Organisatie-eenheden',
    load: loadOrgUnits,
  },
  {
    file: 'demo/positions.csv',
    columns: [
      'code',
      'unit_code',
      'title',
      'role_code',
      'budget_fte',
      'pillar4_share',
      'reports_to_code',
      'grade',
      'annual_cost',
      'valid_from',
    ],
    phase: 'Functies',
    load: loadPositions,
  },
  {
    file: 'demo/people.csv',
    columns: ['code', 'name', 'contract_fte', 'email', 'valid_from'],
    phase: 'Personen',
    load: loadPeople,
  },
  {
    file: 'demo/assignments.csv',
    columns: ['position_code', 'person_code', 'fte', 'valid_from'],
    phase: 'Bezetting',
    load: loadAssignments,
  },
  {
    file: 'demo/cross_unit_links.csv',
    columns: ['from_position_code', 'from_unit_code', 'to_position_code', 'to_unit_code', 'label'],
    phase: 'Transversale samenwerking',
    load: loadCrossUnitLinks,
  },
  {
    file: 'demo/pilots.csv',
    columns: [
      'code',
      'name',
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
      'approaches',
      'interim_evaluation',
      'final_evaluation',
      'is_fictional',
      'source_note',
    ],
    phase: 'Proeftuinen',
    load: loadPilots,
  },
  {
    file: 'demo/pilot_municipalities.csv',
    columns: ['pilot_code', 'nis_code_2024', 'gemeente_2024', 'role'],
    phase: 'Gemeenten van de proeftuinen',
    load: loadPilotMunicipalities,
  },
  {
    file: 'demo/scenarios.csv',
    columns: ['name', 'description', 'based_on', 'status', 'created_at', 'approved_at'],
    phase: 'Scenario’s',
    load: loadScenarios,
  },
  {
    file: 'demo/scenario_assumptions.csv',
    columns: ['scenario', 'key', 'value'],
    phase: 'Aannames',
    load: loadScenarioAssumptions,
  },
  {
    file: 'demo/newcomer_forecast.csv',
    columns: ['nis_code', 'gemeente'],
    phase: 'Verwachte nieuwkomers',
    load: loadNewcomerForecast,
  },
  {
    file: 'demo/allocation_plan.csv',
    columns: [
      'scenario',
      'position_code',
      'activity_code',
      'region_code',
      'from_month',
      'to_month',
      'fte',
    ],
    phase: 'Personeelsinzet per maand',
    load: loadAllocationPlan,
  },
];

const REFERENCE_PHASE = 'Referentiegegevens';

/**
 * Fills an empty, migrated workspace with the demo ("Voorbeeldwerkruimte"): reference data and
 * every source in `sources`, in one transaction — all or nothing. Deterministic: every value,
 * date included, comes from the source files, so two builds give identical tables.
 */
export async function buildDemoWorkspace(
  db: Database,
  resources: ResourceLoader,
  progress?: (p: Progress) => void,
  sources: readonly DemoSource[] = DEMO_SOURCES,
): Promise<void> {
  const filled = db.exec('SELECT (SELECT count(*) FROM meta) + (SELECT count(*) FROM region)');
  if (Number(filled[0]?.values[0]?.[0] ?? 0) > 0)
    throw new Error('De voorbeeldwerkruimte kan alleen in een lege werkruimte gebouwd worden.');

  const total = sources.length + 1;
  // Read every file before the transaction starts: no await happens while it is open, so no
  // other call on the same connection can slip in between.
  progress?.({ phase: 'Bronbestanden lezen', done: 0, total });
  const tables = await Promise.all(
    sources.map((source) => readSourceTable(resources, source.file, source.columns)),
  );
  const reference = await readReferenceData(resources);

  db.run('BEGIN');
  try {
    progress?.({ phase: REFERENCE_PHASE, done: 0, total });
    writeReferenceData(db, reference);
    sources.forEach((source, i) => {
      progress?.({ phase: source.phase, done: i + 1, total });
      const table = tables[i];
      if (table) source.load(db, table);
    });
    db.run('COMMIT');
    progress?.({ phase: 'Klaar', done: total, total });
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}
