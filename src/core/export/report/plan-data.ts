import type { Database } from 'sql.js';
import { unitAncestry } from '../../org/rollup';
import type { OrgUnit } from '../../org/types';
import { readPlanGrid, type PlanGrid } from '../../planning/grid';
import { bucketsOf, rollUp, type Grain } from '../../planning/months';
import { err, ok, type Result } from '../../result';

/**
 * The plan figures the report's sheets share, read through the planning core's grid
 * (readPlanGrid: milli-FTE per month) and bucketed with its rollUp (a bucket's FTE is the
 * average over its months). Nothing here models demand or rolls up the organigram: those are
 * the planning and organigram cores' (demandByRegion, unitRollups).
 */
export type ActivityFilter = 'pillar4' | 'all';

export type PlanRow = {
  positionId: number;
  code: string;
  title: string;
  person: string | null;
  unitId: number;
  /** Average FTE per bucket. */
  values: number[];
};

export type PlanUnitRows = { unitId: number; code: string; name: string; rows: PlanRow[] };

export type PlanFigures = {
  grid: PlanGrid;
  buckets: string[];
  bucketMonths: number[];
  units: PlanUnitRows[];
  /** Average FTE per bucket over everything shown. */
  totals: number[];
  /** Average FTE over the whole horizon. */
  average: number;
};

export function pillar4Activities(db: Database): Set<string> {
  const rows = db.exec('SELECT code FROM activity WHERE is_pillar4 = 1')[0]?.values ?? [];
  return new Set(rows.map((row) => String(row[0])));
}

export function planFigures(
  db: Database,
  scenarioId: number,
  grain: Grain,
  activity: ActivityFilter,
): Result<PlanFigures> {
  const grid = readPlanGrid(db, scenarioId);
  if (!grid.ok) return grid;
  const { months, positions, units } = grid.value;
  const keep = activity === 'pillar4' ? pillar4Activities(db) : null;
  const byPosition = new Map<number, number[]>();
  for (const line of grid.value.lines) {
    if (keep && !keep.has(line.activityCode)) continue;
    const sums = byPosition.get(line.positionId) ?? months.map(() => 0);
    line.values.forEach((value, index) => (sums[index] = (sums[index] ?? 0) + value));
    byPosition.set(line.positionId, sums);
  }
  const buckets = bucketsOf(months, grain);
  const bucketMonths = buckets.map((bucket) => bucket.months.length);
  const toFte = (milli: number[]) =>
    rollUp(months, milli, grain).map((bucket) => bucket.averageMilli / 1000);
  const rowsByUnit = new Map<number, PlanRow[]>();
  for (const position of positions) {
    const milli = byPosition.get(position.id);
    if (!milli || milli.every((value) => value === 0)) continue;
    const list = rowsByUnit.get(position.unitId) ?? [];
    list.push({
      positionId: position.id,
      code: position.code,
      title: position.title,
      person: position.personName,
      unitId: position.unitId,
      values: toFte(milli),
    });
    rowsByUnit.set(position.unitId, list);
  }
  const unitRows = units
    .filter((unit) => rowsByUnit.has(unit.id))
    .map((unit) => ({
      unitId: unit.id,
      code: unit.code,
      name: unit.name,
      rows: rowsByUnit.get(unit.id) ?? [],
    }));
  const totals = buckets.map((_, b) =>
    unitRows.reduce(
      (sum, unit) => sum + unit.rows.reduce((s, row) => s + (row.values[b] ?? 0), 0),
      0,
    ),
  );
  const totalMonths = months.length || 1;
  const average =
    totals.reduce((sum, value, b) => sum + value * (bucketMonths[b] ?? 0), 0) / totalMonths;
  return ok({
    grid: grid.value,
    buckets: buckets.map((bucket) => bucket.key),
    bucketMonths,
    units: unitRows,
    totals,
    average,
  });
}

/** The division (or the top unit) each unit belongs to, for "FTE per afdeling". */
export function divisionOf(units: readonly OrgUnit[]): Map<number, OrgUnit> {
  const ancestry = unitAncestry(units);
  const result = new Map<number, OrgUnit>();
  for (const unit of units) {
    const chain = ancestry.get(unit.id) ?? [unit];
    const division =
      chain.find((candidate) => candidate.kind === 'division') ?? chain.at(-1) ?? unit;
    result.set(unit.id, division);
  }
  return result;
}

export type ScenarioChoice = { id: number; name: string; status: string };

export function scenarioList(db: Database): ScenarioChoice[] {
  const rows = db.exec('SELECT id, name, status FROM scenario ORDER BY id')[0]?.values ?? [];
  return rows.map((row) => ({ id: Number(row[0]), name: String(row[1]), status: String(row[2]) }));
}

/** A scenario by name or id; without one, the approved scenario (or else the first). */
export function chooseScenario(
  db: Database,
  wanted: string | number | undefined,
): Result<ScenarioChoice> {
  const list = scenarioList(db);
  if (list.length === 0) {
    return err(
      'export.no-scenario',
      'Deze werkruimte heeft geen scenario: maak er eerst een in Planning.',
    );
  }
  if (wanted === undefined || wanted === '') {
    return ok(
      list.find((scenario) => scenario.status === 'approved') ?? (list[0] as ScenarioChoice),
    );
  }
  const found = list.find(
    (scenario) =>
      scenario.id === Number(wanted) ||
      scenario.name.toLowerCase() === String(wanted).toLowerCase(),
  );
  return found
    ? ok(found)
    : err(
        'export.unknown-scenario',
        `Scenario "${wanted}" bestaat niet. Kies uit: ${list.map((scenario) => scenario.name).join(', ')}.`,
      );
}
