import type { StyleName } from './styles';

/** A plain value: text is always written as text, never as a formula. */
export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * A cell with a style, or a formula with its cached result (`v`), so viewers that never
 * recalculate (Protected View, Outlook, Teams previews) show the right number.
 */
export type CellObject = { v?: CellValue; f?: string; s?: StyleName };

export type CellInput = CellValue | CellObject;

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Excel's rows per sheet. */
export const MAX_SHEET_ROWS = 1_048_576;

/** Excel's columns per sheet. */
export const MAX_SHEET_COLUMNS = 16_384;

/** A text that had to be cut to fit a cell. */
export type TruncationNote = { sheet: string; cell: string; length: number };

/** The text written instead of an over-long one: its start and a note saying what was cut. */
export function truncatedText(text: string): string {
  const note = ` … [ingekort: ${text.length.toLocaleString('nl-BE')} tekens, Excel toont er hoogstens ${MAX_CELL_TEXT.toLocaleString('nl-BE')}]`;
  let head = text.slice(0, MAX_CELL_TEXT - note.length);
  // Never end on half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head + note;
}
