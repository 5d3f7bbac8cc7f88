import { defineHandlers, type HandlerContext } from '../handlers/context';
import { ok, type Result } from '../result';
import { readAssumptions, setAssumption, type Assumption } from './assumptions';
import { findBreaches, type Breach } from './breaches';
import { compareScenarios, type CompareResult } from './compare';
import { demandByRegion, type DemandResult, type RegionKind } from './demand';
import { setCells, type CellEdit, type CellEditKind, type CellEditResult } from './edits';
import { readPlanGrid, rollupBy, type PlanGrid } from './grid';
import type { Grain } from './months';
import {
  approveScenario,
  copyScenario,
  findScenario,
  listScenarios,
  renameScenario,
  type ScenarioSummary,
} from './scenarios';

/** FTE planning: the grid, its edits, capacity breaches, the demand model and scenarios. */
export const planningHandlers = defineHandlers({
  'planning.scenarios': (_args: void, { session }: HandlerContext): ScenarioSummary[] =>
    listScenarios(session.db),

  /** The plan of one scenario as the grid shows it, with totals and breaches. */
  'planning.grid': (args: { scenarioId: number }, { session }: HandlerContext): Result<PlanGrid> =>
    readPlanGrid(session.db, args.scenarioId),

  /** Milli-FTE per month by region, activity or unit. */
  'planning.rollup': (
    args: { scenarioId: number; by: 'region' | 'activity' | 'unit' },
    { session }: HandlerContext,
  ) => {
    const found = findScenario(session.db, args.scenarioId);
    return found.ok ? ok(rollupBy(session.db, args.scenarioId, args.by)) : found;
  },

  /** A typed value, a pasted block or a fill, as one undoable step. */
  'planning.setCells': (
    args: { scenarioId: number; cells: CellEdit[]; kind?: CellEditKind },
    { session }: HandlerContext,
  ): Result<CellEditResult> => setCells(session, args),

  'planning.breaches': (args: { scenarioId: number }, { session }: HandlerContext): Breach[] =>
    findBreaches(session.db, args.scenarioId),

  'planning.assumptions': (
    args: { scenarioId: number },
    { session }: HandlerContext,
  ): Assumption[] => readAssumptions(session.db, args.scenarioId),

  'planning.setAssumption': (
    args: { scenarioId: number; key: string; value: number; source?: string | null },
    { session }: HandlerContext,
  ): Result<Assumption[]> => setAssumption(session, args),

  /** Required vs planned vs gap per region and month/quarter/year. */
  'planning.demand': (
    args: { scenarioId: number; regionKind?: RegionKind; grain?: Grain },
    { session }: HandlerContext,
  ): Result<DemandResult> => demandByRegion(session.db, args),

  'planning.copyScenario': (
    args: { scenarioId: number; name: string },
    { session }: HandlerContext,
  ): Result<ScenarioSummary> => copyScenario(session, args.scenarioId, args.name),

  'planning.renameScenario': (
    args: { scenarioId: number; name: string },
    { session }: HandlerContext,
  ): Result<null> => renameScenario(session, args.scenarioId, args.name),

  'planning.approveScenario': (
    args: { scenarioId: number },
    { session }: HandlerContext,
  ): Result<null> => approveScenario(session, args.scenarioId),

  'planning.compare': (
    args: { beforeId: number; afterId: number; grain?: Grain; limit?: number },
    { session }: HandlerContext,
  ): Result<CompareResult> => compareScenarios(session.db, args),
});
