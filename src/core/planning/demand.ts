import type { Database } from 'sql.js';
import {
  readAssumptions,
  assumptionValues,
  type Assumption,
  type AssumptionValues,
} from './assumptions';
import { ensureRollup, rollupRegionColumn } from './rollup';
import { addMonths, bucketsOf, monthRange, planningHorizon, type Grain } from './months';
import { findScenarioHead } from './scenarios';
import { selectRows } from './sql';
import { err, ok, type Result } from '../result';

/** Demand is modelled per fourth-pillar network (18) or per AgII region (6). */
export type RegionKind = 'network' | 'agii';

/** One month of the demand model for one region, before any rounding. */
export type DemandMonth = {
  month: string;
  /** Newcomers starting a trajectory this month (the year's forecast ÷ 12). */
  intake: number;
  /** Of whom join the fourth pillar (obliged and not working/studying, plus optional uptake). */
  participants: number;
  /** Participants in guidance this month (intakes of the last `spread_months` months). */
  active: number;
  /** AgII guidance hours needed this month. */
  hours: number;
  /** Required FTE by the hours method: hours ÷ (productive hours per year ÷ 12). */
  fteByHours: number;
  /** Required FTE by the caseload method: active ÷ caseload per FTE. */
  fteByCaseload: number;
  /** The one the scenario's `demand_method` picks. */
  required: number;
};

/**
 * The demand formula, for one region, from its newcomers per year:
 *   intake(m)        = newcomers(year of m) ÷ 12
 *   mandated(y)      = share obliged × share not working/studying, from the mandatory year on
 *   participants(m)  = intake(m) × (mandated + (1 − mandated) × uptake among the optional)
 *   active(m)        = Σ participants over m and the (spread − 1) months before it
 *   hours(m)         = active(m) × guidance hours per participant ÷ spread
 *   FTE by hours     = hours(m) ÷ (productive hours per FTE per year ÷ 12)
 *   FTE by caseload  = active(m) ÷ caseload per FTE
 * Months before the first forecast year have no intake, so a plan starting there ramps up.
 */
export function demandFormula(
  newcomersByYear: ReadonlyMap<number, number>,
  values: AssumptionValues,
  months: readonly string[],
): DemandMonth[] {
  const value = (key: string) => values[key] ?? 0;
  const spread = Math.max(1, Math.round(value('spread_months')));
  const participantsIn = (month: string) => {
    const year = Number(month.slice(0, 4));
    const intake = (newcomersByYear.get(year) ?? 0) / 12;
    const mandated =
      year >= value('mandatory_from_year')
        ? value('share_obliged') * value('share_obliged_not_working_studying')
        : 0;
    return {
      intake,
      participants: intake * (mandated + (1 - mandated) * value('uptake_optional')),
    };
  };
  const monthlyHours = value('productive_hours_per_fte_year') / 12;
  return months.map((month) => {
    const own = participantsIn(month);
    let active = 0;
    for (let back = 0; back < spread; back++)
      active += participantsIn(addMonths(month, -back)).participants;
    const hours = (active * value('guidance_hours_per_newcomer')) / spread;
    const fteByHours = monthlyHours > 0 ? hours / monthlyHours : 0;
    const caseload = value('caseload_per_fte');
    const fteByCaseload = caseload > 0 ? active / caseload : 0;
    return {
      month,
      intake: own.intake,
      participants: own.participants,
      active,
      hours,
      fteByHours,
      fteByCaseload,
      required: value('demand_method') === 2 ? fteByCaseload : fteByHours,
    };
  });
}

export type DemandRow = {
  regionCode: string;
  regionName: string;
  bucket: string;
  /** Averages over the bucket's months, in FTE (required) and milli-FTE (planned). */
  requiredFte: number;
  plannedMilli: number;
  /** Of the planned: on a vacancy (planned, not filled: unmet supply). */
  vacancyMilli: number;
  /** planned − required, in FTE: negative is a shortage. */
  gapFte: number;
  participants: number;
};

export type DemandResult = {
  scenarioId: number;
  regionKind: RegionKind;
  grain: Grain;
  buckets: string[];
  rows: DemandRow[];
  /** Fourth-pillar FTE planned without a region of this kind (central staff), per bucket. */
  unassignedMilli: number[];
  assumptions: Assumption[];
};

/**
 * Required vs planned vs gap per region and bucket for a scenario: the demand view and the CLI's
 * `plan` both read this. Planned is the scenario's fourth-pillar allocation (activities with
 * is_pillar4) in the region, through the municipality where a row names one.
 */
export function demandByRegion(
  db: Database,
  args: { scenarioId: number; regionKind?: RegionKind; grain?: Grain },
): Result<DemandResult> {
  const scenario = findScenarioHead(db, args.scenarioId);
  if (!scenario.ok) return scenario;
  const kind = args.regionKind ?? 'network';
  const grain = args.grain ?? 'month';
  if (kind !== 'network' && kind !== 'agii')
    return err('region-kind', `Onbekende regiosoort "${String(kind)}": kies network of agii.`);
  const horizon = planningHorizon(db);
  const months = monthRange(horizon.from, horizon.to);
  const monthIndex = new Map(months.map((month, index) => [month, index]));
  const assumptions = readAssumptions(db, args.scenarioId);
  const values = assumptionValues(assumptions);
  const regionColumn = kind === 'network' ? 'network_code' : 'agii_region_code';

  const regions = selectRows(
    db,
    'SELECT code, name FROM region WHERE kind = ? ORDER BY sort_order, code',
    [kind],
  ).map((row) => ({ code: String(row[0]), name: String(row[1]) }));
  const newcomers = new Map<string, Map<number, number>>();
  for (const row of selectRows(
    db,
    `SELECT m.${regionColumn}, f.year, sum(f.newcomers) FROM newcomer_forecast f
       JOIN municipality m ON m.nis_code = f.nis_code
      WHERE m.${regionColumn} IS NOT NULL GROUP BY 1, 2`,
  )) {
    const byYear = newcomers.get(String(row[0])) ?? new Map<number, number>();
    byYear.set(Number(row[1]), Number(row[2]));
    newcomers.set(String(row[0]), byYear);
  }

  const planned = new Map<string, { total: number[]; vacancy: number[] }>();
  const unassigned = months.map(() => 0);
  // From the monthly region roll-up (planning/rollup.ts): the same sums as a GROUP BY on
  // allocation with the same region rule, over a few thousand rows instead of every row.
  ensureRollup(db);
  for (const row of selectRows(
    db,
    `SELECT nullif(r.${rollupRegionColumn(kind)}, '') AS region, r.month,
            sum(r.milli), sum(r.vacancy_milli)
       FROM allocation_rollup_region r
       JOIN activity act ON act.code = r.activity_code AND act.is_pillar4 = 1
      WHERE r.scenario_id = ?
      GROUP BY 1, 2`,
    [args.scenarioId],
  )) {
    const index = monthIndex.get(String(row[1]));
    if (index === undefined) continue;
    if (row[0] === null) {
      unassigned[index] = (unassigned[index] ?? 0) + Number(row[2]);
      continue;
    }
    const entry = planned.get(String(row[0])) ?? {
      total: months.map(() => 0),
      vacancy: months.map(() => 0),
    };
    entry.total[index] = Number(row[2]);
    entry.vacancy[index] = Number(row[3]);
    planned.set(String(row[0]), entry);
  }

  const buckets = bucketsOf(months, grain);
  const average = (series: readonly number[], bucketMonths: readonly string[]) =>
    bucketMonths.reduce((sum, month) => sum + (series[monthIndex.get(month) ?? -1] ?? 0), 0) /
    bucketMonths.length;
  const rows: DemandRow[] = [];
  for (const region of regions) {
    const model = demandFormula(newcomers.get(region.code) ?? new Map(), values, months);
    const required = model.map((m) => m.required);
    const participants = model.map((m) => m.participants);
    const plan = planned.get(region.code);
    for (const bucket of buckets) {
      const requiredFte = average(required, bucket.months);
      const plannedMilli = plan ? average(plan.total, bucket.months) : 0;
      rows.push({
        regionCode: region.code,
        regionName: region.name,
        bucket: bucket.key,
        requiredFte,
        plannedMilli,
        vacancyMilli: plan ? average(plan.vacancy, bucket.months) : 0,
        gapFte: plannedMilli / 1000 - requiredFte,
        participants: bucket.months.reduce(
          (sum, month) => sum + (participants[monthIndex.get(month) ?? -1] ?? 0),
          0,
        ),
      });
    }
  }
  return ok({
    scenarioId: args.scenarioId,
    regionKind: kind,
    grain,
    buckets: buckets.map((bucket) => bucket.key),
    rows,
    unassignedMilli: buckets.map((bucket) => average(unassigned, bucket.months)),
    assumptions,
  });
}
