import type { Database, SqlValue } from 'sql.js';
import { runRows, lookup, SourceError, type SourceTable } from './source-table';

/**
 * Loaders for the organigram's source files: one function per file, each reading the codes it
 * refers to from the workspace (so any earlier step, or a later import, may have put them there).
 */

const UNIT_KINDS = ['agency', 'division', 'region_team', 'team', 'service'] as const;

export function loadRoles(db: Database, table: SourceTable): void {
  runRows(
    db,
    'INSERT INTO role (code, name, is_pillar4) VALUES (?, ?, ?)',
    table.rows.map((row) => [row.text('code'), row.text('name'), row.flag('is_pillar4')]),
  );
}

/** Units are inserted first and linked to their parent after, so file order does not matter. */
export function loadOrgUnits(db: Database, table: SourceTable): void {
  const regions = lookup<string>(db, 'SELECT code, code FROM region');
  runRows(
    db,
    `INSERT INTO org_unit (code, name, kind, region_code, valid_from, sort_order)
     VALUES (?, ?, ?, ?, ?, ?)`,
    table.rows.map((row, i) => [
      row.text('code'),
      row.text('name'),
      row.oneOf('kind', UNIT_KINDS),
      row.optRef('region_code', regions, 'regiocode'),
      row.optDate('valid_from'),
      i + 1,
    ]),
  );
  const units = lookup<number>(db, 'SELECT code, id FROM org_unit');
  runRows(
    db,
    'UPDATE org_unit SET parent_id = ? WHERE code = ?',
    table.rows.flatMap((row) =>
      row.optText('parent_code') === null
        ? []
        : [[row.ref('parent_code', units, 'eenheid'), row.text('code')]],
    ),
  );
  assertTree(
    table,
    db.exec('SELECT id, parent_id, code FROM org_unit')[0]?.values ?? [],
    'eenheid',
    'parent_code',
  );
}

export function loadPositions(db: Database, table: SourceTable): void {
  const units = lookup<number>(db, 'SELECT code, id FROM org_unit');
  const roles = lookup<number>(db, 'SELECT code, id FROM role');
  runRows(
    db,
    `INSERT INTO position (code, unit_id, title, role_id, budget_fte, pillar4_share, grade,
       annual_cost, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    table.rows.map((row) => [
      row.text('code'),
      row.ref('unit_code', units, 'eenheid'),
      row.text('title'),
      row.optRef('role_code', roles, 'rol'),
      row.number('budget_fte', { min: 0, max: 1 }),
      row.number('pillar4_share', { min: 0, max: 1 }),
      row.optText('grade'),
      row.optNumber('annual_cost', { min: 0 }),
      row.optDate('valid_from'),
    ]),
  );
  const positions = lookup<number>(db, 'SELECT code, id FROM position');
  runRows(
    db,
    'UPDATE position SET reports_to_id = ? WHERE code = ?',
    table.rows.flatMap((row) =>
      row.optText('reports_to_code') === null
        ? []
        : [[row.ref('reports_to_code', positions, 'functie'), row.text('code')]],
    ),
  );
  assertTree(
    table,
    db.exec('SELECT id, reports_to_id, code FROM position')[0]?.values ?? [],
    'functie',
    'reports_to_code',
  );
}

export function loadPeople(db: Database, table: SourceTable): void {
  runRows(
    db,
    'INSERT INTO person (code, name, contract_fte, email, valid_from) VALUES (?, ?, ?, ?, ?)',
    table.rows.map((row) => [
      row.text('code'),
      row.text('name'),
      row.number('contract_fte', { min: 0.01, max: 1 }),
      row.optText('email'),
      row.optDate('valid_from'),
    ]),
  );
}

/**
 * Who holds which position. A person may hold several positions, but never more than their
 * contract in total, and nobody holds more of a position than its budget.
 */
export function loadAssignments(db: Database, table: SourceTable): void {
  const positions = new Map(
    (db.exec('SELECT code, id, budget_fte FROM position')[0]?.values ?? []).map((r) => [
      String(r[0]),
      { id: Number(r[1]), budget: Number(r[2]) },
    ]),
  );
  const people = new Map(
    (db.exec('SELECT code, id, contract_fte FROM person')[0]?.values ?? []).map((r) => [
      String(r[0]),
      { id: Number(r[1]), contract: Number(r[2]) },
    ]),
  );
  const perPerson = new Map<number, number>();
  const perPosition = new Map<number, number>();
  const rows = table.rows.map((row) => {
    const position = row.ref('position_code', positions, 'functie');
    const person = row.ref('person_code', people, 'persoon');
    const fte = row.number('fte', { min: 0.01, max: 1 });
    const personTotal = (perPerson.get(person.id) ?? 0) + fte;
    if (personTotal > person.contract + 1e-9)
      row.fail(
        `${row.text('person_code')} komt op ${personTotal} VTE, contract ${person.contract}`,
      );
    const positionTotal = (perPosition.get(position.id) ?? 0) + fte;
    if (positionTotal > position.budget + 1e-9)
      row.fail(
        `${row.text('position_code')} komt op ${positionTotal} VTE, budget ${position.budget}`,
      );
    perPerson.set(person.id, personTotal);
    perPosition.set(position.id, positionTotal);
    return [position.id, person.id, fte, row.optDate('valid_from'), null];
  });
  runRows(
    db,
    'INSERT INTO assignment (position_id, person_id, fte, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)',
    rows,
  );
}

export function loadCrossUnitLinks(db: Database, table: SourceTable): void {
  const positions = lookup<number>(db, 'SELECT code, id FROM position');
  const units = lookup<number>(db, 'SELECT code, id FROM org_unit');
  runRows(
    db,
    `INSERT INTO cross_unit_link (from_position_id, from_unit_id, to_position_id, to_unit_id, label)
     VALUES (?, ?, ?, ?, ?)`,
    table.rows.map((row) => {
      const ends = [
        row.optRef('from_position_code', positions, 'functie'),
        row.optRef('from_unit_code', units, 'eenheid'),
        row.optRef('to_position_code', positions, 'functie'),
        row.optRef('to_unit_code', units, 'eenheid'),
      ];
      if ((ends[0] === null) === (ends[1] === null))
        row.fail('geef precies één van from_position_code en from_unit_code');
      if ((ends[2] === null) === (ends[3] === null))
        row.fail('geef precies één van to_position_code en to_unit_code');
      return [...ends, row.text('label')];
    }),
  );
}

/**
 * A hierarchy must have exactly one root and no cycles; the organigram cannot be drawn
 * otherwise. `rows` are [id, parentId, code].
 */
function assertTree(table: SourceTable, rows: SqlValue[][], what: string, column: string): void {
  const parentOf = new Map(rows.map((r) => [Number(r[0]), r[1] === null ? null : Number(r[1])]));
  const codeOf = new Map(rows.map((r) => [Number(r[0]), String(r[2])]));
  const roots = rows.filter((r) => r[1] === null).map((r) => String(r[2]));
  if (roots.length !== 1)
    throw new SourceError(
      table.file,
      null,
      `verwacht precies één ${what} zonder ${column}, gevonden: ${roots.join(', ') || 'geen'}`,
    );
  for (const start of parentOf.keys()) {
    const seen = new Set<number>();
    for (let id: number | null = start; id !== null; id = parentOf.get(id) ?? null) {
      if (seen.has(id)) {
        const cycle = [...seen].map((x) => codeOf.get(x)).join(' → ');
        throw new SourceError(table.file, null, `kring in ${column}: ${cycle}`);
      }
      seen.add(id);
    }
  }
}
