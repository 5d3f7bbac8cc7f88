import type { Database } from 'sql.js';
import { mutate } from '../mutations/mutate';
import { err, ok, type Result } from '../result';
import type { Session } from '../session';
import { editableScenario } from './scenarios';
import { selectRows, textOrNull } from './sql';

/** How a value reads: a share as a percentage, hours, months, a year, a count, a method. */
export type AssumptionUnit =
  'share' | 'hours' | 'hoursPerYear' | 'months' | 'year' | 'perFte' | 'method';

export type AssumptionSpec = {
  key: string;
  /** Dutch label as the demand view shows it. */
  label: string;
  unit: AssumptionUnit;
  /** Used when the scenario does not set the assumption. */
  fallback: number;
  min: number;
  max: number;
  /** Where the default comes from (a scenario may record its own source). */
  source: string;
  /** Shown for context but not part of the FTE formula. */
  informative?: boolean;
};

/** The demand model's assumptions, in the order the formula uses them. */
export const ASSUMPTIONS: readonly AssumptionSpec[] = [
  {
    key: 'share_obliged',
    label: 'Aandeel verplichte inburgeraars',
    unit: 'share',
    fallback: 0.49,
    min: 0,
    max: 1,
    source: 'AgII: 49 % van de 20.754 nieuwe inburgeringscontracten in 2022 was verplicht',
  },
  {
    key: 'share_obliged_not_working_studying',
    label: 'Aandeel verplichten dat niet werkt of studeert (vierde pijler verplicht)',
    unit: 'share',
    fallback: 0.55,
    min: 0,
    max: 1,
    source: 'Aanname van de planner',
  },
  {
    key: 'uptake_optional',
    label: 'Deelname bij wie de vierde pijler niet verplicht is',
    unit: 'share',
    fallback: 0.15,
    min: 0,
    max: 1,
    source: 'Aanname van de planner',
  },
  {
    key: 'mandatory_from_year',
    label: 'Vierde pijler verplicht vanaf',
    unit: 'year',
    fallback: 2023,
    min: 2000,
    max: 2100,
    source: 'Beslissing Vlaamse Regering van 7 oktober 2022: verplicht vanaf 1 januari 2023',
  },
  {
    key: 'guidance_hours_per_newcomer',
    label: 'Begeleidingsuren door AgII per deelnemer',
    unit: 'hours',
    fallback: 6,
    min: 0,
    max: 500,
    source: 'Aanname van de planner (matching, intake, opvolging)',
  },
  {
    key: 'spread_months',
    label: 'Begeleiding gespreid over de maanden na de intake',
    unit: 'months',
    fallback: 6,
    min: 1,
    max: 36,
    source: 'Aanname van de planner',
  },
  {
    key: 'productive_hours_per_fte_year',
    label: 'Productieve uren per VTE per jaar (na verlof, vorming, administratie)',
    unit: 'hoursPerYear',
    fallback: 1400,
    min: 1,
    max: 2080,
    source: 'Aanname van de planner',
  },
  {
    key: 'caseload_per_fte',
    label: 'Caseload: lopende trajecten per VTE',
    unit: 'perFte',
    fallback: 60,
    min: 1,
    max: 10000,
    source: 'Aanname van de planner: er bestaat geen publieke caseloadnorm',
  },
  {
    key: 'demand_method',
    label: 'Methode voor de benodigde VTE (1 = begeleidingsuren, 2 = caseload)',
    unit: 'method',
    fallback: 1,
    min: 1,
    max: 2,
    source: 'Keuze van de planner',
  },
  {
    key: 'activity_hours_per_newcomer',
    label: 'Activiteitsuren van de deelnemer zelf (minstens 40 u)',
    unit: 'hours',
    fallback: 40,
    min: 40,
    max: 1000,
    source: 'Decreet van 7 juni 2013, gewijzigd op 9 juli 2021',
    informative: true,
  },
];

export type Assumption = AssumptionSpec & {
  value: number;
  /** True when the scenario sets it; false when the fallback applies. */
  isSet: boolean;
  scenarioSource: string | null;
};

export type AssumptionValues = Record<string, number>;

export function readAssumptions(db: Database, scenarioId: number): Assumption[] {
  const stored = new Map(
    selectRows(db, 'SELECT key, value, source FROM scenario_assumption WHERE scenario_id = ?', [
      scenarioId,
    ]).map((row) => [String(row[0]), { value: Number(row[1]), source: textOrNull(row[2]) }]),
  );
  return ASSUMPTIONS.map((spec) => {
    const own = stored.get(spec.key);
    return {
      ...spec,
      value: own?.value ?? spec.fallback,
      isSet: own !== undefined,
      scenarioSource: own?.source ?? null,
    };
  });
}

export function assumptionValues(assumptions: readonly Assumption[]): AssumptionValues {
  return Object.fromEntries(assumptions.map((a) => [a.key, a.value]));
}

/** Sets one assumption of a draft scenario (undoable, audited with old → new). */
export function setAssumption(
  session: Session,
  args: { scenarioId: number; key: string; value: number; source?: string | null },
): Result<Assumption[]> {
  const scenario = editableScenario(session.db, args.scenarioId);
  if (!scenario.ok) return scenario;
  const spec = ASSUMPTIONS.find((candidate) => candidate.key === args.key);
  if (!spec)
    return err('assumption-unknown', `Onbekende aanname "${args.key}".`, { key: args.key });
  if (!Number.isFinite(args.value) || args.value < spec.min || args.value > spec.max) {
    return err(
      'assumption-out-of-range',
      `"${spec.label}" moet tussen ${spec.min} en ${spec.max} liggen (gekregen: ${args.value}).`,
      { key: args.key, value: String(args.value) },
    );
  }
  if (spec.unit === 'method' && !Number.isInteger(args.value))
    return err('assumption-method', 'Kies methode 1 (begeleidingsuren) of 2 (caseload).');
  const current = readAssumptions(session.db, args.scenarioId).find((a) => a.key === args.key);
  const result = mutate(
    session,
    `Aanname "${spec.label}" in "${scenario.value.name}": ${current?.value ?? '—'} → ${args.value}`,
    (writer) => {
      const key = { scenario_id: args.scenarioId, key: args.key };
      const patch = {
        value: args.value,
        ...(args.source !== undefined ? { source: args.source } : {}),
      };
      if (current?.isSet) writer.update('scenario_assumption', key, patch);
      else writer.insert('scenario_assumption', { ...key, ...patch });
    },
    {
      action: 'planning.setAssumption',
      details: { scenario: args.scenarioId, key: args.key, old: current?.value, new: args.value },
    },
  );
  return result.ok ? ok(readAssumptions(session.db, args.scenarioId)) : result;
}
