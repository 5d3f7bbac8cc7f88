import { unitRollups } from '../../org/rollup';
import type { OrgSnapshot, OrgUnit } from '../../org/types';
import type { XlsxWriter } from '../xlsx/workbook';
import { header, tableSheet } from './layout';

export const KIND_LABEL: Record<string, string> = {
  agency: 'agentschap',
  division: 'afdeling',
  region_team: 'regioteam',
  team: 'team',
  service: 'dienst',
};

export type OrgRefs = {
  positions: number;
  vacant: number;
  pillar4Fte: number;
  pillar4Positions: number;
};

/**
 * Items depth-first under their parent (an item whose parent is not among them is a root),
 * siblings in `order`; each with its depth. A cycle is cut where it closes; with
 * `unreachableLast`, items only reachable through one come last, at depth 0.
 */
export function depthFirst<T>(
  items: readonly T[],
  id: (item: T) => number,
  parentOf: (item: T) => number | null,
  order?: (a: T, b: T) => number,
  unreachableLast = false,
): { item: T; depth: number }[] {
  const ids = new Set(items.map(id));
  const children = new Map<number | null, T[]>();
  for (const item of items) {
    const parent = parentOf(item);
    const key = parent !== null && ids.has(parent) ? parent : null;
    children.set(key, [...(children.get(key) ?? []), item]);
  }
  if (order) for (const list of children.values()) list.sort(order);
  const out: { item: T; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const item of children.get(parent) ?? []) {
      if (seen.has(id(item))) continue;
      seen.add(id(item));
      out.push({ item, depth });
      visit(id(item), depth + 1);
    }
  };
  visit(null, 0);
  if (unreachableLast)
    for (const item of items) if (!seen.has(id(item))) out.push({ item, depth: 0 });
  return out;
}

/** Units depth-first, children by sort order and then name. */
export function unitsInOrder(snapshot: OrgSnapshot): { unit: OrgUnit; depth: number }[] {
  return depthFirst(
    snapshot.units,
    (unit) => unit.id,
    (unit) => unit.parentId,
    (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'nl'),
  ).map(({ item, depth }) => ({ unit: item, depth }));
}

/**
 * Organigram: the unit hierarchy as outline rows (one level per depth), each with the
 * organigram core's roll-ups (unitRollups: positions, vacancies, people, FTE and fourth-pillar
 * FTE of the unit and every unit below it).
 */
export function writeOrganigram(
  writer: XlsxWriter,
  snapshot: OrgSnapshot,
  context: { date: string },
): OrgRefs {
  const rollups = unitRollups(snapshot);
  const ordered = unitsInOrder(snapshot);
  const levels = Math.min(7, Math.max(0, ...ordered.map((entry) => entry.depth)));
  const sheet = writer.addSheet(
    'Organigram',
    tableSheet(
      [
        { width: 46 },
        { width: 12 },
        { width: 8, style: 'integer' },
        { width: 10, style: 'integer' },
        { width: 10, style: 'integer' },
        { width: 10, style: 'integer' },
        { width: 10, style: 'integer' },
        { width: 12, style: 'fte' },
        { width: 14, style: 'fte' },
        { width: 14, style: 'fte' },
        { width: 16, style: 'integer' },
      ],
      1,
      Math.max(1, levels),
    ),
  );
  sheet.row([{ v: 'Organigram — eenheden met roll-ups', s: 'title' }], { height: 24 });
  sheet.row([
    {
      v: `Stand op ${context.date.split('-').reverse().join('/')}. Elke eenheid telt zichzelf en alles eronder (begrote VTE; vierde pijler = VTE × aandeel vierde pijler).`,
      s: 'note',
    },
  ]);
  sheet.blank();
  sheet.row(
    header([
      'Eenheid',
      'Soort',
      'Niveau',
      'Functies',
      'Bezet',
      'Vacant',
      'Personen',
      'VTE totaal',
      'VTE vierde pijler',
      'waarvan bezet',
      'Functies vierde pijler',
    ]),
    { height: 30 },
  );
  for (const { unit, depth } of ordered) {
    const r = rollups.get(unit.id);
    if (!r) continue;
    const group = depth < 2;
    sheet.row(
      [
        { v: `${'  '.repeat(depth)}${unit.name}`, s: group ? 'groupLabel' : undefined },
        KIND_LABEL[unit.kind] ?? unit.kind,
        depth + 1,
        r.positions,
        r.filled,
        r.vacant,
        r.headcount,
        r.totalFte,
        r.pillar4Fte,
        r.pillar4FilledFte,
        r.pillar4Positions,
      ],
      { outlineLevel: Math.min(7, depth) },
    );
  }
  const roots = ordered.filter((entry) => entry.depth === 0).map((e) => rollups.get(e.unit.id));
  const sum = (pick: (r: NonNullable<(typeof roots)[number]>) => number) =>
    roots.reduce((s, r) => s + (r ? pick(r) : 0), 0);
  return {
    positions: sum((r) => r.positions),
    vacant: sum((r) => r.vacant),
    pillar4Fte: sum((r) => r.pillar4Fte),
    pillar4Positions: sum((r) => r.pillar4Positions),
  };
}
