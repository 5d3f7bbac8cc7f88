import type { Database } from 'sql.js';
import type { PlanGrid, PlanPosition, PlanUnit } from './grid';
import { lineKeyText, newPlanLine, type LineKey } from './grid';
import { selectRows } from './sql';

/** A position a new plan line can go on, with the person who holds it (null: a vacancy). */
export type LineChoice = PlanPosition & { personId: number | null; unit: PlanUnit };

/**
 * Every position of the scenario (the baseline's and its own) with its current holder(s): one choice per holder, or one vacancy choice. A
 * line on a vacancy has no person and counts as planned, not filled.
 */
export function lineChoices(db: Database, scenarioId: number): LineChoice[] {
  return selectRows(
    db,
    `SELECT p.id, p.code, p.title, p.unit_id, CAST(round(p.budget_fte * 1000) AS INTEGER),
            pe.id, pe.name, u.code, u.name
       FROM position p
       JOIN org_unit u ON u.id = p.unit_id
       LEFT JOIN assignment a ON a.position_id = p.id
                             AND (a.valid_to IS NULL OR a.valid_to >= date('now'))
       LEFT JOIN person pe ON pe.id = a.person_id
      WHERE p.scenario_id IS NULL OR p.scenario_id = ?
      ORDER BY p.code, pe.name`,
    [scenarioId],
  ).map((row) => ({
    id: Number(row[0]),
    code: String(row[1]),
    title: String(row[2]),
    unitId: Number(row[3]),
    budgetMilli: Number(row[4]),
    personId: row[5] === null ? null : Number(row[5]),
    personName: row[6] === null ? null : String(row[6]),
    unit: { id: Number(row[3]), code: String(row[7]), name: String(row[8]) },
  }));
}

/**
 * The grid with an empty line added (all months 0, nothing stored yet): its position and unit
 * join the grid when they were not in it. The first value typed or pasted into it writes rows;
 * a line left empty is gone at the next read. Returns null when the line is already there.
 */
export function withNewLine(
  plan: PlanGrid,
  choice: LineChoice,
  activityCode: string,
  regionCode: string | null,
): PlanGrid | null {
  const key: LineKey = {
    positionId: choice.id,
    personId: choice.personId,
    activityCode,
    regionCode,
    nisCode: null,
  };
  if (plan.lines.some((line) => line.key === lineKeyText(key))) return null;
  const { unit, personId: _personId, ...position } = choice;
  return {
    ...plan,
    units: plan.units.some((candidate) => candidate.id === unit.id)
      ? plan.units
      : [...plan.units, unit],
    positions: plan.positions.some((candidate) => candidate.id === position.id)
      ? plan.positions
      : [...plan.positions, position],
    lines: [...plan.lines, newPlanLine(plan, key)],
  };
}
