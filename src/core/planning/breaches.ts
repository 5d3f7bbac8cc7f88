import type { Database } from 'sql.js';
import { formatFte, milliSql } from './fte';
import type { PlanLine } from './grid';
import { selectRows } from './sql';

/**
 * A capacity rule broken in one month. Never clipped, never hidden: the grid paints the cells
 * red with `reason`, and the planning screen lists every breach.
 *  - person: a person's allocations over their contract (over one or several positions);
 *  - position: a position's allocations over its budgeted FTE.
 */
export type Breach = {
  kind: 'person' | 'position';
  month: string;
  /** The person's or position's id. */
  id: number;
  code: string;
  name: string;
  totalMilli: number;
  limitMilli: number;
  /** For a person: the positions the total comes from. */
  positionIds: number[];
  /** For a person: leave that month (the limit is contract − leave), else 0. */
  leaveMilli: number;
  reason: string;
};

/** Which breaches to look for: months, and optionally only these positions and people. */
export type BreachScope = {
  from: string;
  to: string;
  positionIds?: readonly number[];
  personIds?: readonly number[];
};

const idList = (column: string, ids: readonly number[] | undefined) =>
  ids === undefined ? '' : ` AND ${column} IN (${ids.map(() => '?').join(', ') || 'NULL'})`;

/** "meer dan het contract van 1,00 VTE" or, with leave, what is left of it. */
function overLimit(limit: number, leave: number): string {
  return leave > 0
    ? `meer dan de ${formatFte(limit)} VTE die na ${formatFte(leave)} VTE verlof overblijft van het contract van ${formatFte(limit + leave)} VTE`
    : `meer dan het contract van ${formatFte(limit)} VTE`;
}

function personBreach(
  id: number,
  person: { code: string; name: string },
  month: string,
  total: number,
  contract: number,
  leave: number,
  positionIds: number[],
): Breach {
  const limit = Math.max(0, contract - leave);
  const over =
    positionIds.length > 1
      ? `${positionIds.length} functies samen ${formatFte(total)} VTE`
      : `${formatFte(total)} VTE`;
  return {
    kind: 'person',
    month,
    id,
    code: person.code,
    name: person.name,
    totalMilli: total,
    limitMilli: limit,
    positionIds,
    leaveMilli: leave,
    reason: `${person.name} staat in ${month} op ${over}, ${overLimit(limit, leave)}.`,
  };
}

/**
 * Every breach in a scenario (optionally only in some months, of some positions and people),
 * by month then code. A person's limit in a month is their contract minus that month's leave.
 */
export function findBreaches(db: Database, scenarioId: number, scope?: BreachScope): Breach[] {
  const from = scope?.from ?? '0000-00';
  const to = scope?.to ?? '9999-99';
  const breaches: Breach[] = [];
  if (scope?.personIds === undefined || scope.personIds.length > 0)
    for (const row of selectRows(
      db,
      `SELECT a.person_id, p.code, p.name, a.month, sum(${milliSql('a.fte')}) AS total,
              CAST(round(p.contract_fte * 1000) AS INTEGER) AS contract,
              group_concat(DISTINCT a.position_id),
              coalesce((SELECT ${milliSql('l.fte')} FROM scenario_leave l
                         WHERE l.scenario_id = a.scenario_id AND l.person_id = a.person_id
                           AND l.month = a.month), 0) AS leave
         FROM allocation a JOIN person p ON p.id = a.person_id
        WHERE a.scenario_id = ? AND a.month BETWEEN ? AND ?${idList('a.person_id', scope?.personIds)}
        GROUP BY a.person_id, a.month
       HAVING total > contract - leave`,
      [scenarioId, from, to, ...(scope?.personIds ?? [])],
    )) {
      const positionIds = String(row[6])
        .split(',')
        .map(Number)
        .sort((a, b) => a - b);
      breaches.push(
        personBreach(
          Number(row[0]),
          { code: String(row[1]), name: String(row[2]) },
          String(row[3]),
          Number(row[4]),
          Number(row[5]),
          Number(row[7]),
          positionIds,
        ),
      );
    }
  if (scope?.positionIds === undefined || scope.positionIds.length > 0)
    for (const row of selectRows(
      db,
      `SELECT a.position_id, p.code, p.title, a.month, sum(${milliSql('a.fte')}) AS total,
              CAST(round(p.budget_fte * 1000) AS INTEGER) AS budget
         FROM allocation a JOIN position p ON p.id = a.position_id
        WHERE a.scenario_id = ? AND a.month BETWEEN ? AND ?${idList('a.position_id', scope?.positionIds)}
        GROUP BY a.position_id, a.month
       HAVING total > budget`,
      [scenarioId, from, to, ...(scope?.positionIds ?? [])],
    )) {
      const total = Number(row[4]);
      const limit = Number(row[5]);
      breaches.push({
        kind: 'position',
        month: String(row[3]),
        id: Number(row[0]),
        code: String(row[1]),
        name: String(row[2]),
        totalMilli: total,
        limitMilli: limit,
        positionIds: [Number(row[0])],
        leaveMilli: 0,
        reason: `Functie ${String(row[1])} (${String(row[2])}) krijgt in ${String(row[3])} ${formatFte(total)} VTE, meer dan haar budget van ${formatFte(limit)} VTE.`,
      });
    }
  return sortBreaches(breaches);
}

/** Leave per person and month of a scenario, in milli-FTE: key `${personId}|${month}`. */
export function leaveByPersonMonth(db: Database, scenarioId: number): Map<string, number> {
  return new Map(
    selectRows(
      db,
      `SELECT person_id || '|' || month, ${milliSql()} FROM scenario_leave WHERE scenario_id = ?`,
      [scenarioId],
    ).map((row) => [String(row[0]), Number(row[1])]),
  );
}

/** Unmet supply: FTE planned on vacancies (no person), per month, in milli-FTE. */
export function vacancyByMonth(db: Database, scenarioId: number): Map<string, number> {
  return new Map(
    selectRows(
      db,
      `SELECT month, sum(${milliSql()}) FROM allocation
        WHERE scenario_id = ? AND person_id IS NULL GROUP BY month`,
      [scenarioId],
    ).map((row) => [String(row[0]), Number(row[1])]),
  );
}

/**
 * The same rules as findBreaches, over plan lines already in memory (the grid's read): the
 * grid gets its breaches without a second pass over the scenario's rows. A test holds the two
 * to the same answer.
 */
export function breachesOfLines(
  db: Database,
  scenarioId: number,
  months: readonly string[],
  lines: readonly Pick<PlanLine, 'positionId' | 'personId' | 'values'>[],
): Breach[] {
  const people = new Map(
    selectRows(
      db,
      'SELECT id, code, name, CAST(round(contract_fte * 1000) AS INTEGER) FROM person',
    ).map((row) => [
      Number(row[0]),
      { code: String(row[1]), name: String(row[2]), limit: Number(row[3]) },
    ]),
  );
  const positions = new Map(
    selectRows(
      db,
      'SELECT id, code, title, CAST(round(budget_fte * 1000) AS INTEGER) FROM position',
    ).map((row) => [
      Number(row[0]),
      { code: String(row[1]), name: String(row[2]), limit: Number(row[3]) },
    ]),
  );
  const perPerson = new Map<number, { totals: number[]; positions: Set<number>[] }>();
  const perPosition = new Map<number, number[]>();
  for (const line of lines) {
    const position = perPosition.get(line.positionId) ?? months.map(() => 0);
    perPosition.set(line.positionId, position);
    const person =
      line.personId === null
        ? null
        : (perPerson.get(line.personId) ?? {
            totals: months.map(() => 0),
            positions: months.map(() => new Set<number>()),
          });
    if (person && line.personId !== null) perPerson.set(line.personId, person);
    line.values.forEach((milli, index) => {
      if (milli === 0) return;
      position[index] = (position[index] ?? 0) + milli;
      if (person) {
        person.totals[index] = (person.totals[index] ?? 0) + milli;
        person.positions[index]?.add(line.positionId);
      }
    });
  }
  const breaches: Breach[] = [];
  const leave = leaveByPersonMonth(db, scenarioId);
  for (const [id, { totals, positions: held }] of perPerson) {
    const person = people.get(id);
    if (!person) continue;
    totals.forEach((total, index) => {
      const month = months[index] ?? '';
      const off = leave.get(`${id}|${month}`) ?? 0;
      if (total <= person.limit - off) return;
      const positionIds = [...(held[index] ?? [])].sort((a, b) => a - b);
      breaches.push(personBreach(id, person, month, total, person.limit, off, positionIds));
    });
  }
  for (const [id, totals] of perPosition) {
    const position = positions.get(id);
    if (!position) continue;
    totals.forEach((total, index) => {
      if (total <= position.limit) return;
      const month = months[index] ?? '';
      breaches.push({
        kind: 'position',
        month,
        id,
        code: position.code,
        name: position.name,
        totalMilli: total,
        limitMilli: position.limit,
        positionIds: [id],
        leaveMilli: 0,
        reason: `Functie ${position.code} (${position.name}) krijgt in ${month} ${formatFte(total)} VTE, meer dan haar budget van ${formatFte(position.limit)} VTE.`,
      });
    });
  }
  return sortBreaches(breaches);
}

function sortBreaches(breaches: Breach[]): Breach[] {
  return breaches.sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.kind.localeCompare(b.kind) ||
      a.code.localeCompare(b.code),
  );
}
