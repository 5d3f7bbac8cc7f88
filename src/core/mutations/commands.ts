import type { SqlValue } from 'sql.js';
import type { Result } from '../result';
import type { Session } from '../session';
import { formatValue, rowLabel, tableLabel } from './labels';
import { mutate, type Writer } from './mutate';
import type { Row, RowKey } from './table-info';

/**
 * Edits as plain data: the UI, the CLI and tests describe what they want, the door applies
 * it. Serialisable, so a batch can cross the worker boundary or be logged as is.
 */
export type RowCommand =
  | { kind: 'updateCell'; table: string; key: RowKey; column: string; value: SqlValue }
  | { kind: 'updateRow'; table: string; key: RowKey; patch: Row }
  | { kind: 'insertRow'; table: string; values: Row }
  | { kind: 'deleteRow'; table: string; key: RowKey };

/** Applies one command through a writer; returns the key of the row it touched. */
export function applyCommand(writer: Writer, command: RowCommand): RowKey {
  switch (command.kind) {
    case 'updateCell':
      writer.update(command.table, command.key, { [command.column]: command.value });
      return command.key;
    case 'updateRow':
      writer.update(command.table, command.key, command.patch);
      return command.key;
    case 'insertRow':
      return writer.insert(command.table, command.values);
    case 'deleteRow':
      writer.delete(command.table, command.key);
      return command.key;
  }
}

/** The Dutch label of a command, as the undo menu shows it. */
export function describeCommand(command: RowCommand): string {
  switch (command.kind) {
    case 'updateCell':
      return `${command.column} van ${rowLabel(command.table, command.key)} gewijzigd in ${formatValue(command.value)}`;
    case 'updateRow':
      return `${rowLabel(command.table, command.key)} gewijzigd`;
    case 'insertRow':
      return `Rij toegevoegd aan ${tableLabel(command.table)}`;
    case 'deleteRow':
      return `${rowLabel(command.table, command.key)} verwijderd`;
  }
}

/** Runs commands as one undoable step (all or nothing); returns the keys they touched. */
export function runCommands(
  session: Session,
  commands: readonly RowCommand[],
  label?: string,
): Result<RowKey[]> {
  const first = commands[0];
  const stepLabel =
    label ??
    (commands.length === 1 && first ? describeCommand(first) : `${commands.length} wijzigingen`);
  return mutate(session, stepLabel, (writer) =>
    commands.map((command) => applyCommand(writer, command)),
  );
}
