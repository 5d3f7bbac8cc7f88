import type { Database } from 'sql.js';
import { runRows, lookup, type SourceTable } from './source-table';

/**
 * Loaders for the organigram's source files no entity import covers: the role list and the
 * dotted lines. Units, positions, people and who holds what come in through the import
 * (positions.csv, org_units.csv); these read the codes those wrote from the workspace.
 */

export function loadRoles(db: Database, table: SourceTable): void {
  runRows(
    db,
    'INSERT INTO role (code, name, is_pillar4) VALUES (?, ?, ?)',
    table.rows.map((row) => [row.text('code'), row.text('name'), row.flag('is_pillar4')]),
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
