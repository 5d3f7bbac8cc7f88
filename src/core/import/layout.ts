import { ok } from '../result';
import type { Result } from '../result';
import { uniqueColumnNames } from './column-names';
import { DEFAULT_BATCH_ROWS } from './types';
import type {
  CellValue,
  ColumnLayout,
  ColumnType,
  MergedRange,
  NumberStyle,
  ReadRowsOptions,
  SheetLayout,
  WorkbookReader,
} from './types';
import {
  detectNumberStyle,
  isBooleanWord,
  isValidNisCode,
  parseDateText,
  parseNumber,
} from './values';

/**
 * Where the table is in a sheet as people really make them: a title and a date above the
 * header, merged group headers over two rows, totals and footnotes under the data. Works on a
 * sample of the first rows (the preview); `readLayoutRows` then finds the true end of the data
 * while streaming the whole sheet.
 */

const isEmptyCell = (c: CellValue | undefined) =>
  c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

const nonEmptyCount = (row: readonly CellValue[] | undefined) => {
  let n = 0;
  if (row) for (const c of row) if (!isEmptyCell(c)) n++;
  return n;
};

const cellText = (c: CellValue | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return c.date;
  return String(c).trim();
};

/** A header-like cell: text that is not a number or a date. */
function isLabel(c: CellValue | undefined): boolean {
  if (typeof c !== 'string') return false;
  const t = c.trim();
  if (t === '') return false;
  return parseNumber(t.replace(/[€%]/g, '')) === null && parseDateText(t) === null;
}

const TOTAL_ROW =
  /^(totaal|totalen|eindtotaal|subtotaal|algemeen totaal|total|totals|grand total|subtotal|som|sum|totaal generaal)\b/i;
const NOTE_ROW =
  /^(\*|¹|²|³|\(\d+\)|\d+\)|bron\b|bronnen\b|noot\b|nota\b|opmerking|toelichting|n\.?b\.?\b|source\b|note\b|legende|voetnoot)/i;

export function isTotalRow(row: readonly CellValue[]): boolean {
  let seen = 0;
  for (const c of row) {
    if (isEmptyCell(c)) continue;
    if (typeof c === 'string' && TOTAL_ROW.test(c.trim())) return true;
    if (++seen >= 2) return false;
  }
  return false;
}

/** A footnote/source line: one text cell in a table that is wider than that. */
function isNoteRow(row: readonly CellValue[], width: number, afterGap: boolean): boolean {
  if (width < 2 || nonEmptyCount(row) !== 1) return false;
  const cell = row.find((c) => !isEmptyCell(c));
  if (typeof cell !== 'string') return false;
  return afterGap || NOTE_ROW.test(cell.trim());
}

/**
 * The last data row in `rows` (sheet rows `first`…), starting at `from`: data stops before a
 * totals row, or before a footnote after the data. Returns `from - 1` when there is none.
 */
export function findLastDataRow(
  rows: readonly CellValue[][],
  first: number,
  from: number,
  width: number,
): { lastDataRow: number; stopped: boolean } {
  let last = from - 1;
  let gap = false;
  for (let i = from; i < first + rows.length; i++) {
    const row = rows[i - first] ?? [];
    if (nonEmptyCount(row) === 0) {
      gap = last >= from;
      continue;
    }
    if (isTotalRow(row) || isNoteRow(row, width, gap)) return { lastDataRow: last, stopped: true };
    last = i;
    gap = false;
  }
  return { lastDataRow: last, stopped: false };
}

/** Each merged range's top-left value copied to all its cells (only for the rows given). */
function fillMerges(rows: readonly CellValue[][], merges: readonly MergedRange[]): CellValue[][] {
  const filled = rows.map((r) => r.slice());
  for (const m of merges) {
    if (m.top >= filled.length) continue;
    const value = filled[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom && r < filled.length; r++) {
      const row = filled[r] as CellValue[];
      for (let c = m.left; c <= m.right; c++) {
        while (row.length <= c) row.push(null);
        row[c] = value;
      }
    }
  }
  return filled;
}

const HEADER_SEARCH_ROWS = 30;

function findHeaderRow(rows: readonly CellValue[][]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  // The table's width: the most common number of filled cells among the rows with ≥ 2.
  const widths = new Map<number, number>();
  for (const row of rows.slice(0, 200)) {
    const n = nonEmptyCount(row);
    if (n >= 2) widths.set(n, (widths.get(n) ?? 0) + 1);
  }
  let width = 1;
  let times = 0;
  for (const [w, t] of widths)
    if (t > times || (t === times && w > width)) {
      width = w;
      times = t;
    }
  const needed = Math.max(width >= 2 ? 2 : 1, Math.ceil(width * 0.6));
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    const filled = nonEmptyCount(row);
    if (filled < needed) continue;
    let labels = 0;
    for (const c of row) if (isLabel(c)) labels++;
    if (labels >= filled * 0.6) return i;
  }
  // No text header: the table starts at its first row that is as wide as the data.
  for (let i = 0; i < limit; i++) if (nonEmptyCount(rows[i]) >= needed) return i;
  return 0;
}

type Guess = ColumnType | 'empty';

/** What one non-empty value looks like. */
function guessValue(c: CellValue, style: NumberStyle): Guess {
  if (c === null) return 'empty';
  if (typeof c === 'boolean') return 'boolean';
  if (typeof c === 'object') return 'date';
  if (typeof c === 'number') return Number.isInteger(c) ? 'integer' : 'decimal';
  const t = c.trim();
  if (t === '') return 'empty';
  if (/%$/.test(t) && parseNumber(t.slice(0, -1), style) !== null) return 'percent';
  if (
    /€|\bEUR\b/i.test(t) &&
    parseNumber(t.replace(/€|EUR/gi, '').replace(/,-$/, ''), style) !== null
  )
    return 'currency';
  const n = parseNumber(t, style);
  if (n !== null)
    return Number.isInteger(n) && !/[.,]\d*$/.test(t.replace(/^\d{1,3}([.,]\d{3})+$/, ''))
      ? 'integer'
      : 'decimal';
  if (parseDateText(t) !== null) return 'date';
  if (isBooleanWord(t)) return 'boolean';
  return 'text';
}

const NIS_HEADER = /\bnis\b|nis[-_ ]?code|\bnis\d|refnis|code[-_ ]?ins|ins[-_ ]?code/i;

/** A column's type from its sample: the type ≥ 90% of its non-empty values agree on. */
function columnType(values: readonly CellValue[], header: string, style: NumberStyle): ColumnType {
  const counts = new Map<Guess, number>();
  let total = 0;
  for (const v of values) {
    const g = guessValue(v, style);
    if (g === 'empty') continue;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    total++;
  }
  if (total === 0) return 'text';
  const count = (g: Guess) => counts.get(g) ?? 0;
  const share = (n: number) => n >= total * 0.9;
  const ints = count('integer');
  if (share(ints)) {
    // Integers that are all 4–5 digit Flemish/Brussels NIS codes (or under a NIS header).
    const codes = values.filter((v) => !isEmptyCell(v)).map((v) => cellText(v).padStart(5, '0'));
    const valid = codes.filter(isValidNisCode).length;
    if (
      (NIS_HEADER.test(header) && valid >= total * 0.5) ||
      (valid === total && total >= 3 && codes.every((c) => c.length === 5))
    )
      return 'nis_code';
    // 0/1 columns stay integers; ja/nee columns are boolean below.
    return 'integer';
  }
  if (share(ints + count('decimal'))) return 'decimal';
  if (share(count('percent'))) return 'percent';
  if (share(count('currency') + (count('currency') > 0 ? ints + count('decimal') : 0)))
    return 'currency';
  // Excel serials among real dates (a column where some cells lost their date format).
  if (share(count('date') + (count('date') > 0 ? ints : 0)) && count('date') > 0) return 'date';
  if (share(count('boolean'))) return 'boolean';
  if (
    NIS_HEADER.test(header) &&
    values.some((v) => typeof v === 'string' && isValidNisCode(v.trim()))
  )
    return 'nis_code';
  return 'text';
}

export type DetectLayoutOptions = {
  /** Rows in the whole sheet, when the sample is only its beginning. */
  totalRows?: number | null;
};

/**
 * Detect header row(s), data range and column types from the first rows of a sheet. When the
 * data runs to the end of a sample that is shorter than the sheet, `lastDataRow` is the sheet's
 * last row (`totalRows - 1`) and `readLayoutRows` trims totals/notes at the real end.
 */
export function detectLayout(
  rows: CellValue[][],
  merges: MergedRange[],
  options: DetectLayoutOptions = {},
): SheetLayout {
  const filled = fillMerges(rows, merges);
  // Counting on the raw rows: a title merged across the table must not look like a header.
  let headerRow = findHeaderRow(rows);
  let headerRows = 1;
  const labelsIn = (row: readonly CellValue[] | undefined) => (row ?? []).filter(isLabel).length;
  const headerCount = nonEmptyCount(rows[headerRow]);
  const above = rows[headerRow - 1];
  if (
    headerRow > 0 &&
    above &&
    nonEmptyCount(above) > 0 &&
    labelsIn(above) === nonEmptyCount(above)
  ) {
    // A group row above the column labels: merged group cells (but not one title spanning the
    // whole table) or several group labels over a wider row of labels.
    const rowMerges = merges.filter(
      (m) => m.top === headerRow - 1 && m.bottom === headerRow - 1 && m.right > m.left,
    );
    const spanned = rowMerges.reduce((n, m) => n + m.right - m.left + 1, 0);
    const isTitle =
      nonEmptyCount(above) === 1 && (rowMerges.length === 0 || spanned >= headerCount * 0.8);
    if (
      !isTitle &&
      (rowMerges.length > 0 || (nonEmptyCount(above) >= 2 && nonEmptyCount(above) < headerCount))
    ) {
      headerRow -= 1;
      headerRows = 2;
    }
  }
  if (headerRows === 1) {
    const next = rows[headerRow + 1];
    const rowAfter = rows[headerRow + 2];
    if (next && nonEmptyCount(next) > headerCount && labelsIn(next) === nonEmptyCount(next)) {
      const groupMerge = merges.some(
        (m) => m.top === headerRow && m.bottom === headerRow && m.right > m.left,
      );
      const dataBelow =
        rowAfter !== undefined && rowAfter.some((c) => !isEmptyCell(c) && !isLabel(c));
      if (groupMerge && (dataBelow || rowAfter === undefined)) headerRows = 2;
    }
  }
  const header = rows[headerRow] ?? [];

  const width = Math.max(
    0,
    ...filled.slice(headerRow, headerRow + headerRows + 200).map((r) => r.length),
  );
  let firstDataRow = headerRow + headerRows;
  while (firstDataRow < rows.length && nonEmptyCount(rows[firstDataRow]) === 0) firstDataRow++;
  const headerWidth = Math.max(
    1,
    nonEmptyCount(header),
    nonEmptyCount(rows[headerRow + headerRows - 1]),
  );
  const end = findLastDataRow(rows, 0, firstDataRow, headerWidth);
  const sampleIsWhole =
    options.totalRows === undefined ||
    options.totalRows === null ||
    rows.length >= options.totalRows;
  let lastDataRow = end.lastDataRow;
  if (!end.stopped && !sampleIsWhole) lastDataRow = (options.totalRows as number) - 1;
  if (lastDataRow < firstDataRow - 1) lastDataRow = firstDataRow - 1;

  const dataSample = rows.slice(firstDataRow, Math.min(end.lastDataRow + 1, firstDataRow + 1000));
  const headers: string[] = [];
  const indices: number[] = [];
  for (let col = 0; col < width; col++) {
    const parts: string[] = [];
    for (let r = headerRow; r < headerRow + headerRows; r++) {
      const t = cellText(filled[r]?.[col]);
      if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
    }
    const text = parts.join(' / ');
    const hasData = dataSample.some((row) => !isEmptyCell(row[col]));
    if (text === '' && !hasData) continue;
    headers.push(text.replace(/\s+/g, ' '));
    indices.push(col);
  }
  const names = uniqueColumnNames(headers, indices);
  const columns: ColumnLayout[] = indices.map((index, k) => {
    const values = dataSample.map((row) => row[index] ?? null);
    const strings = values.filter((v): v is string => typeof v === 'string');
    const numberStyle = detectNumberStyle(strings);
    const type = columnType(values, headers[k] ?? '', numberStyle);
    const column: ColumnLayout = {
      index,
      header: headers[k] ?? '',
      name: names[k] ?? `kolom_${index + 1}`,
      type,
    };
    if (type === 'integer' || type === 'decimal' || type === 'percent' || type === 'currency')
      column.numberStyle = numberStyle;
    return column;
  });
  return { headerRow, headerRows, firstDataRow, lastDataRow, columns };
}

/** Read the sample a preview shows and detect the layout from it. */
export async function detectSheetLayout(
  reader: WorkbookReader,
  sheet: string,
  options: { sampleRows?: number; signal?: AbortSignal } = {},
): Promise<Result<{ layout: SheetLayout; rows: CellValue[][]; merges: MergedRange[] }>> {
  const rows: CellValue[][] = [];
  const read = await reader.readRows(sheet, (batch) => void rows.push(...batch), {
    maxRows: options.sampleRows ?? 200,
    batchSize: 1000,
    signal: options.signal,
  });
  if (!read.ok) return read;
  const merges = (await reader.merges(sheet)).filter((m) => m.top < rows.length);
  const info = reader.sheets.find((s) => s.name === sheet);
  const layout = detectLayout(rows, merges, { totalRows: info?.rowCount ?? null });
  return ok({ layout, rows, merges });
}

/** Rows held back at the end so totals/notes found at the end of a long sheet are not delivered. */
const HOLDBACK = 100;

/**
 * Stream the data rows of a sheet (from `firstDataRow` to `lastDataRow`) in batches, with the
 * footer check applied at the real end of the sheet: the last rows are held back until the end
 * is known, so a totals row or footnote under 1M rows is never delivered. Empty rows inside the
 * data are delivered (as `[]`) so row numbers stay true; skip them when writing.
 */
export async function readLayoutRows(
  reader: WorkbookReader,
  sheet: string,
  layout: SheetLayout,
  onRows: (rows: CellValue[][], firstRowIndex: number) => void | Promise<void>,
  options: ReadRowsOptions = {},
): Promise<Result<{ lastDataRow: number; rowCount: number }>> {
  let held: CellValue[][] = [];
  let heldFirst = layout.firstDataRow;
  let delivered = 0;
  const limit = layout.lastDataRow;
  const width = Math.max(1, layout.columns.filter((c) => c.header !== '').length);
  const result = await reader.readRows(
    sheet,
    async (batch, first) => {
      let start = Math.max(0, layout.firstDataRow - first);
      const stop = Math.min(batch.length, limit - first + 1);
      if (start >= stop) return;
      if (held.length === 0) heldFirst = first + start;
      // Append then release all but the last HOLDBACK rows.
      if (held.length === 0 && start === 0 && stop === batch.length) held = batch;
      else for (; start < stop; start++) held.push(batch[start] as CellValue[]);
      if (held.length > HOLDBACK * 2) {
        const release = held.length - HOLDBACK;
        const out = held.slice(0, release);
        held = held.slice(release);
        await onRows(out, heldFirst);
        delivered += out.length;
        heldFirst += release;
      }
    },
    { ...options, maxRows: limit + 1, batchSize: options.batchSize ?? DEFAULT_BATCH_ROWS },
  );
  if (!result.ok) return result;
  // The end of the sheet: drop totals/notes from the held-back tail.
  const end = findLastDataRow(held, heldFirst, heldFirst, width);
  let lastDataRow = end.lastDataRow;
  // Trailing empty rows are not data either.
  while (lastDataRow >= heldFirst && nonEmptyCount(held[lastDataRow - heldFirst]) === 0)
    lastDataRow--;
  const tail = held.slice(0, Math.max(0, lastDataRow - heldFirst + 1));
  if (tail.length > 0) await onRows(tail, heldFirst);
  delivered += tail.length;
  return ok({ lastDataRow: tail.length > 0 ? lastDataRow : heldFirst - 1, rowCount: delivered });
}
