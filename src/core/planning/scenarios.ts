import type { Database } from 'sql.js';
import { appendAudit } from '../mutations/audit';
import { pushHistory } from '../mutations/history';
import { mutate } from '../mutations/mutate';
import { inTransaction } from '../mutations/transaction';
import { errorText } from '../db/workspace-file';
import { err, ok, type Result } from '../result';
import type { Session } from '../session';
import { selectRows, selectValue, textOrNull } from './sql';
import { copyRollup, dropRollup, markRollupStale, rollupStale } from './rollup';

export type ScenarioStatus = 'draft' | 'approved';

/** A scenario as the scenario table holds it. */
export type Scenario = {
  id: number;
  name: string;
  description: string | null;
  status: ScenarioStatus;
  basedOnId: number | null;
  createdAt: string;
  approvedAt: string | null;
};

/** A scenario with how many allocation rows it has (the scenario list, a copy's result). */
export type ScenarioSummary = Scenario & { allocationRows: number };

/**
 * Every scenario, or only the one with this id, without counting its allocation rows: on a
 * million-row plan that count costs ~40 ms a scenario, which a dashboard read does not need.
 */
export function scenarioHeads(db: Database, onlyId?: number): Scenario[] {
  return selectRows(
    db,
    `SELECT s.id, s.name, s.description, s.status, s.based_on_id, s.created_at, s.approved_at
       FROM scenario s ${onlyId === undefined ? '' : 'WHERE s.id = ?'} ORDER BY s.id`,
    onlyId === undefined ? [] : [onlyId],
  ).map((row) => ({
    id: Number(row[0]),
    name: String(row[1]),
    description: textOrNull(row[2]),
    status: row[3] === 'approved' ? 'approved' : 'draft',
    basedOnId: row[4] === null ? null : Number(row[4]),
    createdAt: String(row[5]),
    approvedAt: textOrNull(row[6]),
  }));
}

/** Every scenario, or only the one with this id, with its allocation rows counted. */
export function listScenarios(db: Database, onlyId?: number): ScenarioSummary[] {
  return scenarioHeads(db, onlyId).map((scenario) => ({
    ...scenario,
    allocationRows: Number(
      selectValue(db, 'SELECT count(*) FROM allocation WHERE scenario_id = ?', [scenario.id]),
    ),
  }));
}

const foundOr = <T>(scenario: T | undefined, id: number): Result<T> =>
  scenario
    ? ok(scenario)
    : err('scenario-not-found', `Scenario ${id} bestaat niet (meer) in deze werkruimte.`, { id });

/** The scenario, or a Dutch error when it does not exist. */
export function findScenario(db: Database, id: number): Result<ScenarioSummary> {
  return foundOr(listScenarios(db, id)[0], id);
}

/** The scenario without its row count (scenarioHeads), or the same error as findScenario. */
export function findScenarioHead(db: Database, id: number): Result<Scenario> {
  return foundOr(scenarioHeads(db, id)[0], id);
}

/**
 * The approval lock as the core checks it before any write (the database's triggers are the
 * second line): an approved scenario is refused with its name and what to do instead.
 */
export function editableScenario(db: Database, id: number): Result<ScenarioSummary> {
  const found = findScenario(db, id);
  if (!found.ok) return found;
  if (found.value.status === 'approved') {
    return err(
      'scenario-approved',
      `Scenario "${found.value.name}" is goedgekeurd en daardoor vergrendeld: er kan niets meer aan wijzigen. Maak een kopie om verder te plannen.`,
      { scenario: found.value.name },
    );
  }
  return found;
}

function checkName(db: Database, name: string, exceptId?: number): Result<string> {
  const trimmed = name.trim();
  if (trimmed === '')
    return err('scenario-name-empty', 'Geef het scenario een naam.', { name: trimmed });
  if (trimmed.length > 80)
    return err('scenario-name-long', 'Een scenarionaam is hoogstens 80 tekens lang.', {
      name: trimmed,
    });
  const taken = selectValue(db, 'SELECT id FROM scenario WHERE name = ? AND id IS NOT ?', [
    trimmed,
    exceptId ?? null,
  ]);
  if (taken !== null)
    return err(
      'scenario-name-taken',
      `Er bestaat al een scenario "${trimmed}"; kies een andere naam.`,
      {
        name: trimmed,
      },
    );
  return ok(trimmed);
}

const ALLOCATION_COLUMNS =
  'position_id, person_id, activity_code, region_code, nis_code, month, fte';

/**
 * A full copy: the scenario row, its assumptions, leave, grade costs and every allocation row (about 13k in the
 * demo, 54k at AgII's size), as a draft. The rows are copied with one INSERT … SELECT rather
 * than through the row-by-row writer; the step on the undo stack removes exactly the copy, and
 * the audit line says what was copied from what.
 */
export function copyScenario(
  session: Session,
  sourceId: number,
  name: string,
): Result<ScenarioSummary> {
  const db = session.db;
  const source = findScenario(db, sourceId);
  if (!source.ok) return source;
  const checked = checkName(db, name);
  if (!checked.ok) return checked;
  const createdAt = new Date().toISOString().slice(0, 10);
  const description = `Kopie van "${source.value.name}".`;
  let newId = 0;
  const write = (id: number | null): number => {
    db.run(
      `INSERT INTO scenario (id, name, description, based_on_id, status, created_at)
       VALUES (?, ?, ?, ?, 'draft', ?)`,
      [id, checked.value, description, sourceId, createdAt],
    );
    const inserted = Number(selectValue(db, 'SELECT last_insert_rowid()'));
    db.run(
      `INSERT INTO scenario_assumption (scenario_id, key, value, source)
       SELECT ?, key, value, source FROM scenario_assumption WHERE scenario_id = ?`,
      [inserted, sourceId],
    );
    // The roll-ups get the source's rows under the new id (same rows, same sums) instead of
    // one trigger run per copied row; a stale roll-up simply stays stale.
    const fresh = !rollupStale(db);
    markRollupStale(db);
    db.run(
      `INSERT INTO scenario_leave (scenario_id, person_id, month, fte, note)
       SELECT ?, person_id, month, fte, note FROM scenario_leave WHERE scenario_id = ?`,
      [inserted, sourceId],
    );
    db.run(
      `INSERT INTO scenario_grade_cost (scenario_id, grade, annual_cost_per_fte, source)
       SELECT ?, grade, annual_cost_per_fte, source FROM scenario_grade_cost WHERE scenario_id = ?`,
      [inserted, sourceId],
    );
    db.run(
      `INSERT INTO allocation (scenario_id, ${ALLOCATION_COLUMNS})
       SELECT ?, ${ALLOCATION_COLUMNS} FROM allocation WHERE scenario_id = ? ORDER BY id`,
      [inserted, sourceId],
    );
    if (fresh) copyRollup(db, sourceId, inserted);
    return inserted;
  };
  const label = `Scenario "${source.value.name}" gekopieerd als "${checked.value}"`;
  try {
    inTransaction(db, () => {
      newId = write(null);
      appendAudit(db, {
        action: 'planning.copyScenario',
        summary: label,
        details: {
          from: sourceId,
          to: newId,
          rows: Number(
            selectValue(db, 'SELECT count(*) FROM allocation WHERE scenario_id = ?', [newId]),
          ),
        },
        userName: session.userName ?? null,
      });
    });
  } catch (error) {
    return err('scenario-copy-failed', `${label} is mislukt: ${errorText(error)}`);
  }
  pushHistory(session, {
    label,
    undo: (undoDb) => {
      const fresh = !rollupStale(undoDb);
      markRollupStale(undoDb);
      undoDb.run('DELETE FROM allocation WHERE scenario_id = ?', [newId]);
      if (fresh) dropRollup(undoDb, newId);
      undoDb.run('DELETE FROM scenario_assumption WHERE scenario_id = ?', [newId]);
      undoDb.run('DELETE FROM scenario_leave WHERE scenario_id = ?', [newId]);
      undoDb.run('DELETE FROM scenario_grade_cost WHERE scenario_id = ?', [newId]);
      undoDb.run('DELETE FROM scenario WHERE id = ?', [newId]);
    },
    redo: () => {
      write(newId);
    },
  });
  session.dirty = true;
  return findScenario(db, newId);
}

export function renameScenario(session: Session, id: number, name: string): Result<null> {
  const scenario = editableScenario(session.db, id);
  if (!scenario.ok) return scenario;
  const checked = checkName(session.db, name, id);
  if (!checked.ok) return checked;
  const result = mutate(
    session,
    `Scenario "${scenario.value.name}" hernoemd tot "${checked.value}"`,
    (writer) => writer.update('scenario', { id }, { name: checked.value }),
    {
      action: 'planning.renameScenario',
      details: { old: scenario.value.name, new: checked.value },
    },
  );
  return result.ok ? ok(null) : result;
}

/** Draft → approved: from now on the database refuses every write to its plan. */
export function approveScenario(session: Session, id: number): Result<null> {
  const scenario = editableScenario(session.db, id);
  if (!scenario.ok) return scenario;
  const result = mutate(
    session,
    `Scenario "${scenario.value.name}" goedgekeurd`,
    (writer) =>
      writer.update(
        'scenario',
        { id },
        { status: 'approved', approved_at: new Date().toISOString().slice(0, 10) },
      ),
    { action: 'planning.approveScenario', details: { old: 'draft', new: 'approved' } },
  );
  return result.ok ? ok(null) : result;
}
