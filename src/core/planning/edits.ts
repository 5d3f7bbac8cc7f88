import { mutate } from '../mutations/mutate';
import { err, ok, type Result } from '../result';
import type { Session } from '../session';
import { findBreaches, type Breach } from './breaches';
import { fteOf, MAX_CELL_MILLI, milliSql } from './fte';
import type { LineKey } from './grid';
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
  /** Breaches in the months the edit touched, after it (shown, never clipped). */
  breaches: Breach[];
};

/**
 * Writes grid cells as ONE undoable, audited step: a typed value, a pasted block, a fill. Each
 * cell maps to at most one allocation row (inserted, updated, or deleted at 0), so undo and the
 * audit trail name rows, and the audit keeps old → new per cell. Refused, with nothing changed,
 * when the scenario is approved or any value is invalid.
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
  const audit: {
    position: number;
    activity: string;
    region: string | null;
    month: string;
    old: number;
    new: number;
  }[] = [];
  const kind = args.kind ?? 'edit';
  const result = mutate(
    session,
    `${LABELS[kind](args.cells.length)} in "${scenario.value.name}"`,
    (writer) => {
      let changed = 0;
      for (const cell of args.cells) {
        const { line } = cell;
        const rows = selectRows(
          db,
          `SELECT id, ${milliSql()} FROM allocation
            WHERE scenario_id = ? AND position_id = ? AND activity_code = ? AND month = ?
              AND person_id IS ? AND region_code IS ? AND nis_code IS ?
            ORDER BY id`,
          [
            args.scenarioId,
            line.positionId,
            line.activityCode,
            cell.month,
            line.personId,
            line.regionCode,
            line.nisCode,
          ],
        );
        const old = rows.reduce((sum, row) => sum + Number(row[1]), 0);
        if (old === cell.milli && rows.length <= 1) continue;
        const [first, ...extra] = rows;
        for (const row of extra) writer.delete('allocation', { id: Number(row[0]) });
        if (cell.milli === 0) {
          if (first) writer.delete('allocation', { id: Number(first[0]) });
        } else if (first) {
          writer.update('allocation', { id: Number(first[0]) }, { fte: fteOf(cell.milli) });
        } else {
          writer.insert('allocation', {
            scenario_id: args.scenarioId,
            position_id: line.positionId,
            person_id: line.personId,
            activity_code: line.activityCode,
            region_code: line.regionCode,
            nis_code: line.nisCode,
            month: cell.month,
            fte: fteOf(cell.milli),
          });
        }
        changed++;
        if (audit.length < 200)
          audit.push({
            position: line.positionId,
            activity: line.activityCode,
            region: line.regionCode,
            month: cell.month,
            old: old / 1000,
            new: cell.milli / 1000,
          });
      }
      return changed;
    },
    { action: `planning.${kind}`, details: { scenario: args.scenarioId, cells: audit } },
  );
  if (!result.ok) return result;
  const months = args.cells.map((cell) => cell.month).sort();
  const from = months[0];
  const to = months.at(-1);
  return ok({
    changed: result.value,
    breaches: from && to ? findBreaches(db, args.scenarioId, { from, to }) : [],
  });
}
