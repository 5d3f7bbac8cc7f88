import type { Database, SqlValue } from 'sql.js';
import {
  insertMany,
  lookup,
  runRows,
  SourceError,
  type SourceRow,
  type SourceTable,
} from './source-table';

/**
 * Loaders for the planning side of the demo: workspace facts, activities, scenarios and their
 * assumptions, the newcomer forecast and the allocation plan.
 */

/** Demand-model assumptions a scenario carries (values are illustrative in the demo). */
export const ASSUMPTION_KEYS = [
  /** Share of new contracts that are obliged (0.49 in 2022). */
  'share_obliged',
  /** Share of obliged newcomers who neither work nor study: they must follow the fourth pillar. */
  'share_obliged_not_working_studying',
  /** Share of everyone else who takes up the optional fourth pillar. */
  'uptake_optional',
  /** AgII staff hours of guidance per fourth-pillar newcomer (matching, intake, follow-up). */
  'guidance_hours_per_newcomer',
  /** Productive hours per FTE per year. */
  'productive_hours_per_fte_year',
  /** Hours of activity a newcomer does in the fourth pillar (at least 40 by decree). */
  'activity_hours_per_newcomer',
] as const;

export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

const META_SOURCE_KEYS = {
  name: 'text',
  is_demo: 'flag',
  data_date: 'date',
  created_at: 'dateTime',
  planning_from: 'month',
  planning_to: 'month',
} as const;

export function loadWorkspaceMeta(db: Database, table: SourceTable): void {
  const rows = table.rows.map((row) => {
    const key = row.oneOf(
      'key',
      Object.keys(META_SOURCE_KEYS) as (keyof typeof META_SOURCE_KEYS)[],
    );
    const kind = META_SOURCE_KEYS[key];
    const value =
      kind === 'flag'
        ? String(row.flag('value'))
        : kind === 'text'
          ? row.text('value')
          : row[kind]('value');
    return [key, value];
  });
  for (const key of Object.keys(META_SOURCE_KEYS))
    if (!rows.some(([k]) => k === key))
      throw new SourceError(table.file, null, `sleutel "${key}" ontbreekt`);
  runRows(db, 'INSERT INTO meta (key, value) VALUES (?, ?)', rows);
}

export function loadActivities(db: Database, table: SourceTable): void {
  runRows(
    db,
    'INSERT INTO activity (code, name, is_pillar4, sort_order) VALUES (?, ?, ?, ?)',
    table.rows.map((row) => [
      row.text('code'),
      row.text('name'),
      row.flag('is_pillar4'),
      row.int('sort_order'),
    ]),
  );
}

/**
 * Scenarios by name; `based_on` names an earlier scenario in the file. Every scenario is written
 * as a draft with its approval date: the database refuses writes to an approved scenario's plan
 * and assumptions, so the build approves them once their rows are in (approveDemoScenarios).
 */
export function loadScenarios(db: Database, table: SourceTable): void {
  for (const row of table.rows) {
    const scenarios = lookup<number>(db, 'SELECT name, id FROM scenario');
    const status = row.oneOf('status', ['draft', 'approved'] as const);
    const approvedAt = row.optDate('approved_at');
    if ((status === 'approved') !== (approvedAt !== null))
      row.fail('een goedgekeurd scenario heeft een goedkeuringsdatum, een ontwerp niet');
    runRows(
      db,
      `INSERT INTO scenario (name, description, based_on_id, status, created_at, approved_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        [
          row.text('name'),
          row.optText('description'),
          row.optRef('based_on', scenarios, 'scenario'),
          'draft',
          row.date('created_at'),
          approvedAt,
        ],
      ],
    );
  }
}

export function loadScenarioAssumptions(db: Database, table: SourceTable): void {
  const scenarios = lookup<number>(db, 'SELECT name, id FROM scenario');
  runRows(
    db,
    'INSERT INTO scenario_assumption (scenario_id, key, value) VALUES (?, ?, ?)',
    table.rows.map((row) => [
      row.ref('scenario', scenarios, 'scenario'),
      row.oneOf('key', ASSUMPTION_KEYS),
      row.number('value', { min: 0 }),
    ]),
  );
}

type PlanRow = {
  source: SourceRow;
  scenarioId: number;
  positionId: number;
  activity: string;
  region: string | null;
  from: string;
  to: string;
  fte: number;
};

type Holder = { personId: number; fte: number; from: string; to: string | null };

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

const EPSILON = 1e-9;

/**
 * Expands plan ranges (scenario × position × activity × region × from–to month → FTE) into one
 * `allocation` row per month. A scenario based on another inherits the base's rows for every
 * position it does not replan itself: a draft names only what it changes.
 *
 * The person on a row is whoever holds the position on the first of that month; without one the
 * row is planned capacity for a vacancy. Capacity is checked per month and scenario: a position
 * never above its budget (or its holder's share of it), a person never above their contract.
 */
export function loadAllocationPlan(db: Database, table: SourceTable): void {
  const meta = lookup<string>(db, 'SELECT key, value FROM meta');
  const horizonFrom = meta.get('planning_from');
  const horizonTo = meta.get('planning_to');
  if (!horizonFrom || !horizonTo)
    throw new SourceError(table.file, null, 'planningshorizon ontbreekt in de werkruimte (meta)');

  const scenarios = new Map(
    (db.exec('SELECT name, id, based_on_id FROM scenario ORDER BY id')[0]?.values ?? []).map(
      (r) => [String(r[0]), { id: Number(r[1]), basedOn: r[2] === null ? null : Number(r[2]) }],
    ),
  );
  const positions = new Map(
    (db.exec('SELECT code, id, budget_fte, valid_from FROM position')[0]?.values ?? []).map((r) => [
      String(r[0]),
      {
        id: Number(r[1]),
        budget: Number(r[2]),
        from: r[3] === null ? null : String(r[3]).slice(0, 7),
      },
    ]),
  );
  const activities = lookup<string>(db, 'SELECT code, code FROM activity');
  const regions = lookup<string>(db, 'SELECT code, code FROM region');
  const contracts = new Map(
    (db.exec('SELECT id, contract_fte, code FROM person')[0]?.values ?? []).map((r) => [
      Number(r[0]),
      { contract: Number(r[1]), code: String(r[2]) },
    ]),
  );
  const holders = new Map<number, Holder[]>();
  for (const r of db.exec(
    'SELECT position_id, person_id, fte, valid_from, valid_to FROM assignment',
  )[0]?.values ?? []) {
    const list = holders.get(Number(r[0])) ?? [];
    list.push({
      personId: Number(r[1]),
      fte: Number(r[2]),
      from: r[3] === null ? '0000-00-00' : String(r[3]),
      to: r[4] === null ? null : String(r[4]),
    });
    holders.set(Number(r[0]), list);
  }

  const plan: PlanRow[] = table.rows.map((row) => {
    const position = row.ref('position_code', positions, 'functie');
    const from = row.month('from_month');
    const to = row.month('to_month');
    if (to < from) row.fail(`to_month ${to} ligt vóór from_month ${from}`);
    if (from < horizonFrom || to > horizonTo)
      row.fail(`${from}–${to} valt buiten de planningshorizon ${horizonFrom}–${horizonTo}`);
    if (position.from !== null && from < position.from)
      row.fail(`functie ${row.text('position_code')} bestaat pas vanaf ${position.from}`);
    return {
      source: row,
      scenarioId: row.ref('scenario', scenarios, 'scenario').id,
      positionId: position.id,
      activity: row.ref('activity_code', activities, 'activiteit'),
      region: row.optRef('region_code', regions, 'regiocode'),
      from,
      to,
      fte: row.number('fte', { min: 0, max: 1 }),
    };
  });

  // Each scenario's effective plan: its own rows plus the base's rows it does not replan.
  const effective = new Map<number, PlanRow[]>();
  for (const scenario of scenarios.values()) {
    const own = plan.filter((p) => p.scenarioId === scenario.id);
    let rows = own;
    if (scenario.basedOn !== null) {
      const base = effective.get(scenario.basedOn);
      if (!base)
        throw new SourceError(table.file, null, 'een scenario is gebaseerd op een later scenario');
      const replanned = new Set(own.map((p) => p.positionId));
      rows = [...base.filter((p) => !replanned.has(p.positionId)), ...own];
    }
    effective.set(scenario.id, rows);
  }

  const budgets = new Map([...positions.values()].map((p) => [p.id, p.budget]));
  const allocations: SqlValue[][] = [];
  for (const [scenarioId, rows] of effective) {
    const perPosition = new Map<string, number>();
    const perPerson = new Map<string, number>();
    for (const p of rows) {
      for (let month = p.from; month <= p.to; month = nextMonth(month)) {
        const day = `${month}-01`;
        const holder = (holders.get(p.positionId) ?? []).find(
          (h) => h.from <= day && (h.to === null || h.to >= day),
        );
        const budget = budgets.get(p.positionId) ?? 0;
        const limit = holder ? Math.min(holder.fte, budget) : budget;
        const positionKey = `${p.positionId}/${month}`;
        const positionTotal = (perPosition.get(positionKey) ?? 0) + p.fte;
        if (positionTotal > limit + EPSILON)
          p.source.fail(
            `functie ${p.source.text('position_code')} komt in ${month} op ${round(positionTotal)} VTE, meer dan ${limit}`,
          );
        perPosition.set(positionKey, positionTotal);
        if (holder) {
          const person = contracts.get(holder.personId);
          const personKey = `${holder.personId}/${month}`;
          const personTotal = (perPerson.get(personKey) ?? 0) + p.fte;
          if (person && personTotal > person.contract + EPSILON)
            p.source.fail(
              `${person.code} komt in ${month} op ${round(personTotal)} VTE, meer dan het contract (${person.contract})`,
            );
          perPerson.set(personKey, personTotal);
        }
        allocations.push([
          scenarioId,
          p.positionId,
          holder?.personId ?? null,
          p.activity,
          p.region,
          month,
          p.fte,
        ]);
      }
    }
  }
  insertMany(
    db,
    'allocation',
    ['scenario_id', 'position_id', 'person_id', 'activity_code', 'region_code', 'month', 'fte'],
    allocations,
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Locks the scenarios the demo's file calls approved (those with an approval date). */
export function approveDemoScenarios(db: Database): void {
  db.run("UPDATE scenario SET status = 'approved' WHERE approved_at IS NOT NULL");
}
