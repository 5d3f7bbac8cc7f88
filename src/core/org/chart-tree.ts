import { reportingCycles } from './validate';
import type { OrgSnapshot } from './types';

/** A card on the chart: a unit ("u12") or a position ("p34"). */
export type ChartNode = {
  key: string;
  kind: 'unit' | 'position' | 'root';
  id: number;
  children: ChartNode[];
};

export const unitKey = (id: number) => `u${id}`;
export const positionKey = (id: number) => `p${id}`;

/**
 * The tree the chart draws. Units are the skeleton (unit → its sub-units); under each unit
 * hang its positions as their reporting tree inside that unit: a position whose manager sits
 * in the same unit hangs under that manager, the others (the unit's head, or a position whose
 * manager is elsewhere or missing) hang directly under the unit card. Broken data never
 * loses a card: a reporting loop is cut where it closes, a unit loop or a unit that does not
 * exist puts the cards under a top-level card, so everything is still drawn.
 */
export function buildChartTree(snapshot: OrgSnapshot): ChartNode {
  const units = new Map(snapshot.units.map((unit) => [unit.id, unit]));
  const unitNodes = new Map(
    snapshot.units.map((unit) => [
      unit.id,
      { key: unitKey(unit.id), kind: 'unit' as const, id: unit.id, children: [] as ChartNode[] },
    ]),
  );
  const inCycle = new Set(reportingCycles(snapshot).flat());
  const byId = new Map(snapshot.positions.map((p) => [p.id, p]));
  const positionNodes = new Map(
    snapshot.positions.map((p) => [
      p.id,
      { key: positionKey(p.id), kind: 'position' as const, id: p.id, children: [] as ChartNode[] },
    ]),
  );

  // Units whose parent chain loops or ends in a missing unit become roots of their own.
  const roots: ChartNode[] = [];
  for (const unit of snapshot.units) {
    const node = unitNodes.get(unit.id)!;
    const parent = unit.parentId === null ? undefined : unitNodes.get(unit.parentId);
    let loops = false;
    const seen = new Set<number>([unit.id]);
    for (let up = unit.parentId; up !== null; up = units.get(up)?.parentId ?? null) {
      if (seen.has(up)) {
        loops = true;
        break;
      }
      seen.add(up);
      if (!units.has(up)) break;
    }
    if (!parent || loops) roots.push(node);
  }
  // Keep one loop member attached: the chain is cut at the unit that was made a root.
  const rootSet = new Set(roots);

  const orphans: ChartNode[] = [];
  for (const position of snapshot.positions) {
    const node = positionNodes.get(position.id)!;
    const manager =
      position.reportsToId === null || inCycle.has(position.id)
        ? undefined
        : byId.get(position.reportsToId);
    if (manager && manager.unitId === position.unitId) {
      positionNodes.get(manager.id)!.children.push(node);
    } else {
      const unitNode = unitNodes.get(position.unitId);
      if (unitNode) unitNode.children.push(node);
      else orphans.push(node);
    }
  }
  // Positions first (the unit's own staff), then the sub-units in their sort order.
  for (const unit of snapshot.units) {
    const node = unitNodes.get(unit.id)!;
    if (rootSet.has(node) || unit.parentId === null) continue;
    unitNodes.get(unit.parentId)?.children.push(node);
  }
  let root: ChartNode;
  if (roots.length === 1 && orphans.length === 0) root = roots[0]!;
  else {
    root = { key: 'root', kind: 'root', id: 0, children: [...roots, ...orphans] };
  }
  return root;
}

/** Every key in the tree with its parent's key (the root has none). */
export function parentKeys(root: ChartNode): Map<string, string | null> {
  const parents = new Map<string, string | null>([[root.key, null]]);
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      parents.set(child.key, node.key);
      stack.push(child);
    }
  }
  return parents;
}
