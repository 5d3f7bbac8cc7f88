import type { Database } from 'sql.js';
import type { Result } from '../result';
import { ok } from '../result';
import { breachesOfLines, type Breach, type BreachScope } from './breaches';
import { milliSql } from './fte';
import { monthRange, planningHorizon } from './months';
import { findScenario, type ScenarioSummary } from './scenarios';
import { selectRows, textOrNull } from './sql';

/** What identifies a plan line: one position (and its person) on one activity in one place. */
export type LineKey = {
  positionId: number;
  personId: number | null;
  activityCode: string;
  regionCode: string | null;
  nisCode: string | null;
};

/** Months since year 0: 2023-01 → 24276. */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function lineKeyText(line: LineKey): string {
  return [
    line.positionId,
    line.personId ?? '',
    line.activityCode,
    line.regionCode ?? '',
    line.nisCode ?? '',
  ].join('|');
}

export type PlanLine = LineKey & {
  key: string;
  activityName: string;
  regionName: string | null;
  /** Milli-FTE per month of the horizon (0 where no row exists). */
  values: number[];
};

export type PlanPosition = {
  id: number;
  code: string;
  title: string;
  unitId: number;
  budgetMilli: number;
  personName: string | null;
};

export type PlanUnit = { id: number; code: string; name: string };

export type PlanGrid = {
  scenario: ScenarioSummary;
  months: string[];
  units: PlanUnit[];
  positions: PlanPosition[];
  /** Ordered unit → position → activity → region, as the grid groups them. */
  lines: PlanLine[];
  /** Milli-FTE per month over the whole scenario. */
  totals: number[];
  breaches: Breach[];
  activities: { code: string; name: string }[];
  regions: { code: string; name: string; kind: string }[];
};

/**
 * A scenario's plan as the grid shows it, read in one pass over its allocation rows (the
 * (scenario_id, month) index), grouped in memory: at AgII's size (300 people × 60 months × 3
 * activities, 54k rows) that is faster than a GROUP BY per level.
 */
export function readPlanGrid(db: Database, scenarioId: number): Result<PlanGrid> {
  const scenario = findScenario(db, scenarioId);
  if (!scenario.ok) return scenario;
  const horizon = planningHorizon(db);
  const months = monthRange(horizon.from, horizon.to);

  const units = selectRows(db, 'SELECT id, code, name FROM org_unit ORDER BY sort_order, name').map(
    (row) => ({ id: Number(row[0]), code: String(row[1]), name: String(row[2]) }),
  );
  const unitOrder = new Map(units.map((unit, index) => [unit.id, index]));
  const activities = selectRows(
    db,
    'SELECT code, name FROM activity ORDER BY sort_order, code',
  ).map((row) => ({ code: String(row[0]), name: String(row[1]) }));
  const activityOrder = new Map(activities.map((activity, index) => [activity.code, index]));
  const activityNames = new Map(activities.map((activity) => [activity.code, activity.name]));
  const regions = selectRows(
    db,
    'SELECT code, name, kind FROM region ORDER BY kind, sort_order, code',
  ).map((row) => ({ code: String(row[0]), name: String(row[1]), kind: String(row[2]) }));
  const regionNames = new Map(regions.map((region) => [region.code, region.name]));

  // One row per plan line with its months packed as "offset:milli,…": sql.js pays per value
  // handed to JS, so 217 packed rows read far faster than 12,574 rows of seven columns.
  const lines = new Map<string, PlanLine>();
  const totals = months.map(() => 0);
  const usedPositions = new Set<number>();
  const firstIndex = monthNumber(months[0] ?? '0000-01');
  for (const row of selectRows(
    db,
    `SELECT position_id, person_id, activity_code, region_code, nis_code,
            group_concat((CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1)
                         || ':' || ${milliSql()})
       FROM allocation WHERE scenario_id = ?
      GROUP BY position_id, person_id, activity_code, region_code, nis_code`,
    [scenarioId],
  )) {
    const key: LineKey = {
      positionId: Number(row[0]),
      personId: row[1] === null ? null : Number(row[1]),
      activityCode: String(row[2]),
      regionCode: textOrNull(row[3]),
      nisCode: textOrNull(row[4]),
    };
    const text = lineKeyText(key);
    const line: PlanLine = {
      ...key,
      key: text,
      activityName: activityNames.get(key.activityCode) ?? key.activityCode,
      regionName:
        key.regionCode === null ? null : (regionNames.get(key.regionCode) ?? key.regionCode),
      values: months.map(() => 0),
    };
    let inHorizon = false;
    for (const pair of String(row[5]).split(',')) {
      const colon = pair.indexOf(':');
      const index = Number(pair.slice(0, colon)) - firstIndex;
      if (index < 0 || index >= months.length) continue;
      const milli = Number(pair.slice(colon + 1));
      line.values[index] = (line.values[index] ?? 0) + milli;
      totals[index] = (totals[index] ?? 0) + milli;
      inHorizon = true;
    }
    if (!inHorizon) continue;
    lines.set(text, line);
    usedPositions.add(key.positionId);
  }

  const holders = new Map(
    selectRows(
      db,
      `SELECT a.position_id, group_concat(p.name, ', ') FROM assignment a JOIN person p ON p.id = a.person_id
        WHERE a.valid_to IS NULL OR a.valid_to >= date('now') GROUP BY a.position_id`,
    ).map((row) => [Number(row[0]), String(row[1])]),
  );
  const positions = selectRows(
    db,
    'SELECT id, code, title, unit_id, budget_fte FROM position ORDER BY code',
  )
    .map((row) => ({
      id: Number(row[0]),
      code: String(row[1]),
      title: String(row[2]),
      unitId: Number(row[3]),
      budgetMilli: Math.round(Number(row[4]) * 1000),
      personName: holders.get(Number(row[0])) ?? null,
    }))
    .filter((position) => usedPositions.has(position.id))
    .sort(
      (a, b) =>
        (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) ||
        a.code.localeCompare(b.code),
    );
  const positionOrder = new Map(positions.map((position, index) => [position.id, index]));
  const ordered = [...lines.values()].sort(
    (a, b) =>
      (positionOrder.get(a.positionId) ?? 0) - (positionOrder.get(b.positionId) ?? 0) ||
      (a.personId ?? 0) - (b.personId ?? 0) ||
      (activityOrder.get(a.activityCode) ?? 0) - (activityOrder.get(b.activityCode) ?? 0) ||
      (a.regionCode ?? '').localeCompare(b.regionCode ?? '') ||
      (a.nisCode ?? '').localeCompare(b.nisCode ?? ''),
  );

  return ok({
    scenario: scenario.value,
    months,
    units: units.filter((unit) => positions.some((position) => position.unitId === unit.id)),
    positions,
    lines: ordered,
    totals,
    breaches: breachesOfLines(db, scenarioId, months, ordered),
    activities,
    regions,
  });
}

/** Milli-FTE per group and month: the roll-up by region, activity or unit the screens read. */
export function rollupBy(
  db: Database,
  scenarioId: number,
  by: 'region' | 'activity' | 'unit',
): { months: string[]; groups: { key: string | null; values: number[] }[] } {
  const horizon = planningHorizon(db);
  const months = monthRange(horizon.from, horizon.to);
  const monthIndex = new Map(months.map((month, index) => [month, index]));
  const column =
    by === 'region' ? 'a.region_code' : by === 'activity' ? 'a.activity_code' : 'p.unit_id';
  const groups = new Map<string | null, number[]>();
  for (const row of selectRows(
    db,
    `SELECT ${column}, a.month, sum(${milliSql('a.fte')}) FROM allocation a
       JOIN position p ON p.id = a.position_id
      WHERE a.scenario_id = ? GROUP BY 1, 2`,
    [scenarioId],
  )) {
    const index = monthIndex.get(String(row[1]));
    if (index === undefined) continue;
    const key = textOrNull(row[0]);
    const values = groups.get(key) ?? months.map(() => 0);
    values[index] = Number(row[2]);
    groups.set(key, values);
  }
  return {
    months,
    groups: [...groups.entries()]
      .map(([key, values]) => ({ key, values }))
      .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '')),
  };
}

/**
 * The grid after cell edits the core accepted, without reading the scenario again: the edited
 * lines and the totals move by each cell's difference (a line new to the grid is added), and
 * the breaches in the edit's scope (its months, positions and people) are replaced by those
 * the edit returned. The screen shows this at once after an edit.
 */
export function applyCellEdits(
  plan: PlanGrid,
  cells: readonly { line: LineKey; month: string; milli: number }[],
  accepted: { breaches: readonly Breach[]; scope: BreachScope },
): PlanGrid {
  const monthIndex = new Map(plan.months.map((month, index) => [month, index]));
  const byKey = new Map(
    plan.lines.map((line) => [line.key, { ...line, values: [...line.values] }]),
  );
  const added: PlanLine[] = [];
  const totals = [...plan.totals];
  for (const cell of cells) {
    const index = monthIndex.get(cell.month);
    if (index === undefined) continue;
    const key = lineKeyText(cell.line);
    let line = byKey.get(key);
    if (!line) {
      line = newPlanLine(plan, cell.line);
      byKey.set(key, line);
      added.push(line);
    }
    totals[index] = (totals[index] ?? 0) + cell.milli - (line.values[index] ?? 0);
    line.values[index] = cell.milli;
  }
  const { scope } = accepted;
  const positions = new Set(scope.positionIds ?? []);
  const people = new Set(scope.personIds ?? []);
  const inScope = (breach: Breach) =>
    breach.month >= scope.from &&
    breach.month <= scope.to &&
    (breach.kind === 'position'
      ? scope.positionIds === undefined || positions.has(breach.id)
      : scope.personIds === undefined || people.has(breach.id));
  return {
    ...plan,
    lines: [...plan.lines.map((line) => byKey.get(line.key) ?? line), ...added],
    totals,
    breaches: [...plan.breaches.filter((breach) => !inScope(breach)), ...accepted.breaches].sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.kind.localeCompare(b.kind) ||
        a.code.localeCompare(b.code),
    ),
  };
}

/** An empty plan line (all months 0) with the names the grid shows. */
export function newPlanLine(
  plan: Pick<PlanGrid, 'months' | 'activities' | 'regions'>,
  key: LineKey,
): PlanLine {
  const region = plan.regions.find((candidate) => candidate.code === key.regionCode);
  return {
    ...key,
    key: lineKeyText(key),
    activityName:
      plan.activities.find((activity) => activity.code === key.activityCode)?.name ??
      key.activityCode,
    regionName: key.regionCode === null ? null : (region?.name ?? key.regionCode),
    values: plan.months.map(() => 0),
  };
}
