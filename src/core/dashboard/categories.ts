import { divisionOf, type OrgPosition } from '../org';
import type { ResolvedFilter } from './filter';
import type { Crumb, Drill } from './types';

export type Category = { key: string; label: string; drill?: Drill; order: number };

/**
 * How the unit charts group positions at a drill level: the top level by division (the
 * organigram's own divisionOf), inside a unit by its child units (each with everything below
 * it; the unit's own positions as one more bar), and a unit without children by position.
 */
export function unitCategories(
  f: ResolvedFilter,
  drill: Drill | null | undefined,
): { categoryOf: (position: OrgPosition) => Category | null; crumbs: Crumb[] } {
  const units = f.snapshot.units;
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const top: Crumb = { label: 'Alle afdelingen', drill: null };
  const unitId = drill?.unitId;
  if (unitId === undefined || !byId.has(unitId)) {
    return {
      crumbs: [top],
      categoryOf: (position) => {
        const division = divisionOf(f.ancestry, position.unitId);
        if (!division) return null;
        return {
          key: `u${division.id}`,
          label: division.name,
          drill: { unitId: division.id },
          order: division.sortOrder * 1e6 + division.id,
        };
      },
    };
  }
  const chain = (f.ancestry.get(unitId) ?? []).slice().reverse();
  const firstDivision = chain.findIndex((unit) => unit.kind === 'division');
  const crumbs: Crumb[] = [
    top,
    ...chain
      .slice(firstDivision >= 0 ? firstDivision : Math.max(0, chain.length - 1))
      .map((unit) => ({ label: unit.name, drill: { unitId: unit.id } })),
  ];
  const children = units.filter((unit) => unit.parentId === unitId);
  if (children.length === 0) {
    return {
      crumbs,
      categoryOf: (position) =>
        position.unitId === unitId
          ? { key: `p${position.id}`, label: position.title, order: position.id }
          : null,
    };
  }
  const self = byId.get(unitId)!;
  return {
    crumbs,
    categoryOf: (position) => {
      const chainOf = f.ancestry.get(position.unitId) ?? [];
      const at = chainOf.findIndex((unit) => unit.id === unitId);
      if (at < 0) return null;
      if (at === 0)
        return { key: `u${self.id}`, label: `${self.name} (zelf)`, order: -1, drill: undefined };
      const child = chainOf[at - 1]!;
      return {
        key: `u${child.id}`,
        label: child.name,
        drill: { unitId: child.id },
        order: child.sortOrder * 1e6 + child.id,
      };
    },
  };
}

/** Categories in the unit order, from a map filled while grouping. */
export function ordered<T extends { category: Category }>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => a.category.order - b.category.order);
}
