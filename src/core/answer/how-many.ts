import type { Database } from 'sql.js';
import type { DashboardFilter, ResolvedFilter } from '../dashboard/filter';
import { allocationWhere, selectRows } from '../dashboard/filter';
import {
  fteByDivision,
  plannedMilliByPosition,
  plannedOverTime,
  requiredVsPlanned,
} from '../dashboard/fte-charts';
import { bucketOf } from '../planning/months';
import type { Figure, HowMany, QuarterRow, RegionNeed, SplitRow } from './types';

/** The two resolved filters an answer reads: the reference month, and the whole horizon. */
export type AnswerFilters = {
  /** DashboardFilter of the reference month (what every FTE figure's trace asks for). */
  month: DashboardFilter;
  monthF: ResolvedFilter;
  horizon: DashboardFilter;
  horizonF: ResolvedFilter;
};

export const fte = (value: number, trace: Figure['trace']): Figure => ({
  value,
  unit: 'fte',
  trace,
});
export const count = (value: number, trace: Figure['trace']): Figure => ({
  value,
  unit: 'count',
  trace,
});

/** The fourth-pillar positions of the organigram at the reference day (the organigram's lens). */
export const isPillar4 = (position: { pillar4Share: number }) => position.pillar4Share > 0;

/**
 * "Hoeveel VTE?": planned and filled fourth-pillar FTE in the reference month, by division,
 * role and region, per quarter over the horizon, and required vs planned per network. Planned
 * is the scenario's allocation on fourth-pillar activities (the dashboard's charts); filled is
 * the planned FTE on positions held by someone on the reference day (a vacancy is planned, not
 * filled).
 */
export function readHowMany(db: Database, filters: AnswerFilters): HowMany {
  const { month: filter, monthF: f } = filters;
  const milliByPosition = plannedMilliByPosition(db, f);
  const positions = new Map(f.snapshot.positions.map((p) => [p.id, p]));
  const held = (positionId: number) => (positions.get(positionId)?.holders.length ?? 0) > 0;
  let plannedMilli = 0;
  let filledMilli = 0;
  for (const [positionId, milli] of milliByPosition) {
    plannedMilli += milli;
    if (held(positionId)) filledMilli += milli;
  }

  // By division: the dashboard's chart (its rows are the divisions, its series the roles).
  const divisions = fteByDivision(db, f, null);
  const filledByCategory = new Map<string, number>();
  const filledByRole = new Map<string, number>();
  for (const [positionId, milli] of milliByPosition) {
    const position = positions.get(positionId);
    if (!position || !held(positionId)) continue;
    const role = position.roleId === null ? 'zonder-rol' : `r${position.roleId}`;
    filledByRole.set(role, (filledByRole.get(role) ?? 0) + milli / 1000);
  }
  const divisionOfPosition = divisionKeys(f, divisions.rows);
  for (const [positionId, milli] of milliByPosition) {
    const key = divisionOfPosition.get(positionId);
    if (key === undefined || !held(positionId)) continue;
    filledByCategory.set(key, (filledByCategory.get(key) ?? 0) + milli / 1000);
  }
  const sumValues = (values: Record<string, number>) =>
    Object.values(values).reduce((a, b) => a + b, 0);
  const byDivision: SplitRow[] = divisions.rows.map((row) => ({
    key: row.key,
    label: row.label,
    planned: fte(sumValues(row.values), { filter, chart: 'fteByDivision', rowKey: row.key }),
    filled: fte(filledByCategory.get(row.key) ?? 0, {
      filter,
      chart: 'fteByDivision',
      rowKey: row.key,
      held: true,
    }),
  }));
  const byRole: SplitRow[] = divisions.series
    .map((series) => ({
      key: series.key,
      label: series.label,
      planned: fte(
        divisions.rows.reduce((total, row) => total + (row.values[series.key] ?? 0), 0),
        { filter, chart: 'fteByDivision', seriesKey: series.key },
      ),
      filled: fte(filledByRole.get(series.key) ?? 0, {
        filter,
        chart: 'fteByDivision',
        seriesKey: series.key,
        held: true,
      }),
    }))
    .sort((a, b) => b.planned.value - a.planned.value || a.label.localeCompare(b.label, 'nl'));

  const byRegion = regionSplit(filters, milliByPosition, held);

  // Required vs planned per network: the planning's demand model, as the dashboard draws it.
  const demand = requiredVsPlanned(db, f, null);
  const regions: RegionNeed[] = demand.rows.map((row) => ({
    code: row.key,
    name: row.label,
    required: fte(row.values.required ?? 0, {
      filter,
      chart: 'requiredVsPlanned',
      rowKey: row.key,
      seriesKey: 'required',
    }),
    planned: fte(row.values.planned ?? 0, {
      filter,
      chart: 'requiredVsPlanned',
      rowKey: row.key,
      seriesKey: 'planned',
    }),
    gap: fte(row.values.gap ?? 0, {
      filter,
      chart: 'requiredVsPlanned',
      rowKey: row.key,
      seriesKey: 'gap',
    }),
  }));
  const required = regions.reduce((total, region) => total + region.required.value, 0);
  const regionPlanned = regions.reduce((total, region) => total + region.planned.value, 0);

  const lens = f.snapshot.positions.filter(isPillar4);
  const people = new Set(lens.flatMap((p) => p.holders.map((h) => h.personId)));
  return {
    planned: fte(plannedMilli / 1000, { filter, chart: 'plannedFte' }),
    filled: fte(filledMilli / 1000, { filter, chart: 'fteByDivision', held: true }),
    positions: count(lens.length, { filter, chart: 'positions', seriesKey: 'pillar4' }),
    people: { value: people.size, unit: 'people', trace: null },
    vacancies: count(lens.filter((p) => p.holders.length === 0).length, {
      filter,
      chart: 'vacancies',
    }),
    quarters: quarters(db, filters, held),
    byDivision,
    byRole,
    byRegion,
    regions,
    required: fte(required, { filter, chart: 'requiredFte' }),
    gap: fte(regionPlanned - required, { filter, chart: 'gapFte' }),
  };
}

/** Which division row of the chart each position counts under (the chart's own grouping). */
function divisionKeys(f: ResolvedFilter, rows: { key: string }[]): Map<number, string> {
  const keys = new Set(rows.map((row) => row.key));
  const result = new Map<number, string>();
  for (const position of f.snapshot.positions) {
    for (const unit of f.ancestry.get(position.unitId) ?? []) {
      if (keys.has(`u${unit.id}`)) {
        result.set(position.id, `u${unit.id}`);
        break;
      }
    }
  }
  return result;
}

/**
 * Planned and filled FTE per region in the month, by the organigram's rule (the lens's
 * byRegion): a position counts under the region of its unit or of the nearest unit above it
 * that works for a region; the others are central. The unit carrying the region is the
 * dashboard filter's unit, so the trace is the dashboard's trace of that unit's subtree.
 */
function regionSplit(
  filters: AnswerFilters,
  milliByPosition: Map<number, number>,
  held: (positionId: number) => boolean,
): SplitRow[] {
  const f = filters.monthF;
  const positions = new Map(f.snapshot.positions.map((p) => [p.id, p]));
  const totals = new Map<
    string,
    { unitId: number | null; label: string; planned: number; filled: number }
  >();
  for (const [positionId, milli] of milliByPosition) {
    const position = positions.get(positionId);
    if (!position) continue;
    const unit = (f.ancestry.get(position.unitId) ?? []).find((u) => u.regionCode !== null);
    const key = unit ? `u${unit.id}` : '-';
    const entry = totals.get(key) ?? {
      unitId: unit?.id ?? null,
      label: unit ? (unit.regionName ?? unit.regionCode!) : 'Centraal (geen regio)',
      planned: 0,
      filled: 0,
    };
    entry.planned += milli / 1000 / f.months.length;
    if (held(positionId)) entry.filled += milli / 1000 / f.months.length;
    totals.set(key, entry);
  }
  return [...totals]
    .filter(([, entry]) => entry.planned !== 0)
    .sort(
      ([a, x], [b, y]) =>
        Number(a === '-') - Number(b === '-') ||
        y.planned - x.planned ||
        x.label.localeCompare(y.label, 'nl'),
    )
    .map(([key, entry]) => {
      const unitFilter: DashboardFilter = { ...filters.month, divisionId: entry.unitId };
      return {
        key,
        label: entry.label,
        planned: fte(
          entry.planned,
          entry.unitId === null ? null : { filter: unitFilter, chart: 'plannedFte' },
        ),
        filled: fte(
          entry.filled,
          entry.unitId === null ? null : { filter: unitFilter, chart: 'fteByDivision', held: true },
        ),
      };
    });
}

/** Planned (the dashboard's line for this scenario) and filled FTE per quarter of the horizon. */
function quarters(
  db: Database,
  filters: AnswerFilters,
  held: (positionId: number) => boolean,
): QuarterRow[] {
  const f = { ...filters.horizonF, grain: 'quarter' as const };
  const line = plannedOverTime(db, f);
  const where = allocationWhere(f, { rollup: true });
  const filledByMonth = new Map<string, number>();
  for (const [month, positionId, milli] of selectRows(
    db,
    `SELECT a.month, a.position_id, sum(a.milli) FROM allocation_rollup a
       JOIN activity act ON act.code = a.activity_code
      WHERE ${where.sql} GROUP BY 1, 2`,
    where.params,
  )) {
    if (!held(Number(positionId))) continue;
    filledByMonth.set(String(month), (filledByMonth.get(String(month)) ?? 0) + Number(milli));
  }
  const series = `s${f.scenarioId}`;
  return line.rows.map((row) => {
    const months = f.months.filter((month) => bucketOf(month, 'quarter') === row.key);
    const filled = months.reduce((total, month) => total + (filledByMonth.get(month) ?? 0), 0);
    return {
      quarter: row.key,
      label: quarterLabel(row.key),
      planned: row.values[series] ?? 0,
      filled: filled / 1000 / Math.max(1, months.length),
    };
  });
}

/** "2023-K1" → "K1 2023". */
export const quarterLabel = (key: string) => `${key.slice(5)} ${key.slice(0, 4)}`;
