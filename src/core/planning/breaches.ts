import type { Database } from 'sql.js';
import { formatFte, milliSql } from './fte';
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
  reason: string;
};

/** Every breach in a scenario (optionally only in these months), by month then code. */
export function findBreaches(
  db: Database,
  scenarioId: number,
  months?: { from: string; to: string },
): Breach[] {
  const from = months?.from ?? '0000-00';
  const to = months?.to ?? '9999-99';
  const breaches: Breach[] = [];
  for (const row of selectRows(
    db,
    `SELECT a.person_id, p.code, p.name, a.month, sum(${milliSql('a.fte')}) AS total,
            CAST(round(p.contract_fte * 1000) AS INTEGER) AS contract,
            group_concat(DISTINCT a.position_id)
       FROM allocation a JOIN person p ON p.id = a.person_id
      WHERE a.scenario_id = ? AND a.month BETWEEN ? AND ?
      GROUP BY a.person_id, a.month
     HAVING total > contract`,
    [scenarioId, from, to],
  )) {
    const positionIds = String(row[6])
      .split(',')
      .map(Number)
      .sort((a, b) => a - b);
    const total = Number(row[4]);
    const limit = Number(row[5]);
    const over =
      positionIds.length > 1
        ? `${positionIds.length} functies samen ${formatFte(total)} VTE`
        : `${formatFte(total)} VTE`;
    breaches.push({
      kind: 'person',
      month: String(row[3]),
      id: Number(row[0]),
      code: String(row[1]),
      name: String(row[2]),
      totalMilli: total,
      limitMilli: limit,
      positionIds,
      reason: `${String(row[2])} staat in ${String(row[3])} op ${over}, meer dan het contract van ${formatFte(limit)} VTE.`,
    });
  }
  for (const row of selectRows(
    db,
    `SELECT a.position_id, p.code, p.title, a.month, sum(${milliSql('a.fte')}) AS total,
            CAST(round(p.budget_fte * 1000) AS INTEGER) AS budget
       FROM allocation a JOIN position p ON p.id = a.position_id
      WHERE a.scenario_id = ? AND a.month BETWEEN ? AND ?
      GROUP BY a.position_id, a.month
     HAVING total > budget`,
    [scenarioId, from, to],
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
      reason: `Functie ${String(row[1])} (${String(row[2])}) krijgt in ${String(row[3])} ${formatFte(total)} VTE, meer dan haar budget van ${formatFte(limit)} VTE.`,
    });
  }
  return breaches.sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.kind.localeCompare(b.kind) ||
      a.code.localeCompare(b.code),
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
