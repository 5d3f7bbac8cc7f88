import type { OrgIssue, OrgSnapshot } from './types';

const fteText = (value: number) =>
  value.toLocaleString('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** "Teamleider ICT (ZD-ICT-TL)": how a position is named in a message. */
export function positionName(snapshot: OrgSnapshot, id: number): string {
  const position = snapshot.positions.find((candidate) => candidate.id === id);
  return position ? `${position.title} (${position.code})` : `functie ${id}`;
}

/**
 * The reporting lines that go round in a circle, each as its positions in order (the first
 * reports to the second, …, the last to the first). Every cycle appears once.
 */
export function reportingCycles(snapshot: OrgSnapshot): number[][] {
  const reportsTo = new Map(snapshot.positions.map((p) => [p.id, p.reportsToId]));
  const state = new Map<number, 'open' | 'done'>();
  const cycles: number[][] = [];
  for (const start of reportsTo.keys()) {
    if (state.has(start)) continue;
    const path: number[] = [];
    let current: number | null = start;
    while (current !== null && reportsTo.has(current) && !state.has(current)) {
      state.set(current, 'open');
      path.push(current);
      current = reportsTo.get(current) ?? null;
    }
    if (current !== null && state.get(current) === 'open') {
      cycles.push(path.slice(path.indexOf(current)));
    }
    for (const id of path) state.set(id, 'done');
  }
  return cycles;
}

/**
 * Everything that makes the organigram inconsistent, named with the positions involved and
 * how to fix it. The chart is still drawn: each problem is shown beside it, not instead of it.
 */
export function validateSnapshot(snapshot: OrgSnapshot): OrgIssue[] {
  const issues: OrgIssue[] = [];
  const ids = new Set(snapshot.positions.map((p) => p.id));
  const unitIds = new Set(snapshot.units.map((u) => u.id));
  const name = (id: number) => positionName(snapshot, id);

  for (const position of snapshot.positions) {
    if (position.reportsToId !== null && !ids.has(position.reportsToId)) {
      issues.push({
        code: 'dangling-reports-to',
        message: `${name(position.id)} rapporteert aan functie ${position.reportsToId}, die niet (meer) bestaat. Kies een andere leidinggevende.`,
        positionIds: [position.id],
      });
    }
    if (!unitIds.has(position.unitId)) {
      issues.push({
        code: 'dangling-unit',
        message: `${name(position.id)} hoort bij eenheid ${position.unitId}, die niet (meer) bestaat op deze datum. Verplaats de functie naar een bestaande eenheid.`,
        positionIds: [position.id],
      });
    }
  }

  for (const cycle of reportingCycles(snapshot)) {
    const chain = [...cycle, cycle[0]!].map(name).join(' → ');
    issues.push({
      code: 'cycle',
      message: `Deze rapporteringslijnen vormen een kring: ${chain}. Geef een van deze functies een andere leidinggevende.`,
      positionIds: cycle,
    });
  }

  const roots = snapshot.positions.filter((p) => p.reportsToId === null);
  if (roots.length > 1) {
    issues.push({
      code: 'multiple-roots',
      message: `${roots.length} functies hebben geen leidinggevende: ${roots.map((p) => name(p.id)).join(', ')}. Eén functie staat bovenaan; geef de andere een leidinggevende.`,
      positionIds: roots.map((p) => p.id),
    });
  }

  const perPerson = new Map<number, { positionId: number; fte: number }[]>();
  for (const position of snapshot.positions) {
    for (const holder of position.holders) {
      const list = perPerson.get(holder.personId) ?? [];
      list.push({ positionId: position.id, fte: holder.fte });
      perPerson.set(holder.personId, list);
    }
  }
  for (const person of snapshot.people) {
    const held = perPerson.get(person.id) ?? [];
    const total = held.reduce((sum, item) => sum + item.fte, 0);
    if (total > person.contractFte + 1e-9) {
      const parts = held.map((item) => `${name(item.positionId)}: ${fteText(item.fte)}`);
      issues.push({
        code: 'over-allocated',
        message: `${person.name} is voor ${fteText(total)} FTE ingezet, meer dan het contract van ${fteText(person.contractFte)} FTE (${parts.join('; ')}). Verlaag een van de opdrachten.`,
        positionIds: held.map((item) => item.positionId),
      });
    }
  }
  return issues;
}
