import type { CellObject } from '../xlsx/cells';
import type { SheetOptions } from '../xlsx/sheet';
import { PAGE_FOOTER } from '../xlsx/sheet';
import type { StyleName } from '../xlsx/styles';
import { cellRef, columnLetter } from '../xlsx/xml';

/** The report's shared look: a title, a note, then a table whose header row is `headerRow`. */
export const HEADER_ROW = 4;

export function tableSheet(
  columns: SheetOptions['columns'],
  freezeColumns = 1,
  outline = 0,
): SheetOptions {
  return {
    columns,
    freeze: { rows: HEADER_ROW, columns: freezeColumns },
    autoFilterRow: HEADER_ROW,
    outline: outline > 0 ? { summaryAbove: true, levels: outline } : undefined,
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: [HEADER_ROW, HEADER_ROW],
      footer: PAGE_FOOTER,
    },
  };
}

/** A formula with its cached result. */
export const formula = (f: string, v: number | string, s?: StyleName): CellObject => ({ f, v, s });

export const header = (labels: readonly string[]): CellObject[] =>
  labels.map((v) => ({ v, s: 'header' }));

/** SUM over a column between two rows (1-based, inclusive). */
export const sumColumn = (column: number, fromRow: number, toRow: number): string =>
  `SUM(${cellRef(column, fromRow)}:${cellRef(column, toRow)})`;

/** SUM over a row between two columns (0-based, inclusive). */
export const sumRow = (row: number, fromColumn: number, toColumn: number): string =>
  `SUM(${cellRef(fromColumn, row)}:${cellRef(toColumn, row)})`;

/** SUM of single cells in one column, e.g. the unit subtotal rows. */
export function sumCells(column: number, rows: readonly number[]): string {
  if (rows.length === 0) return '0';
  // Runs of adjacent rows become ranges, so the formula stays short for long lists.
  const parts: string[] = [];
  let start = rows[0] as number;
  let previous = start;
  for (const row of [...rows.slice(1), Number.NaN]) {
    if (row === previous + 1) {
      previous = row;
      continue;
    }
    parts.push(
      start === previous
        ? cellRef(column, start)
        : `${cellRef(column, start)}:${cellRef(column, previous)}`,
    );
    start = row;
    previous = row;
  }
  return `SUM(${parts.join(',')})`;
}

export const col = columnLetter;

/** "2023-K1" → "2023 K1", months "2023-01" → "jan 2023". */
export function bucketLabel(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const names = [
      'jan',
      'feb',
      'mrt',
      'apr',
      'mei',
      'jun',
      'jul',
      'aug',
      'sep',
      'okt',
      'nov',
      'dec',
    ];
    return `${names[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  }
  return key.replace('-', ' ');
}
