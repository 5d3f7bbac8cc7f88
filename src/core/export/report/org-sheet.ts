import { unitRollups } from '../../org/rollup';
import type { OrgSnapshot } from '../../org/types';
import type { XlsxWriter } from '../xlsx/workbook';
import { header, tableSheet } from './layout';

const KIND_LABEL: Record<string, string> = {
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
  const children = new Map<number | null, typeof snapshot.units>();
  const ids = new Set(snapshot.units.map((unit) => unit.id));
  for (const unit of snapshot.units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'nl'));
  }
  const ordered: { unit: (typeof snapshot.units)[number]; depth: number }[] = [];
  const visit = (parent: number | null, depth: number, seen: Set<number>) => {
    for (const unit of children.get(parent) ?? []) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      ordered.push({ unit, depth });
      visit(unit.id, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
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
  const roots = (children.get(null) ?? []).map((unit) => rollups.get(unit.id));
  const sum = (pick: (r: NonNullable<(typeof roots)[number]>) => number) =>
    roots.reduce((s, r) => s + (r ? pick(r) : 0), 0);
  return {
    positions: sum((r) => r.positions),
    vacant: sum((r) => r.vacant),
    pillar4Fte: sum((r) => r.pillar4Fte),
    pillar4Positions: sum((r) => r.pillar4Positions),
  };
}
