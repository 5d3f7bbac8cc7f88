import type { Database, SqlValue } from 'sql.js';
import type {
  Holder,
  OrgLink,
  OrgPerson,
  OrgPosition,
  OrgSnapshot,
  OrgUnit,
  UnitKind,
} from './types';

type Row = Record<string, SqlValue>;

/**
 * Rows as objects. The column names are read once per statement (getAsObject asks sql.js for
 * them on every row, which was a third of loading 3,000 positions).
 */
function select(
  db: Database,
  sql: string,
  params: SqlValue[] | Record<string, SqlValue> = [],
): Row[] {
  const statement = db.prepare(sql);
  const rows: Row[] = [];
  try {
    statement.bind(params);
    const names = statement.getColumnNames();
    while (statement.step()) {
      const values = statement.get();
      const row: Row = {};
      for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]!;
      rows.push(row);
    }
  } finally {
    statement.free();
  }
  return rows;
}

const num = (value: SqlValue): number => Number(value ?? 0);
const idOrNull = (value: SqlValue): number | null =>
  value === null || value === undefined ? null : Number(value);
const textOrNull = (value: SqlValue): string | null =>
  value === null || value === undefined ? null : String(value);

/** Valid on `date`: from/to are inclusive ISO dates, NULL is open-ended. */
const VALID = (alias: string) =>
  `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= :date) AND (${alias}.valid_to IS NULL OR ${alias}.valid_to >= :date)`;

/** Today in the local calendar, as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The scenario and the ones it is based on, nearest first (a loop in based_on stops). */
export function scenarioChain(db: Database, scenarioId: number | null): number[] {
  const chain: number[] = [];
  let current = scenarioId;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    const row = select(db, 'SELECT based_on_id FROM scenario WHERE id = ?', [current])[0];
    current = row ? idOrNull(row.based_on_id!) : null;
  }
  return chain;
}

type Override = {
  unit_id: SqlValue;
  reports_to_id: SqlValue;
  budget_fte: SqlValue;
  pillar4_share: SqlValue;
  closed_from: SqlValue;
};

/**
 * Reads the organigram valid on `date` for a scenario (null: the baseline). A scenario sees
 * the baseline positions with its changes (and those of the scenarios it is based on) laid
 * over them, plus the positions it adds; the baseline rows are never changed by it.
 */
export function loadSnapshot(
  db: Database,
  options: { scenarioId?: number | null; date?: string } = {},
): OrgSnapshot {
  const date = options.date ?? today();
  const scenarioId = options.scenarioId ?? null;
  const chain = scenarioChain(db, scenarioId);
  const bind = { ':date': date } as Record<string, SqlValue>;
  const selectNamed = (sql: string): Row[] => select(db, sql, bind);

  const units: OrgUnit[] = selectNamed(
    `SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.region_code, r.name AS region_name, u.sort_order
       FROM org_unit u LEFT JOIN region r ON r.code = u.region_code
      WHERE ${VALID('u')} ORDER BY u.sort_order, u.id`,
  ).map((row) => ({
    id: num(row.id!),
    code: String(row.code),
    name: String(row.name),
    kind: String(row.kind) as UnitKind,
    parentId: idOrNull(row.parent_id!),
    regionCode: textOrNull(row.region_code!),
    regionName: textOrNull(row.region_name!),
    sortOrder: num(row.sort_order!),
  }));

  const holders = new Map<number, Holder[]>();
  for (const row of selectNamed(
    `SELECT a.position_id, a.person_id, p.name, a.fte FROM assignment a
       JOIN person p ON p.id = a.person_id WHERE ${VALID('a')} ORDER BY a.id`,
  )) {
    const positionId = num(row.position_id!);
    const list = holders.get(positionId) ?? [];
    list.push({ personId: num(row.person_id!), name: String(row.name), fte: num(row.fte!) });
    holders.set(positionId, list);
  }

  const overrides = new Map<number, Override>();
  // Farthest base first, so a nearer scenario's non-NULL columns win.
  for (const id of [...chain].reverse()) {
    for (const row of select(db, 'SELECT * FROM scenario_position WHERE scenario_id = ?', [id])) {
      const positionId = num(row.position_id!);
      const before = overrides.get(positionId);
      const merged = { ...(before ?? {}) } as Override;
      for (const column of [
        'unit_id',
        'reports_to_id',
        'budget_fte',
        'pillar4_share',
        'closed_from',
      ] as const) {
        if (row[column] !== null && row[column] !== undefined) merged[column] = row[column];
      }
      overrides.set(positionId, merged);
    }
  }

  const inChain = chain.length > 0 ? `OR p.scenario_id IN (${chain.join(',')})` : '';
  const positions: OrgPosition[] = [];
  for (const row of selectNamed(
    `SELECT p.id, p.code, p.unit_id, p.title, p.role_id, r.name AS role_name, p.budget_fte,
            p.pillar4_share, p.reports_to_id, p.grade, p.scenario_id
       FROM position p LEFT JOIN role r ON r.id = p.role_id
      WHERE ${VALID('p')} AND (p.scenario_id IS NULL ${inChain})
      ORDER BY p.id`,
  )) {
    const id = num(row.id!);
    const change = overrides.get(id);
    if (change?.closed_from && String(change.closed_from) <= date) continue;
    positions.push({
      id,
      code: String(row.code),
      unitId: num((change?.unit_id ?? row.unit_id)!),
      title: String(row.title),
      roleId: idOrNull(row.role_id!),
      roleName: textOrNull(row.role_name!),
      budgetFte: num((change?.budget_fte ?? row.budget_fte)!),
      pillar4Share: num((change?.pillar4_share ?? row.pillar4_share)!),
      reportsToId: idOrNull((change?.reports_to_id ?? row.reports_to_id)!),
      grade: textOrNull(row.grade!),
      scenarioId: idOrNull(row.scenario_id!),
      holders: holders.get(id) ?? [],
    });
  }

  const people: OrgPerson[] = selectNamed(
    `SELECT id, code, name, contract_fte FROM person p WHERE ${VALID('p')} ORDER BY name`,
  ).map((row) => ({
    id: num(row.id!),
    code: String(row.code),
    name: String(row.name),
    contractFte: num(row.contract_fte!),
  }));

  const links: OrgLink[] = select(db, 'SELECT * FROM cross_unit_link ORDER BY id').map((row) => ({
    id: num(row.id!),
    from:
      row.from_position_id !== null
        ? { kind: 'position', id: num(row.from_position_id!) }
        : { kind: 'unit', id: num(row.from_unit_id!) },
    to:
      row.to_position_id !== null
        ? { kind: 'position', id: num(row.to_position_id!) }
        : { kind: 'unit', id: num(row.to_unit_id!) },
    label: String(row.label),
  }));

  return { date, scenarioId, units, positions, people, links };
}
