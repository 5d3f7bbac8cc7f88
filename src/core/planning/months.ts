import type { Database } from 'sql.js';

/**
 * How a plan is rolled up: FTE per month, or the average FTE over a quarter, a year or the whole
 * horizon ('all').
 */
export type Grain = 'month' | 'quarter' | 'year' | 'all';

export const GRAINS: readonly Grain[] = ['month', 'quarter', 'year', 'all'];

export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The bucket a month rolls up into: "2023-03", "2023-K1" (kwartaal) or "2023". */
export function bucketOf(month: string, grain: Grain): string {
  if (grain === 'month') return month;
  if (grain === 'all') return 'totaal';
  if (grain === 'year') return month.slice(0, 4);
  return `${month.slice(0, 4)}-K${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export type Bucket = { key: string; months: string[] };

/** The buckets over a list of months, in order, each with the months it holds. */
export function bucketsOf(months: readonly string[], grain: Grain): Bucket[] {
  const buckets: Bucket[] = [];
  for (const month of months) {
    const key = bucketOf(month, grain);
    const last = buckets.at(-1);
    if (last?.key === key) last.months.push(month);
    else buckets.push({ key, months: [month] });
  }
  return buckets;
}

/**
 * FTE is a rate, so a quarter's FTE is the average over its months (sum of monthly milli-FTE ÷
 * months), not the sum: 1,0 VTE in January and 0,5 in February and March is 0,67 VTE in K1.
 */
export function rollUp(months: readonly string[], values: readonly number[], grain: Grain) {
  const byMonth = new Map(months.map((month, index) => [month, values[index] ?? 0]));
  return bucketsOf(months, grain).map((bucket) => {
    const sum = bucket.months.reduce((total, month) => total + (byMonth.get(month) ?? 0), 0);
    return { key: bucket.key, sumMilli: sum, averageMilli: sum / bucket.months.length };
  });
}

/** The planning horizon: the workspace's planning_from/planning_to, else the plan's own span. */
export function planningHorizon(db: Database): { from: string; to: string } {
  const meta = new Map(
    (
      db.exec("SELECT key, value FROM meta WHERE key IN ('planning_from', 'planning_to')")[0]
        ?.values ?? []
    ).map((row) => [String(row[0]), String(row[1])]),
  );
  // Per scenario through the (scenario_id, month) index: a bare min(month) over allocation
  // reads every row of a million-row plan.
  const span =
    db.exec(
      `SELECT min(lo), max(hi) FROM (SELECT
         (SELECT min(month) FROM allocation WHERE scenario_id = s.id) AS lo,
         (SELECT max(month) FROM allocation WHERE scenario_id = s.id) AS hi FROM scenario s)`,
    )[0]?.values[0] ?? [];
  const year = new Date().getFullYear();
  const from = meta.get('planning_from') ?? (span[0] as string | null) ?? `${year}-01`;
  const to = meta.get('planning_to') ?? (span[1] as string | null) ?? `${year}-12`;
  return { from, to: to < from ? from : to };
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
