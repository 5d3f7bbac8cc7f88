import type { ResolvedFilter } from '../dashboard/filter';
import { KIND_LABEL } from '../export/report/org-sheet';
import {
  buildChartTree,
  divisionOf,
  parentKeys,
  positionKey,
  type LinkEnd,
  type OrgPosition,
} from '../org';
import { isPillar4 } from './how-many';
import type {
  AnswerOrgNode,
  ChainStep,
  CrossLink,
  DivisionPair,
  LinkEndInfo,
  SteeredTeam,
} from './types';

/** What the organigram parts need: the month's snapshot and its planned FTE per position. */
export type OrgInput = { f: ResolvedFilter; milliByPosition: Map<number, number> };

const holderNames = (position: OrgPosition) => position.holders.map((h) => h.name).join(', ');

/**
 * "Waar in het organigram?": the organigram's fourth-pillar lens as a tree of its own — every
 * fourth-pillar position, the positions and units above it on the chart (its unit chain and,
 * for a manager in another unit, that manager with its chain), each box with the fourth-pillar
 * FTE planned in the month on it (a unit: everything below it). Parent = the nearest kept box
 * above on the organigram's own chart tree, so the boxes stand where they stand there.
 */
export function readWhere({ f, milliByPosition }: OrgInput): AnswerOrgNode[] {
  const snapshot = f.snapshot;
  const tree = buildChartTree(snapshot);
  const parents = parentKeys(tree);
  const byId = new Map(snapshot.positions.map((p) => [p.id, p]));
  const lens = snapshot.positions.filter(isPillar4);
  const keep = new Set<string>();
  const climb = (key: string) => {
    for (let up: string | null = key; up && !keep.has(up); up = parents.get(up) ?? null)
      keep.add(up);
  };
  for (const position of lens) {
    climb(positionKey(position.id));
    // The solid line to a manager in another unit: that manager and its chain stay too.
    const seen = new Set<number>();
    for (
      let p: OrgPosition | undefined = position;
      p && p.reportsToId !== null && !seen.has(p.id);
      p = byId.get(p.reportsToId)
    ) {
      seen.add(p.id);
      if (byId.has(p.reportsToId)) climb(positionKey(p.reportsToId));
    }
  }
  keep.delete('root');

  const units = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  const unitFte = new Map<number, number>();
  for (const [positionId, milli] of milliByPosition) {
    const position = byId.get(positionId);
    if (!position) continue;
    for (const unit of f.ancestry.get(position.unitId) ?? [])
      unitFte.set(unit.id, (unitFte.get(unit.id) ?? 0) + milli / 1000 / f.months.length);
  }
  const nearestKept = (key: string): string | null => {
    for (let up = parents.get(key) ?? null; up; up = parents.get(up) ?? null)
      if (keep.has(up)) return up;
    return null;
  };
  // Depth-first in the chart tree's order, so the list reads top-down like the chart.
  const nodes: AnswerOrgNode[] = [];
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (keep.has(node.key)) {
      if (node.kind === 'unit') {
        const unit = units.get(node.id)!;
        nodes.push({
          key: node.key,
          parentKey: nearestKept(node.key),
          kind: 'unit',
          id: unit.id,
          label: unit.name,
          sublabel: KIND_LABEL[unit.kind] ?? unit.kind,
          unitKind: unit.kind,
          fte: unitFte.get(unit.id) ?? 0,
          vacant: false,
        });
      } else if (node.kind === 'position') {
        const position = byId.get(node.id)!;
        nodes.push({
          key: node.key,
          parentKey: nearestKept(node.key),
          kind: 'position',
          id: position.id,
          label: position.title,
          sublabel: holderNames(position) || 'vacature',
          fte: (milliByPosition.get(position.id) ?? 0) / 1000 / f.months.length,
          vacant: position.holders.length === 0,
        });
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return nodes;
}

/**
 * "Hoe aangestuurd?": every unit holding fourth-pillar positions, with its head (the position
 * in the unit whose solid line leaves the unit, the one with most staff under it in the unit
 * when there are several) and that head's solid line up to the top.
 */
export function readSteering({ f, milliByPosition }: OrgInput): SteeredTeam[] {
  const snapshot = f.snapshot;
  const byId = new Map(snapshot.positions.map((p) => [p.id, p]));
  const units = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  const teams = new Map<number, OrgPosition[]>();
  for (const position of snapshot.positions.filter(isPillar4)) {
    const list = teams.get(position.unitId) ?? [];
    list.push(position);
    teams.set(position.unitId, list);
  }
  const result: SteeredTeam[] = [];
  for (const [unitId, pillar4] of teams) {
    const unit = units.get(unitId);
    const inUnit = snapshot.positions.filter((p) => p.unitId === unitId);
    const reports = (id: number) => inUnit.filter((p) => p.reportsToId === id).length;
    const heads = inUnit
      .filter((p) => p.reportsToId === null || byId.get(p.reportsToId)?.unitId !== unitId)
      .sort((a, b) => reports(b.id) - reports(a.id) || a.id - b.id);
    const head = heads[0] ?? pillar4[0]!;
    const chain: ChainStep[] = [];
    const seen = new Set<number>();
    for (
      let p: OrgPosition | undefined = head;
      p && !seen.has(p.id);
      p = p.reportsToId === null ? undefined : byId.get(p.reportsToId)
    ) {
      seen.add(p.id);
      chain.push({
        positionId: p.id,
        title: p.title,
        holder: holderNames(p) || null,
        unitName: units.get(p.unitId)?.name ?? `#${p.unitId}`,
      });
    }
    const milli = pillar4.reduce((total, p) => total + (milliByPosition.get(p.id) ?? 0), 0);
    result.push({
      unitId,
      unitName: unit?.name ?? `#${unitId}`,
      divisionName: divisionOf(f.ancestry, unitId)?.name ?? null,
      positions: pillar4.length,
      fte: milli / 1000 / f.months.length,
      chain,
    });
  }
  const order = new Map(snapshot.units.map((unit, index) => [unit.id, index]));
  return result.sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
}

/**
 * "Transversale werking?": the cross-unit links (dotted lines) that touch the fourth pillar —
 * an end that is a fourth-pillar position, or a unit with fourth-pillar positions at or below
 * it — and per pair of divisions, how many links join them and under which labels.
 */
export function readCrossUnit({ f }: OrgInput): { links: CrossLink[]; pairs: DivisionPair[] } {
  const snapshot = f.snapshot;
  const byId = new Map(snapshot.positions.map((p) => [p.id, p]));
  const units = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  const pillar4Units = new Set<number>();
  for (const position of snapshot.positions.filter(isPillar4))
    for (const unit of f.ancestry.get(position.unitId) ?? []) pillar4Units.add(unit.id);
  const info = (end: LinkEnd): LinkEndInfo | null => {
    if (end.kind === 'position') {
      const position = byId.get(end.id);
      if (!position) return null;
      const holders = holderNames(position);
      return {
        kind: 'position',
        id: position.id,
        label: holders ? `${position.title} (${holders})` : `${position.title} (vacature)`,
        unitName: units.get(position.unitId)?.name ?? `#${position.unitId}`,
        divisionName: divisionOf(f.ancestry, position.unitId)?.name ?? null,
      };
    }
    const unit = units.get(end.id);
    if (!unit) return null;
    return {
      kind: 'unit',
      id: unit.id,
      label: unit.name,
      unitName: unit.name,
      divisionName: divisionOf(f.ancestry, unit.id)?.name ?? null,
    };
  };
  const touches = (end: LinkEnd) =>
    end.kind === 'position' ? (byId.get(end.id)?.pillar4Share ?? 0) > 0 : pillar4Units.has(end.id);
  const links: CrossLink[] = [];
  for (const link of snapshot.links) {
    if (!touches(link.from) && !touches(link.to)) continue;
    const from = info(link.from);
    const to = info(link.to);
    if (!from || !to) continue;
    links.push({ id: link.id, label: link.label, from, to });
  }
  const pairs = new Map<string, DivisionPair>();
  for (const link of links) {
    const a = link.from.divisionName;
    const b = link.to.divisionName;
    if (!a || !b || a === b) continue;
    const [first, second] = a.localeCompare(b, 'nl') <= 0 ? [a, b] : [b, a];
    const key = `${first}\u0000${second}`;
    const pair = pairs.get(key) ?? { a: first, b: second, links: 0, labels: [] };
    pair.links += 1;
    if (!pair.labels.includes(link.label)) pair.labels.push(link.label);
    pairs.set(key, pair);
  }
  return {
    links,
    pairs: [...pairs.values()].sort(
      (x, y) => y.links - x.links || x.a.localeCompare(y.a, 'nl') || x.b.localeCompare(y.b, 'nl'),
    ),
  };
}
