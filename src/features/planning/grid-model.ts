import type { Breach } from '../../core/planning/breaches';
import type { PlanGrid, PlanLine, PlanPosition } from '../../core/planning/grid';
import { bucketsOf, type Grain } from '../../core/planning/months';

/** A row of the planning grid: a unit, a position (with its person), a plan line, the total. */
export type GridRow =
  | { kind: 'unit'; id: number; label: string; values: number[]; collapsed: boolean }
  | {
      kind: 'position';
      id: number;
      label: string;
      values: number[];
      collapsed: boolean;
      position: PlanPosition;
    }
  | { kind: 'line'; label: string; values: number[]; line: PlanLine; position: PlanPosition }
  | { kind: 'total'; label: string; values: number[] };

export type GridModel = {
  buckets: { key: string; months: string[] }[];
  rows: GridRow[];
  /** Why a cell is red: by row index and bucket index. */
  breachAt: (row: number, bucket: number) => string | undefined;
};

const sum = (into: number[], values: readonly number[]) => {
  values.forEach((value, index) => (into[index] = (into[index] ?? 0) + value));
};

/**
 * Groups a scenario's plan unit → position/person → activity line, with subtotals per unit and
 * position and a total row, rolled up to the grain (a quarter shows the average FTE of its
 * months). Collapsed groups keep their subtotal and hide what is under them.
 */
export function buildGridModel(
  plan: PlanGrid,
  grain: Grain,
  collapsed: ReadonlySet<string>,
  labels: { total: string; vacancy: string },
): GridModel {
  const buckets = bucketsOf(plan.months, grain);
  const monthIndex = new Map(plan.months.map((month, index) => [month, index]));
  const roll = (values: readonly number[]) =>
    buckets.map(
      (bucket) =>
        bucket.months.reduce(
          (total, month) => total + (values[monthIndex.get(month) ?? -1] ?? 0),
          0,
        ) / bucket.months.length,
    );

  const positionBreaches = new Map<string, Breach[]>();
  const personBreaches = new Map<string, Breach[]>();
  for (const breach of plan.breaches) {
    const map = breach.kind === 'position' ? positionBreaches : personBreaches;
    const key = `${breach.id}|${breach.month}`;
    map.set(key, [...(map.get(key) ?? []), breach]);
  }
  const reasonsFor = (positionId: number, personId: number | null, bucket: number) => {
    const reasons: string[] = [];
    for (const month of buckets[bucket]?.months ?? []) {
      for (const breach of positionBreaches.get(`${positionId}|${month}`) ?? [])
        reasons.push(breach.reason);
      if (personId !== null)
        for (const breach of personBreaches.get(`${personId}|${month}`) ?? [])
          reasons.push(breach.reason);
    }
    return reasons.length > 0 ? [...new Set(reasons)].join('\n') : undefined;
  };

  const linesByPosition = new Map<number, PlanLine[]>();
  for (const line of plan.lines)
    linesByPosition.set(line.positionId, [...(linesByPosition.get(line.positionId) ?? []), line]);

  const rows: GridRow[] = [];
  const breachRows: ((bucket: number) => string | undefined)[] = [];
  for (const unit of plan.units) {
    const positions = plan.positions.filter((position) => position.unitId === unit.id);
    const unitValues = plan.months.map(() => 0);
    for (const position of positions)
      for (const line of linesByPosition.get(position.id) ?? []) sum(unitValues, line.values);
    const unitCollapsed = collapsed.has(`u${unit.id}`);
    rows.push({
      kind: 'unit',
      id: unit.id,
      label: unit.name,
      values: roll(unitValues),
      collapsed: unitCollapsed,
    });
    breachRows.push(() => undefined);
    if (unitCollapsed) continue;
    for (const position of positions) {
      const lines = linesByPosition.get(position.id) ?? [];
      const positionValues = plan.months.map(() => 0);
      for (const line of lines) sum(positionValues, line.values);
      const positionCollapsed = collapsed.has(`p${position.id}`);
      rows.push({
        kind: 'position',
        id: position.id,
        label: `${position.code} · ${position.title} — ${position.personName ?? labels.vacancy}`,
        values: roll(positionValues),
        collapsed: positionCollapsed,
        position,
      });
      const personIds = [...new Set(lines.map((line) => line.personId))];
      breachRows.push((bucket) => {
        const reasons = personIds
          .map((personId) => reasonsFor(position.id, personId, bucket))
          .filter(Boolean);
        return reasons.length > 0 ? [...new Set(reasons)].join('\n') : undefined;
      });
      if (positionCollapsed) continue;
      for (const line of lines) {
        const place = line.regionName ?? line.nisCode ?? '';
        rows.push({
          kind: 'line',
          label: place ? `${line.activityName} · ${place}` : line.activityName,
          values: roll(line.values),
          line,
          position,
        });
        breachRows.push((bucket) => reasonsFor(position.id, line.personId, bucket));
      }
    }
  }
  rows.push({ kind: 'total', label: labels.total, values: roll(plan.totals) });
  breachRows.push(() => undefined);
  return { buckets, rows, breachAt: (row, bucket) => breachRows[row]?.(bucket) };
}
