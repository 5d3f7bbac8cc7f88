import type { OrgPosition, OrgSnapshot, OrgUnit, UnitRollup } from './types';

/** The part of a position's fourth-pillar FTE that is held: min(held FTE, budget) × share. */
export function pillar4Filled(position: OrgPosition): number {
  const held = position.holders.reduce((sum, holder) => sum + holder.fte, 0);
  return Math.min(held, position.budgetFte) * position.pillar4Share;
}

export const pillar4Fte = (position: OrgPosition): number =>
  position.budgetFte * position.pillar4Share;

/** Each unit's ancestors, nearest first, itself included; a loop in parent_id stops. */
export function unitAncestry(units: readonly OrgUnit[]): Map<number, OrgUnit[]> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const result = new Map<number, OrgUnit[]>();
  for (const unit of units) {
    const chain: OrgUnit[] = [];
    let current: OrgUnit | undefined = unit;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    result.set(unit.id, chain);
  }
  return result;
}

function emptyRollup(unitId: number): UnitRollup {
  return {
    unitId,
    positions: 0,
    filled: 0,
    vacant: 0,
    headcount: 0,
    totalFte: 0,
    pillar4Fte: 0,
    pillar4FilledFte: 0,
    pillar4Positions: 0,
  };
}

/** Roll-ups per unit, each including every unit below it. */
export function unitRollups(snapshot: OrgSnapshot): Map<number, UnitRollup> {
  const ancestry = unitAncestry(snapshot.units);
  const rollups = new Map(snapshot.units.map((unit) => [unit.id, emptyRollup(unit.id)]));
  const people = new Map(snapshot.units.map((unit) => [unit.id, new Set<number>()]));
  for (const position of snapshot.positions) {
    for (const unit of ancestry.get(position.unitId) ?? []) {
      const rollup = rollups.get(unit.id)!;
      rollup.positions += 1;
      if (position.holders.length > 0) rollup.filled += 1;
      else rollup.vacant += 1;
      rollup.totalFte += position.budgetFte;
      rollup.pillar4Fte += pillar4Fte(position);
      rollup.pillar4FilledFte += pillar4Filled(position);
      if (position.pillar4Share > 0) rollup.pillar4Positions += 1;
      for (const holder of position.holders) people.get(unit.id)!.add(holder.personId);
    }
  }
  for (const [unitId, set] of people) rollups.get(unitId)!.headcount = set.size;
  return rollups;
}

export type LensGroup = {
  key: string;
  label: string;
  positions: number;
  /** Σ budget × share. */
  fte: number;
  /** The held part of it. */
  filledFte: number;
};

export type LensTotals = {
  positions: number;
  fte: number;
  filledFte: number;
  byDivision: LensGroup[];
  byRole: LensGroup[];
  byRegion: LensGroup[];
};

/**
 * The division a unit belongs to: its nearest ancestor of kind 'division'; a unit outside any
 * division (the staff under the agency) counts under its own top-level unit.
 */
export function divisionOf(ancestry: Map<number, OrgUnit[]>, unitId: number): OrgUnit | null {
  const chain = ancestry.get(unitId) ?? [];
  return chain.find((unit) => unit.kind === 'division') ?? chain.at(-2) ?? chain.at(-1) ?? null;
}

/** The region a unit works for: its own or its nearest ancestor's; null for central units. */
export function regionOf(
  ancestry: Map<number, OrgUnit[]>,
  unitId: number,
): { code: string; name: string } | null {
  const unit = (ancestry.get(unitId) ?? []).find((candidate) => candidate.regionCode !== null);
  return unit ? { code: unit.regionCode!, name: unit.regionName ?? unit.regionCode! } : null;
}

/**
 * The "Vierde pijler" lens: every position with a fourth-pillar share, its FTE summed by
 * division, role and region (largest first).
 */
export function lensTotals(snapshot: OrgSnapshot): LensTotals {
  const ancestry = unitAncestry(snapshot.units);
  const groups = {
    byDivision: new Map<string, LensGroup>(),
    byRole: new Map<string, LensGroup>(),
    byRegion: new Map<string, LensGroup>(),
  };
  const add = (map: Map<string, LensGroup>, key: string, label: string, p: OrgPosition) => {
    const group = map.get(key) ?? { key, label, positions: 0, fte: 0, filledFte: 0 };
    group.positions += 1;
    group.fte += pillar4Fte(p);
    group.filledFte += pillar4Filled(p);
    map.set(key, group);
  };
  let positions = 0;
  let fte = 0;
  let filledFte = 0;
  for (const position of snapshot.positions) {
    if (position.pillar4Share <= 0) continue;
    positions += 1;
    fte += pillar4Fte(position);
    filledFte += pillar4Filled(position);
    const division = divisionOf(ancestry, position.unitId);
    add(
      groups.byDivision,
      division ? division.code : '-',
      division ? division.name : 'Zonder eenheid',
      position,
    );
    add(
      groups.byRole,
      position.roleId === null ? '-' : String(position.roleId),
      position.roleName ?? 'Zonder rol',
      position,
    );
    const region = regionOf(ancestry, position.unitId);
    add(
      groups.byRegion,
      region ? region.code : '-',
      region ? region.name : 'Centraal (geen regio)',
      position,
    );
  }
  const sorted = (map: Map<string, LensGroup>) =>
    [...map.values()].sort((a, b) => b.fte - a.fte || a.label.localeCompare(b.label, 'nl'));
  return {
    positions,
    fte,
    filledFte,
    byDivision: sorted(groups.byDivision),
    byRole: sorted(groups.byRole),
    byRegion: sorted(groups.byRegion),
  };
}
