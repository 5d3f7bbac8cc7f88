import type { Database } from 'sql.js';
import { loadEngine } from '../db/engine';
import type { HandlerContext, Progress } from '../handlers/context';
import type { EntityName } from '../import/api-types';
import type { ResourceLoader } from '../resources';
import { createSession, emptyHistory } from '../session';
import { importDemoFile, type DemoImportSource } from './demo-import';
import { loadCrossUnitLinks, loadRoles } from './organigram-sources';
import {
  approveDemoScenarios,
  loadActivities,
  loadAllocationPlan,
  loadScenarioAssumptions,
  loadScenarios,
  loadWorkspaceMeta,
} from './planning-sources';
import { ensureRollup } from '../planning/rollup';
import { readReferenceData, writeReferenceData } from './reference-data';
import { readSourceTable, SourceError, type SourceTable } from './source-table';

/**
 * A demo source read by one of the demo's own loaders: data no entity import covers (workspace
 * facts, roles, activities, scenarios and their assumptions, cross-unit links, the allocation
 * plan's ranges).
 */
export type DemoLoadSource = {
  kind: 'load';
  /** Resource name, relative to resources/. */
  file: string;
  /** Columns the loader needs (checked before anything is written). */
  columns: readonly string[];
  /** Dutch label for the progress bar. */
  phase: string;
  load: (db: Database, table: SourceTable) => void;
};

export type { DemoImportSource };
export type DemoSource = DemoLoadSource | DemoImportSource;

/** In dependency order: each step may refer to codes written by the steps before it. */
export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    kind: 'load',
    file: 'demo/workspace.csv',
    columns: ['key', 'value'],
    phase: 'Werkruimte',
    load: loadWorkspaceMeta,
  },
  {
    kind: 'load',
    file: 'demo/activities.csv',
    columns: ['code', 'name', 'is_pillar4', 'sort_order'],
    phase: 'Activiteiten',
    load: loadActivities,
  },
  {
    kind: 'load',
    file: 'demo/roles.csv',
    columns: ['code', 'name', 'is_pillar4'],
    phase: 'Rollen',
    load: loadRoles,
  },
  {
    kind: 'import',
    file: 'demo/org_units.csv',
    phase: 'Organisatie-eenheden',
    entity: 'org_unit',
    mapping: {
      code: 'Code',
      name: 'Naam',
      kind: 'Soort',
      parent: 'Valt onder',
      region_code: 'Regio',
      valid_from: 'Geldig vanaf',
      sort_order: 'Volgorde',
    },
  },
  {
    kind: 'import',
    file: 'demo/positions.csv',
    phase: 'Functies en bezetting',
    entity: 'position',
    mapping: {
      code: 'Functie-ID',
      title: 'Functie',
      unit: 'Eenheid',
      reports_to: 'Rapporteert aan',
      role: 'Rol',
      fte: 'VTE',
      pillar4_share: 'Aandeel vierde pijler',
      grade: 'Graad',
      annual_cost: 'Jaarkost',
      valid_from: 'Geldig vanaf',
      person_code: 'Personeelsnummer',
      person_name: 'Naam medewerker',
      person_fte: 'Contract-VTE',
      person_email: 'E-mail',
      person_valid_from: 'In dienst sinds',
      assignment_fte: 'VTE op deze functie',
      assignment_from: 'In functie sinds',
    },
  },
  {
    kind: 'load',
    file: 'demo/cross_unit_links.csv',
    columns: ['from_position_code', 'from_unit_code', 'to_position_code', 'to_unit_code', 'label'],
    phase: 'Transversale samenwerking',
    load: loadCrossUnitLinks,
  },
  {
    kind: 'import',
    file: 'demo/pilots.csv',
    phase: 'Proeftuinen',
    entity: 'pilot',
    mapping: {
      code: 'Projectcode',
      name: 'Proeftuin',
      lead_nis_code: 'Trekkende gemeente',
      municipalities: 'Gemeenten',
      coordinator: 'Coördinator',
      budget_eur: 'Budget',
      cofinancing_eur: 'Cofinanciering',
      start_date: 'Startdatum',
      end_date: 'Einddatum',
      target_participants: 'Beoogde deelnemers',
      reached_participants: 'Bereikte deelnemers',
      target_buddy_pairs: 'Beoogde buddyparen',
      reached_buddy_pairs: 'Bereikte buddyparen',
      activity_hours: 'Activiteitsuren',
      approaches: 'Aanpak',
      interim_evaluation: 'Tussentijdse evaluatie',
      final_evaluation: 'Eindevaluatie',
      is_fictional: 'Fictief',
      source_note: 'Bron',
    },
  },
  {
    kind: 'load',
    file: 'demo/scenarios.csv',
    columns: ['name', 'description', 'based_on', 'status', 'created_at', 'approved_at'],
    phase: 'Scenario’s',
    load: loadScenarios,
  },
  {
    kind: 'load',
    file: 'demo/scenario_assumptions.csv',
    columns: ['scenario', 'key', 'value'],
    phase: 'Aannames',
    load: loadScenarioAssumptions,
  },
  {
    kind: 'import',
    file: 'demo/newcomer_forecast.csv',
    phase: 'Verwachte nieuwkomers',
    entity: 'newcomer_forecast',
    mapping: { nis_code: 'NIS-code', year: 'Jaar', newcomers: 'Nieuwkomers', source: 'Bron' },
  },
  {
    kind: 'load',
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

/** What a source holds once read, before the transaction starts. */
type ReadSource =
  { source: DemoLoadSource; table: SourceTable } | { source: DemoImportSource; bytes: Uint8Array };

/**
 * Fills an empty, migrated workspace with the demo ("Voorbeeldwerkruimte"): reference data and
 * every source in `sources`, in one transaction — all or nothing. The sources an entity import
 * covers go through the import handlers, as a user's spreadsheet would; a problem in one of
 * them stops the build (they are ours). Deterministic: every value comes from the source files,
 * and the import and audit logs are dated at the workspace's `created_at`, not the clock.
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
  progress?.({ phase: 'Bronbestanden lezen', done: 0, total });
  const read: ReadSource[] = await Promise.all(
    sources.map(async (source): Promise<ReadSource> =>
      source.kind === 'load'
        ? { source, table: await readSourceTable(resources, source.file, source.columns) }
        : { source, bytes: await resources.bytes(source.file) },
    ),
  );
  const reference = await readReferenceData(resources);

  // The import handlers work on a session. This one holds the new database only while it is
  // built: nobody else can reach it, so the awaits inside the transaction are safe. The engine
  // is the one that made `db` (loadEngine caches it per host).
  const session = createSession(await loadEngine(), db, resources);
  const context: HandlerContext = {
    session,
    progress: () => undefined,
    signal: new AbortController().signal,
  };

  db.run('BEGIN');
  try {
    progress?.({ phase: REFERENCE_PHASE, done: 0, total });
    writeReferenceData(db, reference);
    for (const [i, item] of read.entries()) {
      progress?.({ phase: item.source.phase, done: i + 1, total });
      if (item.source.kind === 'load' && 'table' in item) item.source.load(db, item.table);
      else if (item.source.kind === 'import' && 'bytes' in item)
        await importDemoFile(context, item.source, item.bytes);
    }
    // The plan's bulk load rested the roll-up triggers; rebuild them here, so a saved demo file
    // opens with current roll-ups instead of paying the rebuild (~0.6 s) on its first read.
    ensureRollup(db);
    approveDemoScenarios(db);
    checkSingleRoots(db, sources);
    datedAtCreation(db);
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
  // A fresh demo has nothing to undo and nothing unsaved.
  session.history = emptyHistory();
  session.dirty = false;
  progress?.({ phase: 'Klaar', done: total, total });
}

/**
 * The organigram is drawn from one root: one unit without a parent and one position that
 * reports to nobody. An import allows more (a user may import part of a tree); the demo not.
 */
function checkSingleRoots(db: Database, sources: readonly DemoSource[]): void {
  const fileOf = (entity: EntityName): string =>
    sources.find((s) => s.kind === 'import' && s.entity === entity)?.file ?? entity;
  const checks = [
    {
      entity: 'org_unit',
      what: 'eenheid',
      column: 'Valt onder',
      table: 'org_unit',
      parent: 'parent_id',
    },
    {
      entity: 'position',
      what: 'functie',
      column: 'Rapporteert aan',
      table: 'position',
      parent: 'reports_to_id',
    },
  ] as const;
  for (const check of checks) {
    const count = Number(db.exec(`SELECT count(*) FROM ${check.table}`)[0]?.values[0]?.[0] ?? 0);
    if (count === 0) continue;
    const roots = (
      db.exec(`SELECT code FROM ${check.table} WHERE ${check.parent} IS NULL ORDER BY id`)[0]
        ?.values ?? []
    ).map((r) => String(r[0]));
    if (roots.length !== 1)
      throw new SourceError(
        fileOf(check.entity),
        null,
        `verwacht precies één ${check.what} zonder "${check.column}", gevonden: ${roots.join(', ') || 'geen'}`,
      );
  }
}

/** Dates the demo's imports (and their audit lines) at the workspace's creation, not the clock. */
function datedAtCreation(db: Database): void {
  const createdAt = db.exec("SELECT value FROM meta WHERE key = 'created_at'")[0]?.values[0]?.[0];
  if (typeof createdAt !== 'string') return;
  db.run('UPDATE import_log SET started_at = ?, finished_at = ?', [createdAt, createdAt]);
  db.run('UPDATE audit_log SET at = ?', [createdAt]);
}
