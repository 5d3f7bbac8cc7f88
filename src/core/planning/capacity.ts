import type { Database } from 'sql.js';
import { mutate } from '../mutations/mutate';
import { err, ok, type Result } from '../result';
import type { Session } from '../session';
import { fteOf, milliSql, parseFte } from './fte';
import { monthRange, MONTH_PATTERN, planningHorizon } from './months';
import { editableScenario, findScenario } from './scenarios';
import { selectRows } from './sql';

/** One month of a person's capacity: contract − leave, against what is planned. */
export type CapacityMonth = {
  month: string;
  contractMilli: number;
  leaveMilli: number;
  /** contract − leave: the limit the capacity rule checks. */
  capacityMilli: number;
  plannedMilli: number;
  /** capacity − planned: negative is a breach. */
  freeMilli: number;
  note: string | null;
};

export type PersonCapacity = {
  personId: number;
  code: string;
  name: string;
  months: CapacityMonth[];
};

/** The people a scenario plans, for the leave picker. */
export function plannedPeople(
  db: Database,
  scenarioId: number,
): { id: number; code: string; name: string }[] {
  return selectRows(
    db,
    `SELECT p.id, p.code, p.name FROM person p
      WHERE p.id IN (SELECT DISTINCT person_id FROM allocation WHERE scenario_id = ?)
      ORDER BY p.name`,
    [scenarioId],
  ).map((row) => ({ id: Number(row[0]), code: String(row[1]), name: String(row[2]) }));
}

/** A person's capacity per month of the horizon in one scenario. */
export function personCapacity(
  db: Database,
  scenarioId: number,
  personId: number,
): Result<PersonCapacity> {
  const scenario = findScenario(db, scenarioId);
  if (!scenario.ok) return scenario;
  const person = selectRows(
    db,
    `SELECT code, name, CAST(round(contract_fte * 1000) AS INTEGER) FROM person WHERE id = ?`,
    [personId],
  )[0];
  if (!person)
    return err('person-not-found', `Medewerker ${personId} bestaat niet in deze werkruimte.`);
  const horizon = planningHorizon(db);
  const planned = new Map(
    selectRows(
      db,
      `SELECT month, sum(${milliSql()}) FROM allocation
        WHERE scenario_id = ? AND person_id = ? GROUP BY month`,
      [scenarioId, personId],
    ).map((row) => [String(row[0]), Number(row[1])]),
  );
  const leave = new Map(
    selectRows(
      db,
      `SELECT month, ${milliSql()}, note FROM scenario_leave WHERE scenario_id = ? AND person_id = ?`,
      [scenarioId, personId],
    ).map((row) => [String(row[0]), { milli: Number(row[1]), note: row[2] as string | null }]),
  );
  const contract = Number(person[2]);
  return ok({
    personId,
    code: String(person[0]),
    name: String(person[1]),
    months: monthRange(horizon.from, horizon.to).map((month) => {
      const off = leave.get(month);
      const capacity = Math.max(0, contract - (off?.milli ?? 0));
      const plan = planned.get(month) ?? 0;
      return {
        month,
        contractMilli: contract,
        leaveMilli: off?.milli ?? 0,
        capacityMilli: capacity,
        plannedMilli: plan,
        freeMilli: capacity - plan,
        note: off?.note ?? null,
      };
    }),
  });
}

/** One leave entry as the screen sends it (FTE as typed). */
export type SetLeave = {
  scenarioId: number;
  personId: number;
  from: string;
  to: string;
  fte: string;
  note?: string | null;
};

/**
 * Sets a person's leave in every month from `from` to `to` of a draft scenario, as one
 * undoable, audited step ("0" removes it). The leave is typed as FTE the Belgian way ("0,2"
 * is a day a week) and may not exceed the contract.
 */
export function setLeave(session: Session, args: SetLeave): Result<PersonCapacity> {
  const db = session.db;
  const scenario = editableScenario(db, args.scenarioId);
  if (!scenario.ok) return scenario;
  if (!MONTH_PATTERN.test(args.from) || !MONTH_PATTERN.test(args.to))
    return err(
      'leave-month',
      `Geef een begin- en eindmaand als JJJJ-MM (gekregen: ${args.from} – ${args.to}).`,
    );
  if (args.to < args.from)
    return err('leave-range', `De eindmaand ${args.to} ligt vóór de beginmaand ${args.from}.`);
  const parsed = parseFte(args.fte);
  if (!parsed.ok) return parsed;
  const person = selectRows(
    db,
    'SELECT name, CAST(round(contract_fte * 1000) AS INTEGER) FROM person WHERE id = ?',
    [args.personId],
  )[0];
  if (!person)
    return err('person-not-found', `Medewerker ${args.personId} bestaat niet in deze werkruimte.`);
  if (parsed.value > Number(person[1]))
    return err(
      'leave-over-contract',
      `Verlof van ${args.fte} VTE is meer dan het contract van ${String(person[0])} (${fteOf(Number(person[1])).toLocaleString('nl-BE')} VTE).`,
    );
  const months = monthRange(args.from, args.to);
  const existing = new Set(
    selectRows(
      db,
      'SELECT month FROM scenario_leave WHERE scenario_id = ? AND person_id = ? AND month BETWEEN ? AND ?',
      [args.scenarioId, args.personId, args.from, args.to],
    ).map((row) => String(row[0])),
  );
  const label =
    parsed.value === 0
      ? `Verlof van ${String(person[0])} gewist (${args.from} – ${args.to}) in "${scenario.value.name}"`
      : `Verlof van ${String(person[0])}: ${args.fte} VTE (${args.from} – ${args.to}) in "${scenario.value.name}"`;
  const result = mutate(
    session,
    label,
    (writer) => {
      for (const month of months) {
        const key = { scenario_id: args.scenarioId, person_id: args.personId, month };
        if (parsed.value === 0) {
          if (existing.has(month)) writer.delete('scenario_leave', key);
        } else if (existing.has(month)) {
          writer.update('scenario_leave', key, {
            fte: fteOf(parsed.value),
            note: args.note ?? null,
          });
        } else {
          writer.insert('scenario_leave', {
            ...key,
            fte: fteOf(parsed.value),
            note: args.note ?? null,
          });
        }
      }
    },
    {
      action: 'planning.setLeave',
      details: {
        scenario: args.scenarioId,
        person: args.personId,
        from: args.from,
        to: args.to,
        fte: parsed.value / 1000,
      },
    },
  );
  if (!result.ok) return result;
  return personCapacity(db, args.scenarioId, args.personId);
}
