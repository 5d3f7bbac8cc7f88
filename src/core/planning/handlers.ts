import { defineHandlers, type HandlerContext } from '../handlers/context';
import { ok, type Result } from '../result';
import { readAssumptions, setAssumption, type Assumption } from './assumptions';
import { findBreaches, type Breach } from './breaches';
import {
  personCapacity,
  plannedPeople,
  setLeave,
  type PersonCapacity,
  type SetLeave,
} from './capacity';
import { gradeCosts, planCost, setGradeCost, type GradeCost, type PlanCost } from './cost';
import { compareScenarios, type CompareResult } from './compare';
import { demandByRegion, type DemandResult, type RegionKind } from './demand';
import { setCells, type CellEdit, type CellEditKind, type CellEditResult } from './edits';
import { readPlanGrid, rollupBy, type PlanGrid } from './grid';
import { lineChoices, type LineChoice } from './lines';
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

  /** Positions (with their holder) a new plan line can go on. */
  'planning.lineChoices': (
    args: { scenarioId: number },
    { session }: HandlerContext,
  ): LineChoice[] => lineChoices(session.db, args.scenarioId),

  /** The people a scenario plans (for the leave picker). */
  'planning.people': (args: { scenarioId: number }, { session }: HandlerContext) =>
    plannedPeople(session.db, args.scenarioId),

  /** A person's contract, leave, capacity, planned and free FTE per month. */
  'planning.capacity': (
    args: { scenarioId: number; personId: number },
    { session }: HandlerContext,
  ): Result<PersonCapacity> => personCapacity(session.db, args.scenarioId, args.personId),

  /** Leave in a range of months (FTE as typed, "0" removes it), as one undoable step. */
  'planning.setLeave': (args: SetLeave, { session }: HandlerContext): Result<PersonCapacity> =>
    setLeave(session, args),

  'planning.gradeCosts': (args: { scenarioId: number }, { session }: HandlerContext): GradeCost[] =>
    gradeCosts(session.db, args.scenarioId),

  'planning.setGradeCost': (
    args: {
      scenarioId: number;
      grade: string;
      annualCostPerFte: number | null;
      source?: string | null;
    },
    { session }: HandlerContext,
  ): Result<GradeCost[]> => setGradeCost(session, args),

  /** The plan's budget per year by activity, region, grade, and every scenario's total. */
  'planning.cost': (args: { scenarioId: number }, { session }: HandlerContext): Result<PlanCost> =>
    planCost(session.db, args.scenarioId),

  'planning.compare': (
    args: { beforeId: number; afterId: number; grain?: Grain; limit?: number },
    { session }: HandlerContext,
  ): Result<CompareResult> => compareScenarios(session.db, args),
});
