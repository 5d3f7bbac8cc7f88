import type { OrgPosition, OrgSnapshot } from './types';

export type PositionChange = {
  positionId: number;
  code: string;
  title: string;
  kind: 'added' | 'removed' | 'moved' | 'fte-changed';
  /** For moves: unit and reports-to before/after; for FTE: budget and share before/after. */
  before?: Partial<Pick<OrgPosition, 'unitId' | 'reportsToId' | 'budgetFte' | 'pillar4Share'>>;
  after?: Partial<Pick<OrgPosition, 'unitId' | 'reportsToId' | 'budgetFte' | 'pillar4Share'>>;
};

export type OrgDiff = {
  changes: PositionChange[];
  /** Σ budget FTE and Σ fourth-pillar FTE, after minus before. */
  fteDelta: number;
  pillar4FteDelta: number;
};

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * What changed between two organigrams (two scenarios, two dates): positions added, removed,
 * moved (other unit or other reports-to) and with other FTE or share. A position can be both
 * moved and changed in FTE; it is listed once for each.
 */
export function diffSnapshots(before: OrgSnapshot, after: OrgSnapshot): OrgDiff {
  const old = new Map(before.positions.map((p) => [p.id, p]));
  const now = new Map(after.positions.map((p) => [p.id, p]));
  const changes: PositionChange[] = [];
  const base = (p: OrgPosition) => ({ positionId: p.id, code: p.code, title: p.title });
  for (const p of after.positions) {
    const was = old.get(p.id);
    if (!was) {
      changes.push({ ...base(p), kind: 'added' });
      continue;
    }
    if (was.unitId !== p.unitId || was.reportsToId !== p.reportsToId) {
      changes.push({
        ...base(p),
        kind: 'moved',
        before: { unitId: was.unitId, reportsToId: was.reportsToId },
        after: { unitId: p.unitId, reportsToId: p.reportsToId },
      });
    }
    if (!near(was.budgetFte, p.budgetFte) || !near(was.pillar4Share, p.pillar4Share)) {
      changes.push({
        ...base(p),
        kind: 'fte-changed',
        before: { budgetFte: was.budgetFte, pillar4Share: was.pillar4Share },
        after: { budgetFte: p.budgetFte, pillar4Share: p.pillar4Share },
      });
    }
  }
  for (const p of before.positions) {
    if (!now.has(p.id)) changes.push({ ...base(p), kind: 'removed' });
  }
  const sum = (s: OrgSnapshot, f: (p: OrgPosition) => number) =>
    s.positions.reduce((total, p) => total + f(p), 0);
  return {
    changes,
    fteDelta: sum(after, (p) => p.budgetFte) - sum(before, (p) => p.budgetFte),
    pillar4FteDelta:
      sum(after, (p) => p.budgetFte * p.pillar4Share) -
      sum(before, (p) => p.budgetFte * p.pillar4Share),
  };
}
