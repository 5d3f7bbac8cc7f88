import type { Database, SqlValue } from 'sql.js';
import { loadSnapshot, unitAncestry, type OrgSnapshot, type OrgUnit } from '../org';
import { monthRange, planningHorizon, type Grain } from '../planning/months';
import { selectRows, selectValue } from '../planning/sql';
import type { RegionKind } from '../planning/demand';
import { rollupRegionColumn } from '../planning/rollup';
import { readMeta } from '../workspace/meta';

/**
 * One filter for every chart on the dashboard. Period is a month range (inclusive); FTE over a
 * period is the average over its months (FTE is a rate: planning/months.ts rollUp). A filter a
 * chart cannot apply (a division for the pilots) is listed in that chart's `ignored`.
 */
export type DashboardFilter = {
  scenarioId: number;
  from?: string;
  to?: string;
  /** Region kind the region charts group by; a regionCode of the other kind switches it. */
  regionKind?: RegionKind;
  regionCode?: string | null;
  /** An org unit of kind division (or any unit: its subtree). */
  divisionId?: number | null;
  activityCode?: string | null;
  grain?: Exclude<Grain, 'all'>;
  /** The day the organigram (units, positions, holders) is read for; default the data date. */
  snapshotDate?: string;
};

/** The filter with every default filled in, plus what the queries derive from it. */
export type ResolvedFilter = Required<
  Omit<DashboardFilter, 'regionCode' | 'divisionId' | 'activityCode' | 'snapshotDate'>
> & {
  regionCode: string | null;
  divisionId: number | null;
  activityCode: string | null;
  months: string[];
  /** The org snapshot the unit/division mapping is read from (scenario, data date). */
  snapshot: OrgSnapshot;
  ancestry: Map<number, OrgUnit[]>;
  dataDate: string;
};

export function resolveFilter(db: Database, filter: DashboardFilter): ResolvedFilter {
  const horizon = planningHorizon(db);
  const from = filter.from && filter.from > horizon.from ? filter.from : horizon.from;
  const to = filter.to && filter.to < horizon.to ? filter.to : horizon.to;
  const regionCode = filter.regionCode ?? null;
  let regionKind: RegionKind = filter.regionKind ?? 'network';
  if (regionCode) {
    const kind = selectValue(db, 'SELECT kind FROM region WHERE code = ?', [regionCode]);
    if (kind === 'agii' || kind === 'network') regionKind = kind;
  }
  const meta = readMeta(db);
  const dataDate = meta.data_date ?? new Date().toISOString().slice(0, 10);
  const snapshot = loadSnapshot(db, {
    scenarioId: filter.scenarioId,
    date: filter.snapshotDate ?? dataDate,
  });
  return {
    scenarioId: filter.scenarioId,
    from,
    to: to < from ? from : to,
    regionKind,
    regionCode,
    divisionId: filter.divisionId ?? null,
    activityCode: filter.activityCode ?? null,
    grain: filter.grain ?? 'quarter',
    months: monthRange(from, to < from ? from : to),
    snapshot,
    ancestry: unitAncestry(snapshot.units),
    dataDate,
  };
}

/** The column a municipality carries for a region kind. */
export const regionColumn = (kind: RegionKind) =>
  kind === 'network' ? 'network_code' : 'agii_region_code';

/**
 * The region an allocation row counts under: its own region_code when that is of the kind,
 * else its municipality's region of the kind. The same rule as planning/demand.ts, so the
 * dashboard's planned FTE per region equals the demand view's.
 */
export const allocationRegionSql = (kind: RegionKind) =>
  `coalesce(CASE WHEN r.kind = '${kind}' THEN a.region_code END, mu.${regionColumn(kind)})`;

/** The joins allocationRegionSql needs. */
export const ALLOCATION_JOINS = `LEFT JOIN region r ON r.code = a.region_code
       LEFT JOIN municipality mu ON mu.nis_code = a.nis_code`;

/** Ids of the units at or below `unitId`. */
export function unitsUnder(f: ResolvedFilter, unitId: number): Set<number> {
  const ids = new Set<number>();
  for (const [id, chain] of f.ancestry) if (chain.some((unit) => unit.id === unitId)) ids.add(id);
  return ids;
}

/** Positions (in the filter's snapshot) whose unit is at or below `unitId`. */
export function positionsUnder(f: ResolvedFilter, unitId: number): number[] {
  const units = unitsUnder(f, unitId);
  return f.snapshot.positions.filter((p) => units.has(p.unitId)).map((p) => p.id);
}

export type WhereClause = { sql: string; params: SqlValue[]; words: string[] };

/**
 * The WHERE over `allocation a` (joined as ALLOCATION_JOINS, and with `act` the activity) for
 * the filter: fourth-pillar activities (or the chosen one), the period, region and division.
 * `words` says the same in Dutch for the trace. With `rollup`, `a` is one of the roll-ups
 * (allocation_rollup, or allocation_rollup_region when there is no division filter; no joins
 * needed); the trace reads the base table with the same filter.
 */
export function allocationWhere(
  f: ResolvedFilter,
  options: { scenario?: boolean; rollup?: boolean } = {},
): WhereClause {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const words: string[] = [];
  if (options.scenario !== false) {
    parts.push('a.scenario_id = ?');
    params.push(f.scenarioId);
    words.push(`scenario ${scenarioName(f)}`);
  }
  parts.push('a.month BETWEEN ? AND ?');
  params.push(f.from, f.to);
  words.push(`maanden ${f.from} t/m ${f.to}`);
  if (f.activityCode) {
    parts.push('a.activity_code = ?');
    params.push(f.activityCode);
    words.push(`activiteit ${f.activityCode}`);
  } else {
    parts.push('act.is_pillar4 = 1');
    words.push('activiteiten van de vierde pijler');
  }
  if (f.regionCode) {
    // The roll-up (planning/rollup.ts) holds the row's region of each kind by the same rule.
    parts.push(
      options.rollup
        ? `a.${rollupRegionColumn(f.regionKind)} = ?`
        : `${allocationRegionSql(f.regionKind)} = ?`,
    );
    params.push(f.regionCode);
    words.push(`regio ${f.regionCode}`);
  }
  if (f.divisionId !== null) {
    const ids = positionsUnder(f, f.divisionId);
    parts.push(`a.position_id IN (${ids.length ? ids.join(',') : 'NULL'})`);
    words.push(`functies onder eenheid ${unitName(f, f.divisionId)}`);
  }
  return { sql: parts.join(' AND '), params, words };
}

export function unitName(f: ResolvedFilter, unitId: number): string {
  return f.snapshot.units.find((unit) => unit.id === unitId)?.name ?? `#${unitId}`;
}

function scenarioName(f: ResolvedFilter): string {
  return `#${f.scenarioId}`;
}

/** Rows of a query as arrays (re-exported so the dashboard's files import from one place). */
export { selectRows, selectValue };
