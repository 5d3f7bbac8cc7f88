import type { Database } from 'sql.js';
import { regionOf, type OrgPosition } from '../org';
import { assumptionValues, readAssumptions } from '../planning/assumptions';
import { demandByRegion, demandFormula } from '../planning/demand';
import { bucketsOf } from '../planning/months';
import { ensureRollup } from '../planning/rollup';
import { scenarioHeads } from '../planning/scenarios';
import { ordered, unitCategories, type Category } from './categories';
import { allocationWhere, regionColumn, selectRows, type ResolvedFilter } from './filter';
import type { ChartData, Drill } from './types';

const NO_ROLE = 'zonder-rol';

/** Σ milli-FTE per position under the filter (one GROUP BY over the allocation table). */
export function plannedMilliByPosition(db: Database, f: ResolvedFilter): Map<number, number> {
  // One read serves the chart and the KPI of the same dashboard read (same resolved filter).
  const known = byFilter.get(f);
  if (known) return known;
  ensureRollup(db);
  const where = allocationWhere(f, { rollup: true });
  const result = new Map<number, number>();
  for (const [positionId, milli] of selectRows(
    db,
    `SELECT a.position_id, sum(a.milli) FROM allocation_rollup a
       JOIN activity act ON act.code = a.activity_code
      WHERE ${where.sql} GROUP BY a.position_id`,
    where.params,
  ))
    result.set(Number(positionId), Number(milli));
  byFilter.set(f, result);
  return result;
}

const byFilter = new WeakMap<ResolvedFilter, Map<number, number>>();

/** Positions of the snapshot by id, plus any allocated position the snapshot does not hold. */
export function positionIndex(f: ResolvedFilter): Map<number, OrgPosition> {
  return new Map(f.snapshot.positions.map((position) => [position.id, position]));
}

/**
 * Fourth-pillar FTE by division, stacked by role: the scenario's planned FTE on fourth-pillar
 * activities (or the chosen activity), averaged over the period's months.
 */
export function fteByDivision(db: Database, f: ResolvedFilter, drill?: Drill | null): ChartData {
  const positions = positionIndex(f);
  const { categoryOf, crumbs } = unitCategories(f, drill);
  const groups = new Map<string, { category: Category; values: Record<string, number> }>();
  const roles = new Map<string, string>();
  for (const [positionId, milli] of plannedMilliByPosition(db, f)) {
    const position = positions.get(positionId);
    if (!position || milli === 0) continue;
    const category = categoryOf(position);
    if (!category) continue;
    const role = position.roleId === null ? NO_ROLE : `r${position.roleId}`;
    roles.set(role, position.roleName ?? 'Zonder rol');
    const group = groups.get(category.key) ?? { category, values: {} };
    group.values[role] = (group.values[role] ?? 0) + milli / 1000 / f.months.length;
    groups.set(category.key, group);
  }
  return {
    id: 'fteByDivision',
    unit: 'fte',
    layout: 'stacked',
    series: [...roles].map(([key, label]) => ({ key, label })).sort(byLabel),
    rows: ordered(groups).map(({ category, values }) => ({
      key: category.key,
      label: category.label,
      values,
      ...(category.drill ? { drill: category.drill } : {}),
    })),
    crumbs,
    ignored: [],
  };
}

const byLabel = (a: { label: string }, b: { label: string }) =>
  a.label.localeCompare(b.label, 'nl');

/** Planned FTE over time for every scenario (the scenario filter picks none out here). */
export function plannedOverTime(db: Database, f: ResolvedFilter): ChartData {
  ensureRollup(db);
  const where = allocationWhere(f, { scenario: false, rollup: true });
  // The division filter picks positions; without it the roll-up without them is enough.
  const rollup = f.divisionId === null ? 'allocation_rollup_region' : 'allocation_rollup';
  const byScenario = new Map<number, Map<string, number>>();
  for (const [scenarioId, month, milli] of selectRows(
    db,
    `SELECT a.scenario_id, a.month, sum(a.milli) FROM ${rollup} a
       JOIN activity act ON act.code = a.activity_code
      WHERE ${where.sql} GROUP BY 1, 2`,
    where.params,
  )) {
    const months = byScenario.get(Number(scenarioId)) ?? new Map<string, number>();
    months.set(String(month), Number(milli));
    byScenario.set(Number(scenarioId), months);
  }
  const scenarios = scenarioHeads(db);
  const rows = bucketsOf(f.months, f.grain).map((bucket) => {
    const values: Record<string, number> = {};
    for (const scenario of scenarios) {
      const months = byScenario.get(scenario.id);
      const sum = bucket.months.reduce((total, month) => total + (months?.get(month) ?? 0), 0);
      values[`s${scenario.id}`] = sum / 1000 / bucket.months.length;
    }
    return { key: bucket.key, label: bucket.key, values };
  });
  return {
    id: 'plannedOverTime',
    unit: 'fte',
    layout: 'lines',
    series: scenarios.map((scenario) => ({ key: `s${scenario.id}`, label: scenario.name })),
    rows,
    crumbs: [{ label: 'Alle scenario’s', drill: null }],
    ignored: ['scenarioId'],
  };
}

/**
 * Required vs planned per region, with the gap (planned − required; negative is a shortage):
 * the planning core's demand model (demandByRegion), averaged over the period's months. Inside a
 * region, per municipality: the same formula on the municipality's newcomers, and the planned
 * FTE booked on that municipality (FTE booked on the region only is one more bar).
 */
export function requiredVsPlanned(
  db: Database,
  f: ResolvedFilter,
  drill?: Drill | null,
): ChartData {
  const ignored: ChartData['ignored'] = ['divisionId', 'activityCode'];
  const regionCode = drill?.regionCode ?? null;
  const series = [
    { key: 'required', label: 'Nodig' },
    { key: 'planned', label: 'Gepland' },
    { key: 'gap', label: 'Verschil' },
  ];
  const top = { label: 'Alle regio’s', drill: null };
  if (regionCode) return municipalityDemand(db, f, regionCode, { series, ignored, top });
  const demand = demandByRegion(db, { scenarioId: f.scenarioId, regionKind: f.regionKind });
  const inPeriod = new Set(f.months);
  const regions = new Map<string, { label: string; required: number; planned: number }>();
  if (demand.ok) {
    for (const row of demand.value.rows) {
      if (!inPeriod.has(row.bucket)) continue;
      if (f.regionCode && row.regionCode !== f.regionCode) continue;
      const entry = regions.get(row.regionCode) ?? {
        label: row.regionName,
        required: 0,
        planned: 0,
      };
      entry.required += row.requiredFte / f.months.length;
      entry.planned += row.plannedMilli / 1000 / f.months.length;
      regions.set(row.regionCode, entry);
    }
  }
  return {
    id: 'requiredVsPlanned',
    unit: 'fte',
    layout: 'grouped',
    series,
    rows: [...regions].map(([code, entry]) => ({
      key: code,
      label: entry.label,
      values: {
        required: entry.required,
        planned: entry.planned,
        gap: entry.planned - entry.required,
      },
      drill: { regionCode: code },
    })),
    crumbs: [top],
    ignored,
  };
}

function municipalityDemand(
  db: Database,
  f: ResolvedFilter,
  regionCode: string,
  frame: Pick<ChartData, 'series' | 'ignored'> & { top: ChartData['crumbs'][number] },
): ChartData {
  const column = regionColumn(f.regionKind);
  const values = assumptionValues(readAssumptions(db, f.scenarioId));
  const names = new Map<string, string>();
  const newcomers = new Map<string, Map<number, number>>();
  for (const [nis, name] of selectRows(
    db,
    `SELECT nis_code, name FROM municipality WHERE ${column} = ? ORDER BY name`,
    [regionCode],
  ))
    names.set(String(nis), String(name));
  for (const [nis, year, count] of selectRows(
    db,
    `SELECT f.nis_code, f.year, f.newcomers FROM newcomer_forecast f
       JOIN municipality m ON m.nis_code = f.nis_code WHERE m.${column} = ?`,
    [regionCode],
  )) {
    const byYear = newcomers.get(String(nis)) ?? new Map<number, number>();
    byYear.set(Number(year), Number(count));
    newcomers.set(String(nis), byYear);
  }
  // All planned FTE of the region by municipality (from the roll-up, where '' is FTE booked on
  // the region itself).
  const planned = new Map<string | null, number>();
  ensureRollup(db);
  const where = allocationWhere(
    { ...f, regionCode, divisionId: null, activityCode: null },
    { rollup: true },
  );
  for (const [nis, milli] of selectRows(
    db,
    `SELECT a.nis_code, sum(a.milli) FROM allocation_rollup_nis a
       JOIN activity act ON act.code = a.activity_code
      WHERE ${where.sql} GROUP BY 1`,
    where.params,
  ))
    planned.set(nis === '' ? null : String(nis), Number(milli));
  const rows: ChartData['rows'] = [];
  for (const [nis, name] of names) {
    const model = demandFormula(newcomers.get(nis) ?? new Map(), values, f.months);
    const required = model.reduce((sum, m) => sum + m.required, 0) / f.months.length;
    const plannedFte = (planned.get(nis) ?? 0) / 1000 / f.months.length;
    rows.push({
      key: nis,
      label: name,
      values: { required, planned: plannedFte, gap: plannedFte - required },
    });
  }
  const onRegion = (planned.get(null) ?? 0) / 1000 / f.months.length;
  if (onRegion > 0)
    rows.push({
      key: '-',
      label: 'Regio (geen gemeente)',
      values: { required: 0, planned: onRegion, gap: onRegion },
    });
  const regionName = String(
    selectRows(db, 'SELECT name FROM region WHERE code = ?', [regionCode])[0]?.[0] ?? regionCode,
  );
  return {
    id: 'requiredVsPlanned',
    unit: 'fte',
    layout: 'grouped',
    series: frame.series,
    rows,
    crumbs: [frame.top, { label: regionName, drill: { regionCode } }],
    ignored: frame.ignored,
  };
}

/**
 * Positions filled vs vacant per unit, on the organigram of the scenario at the data date
 * (counted as org core's unitRollups counts); the region filter keeps positions of units working for the region.
 */
export function positionsChart(f: ResolvedFilter, drill?: Drill | null): ChartData {
  const { categoryOf, crumbs } = unitCategories(f, drill);
  const keep = (position: OrgPosition) => {
    if (f.divisionId !== null) {
      const chain = f.ancestry.get(position.unitId) ?? [];
      if (!chain.some((unit) => unit.id === f.divisionId)) return false;
    }
    if (f.regionCode) return regionOf(f.ancestry, position.unitId)?.code === f.regionCode;
    return true;
  };
  // Filled = held by someone, as the organigram's unitRollups counts it (a test holds both equal).
  const groups = new Map<string, { category: Category; values: Record<string, number> }>();
  for (const position of f.snapshot.positions.filter(keep)) {
    const category = categoryOf(position);
    if (!category) continue;
    const group = groups.get(category.key) ?? { category, values: { filled: 0, vacant: 0 } };
    group.values[position.holders.length > 0 ? 'filled' : 'vacant']! += 1;
    groups.set(category.key, group);
  }
  return {
    id: 'positions',
    unit: 'count',
    layout: 'stacked',
    series: [
      { key: 'filled', label: 'Ingevuld' },
      { key: 'vacant', label: 'Vacant' },
    ],
    rows: ordered(groups).map(({ category, values }) => ({
      key: category.key,
      label: category.label,
      values,
      ...(category.drill ? { drill: category.drill } : {}),
    })),
    crumbs,
    ignored: ['from', 'to', 'activityCode'],
  };
}
