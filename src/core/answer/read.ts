import type { Database } from 'sql.js';
import { resolveFilter, type DashboardFilter } from '../dashboard/filter';
import { plannedMilliByPosition } from '../dashboard/fte-charts';
import { today } from '../org';
import { planningHorizon } from '../planning/months';
import { findScenarioHead, scenarioHeads } from '../planning/scenarios';
import { err, ok, type Result } from '../result';
import { readMeta } from '../workspace/meta';
import { readHowMany, type AnswerFilters } from './how-many';
import { readCrossUnit, readSteering, readWhere } from './org-parts';
import { readPilots } from './pilots';
import { answerText } from './text';
import type { Answer, AnswerRequest } from './types';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The reference day: the one asked for, else today — or the plan's last month when today is
 * past it, its first when today is before it (the 1st of that month).
 */
export function referenceDate(
  horizon: { from: string; to: string },
  asked: string | undefined,
  now = today(),
): Result<string> {
  if (asked !== undefined) {
    if (
      !ISO_DATE.test(asked) ||
      new Date(`${asked}T00:00:00Z`).toISOString().slice(0, 10) !== asked
    )
      return err(
        'answer-date',
        `"${asked}" is geen datum. Geef de peildatum op als JJJJ-MM-DD, bv. 2023-01-01.`,
        { value: asked },
      );
    return ok(asked);
  }
  const month = now.slice(0, 7);
  if (month > horizon.to) return ok(`${horizon.to}-01`);
  if (month < horizon.from) return ok(`${horizon.from}-01`);
  return ok(now);
}

/**
 * The scenario asked for, else the first approved one, else the first one. Read without
 * counting each scenario's allocation rows (the answer needs its id, name and status only).
 */
function answerScenario(db: Database, scenarioId: number | undefined) {
  if (scenarioId !== undefined) return findScenarioHead(db, scenarioId);
  const scenarios = scenarioHeads(db);
  const chosen = scenarios.find((s) => s.status === 'approved') ?? scenarios[0];
  return chosen
    ? ok(chosen)
    : err(
        'answer-no-scenario',
        'Deze werkruimte heeft nog geen scenario: importeer een inzetplan of maak een scenario in Planning.',
      );
}

/**
 * "Vierde pijler in cijfers": the parliamentary question answered from the workspace for one
 * scenario and reference day. Every FTE figure is the dashboard's (its charts and KPIs for the
 * reference month, the organigram read on the reference day), so each carries the trace the
 * dashboard's trace drawer already answers; the organigram parts are the organigram core's
 * chart tree and lens; the text is filled from these same figures.
 */
export function readAnswer(db: Database, request: AnswerRequest = {}): Result<Answer> {
  const started = performance.now();
  const scenario = answerScenario(db, request.scenarioId);
  if (!scenario.ok) return scenario;
  const horizon = planningHorizon(db);
  const date = referenceDate(horizon, request.date);
  if (!date.ok) return date;
  const month = date.value.slice(0, 7);
  const base = { scenarioId: scenario.value.id, snapshotDate: date.value };
  const monthFilter: DashboardFilter = { ...base, from: month, to: month };
  const horizonFilter: DashboardFilter = { ...base };
  const filters: AnswerFilters = {
    month: monthFilter,
    monthF: resolveFilter(db, monthFilter),
    horizon: horizonFilter,
    horizonF: resolveFilter(db, horizonFilter),
  };
  const howMany = readHowMany(db, filters);
  const org = { f: filters.monthF, milliByPosition: plannedMilliByPosition(db, filters.monthF) };
  const meta = readMeta(db);
  const answer: Answer = {
    workspaceName: meta.name ?? '',
    scenario: {
      id: scenario.value.id,
      name: scenario.value.name,
      approved: scenario.value.status === 'approved',
    },
    date: date.value,
    month,
    dataDate: filters.monthF.dataDate,
    horizon,
    howMany,
    where: { nodes: readWhere(org) },
    steering: readSteering(org),
    crossUnit: readCrossUnit(org),
    pilots: readPilots(db, filters),
    text: [],
    timings: { queriesMs: 0 },
  };
  answer.text = answerText(answer);
  answer.timings.queriesMs = performance.now() - started;
  return ok(answer);
}
