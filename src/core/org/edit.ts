import type { Database, SqlValue } from 'sql.js';
import { mutate, type Writer } from '../mutations/mutate';
import { err, type Result } from '../result';
import type { Session } from '../session';
import type { LinkEnd } from './types';

/**
 * Tree operations on the organigram. Each goes through the mutation door (one undoable,
 * audited step) after checking it keeps the organigram sound; a refused edit returns a Dutch
 * message that says what and how to fix, and changes nothing.
 */

type PositionRow = {
  id: number;
  code: string;
  title: string;
  unit_id: number;
  reports_to_id: number | null;
  budget_fte: number;
  scenario_id: number | null;
};

function one<T>(db: Database, sql: string, params: SqlValue[]): T | null {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    return statement.step() ? (statement.getAsObject() as T) : null;
  } finally {
    statement.free();
  }
}

function all<T>(db: Database, sql: string, params: SqlValue[] = []): T[] {
  const statement = db.prepare(sql);
  const rows: T[] = [];
  try {
    statement.bind(params);
    while (statement.step()) rows.push(statement.getAsObject() as T);
  } finally {
    statement.free();
  }
  return rows;
}

const positionRow = (db: Database, id: number) =>
  one<PositionRow>(db, 'SELECT * FROM position WHERE id = ?', [id]);
const unitRow = (db: Database, id: number) =>
  one<{ id: number; code: string; name: string; parent_id: number | null }>(
    db,
    'SELECT id, code, name, parent_id FROM org_unit WHERE id = ?',
    [id],
  );
const named = (p: PositionRow) => `${p.title} (${p.code})`;

const notFound = (what: string, id: number) =>
  err('org-not-found', `${what} ${id} bestaat niet (meer). Vernieuw het organigram.`, { id });

/** The scenario's current reports-to/unit for a position: its override, else the baseline. */
function effective(db: Database, position: PositionRow, scenarioId: number | null) {
  if (scenarioId === null) return position;
  const change = one<{ unit_id: number | null; reports_to_id: number | null }>(
    db,
    'SELECT unit_id, reports_to_id FROM scenario_position WHERE scenario_id = ? AND position_id = ?',
    [scenarioId, position.id],
  );
  return {
    ...position,
    unit_id: change?.unit_id ?? position.unit_id,
    reports_to_id: change?.reports_to_id ?? position.reports_to_id,
  };
}

/** Writes a scenario's change to a position: updates its row or adds one. */
function writeScenarioChange(
  writer: Writer,
  scenarioId: number,
  positionId: number,
  patch: Record<string, SqlValue>,
): void {
  const key = { scenario_id: scenarioId, position_id: positionId };
  const exists = one(
    writer.db,
    'SELECT 1 FROM scenario_position WHERE scenario_id = ? AND position_id = ?',
    [scenarioId, positionId],
  );
  if (exists) writer.update('scenario_position', key, patch);
  else writer.insert('scenario_position', { ...key, ...patch });
}

export type MovePosition = {
  positionId: number;
  /** The new manager; null makes it a top position. */
  reportsToId: number | null;
  /** The new unit; default: the new manager's unit (or the current one without manager). */
  unitId?: number;
  /** Move it in this scenario only; the baseline stays as it is. */
  scenarioId?: number | null;
};

/** Moves a position under another manager (and unit); refuses a move that makes a loop. */
export function movePosition(session: Session, args: MovePosition): Result<void> {
  const { db } = session;
  const scenarioId = args.scenarioId ?? null;
  const position = positionRow(db, args.positionId);
  if (!position) return notFound('Functie', args.positionId);
  let unitId = args.unitId ?? position.unit_id;
  if (args.reportsToId !== null) {
    const manager = positionRow(db, args.reportsToId);
    if (!manager) return notFound('Functie', args.reportsToId);
    if (args.reportsToId === position.id) {
      return err('org-cycle', `${named(position)} kan niet aan zichzelf rapporteren.`);
    }
    // Walk up from the new manager: meeting the position itself would close a loop.
    const seen = new Set<number>();
    for (
      let up: PositionRow | null = effective(db, manager, scenarioId);
      up && !seen.has(up.id);
      up = up.reports_to_id === null ? null : positionRow(db, up.reports_to_id)
    ) {
      if (up.id === position.id) {
        return err(
          'org-cycle',
          `${named(position)} kan niet onder ${named(manager)} komen: ${named(manager)} rapporteert (onrechtstreeks) aan ${named(position)}. Kies een andere leidinggevende.`,
        );
      }
      seen.add(up.id);
      up = effective(db, up, scenarioId);
    }
    if (args.unitId === undefined) unitId = effective(db, manager, scenarioId).unit_id;
  }
  if (!unitRow(db, unitId)) return notFound('Eenheid', unitId);
  const label = `Functie ${position.title} verplaatst`;
  const moved = mutate(session, label, (writer) => {
    if (scenarioId !== null && position.scenario_id === null) {
      writeScenarioChange(writer, scenarioId, position.id, {
        unit_id: unitId,
        reports_to_id: args.reportsToId,
      });
    } else {
      writer.update(
        'position',
        { id: position.id },
        { unit_id: unitId, reports_to_id: args.reportsToId },
      );
    }
  });
  return moved;
}

/** Moves a unit under another one; refuses moving it under itself or its own sub-units. */
export function moveUnit(
  session: Session,
  args: { unitId: number; parentId: number },
): Result<void> {
  const { db } = session;
  const unit = unitRow(db, args.unitId);
  if (!unit) return notFound('Eenheid', args.unitId);
  const parent = unitRow(db, args.parentId);
  if (!parent) return notFound('Eenheid', args.parentId);
  const seen = new Set<number>();
  for (let up: typeof parent | null = parent; up && !seen.has(up.id);) {
    if (up.id === unit.id) {
      return err(
        'org-cycle',
        `${unit.name} kan niet onder ${parent.name} komen: ${parent.name} ligt zelf onder ${unit.name}.`,
      );
    }
    seen.add(up.id);
    up = up.parent_id === null ? null : unitRow(db, up.parent_id);
  }
  return mutate(session, `Eenheid ${unit.name} verplaatst`, (writer) =>
    writer.update('org_unit', { id: unit.id }, { parent_id: parent.id }),
  );
}

export type UpdatePosition = {
  positionId: number;
  title?: string;
  budgetFte?: number;
  pillar4Share?: number;
  roleId?: number | null;
  scenarioId?: number | null;
};

/** Renames a position or changes its FTE, share or role (FTE and share per scenario too). */
export function updatePosition(session: Session, args: UpdatePosition): Result<void> {
  const position = positionRow(session.db, args.positionId);
  if (!position) return notFound('Functie', args.positionId);
  if (args.title !== undefined && args.title.trim() === '') {
    return err('org-invalid', 'Geef de functie een titel.');
  }
  if (args.budgetFte !== undefined && !(args.budgetFte >= 0 && args.budgetFte <= 10)) {
    return err('org-invalid', `Budget-FTE moet tussen 0 en 10 liggen (nu ${args.budgetFte}).`);
  }
  if (args.pillar4Share !== undefined && !(args.pillar4Share >= 0 && args.pillar4Share <= 1)) {
    return err(
      'org-invalid',
      `Het aandeel vierde pijler moet tussen 0 % en 100 % liggen (nu ${Math.round(args.pillar4Share * 100)} %).`,
    );
  }
  const scenarioId = args.scenarioId ?? null;
  return mutate(session, `Functie ${args.title?.trim() ?? position.title} aangepast`, (writer) => {
    const patch: Record<string, SqlValue> = {};
    if (args.title !== undefined) patch.title = args.title.trim();
    if (args.roleId !== undefined) patch.role_id = args.roleId;
    const fte: Record<string, SqlValue> = {};
    if (args.budgetFte !== undefined) fte.budget_fte = args.budgetFte;
    if (args.pillar4Share !== undefined) fte.pillar4_share = args.pillar4Share;
    if (scenarioId !== null && position.scenario_id === null) {
      if (Object.keys(fte).length > 0) writeScenarioChange(writer, scenarioId, position.id, fte);
    } else Object.assign(patch, fte);
    if (Object.keys(patch).length > 0) writer.update('position', { id: position.id }, patch);
  });
}

export function renameUnit(session: Session, args: { unitId: number; name: string }): Result<void> {
  const unit = unitRow(session.db, args.unitId);
  if (!unit) return notFound('Eenheid', args.unitId);
  if (args.name.trim() === '') return err('org-invalid', 'Geef de eenheid een naam.');
  return mutate(session, `Eenheid ${unit.name} hernoemd`, (writer) =>
    writer.update('org_unit', { id: unit.id }, { name: args.name.trim() }),
  );
}

export type AddPosition = {
  unitId: number;
  title: string;
  reportsToId: number | null;
  budgetFte?: number;
  pillar4Share?: number;
  roleId?: number | null;
  /** Adds it to this scenario only (a planned position). */
  scenarioId?: number | null;
};

/** Adds a (vacant) position; its code is the unit's code plus the next free number. */
export function addPosition(session: Session, args: AddPosition): Result<number> {
  const { db } = session;
  const unit = unitRow(db, args.unitId);
  if (!unit) return notFound('Eenheid', args.unitId);
  if (args.title.trim() === '') return err('org-invalid', 'Geef de nieuwe functie een titel.');
  if (args.reportsToId !== null && !positionRow(db, args.reportsToId)) {
    return notFound('Functie', args.reportsToId);
  }
  const taken = new Set(
    all<{ code: string }>(db, 'SELECT code FROM position WHERE code LIKE ?', [
      `${unit.code}-N%`,
    ]).map((row) => row.code),
  );
  let n = 1;
  while (taken.has(`${unit.code}-N${n}`)) n++;
  const result = mutate(session, `Functie ${args.title.trim()} toegevoegd`, (writer) =>
    Number(
      writer.insert('position', {
        code: `${unit.code}-N${n}`,
        unit_id: unit.id,
        title: args.title.trim(),
        role_id: args.roleId ?? null,
        budget_fte: args.budgetFte ?? 1,
        pillar4_share: args.pillar4Share ?? 0,
        reports_to_id: args.reportsToId,
        scenario_id: args.scenarioId ?? null,
      }).id,
    ),
  );
  return result;
}

/** What deleting a position takes with it, so the side panel can say so before it happens. */
export type DeletePlan = {
  positionId: number;
  title: string;
  /** Positions that reported to it; they move up to its manager (or become top positions). */
  children: { id: number; title: string; code: string }[];
  newManager: { id: number; title: string } | null;
  /** People whose assignment on it ends (they stay in the workspace, without this position). */
  holders: { personId: number; name: string; fte: number }[];
  links: number;
  allocations: number;
  scenarioChanges: number;
};

export function deletePlan(session: Session, positionId: number): Result<DeletePlan> {
  const { db } = session;
  const position = positionRow(db, positionId);
  if (!position) return notFound('Functie', positionId);
  const manager = position.reports_to_id === null ? null : positionRow(db, position.reports_to_id);
  const count = (sql: string) => Number(one<{ n: number }>(db, sql, [positionId])?.n ?? 0);
  return {
    ok: true,
    value: {
      positionId,
      title: position.title,
      children: all<{ id: number; title: string; code: string }>(
        db,
        'SELECT id, title, code FROM position WHERE reports_to_id = ? ORDER BY id',
        [positionId],
      ),
      newManager: manager ? { id: manager.id, title: manager.title } : null,
      holders: all<{ personId: number; name: string; fte: number }>(
        db,
        `SELECT a.person_id AS personId, p.name, a.fte FROM assignment a
           JOIN person p ON p.id = a.person_id WHERE a.position_id = ? ORDER BY a.id`,
        [positionId],
      ),
      links: count(
        'SELECT count(*) AS n FROM cross_unit_link WHERE from_position_id = ?1 OR to_position_id = ?1',
      ),
      allocations: count('SELECT count(*) AS n FROM allocation WHERE position_id = ?'),
      scenarioChanges: count(
        'SELECT count(*) AS n FROM scenario_position WHERE position_id = ?1 OR reports_to_id = ?1',
      ),
    },
  };
}

/**
 * Deletes a position as its plan says: the positions under it move up to its manager, its
 * assignments, cross-unit links, planned allocations and scenario changes go with it. One
 * step: undo brings all of it back.
 */
export function deletePosition(session: Session, args: { positionId: number }): Result<DeletePlan> {
  const planned = deletePlan(session, args.positionId);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const { db } = session;
  const done = mutate(session, `Functie ${plan.title} verwijderd`, (writer) => {
    for (const child of plan.children) {
      writer.update('position', { id: child.id }, { reports_to_id: plan.newManager?.id ?? null });
    }
    const ids = (sql: string) =>
      all<{ id: number }>(db, sql, [args.positionId]).map((row) => row.id);
    for (const id of ids('SELECT id FROM assignment WHERE position_id = ?')) {
      writer.delete('assignment', { id });
    }
    for (const id of ids(
      'SELECT id FROM cross_unit_link WHERE from_position_id = ?1 OR to_position_id = ?1',
    )) {
      writer.delete('cross_unit_link', { id });
    }
    for (const id of ids('SELECT id FROM allocation WHERE position_id = ?')) {
      writer.delete('allocation', { id });
    }
    for (const row of all<{ scenario_id: number; position_id: number }>(
      db,
      'SELECT scenario_id, position_id FROM scenario_position WHERE position_id = ?1 OR reports_to_id = ?1',
      [args.positionId],
    )) {
      if (row.position_id === args.positionId) writer.delete('scenario_position', row);
      else writer.update('scenario_position', row, { reports_to_id: plan.newManager?.id ?? null });
    }
    writer.delete('position', { id: args.positionId });
  });
  return done.ok ? { ok: true, value: plan } : done;
}

/** Closes a position in a scenario from a date, leaving the baseline as it is. */
export function closePositionInScenario(
  session: Session,
  args: { positionId: number; scenarioId: number; from: string },
): Result<void> {
  const position = positionRow(session.db, args.positionId);
  if (!position) return notFound('Functie', args.positionId);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.from)) {
    return err('org-invalid', `Geef een datum als JJJJ-MM-DD (nu "${args.from}").`);
  }
  return mutate(session, `Functie ${position.title} gesloten in scenario`, (writer) =>
    writeScenarioChange(writer, args.scenarioId, position.id, { closed_from: args.from }),
  );
}

const fteText = (value: number) =>
  value.toLocaleString('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/**
 * Gives a position to a person for `fte` of their contract. Refused when it would put them
 * over their contract (the message lists what they already hold).
 */
export function assignPerson(
  session: Session,
  args: { positionId: number; personId: number; fte: number },
): Result<void> {
  const { db } = session;
  const position = positionRow(db, args.positionId);
  if (!position) return notFound('Functie', args.positionId);
  const person = one<{ id: number; name: string; contract_fte: number }>(
    db,
    'SELECT id, name, contract_fte FROM person WHERE id = ?',
    [args.personId],
  );
  if (!person) return notFound('Persoon', args.personId);
  if (!(args.fte > 0 && args.fte <= 1)) {
    return err('org-invalid', `Geef een FTE tussen 0 en 1 (nu ${args.fte}).`);
  }
  const held = all<{ title: string; code: string; fte: number; position_id: number }>(
    db,
    `SELECT p.title, p.code, a.fte, a.position_id FROM assignment a JOIN position p ON p.id = a.position_id
      WHERE a.person_id = ? AND a.position_id <> ?`,
    [person.id, position.id],
  );
  const total = held.reduce((sum, row) => sum + row.fte, 0) + args.fte;
  if (total > person.contract_fte + 1e-9) {
    const list = held.map((row) => `${row.title} (${row.code}): ${fteText(row.fte)}`).join('; ');
    return err(
      'org-over-allocated',
      `${person.name} zou voor ${fteText(total)} FTE ingezet worden, meer dan het contract van ${fteText(person.contract_fte)} FTE${list ? ` (al: ${list})` : ''}. Kies minder FTE of verlaag een andere opdracht.`,
    );
  }
  return mutate(session, `${person.name} toegewezen aan ${position.title}`, (writer) => {
    for (const row of all<{ id: number }>(
      db,
      'SELECT id FROM assignment WHERE position_id = ? AND person_id = ?',
      [position.id, person.id],
    )) {
      writer.delete('assignment', { id: row.id });
    }
    writer.insert('assignment', { position_id: position.id, person_id: person.id, fte: args.fte });
  });
}

/** Ends every assignment on the position: it becomes a vacancy (the people stay). */
export function markVacant(session: Session, args: { positionId: number }): Result<void> {
  const position = positionRow(session.db, args.positionId);
  if (!position) return notFound('Functie', args.positionId);
  return mutate(session, `Functie ${position.title} vacant`, (writer) => {
    for (const row of all<{ id: number }>(
      session.db,
      'SELECT id FROM assignment WHERE position_id = ?',
      [position.id],
    )) {
      writer.delete('assignment', { id: row.id });
    }
  });
}

const endColumns = (end: LinkEnd, side: 'from' | 'to') => ({
  [`${side}_position_id`]: end.kind === 'position' ? end.id : null,
  [`${side}_unit_id`]: end.kind === 'unit' ? end.id : null,
});

export function addLink(
  session: Session,
  args: { from: LinkEnd; to: LinkEnd; label: string },
): Result<number> {
  const { db } = session;
  if (args.label.trim() === '') {
    return err('org-invalid', 'Geef de samenwerking een label, bv. "werkgroep vierde pijler".');
  }
  if (args.from.kind === args.to.kind && args.from.id === args.to.id) {
    return err('org-invalid', 'Een transversale link verbindt twee verschillende kaarten.');
  }
  for (const end of [args.from, args.to]) {
    const exists =
      end.kind === 'position' ? positionRow(db, end.id) !== null : unitRow(db, end.id) !== null;
    if (!exists) return notFound(end.kind === 'position' ? 'Functie' : 'Eenheid', end.id);
  }
  return mutate(session, `Transversale link "${args.label.trim()}" toegevoegd`, (writer) =>
    Number(
      writer.insert('cross_unit_link', {
        ...endColumns(args.from, 'from'),
        ...endColumns(args.to, 'to'),
        label: args.label.trim(),
      }).id,
    ),
  );
}

export function removeLink(session: Session, args: { linkId: number }): Result<void> {
  const link = one<{ label: string }>(
    session.db,
    'SELECT label FROM cross_unit_link WHERE id = ?',
    [args.linkId],
  );
  if (!link) return notFound('Transversale link', args.linkId);
  return mutate(session, `Transversale link "${link.label}" verwijderd`, (writer) =>
    writer.delete('cross_unit_link', { id: args.linkId }),
  );
}
