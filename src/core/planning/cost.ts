import type { Database } from 'sql.js';
import { mutate } from '../mutations/mutate';
import { err, ok, type Result } from '../result';
import type { Session } from '../session';
import { milliSql } from './fte';
import { monthRange, planningHorizon } from './months';
import { editableScenario, findScenario, listScenarios } from './scenarios';
import { selectRows, textOrNull } from './sql';

/** A grade (loonschaal) as the cost editor shows it. '' is "no grade". */
export type GradeCost = {
  grade: string;
  /** Euro per FTE per year the plan is costed at (the scenario's, else the default). */
  annualCostPerFte: number | null;
  /** True when the scenario sets its own rate. */
  isSet: boolean;
  source: string | null;
  /** The organigram's average: Σ position annual cost ÷ Σ budgeted FTE of the grade. */
  defaultCostPerFte: number | null;
  positions: number;
};

export const DEFAULT_COST_SOURCE = 'Gemiddelde jaarkost per VTE van de functies in het organigram';

/** Every grade of the organigram with the rate a scenario costs it at. */
export function gradeCosts(db: Database, scenarioId: number): GradeCost[] {
  const own = new Map(
    selectRows(
      db,
      'SELECT grade, annual_cost_per_fte, source FROM scenario_grade_cost WHERE scenario_id = ?',
      [scenarioId],
    ).map((row) => [String(row[0]), { cost: Number(row[1]), source: textOrNull(row[2]) }]),
  );
  const grades = selectRows(
    db,
    `SELECT coalesce(grade, ''), count(*),
            sum(CASE WHEN annual_cost IS NOT NULL AND budget_fte > 0 THEN annual_cost END),
            sum(CASE WHEN annual_cost IS NOT NULL AND budget_fte > 0 THEN budget_fte END)
       FROM position GROUP BY 1 ORDER BY 1`,
  ).map((row) => {
    const grade = String(row[0]);
    const fallback =
      row[3] === null || Number(row[3]) === 0 ? null : Number(row[2]) / Number(row[3]);
    const set = own.get(grade);
    return {
      grade,
      annualCostPerFte: set?.cost ?? fallback,
      isSet: set !== undefined,
      source: set ? set.source : fallback === null ? null : DEFAULT_COST_SOURCE,
      defaultCostPerFte: fallback,
      positions: Number(row[1]),
    };
  });
  for (const [grade, set] of own)
    if (!grades.some((candidate) => candidate.grade === grade))
      grades.push({
        grade,
        annualCostPerFte: set.cost,
        isSet: true,
        source: set.source,
        defaultCostPerFte: null,
        positions: 0,
      });
  return grades;
}

/** Sets (or, with null, clears back to the default) a grade's cost per FTE in a draft scenario. */
export function setGradeCost(
  session: Session,
  args: {
    scenarioId: number;
    grade: string;
    annualCostPerFte: number | null;
    source?: string | null;
  },
): Result<GradeCost[]> {
  const scenario = editableScenario(session.db, args.scenarioId);
  if (!scenario.ok) return scenario;
  const cost = args.annualCostPerFte;
  if (cost !== null && (!Number.isFinite(cost) || cost < 0 || cost > 10_000_000))
    return err(
      'grade-cost-range',
      `De jaarkost per VTE voor graad "${args.grade}" moet tussen € 0 en € 10.000.000 liggen (gekregen: ${cost}).`,
    );
  const current = gradeCosts(session.db, args.scenarioId).find((g) => g.grade === args.grade);
  const key = { scenario_id: args.scenarioId, grade: args.grade };
  const result = mutate(
    session,
    `Jaarkost per VTE van graad "${args.grade || 'zonder graad'}" in "${scenario.value.name}": ${current?.annualCostPerFte ?? '—'} → ${cost ?? 'standaard'}`,
    (writer) => {
      if (cost === null) {
        if (current?.isSet) writer.delete('scenario_grade_cost', key);
      } else if (current?.isSet)
        writer.update('scenario_grade_cost', key, {
          annual_cost_per_fte: cost,
          source: args.source ?? null,
        });
      else
        writer.insert('scenario_grade_cost', {
          ...key,
          annual_cost_per_fte: cost,
          source: args.source ?? null,
        });
    },
    {
      action: 'planning.setGradeCost',
      details: {
        scenario: args.scenarioId,
        grade: args.grade,
        old: current?.annualCostPerFte,
        new: cost,
      },
    },
  );
  return result.ok ? ok(gradeCosts(session.db, args.scenarioId)) : result;
}

export type CostGroup = { key: string; label: string; euros: number[] };

export type PlanCost = {
  scenarioId: number;
  years: string[];
  /** Euro per year: Σ over months of FTE × the grade's cost per FTE per year ÷ 12. */
  total: number[];
  byActivity: CostGroup[];
  byRegion: CostGroup[];
  byGrade: CostGroup[];
  /** Every scenario's total per year, each at its own rates. */
  byScenario: CostGroup[];
  /** FTE-months (milli) on grades with no rate at all: not in the euros, said out loud. */
  unpricedMilli: number;
  grades: GradeCost[];
};

function costRows(db: Database, scenarioId: number, years: readonly string[]) {
  const rates = new Map(gradeCosts(db, scenarioId).map((g) => [g.grade, g.annualCostPerFte]));
  const yearIndex = new Map(years.map((year, index) => [year, index]));
  const rows: {
    year: number;
    activity: string;
    region: string | null;
    grade: string;
    euros: number;
  }[] = [];
  let unpriced = 0;
  for (const row of selectRows(
    db,
    `SELECT substr(a.month, 1, 4), a.activity_code, coalesce(a.region_code, mu.network_code),
            coalesce(p.grade, ''), sum(${milliSql('a.fte')})
       FROM allocation a
       JOIN position p ON p.id = a.position_id
       LEFT JOIN municipality mu ON mu.nis_code = a.nis_code
      WHERE a.scenario_id = ? GROUP BY 1, 2, 3, 4`,
    [scenarioId],
  )) {
    const year = yearIndex.get(String(row[0]));
    if (year === undefined) continue;
    const rate = rates.get(String(row[3])) ?? null;
    const milli = Number(row[4]);
    if (rate === null) {
      unpriced += milli;
      continue;
    }
    rows.push({
      year,
      activity: String(row[1]),
      region: textOrNull(row[2]),
      grade: String(row[3]),
      euros: ((milli / 1000) * rate) / 12,
    });
  }
  return { rows, unpriced };
}

/** The budget of a scenario's plan per year, by activity, region and grade, and per scenario. */
export function planCost(db: Database, scenarioId: number): Result<PlanCost> {
  const scenario = findScenario(db, scenarioId);
  if (!scenario.ok) return scenario;
  const horizon = planningHorizon(db);
  const years = [...new Set(monthRange(horizon.from, horizon.to).map((m) => m.slice(0, 4)))];
  const names = (sql: string) =>
    new Map(selectRows(db, sql).map((row) => [String(row[0]), String(row[1])]));
  const activities = names('SELECT code, name FROM activity');
  const regions = names('SELECT code, name FROM region');
  const { rows, unpriced } = costRows(db, scenarioId, years);
  const group = (keyOf: (row: (typeof rows)[number]) => string, label: (key: string) => string) => {
    const groups = new Map<string, CostGroup>();
    for (const row of rows) {
      const key = keyOf(row);
      const entry = groups.get(key) ?? { key, label: label(key), euros: years.map(() => 0) };
      entry.euros[row.year] = (entry.euros[row.year] ?? 0) + row.euros;
      groups.set(key, entry);
    }
    const sum = (g: CostGroup) => g.euros.reduce((a, b) => a + b, 0);
    return [...groups.values()].sort((a, b) => sum(b) - sum(a) || a.key.localeCompare(b.key));
  };
  const total = years.map((_, index) =>
    rows.reduce((sum, row) => (row.year === index ? sum + row.euros : sum), 0),
  );
  const byScenario = listScenarios(db).map((other) => {
    const own = other.id === scenarioId ? rows : costRows(db, other.id, years).rows;
    return {
      key: String(other.id),
      label: other.name,
      euros: years.map((_, index) =>
        own.reduce((sum, row) => (row.year === index ? sum + row.euros : sum), 0),
      ),
    };
  });
  return ok({
    scenarioId,
    years,
    total,
    byActivity: group(
      (row) => row.activity,
      (key) => activities.get(key) ?? key,
    ),
    byRegion: group(
      (row) => row.region ?? '',
      (key) => (key === '' ? '(geen regio)' : (regions.get(key) ?? key)),
    ),
    byGrade: group(
      (row) => row.grade,
      (key) => key || '(geen graad)',
    ),
    byScenario,
    unpricedMilli: unpriced,
    grades: gradeCosts(db, scenarioId),
  });
}
