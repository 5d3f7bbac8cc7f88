import { collectingSink } from '../export/handlers';
import { writeOrgWorkbook } from '../export/report/org-workbook';
import { defineHandlers, type HandlerContext } from '../handlers/context';
import { ok, type Result } from '../result';

import { diffSnapshots, type OrgDiff } from './diff';
import {
  addLink,
  addPosition,
  assignPerson,
  closePositionInScenario,
  deletePlan,
  deletePosition,
  markVacant,
  movePosition,
  moveUnit,
  removeLink,
  renameUnit,
  updatePosition,
  type AddPosition,
  type MovePosition,
  type UpdatePosition,
} from './edit';
import { loadSnapshot } from './load';
import { lensTotals, unitRollups, type LensTotals } from './rollup';
import type { LinkEnd, OrgIssue, OrgSnapshot, UnitRollup } from './types';
import { validateSnapshot } from './validate';

export type OrgView = {
  snapshot: OrgSnapshot;
  issues: OrgIssue[];
  rollups: UnitRollup[];
  lens: LensTotals;
  scenarios: { id: number; name: string }[];
  roles: { id: number; name: string; isPillar4: boolean }[];
};

export type OrgWhen = { scenarioId?: number | null; date?: string };

function orgView(args: OrgWhen | undefined, { session }: HandlerContext): OrgView {
  const snapshot = loadSnapshot(session.db, args ?? {});
  const list = (sql: string) => session.db.exec(sql)[0]?.values ?? [];
  return {
    snapshot,
    issues: validateSnapshot(snapshot),
    rollups: [...unitRollups(snapshot).values()],
    lens: lensTotals(snapshot),
    scenarios: list('SELECT id, name FROM scenario ORDER BY id').map(([id, name]) => ({
      id: Number(id),
      name: String(name),
    })),
    roles: list('SELECT id, name, is_pillar4 FROM role ORDER BY name').map(([id, name, p4]) => ({
      id: Number(id),
      name: String(name),
      isPillar4: p4 === 1,
    })),
  };
}

/** The organigram: read (for a scenario and a date), check, compare, and edit it. */
export const orgHandlers = defineHandlers({
  /** Snapshot + problems + roll-ups + "Vierde pijler" lens totals, for one scenario/date. */
  'org.view': orgView,
  'org.diff': (args: { before: OrgWhen; after: OrgWhen }, { session }: HandlerContext): OrgDiff =>
    diffSnapshots(loadSnapshot(session.db, args.before), loadSnapshot(session.db, args.after)),
  /** The organigram as a workbook (units with roll-ups, positions under their unit). */
  'org.exportXlsx': async (
    args: OrgWhen,
    { session }: HandlerContext,
  ): Promise<Result<{ file: Uint8Array; positions: number }>> => {
    const sink = collectingSink();
    const written = await writeOrgWorkbook(session.db, sink, args);
    if (!written.ok) return written;
    return ok({ file: sink.bytes(), positions: written.value.positions });
  },
  'org.movePosition': (args: MovePosition, { session }: HandlerContext) =>
    movePosition(session, args),
  'org.moveUnit': (args: { unitId: number; parentId: number }, { session }: HandlerContext) =>
    moveUnit(session, args),
  'org.updatePosition': (args: UpdatePosition, { session }: HandlerContext) =>
    updatePosition(session, args),
  'org.renameUnit': (args: { unitId: number; name: string }, { session }: HandlerContext) =>
    renameUnit(session, args),
  'org.addPosition': (args: AddPosition, { session }: HandlerContext) => addPosition(session, args),
  'org.deletePlan': (args: { positionId: number }, { session }: HandlerContext) =>
    deletePlan(session, args.positionId),
  'org.deletePosition': (args: { positionId: number }, { session }: HandlerContext) =>
    deletePosition(session, args),
  'org.closePosition': (
    args: { positionId: number; scenarioId: number; from: string },
    { session }: HandlerContext,
  ) => closePositionInScenario(session, args),
  'org.assignPerson': (
    args: { positionId: number; personId: number; fte: number },
    { session }: HandlerContext,
  ) => assignPerson(session, args),
  'org.markVacant': (args: { positionId: number }, { session }: HandlerContext) =>
    markVacant(session, args),
  'org.addLink': (
    args: { from: LinkEnd; to: LinkEnd; label: string },
    { session }: HandlerContext,
  ) => addLink(session, args),
  'org.removeLink': (args: { linkId: number }, { session }: HandlerContext) =>
    removeLink(session, args),
});
