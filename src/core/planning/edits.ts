import type { Database } from 'sql.js';
import { errorText } from '../db/workspace-file';
import { appendAudit } from '../mutations/audit';
import { pushHistory } from '../mutations/history';
import { inTransaction } from '../mutations/transaction';
import { err, ok, type Result } from '../result';
import type { Session } from '../session';
import { findBreaches, type Breach, type BreachScope } from './breaches';
import { fteOf, MAX_CELL_MILLI, milliSql } from './fte';
import { lineKeyText, type LineKey } from './grid';
import { MONTH_PATTERN } from './months';
import { editableScenario } from './scenarios';
import { selectRows } from './sql';

/** One grid cell's new value: a plan line in one month, in milli-FTE (0 removes the row). */
export type CellEdit = { line: LineKey; month: string; milli: number };

export type CellEditKind = 'edit' | 'paste' | 'fill' | 'clear';

const LABELS: Record<CellEditKind, (count: number) => string> = {
  edit: (count) => (count === 1 ? '1 cel gewijzigd' : `${count} cellen gewijzigd`),
  paste: (count) => `${count} cellen geplakt`,
  fill: (count) => `${count} cellen rechts doorgevoerd`,
  clear: (count) => `${count} cellen gewist`,
};

export type CellEditResult = {
  /** Cells whose value really changed. */
  changed: number;
  /** Breaches of the touched positions and people in the touched months, after the edit. */
  breaches: Breach[];
  /** Which breaches `breaches` replaces: the months, positions and people the edit touched. */
  scope: BreachScope;
};

/** An allocation row as stored: id, position, person, activity, region, municipality, month, FTE. */
type AllocationRow = [
  number,
  number,
  number | null,
  string,
  string | null,
  string | null,
  string,
  number,
];

const INSERT_SQL = `INSERT INTO allocation
  (id, scenario_id, position_id, person_id, activity_code, region_code, nis_code, month, fte)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The writes of one edit, as row images: enough to apply, undo and redo it exactly. */
type CellWrites = {
  inserts: AllocationRow[];
  updates: { id: number; before: number; after: number }[];
  deletes: AllocationRow[];
};

function applyWrites(db: Database, scenarioId: number, writes: CellWrites, backwards: boolean) {
  const remove = db.prepare('DELETE FROM allocation WHERE id = ?');
  const update = db.prepare('UPDATE allocation SET fte = ? WHERE id = ?');
  const insert = db.prepare(INSERT_SQL);
  const put = (row: AllocationRow) => insert.run([row[0], scenarioId, ...row.slice(1)]);
  try {
    if (!backwards) {
      for (const row of writes.deletes) remove.run([row[0]]);
      for (const change of writes.updates) update.run([change.after, change.id]);
      for (const row of writes.inserts) put(row);
    } else {
      for (const row of writes.inserts) remove.run([row[0]]);
      for (const change of writes.updates) update.run([change.before, change.id]);
      for (const row of writes.deletes) put(row);
    }
  } finally {
    remove.free();
    update.free();
    insert.free();
  }
}

/**
 * Writes grid cells as ONE undoable, audited step: a typed value, a pasted block, a fill. Each
 * cell maps to at most one allocation row (inserted, updated, or deleted at 0), so undo and the
 * audit trail name rows, and the audit keeps old → new per cell. Refused, with nothing changed,
 * when the scenario is approved or any value is invalid.
 *
 * Batched: the touched lines' rows are read with one query, the writes run through three
 * prepared statements in one transaction, and the undo step keeps the row images (a paste of
 * 240 cells is not 240 trips through the generic row writer).
 */
export function setCells(
  session: Session,
  args: { scenarioId: number; cells: readonly CellEdit[]; kind?: CellEditKind },
): Result<CellEditResult> {
  const db = session.db;
  const scenario = editableScenario(db, args.scenarioId);
  if (!scenario.ok) return scenario;
  for (const cell of args.cells) {
    if (!MONTH_PATTERN.test(cell.month))
      return err('cell-month', `"${cell.month}" is geen maand (JJJJ-MM).`, { month: cell.month });
    if (!Number.isInteger(cell.milli) || cell.milli < 0 || cell.milli > MAX_CELL_MILLI)
      return err(
        'cell-value',
        `Een cel moet tussen 0 en ${MAX_CELL_MILLI / 1000} VTE liggen (gekregen: ${cell.milli / 1000}).`,
        { value: cell.milli / 1000 },
      );
  }
  const kind = args.kind ?? 'edit';
  const label = `${LABELS[kind](args.cells.length)} in "${scenario.value.name}"`;
  const months = args.cells.map((cell) => cell.month).sort();
  const from = months[0];
  const to = months.at(-1);
  const positionIds = [...new Set(args.cells.map((cell) => cell.line.positionId))].sort(
    (a, b) => a - b,
  );
  const personIds = [
    ...new Set(
      args.cells.flatMap((cell) => (cell.line.personId === null ? [] : [cell.line.personId])),
    ),
  ].sort((a, b) => a - b);
  const scope: BreachScope = { from: from ?? '', to: to ?? '', positionIds, personIds };
  if (!from || !to) return ok({ changed: 0, breaches: [], scope });

  // The rows behind every touched cell, in one read along allocation_cell.
  const existing = new Map<string, AllocationRow[]>();
  for (const row of selectRows(
    db,
    `SELECT id, position_id, person_id, activity_code, region_code, nis_code, month, ${milliSql()}
       FROM allocation
      WHERE scenario_id = ? AND position_id IN (${positionIds.map(() => '?').join(', ')})
        AND month BETWEEN ? AND ?
      ORDER BY id`,
    [args.scenarioId, ...positionIds, from, to],
  )) {
    const stored = row as unknown as AllocationRow;
    const key = `${lineKeyText({
      positionId: stored[1],
      personId: stored[2],
      activityCode: stored[3],
      regionCode: stored[4],
      nisCode: stored[5],
    })}@${stored[6]}`;
    existing.set(key, [...(existing.get(key) ?? []), stored]);
  }

  // The last value given for a cell wins (a paste never names a cell twice, a script might).
  const wanted = new Map<string, CellEdit>();
  for (const cell of args.cells) wanted.set(`${lineKeyText(cell.line)}@${cell.month}`, cell);

  const writes: CellWrites = { inserts: [], updates: [], deletes: [] };
  const audit: {
    position: number;
    person: number | null;
    activity: string;
    region: string | null;
    month: string;
    old: number;
    new: number;
  }[] = [];
  let nextId = Number(db.exec('SELECT coalesce(max(id), 0) FROM allocation')[0]?.values[0]?.[0]);
  for (const [key, cell] of wanted) {
    const rows = existing.get(key) ?? [];
    const old = rows.reduce((sum, row) => sum + row[7], 0);
    if (old === cell.milli && rows.length <= 1) continue;
    const [first, ...extra] = rows;
    writes.deletes.push(...extra.map(stored));
    if (first && cell.milli === 0) writes.deletes.push(stored(first));
    else if (first)
      writes.updates.push({ id: first[0], before: fteOf(first[7]), after: fteOf(cell.milli) });
    else if (cell.milli !== 0) {
      const { line } = cell;
      writes.inserts.push([
        ++nextId,
        line.positionId,
        line.personId,
        line.activityCode,
        line.regionCode,
        line.nisCode,
        cell.month,
        fteOf(cell.milli),
      ]);
    }
    const { line } = cell;
    audit.push({
      position: line.positionId,
      person: line.personId,
      activity: line.activityCode,
      region: line.regionCode,
      month: cell.month,
      old: old / 1000,
      new: cell.milli / 1000,
    });
  }
  if (audit.length === 0) return ok({ changed: 0, breaches: [], scope });

  try {
    inTransaction(db, () => {
      applyWrites(db, args.scenarioId, writes, false);
      appendAudit(db, {
        action: `planning.${kind}`,
        summary: label,
        details: {
          scenario: args.scenarioId,
          cells: audit,
        },
        userName: session.userName ?? null,
      });
    });
  } catch (error) {
    return err('mutation-failed', `"${label}" is mislukt: ${errorText(error)}`, { label });
  }
  pushHistory(session, {
    label,
    undo: (undoDb) => applyWrites(undoDb, args.scenarioId, writes, true),
    redo: (redoDb) => applyWrites(redoDb, args.scenarioId, writes, false),
  });
  session.dirty = true;
  return ok({
    changed: audit.length,
    breaches: findBreaches(db, args.scenarioId, scope),
    scope,
  });
}

/** A stored row with its FTE back as the REAL the table keeps. */
function stored(row: AllocationRow): AllocationRow {
  return [row[0], row[1], row[2], row[3], row[4], row[5], row[6], fteOf(row[7])];
}
