import { ok } from '../../result';
import type { Result } from '../../result';
import { uniqueColumnNames } from './column-names';
import { DEFAULT_BATCH_ROWS } from '../types';
import type {
  CellValue,
  DataEnd,
  ColumnLayout,
  ColumnType,
  MergedRange,
  NumberStyle,
  ReadRowsOptions,
  SheetLayout,
  WorkbookReader,
} from '../types';
import { numberStyleOf, isBooleanWord, isValidNisCode, parseDateText, parseNumber } from './values';

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
 * A note spread over several cells (a sentence broken across columns, "Bron:" and a date): every
 * filled cell is text, and text sits where the table holds numbers, dates or booleans. Only
 * trusted at the end of the data (nothing data-like follows), so a data row with "n.v.t." in a
 * number column is never cut off.
 */
function isSpreadNote(row: readonly CellValue[], typed: ReadonlySet<number>): boolean {
  if (typed.size === 0) return false;
  let inTyped = 0;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isEmptyCell(cell)) continue;
    if (!isLabel(cell)) return false;
    if (typed.has(c)) inTyped++;
  }
  if (inTyped === 0) return false;
  const first = row.find((c) => !isEmptyCell(c));
  return NOTE_ROW.test(cellText(first)) || inTyped >= Math.min(2, typed.size);
}

/** A row that holds a typed value (number, date, boolean) in a typed column: data, not a note. */
function looksLikeData(row: readonly CellValue[], typed: ReadonlySet<number>): boolean {
  for (const c of typed) {
    const cell = row[c];
    if (!isEmptyCell(cell) && !isLabel(cell)) return true;
  }
  return false;
}

/** Why the data ends where it does. */
export type DataEndReason = 'sheet' | 'total' | 'notes';

/**
 * The last data row in `rows` (sheet rows `first`…), starting at `from`: data stops before a
 * totals row, or before a footnote after the data, or before notes spread over cells at the end
 * (`typed`: the columns holding numbers, dates or booleans). Returns `from - 1` when there is
 * none. `stopRow` is the 0-based sheet row where the totals/notes start.
 */
export function findLastDataRow(
  rows: readonly CellValue[][],
  first: number,
  from: number,
  width: number,
  typed: ReadonlySet<number> = new Set(),
): { lastDataRow: number; stopped: boolean; reason: DataEndReason; stopRow?: number } {
  let last = from - 1;
  let gap = false;
  let softStop = -1;
  for (let i = from; i < first + rows.length; i++) {
    const row = rows[i - first] ?? [];
    if (nonEmptyCount(row) === 0) {
      gap = last >= from;
      continue;
    }
    if (isTotalRow(row)) return { lastDataRow: last, stopped: true, reason: 'total', stopRow: i };
    if (isNoteRow(row, width, gap))
      return { lastDataRow: last, stopped: true, reason: 'notes', stopRow: i };
    if (softStop < 0 && last >= from && isSpreadNote(row, typed)) {
      softStop = i;
      continue;
    }
    if (softStop >= 0) {
      if (!looksLikeData(row, typed)) continue;
      softStop = -1; // data again: what looked like notes was data after all
    }
    last = i;
    gap = false;
  }
  if (softStop >= 0) {
    // The rows from softStop on were only notes; the data ended before them.
    let lastDataRow = softStop - 1;
    while (lastDataRow >= from && nonEmptyCount(rows[lastDataRow - first]) === 0) lastDataRow--;
    return { lastDataRow, stopped: true, reason: 'notes', stopRow: softStop };
  }
  return { lastDataRow: last, stopped: false, reason: 'sheet' };
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
/** Rows under a header candidate that are compared with it. */
const BELOW_ROWS = 12;

type Kind = 'empty' | 'text' | 'number' | 'date' | 'bool';

/** What a cell holds, coarsely: enough to tell a header from the data under it. */
function kindOf(c: CellValue | undefined): Kind {
  if (isEmptyCell(c)) return 'empty';
  if (typeof c === 'boolean') return 'bool';
  if (typeof c === 'number') return 'number';
  if (typeof c === 'object' && c !== null) return 'date';
  const t = String(c).trim();
  if (parseNumber(t.replace(/[€%]|\bEUR\b/gi, '').trim()) !== null) return 'number';
  if (parseDateText(t) !== null) return 'date';
  return 'text';
}

/** The most common non-empty kind of column `col` in `rows`, and its share of the filled cells. */
function dominantKind(rows: readonly CellValue[][], col: number): { kind: Kind; share: number } {
  const counts = new Map<Kind, number>();
  let filled = 0;
  for (const row of rows) {
    const k = kindOf(row[col]);
    if (k === 'empty') continue;
    filled++;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let kind: Kind = 'empty';
  let most = 0;
  for (const [k, n] of counts)
    if (n > most) {
      kind = k;
      most = n;
    }
  return { kind, share: filled === 0 ? 0 : most / filled };
}

/** The columns whose data is mostly numbers, dates or booleans (≥ 60% of the filled cells). */
function typedColumns(rows: readonly CellValue[][], width: number): Set<number> {
  const typed = new Set<number>();
  for (let c = 0; c < width; c++) {
    const { kind, share } = dominantKind(rows, c);
    if (kind !== 'empty' && kind !== 'text' && share >= 0.6) typed.add(c);
  }
  return typed;
}

/**
 * How well row `i` works as the header: the row that best explains the rows under it. Its
 * distinct labels, the columns under its labels that hold data, and those that hold typed data,
 * weighted by how well the row right under it fits the types of the rows further down (a title
 * sentence above the real header is followed by the header, whose labels do not fit the data).
 * Null when the row is no candidate (fewer than 2 cells, or fewer than 60% labels).
 */
function headerScore(rows: readonly CellValue[][], i: number): number | null {
  const row = rows[i] ?? [];
  const filled = nonEmptyCount(row);
  if (filled === 0) return null;
  const labels = row.filter(isLabel) as string[];
  if (labels.length < filled * 0.6) return null;
  const distinct = new Set(labels.map((l) => l.trim().toLowerCase())).size;
  const below: CellValue[][] = [];
  for (let j = i + 1; j < rows.length && below.length < BELOW_ROWS; j++)
    if (nonEmptyCount(rows[j]) > 0) below.push(rows[j] as CellValue[]);
  // One label heads a one-column table only.
  if (filled < 2 && below.some((r) => nonEmptyCount(r) > 1)) return null;
  if (below.length === 0) return distinct * 0.5;
  const rest = below.length > 1 ? below.slice(1) : below;
  const next = below[0] as CellValue[];
  const width = Math.max(row.length, ...below.map((r) => r.length));
  let matched = 0;
  let compared = 0;
  let typed = 0;
  let covered = 0;
  for (let c = 0; c < width; c++) {
    const dominant = dominantKind(rest, c);
    const k = kindOf(next[c]);
    if (k !== 'empty' && dominant.kind !== 'empty') {
      compared++;
      if (k === dominant.kind) matched++;
    }
    if (!isLabel(row[c])) continue;
    if (below.some((r) => !isEmptyCell(r[c]))) covered++;
    const all = dominantKind(below, c);
    if (all.kind !== 'text' && all.kind !== 'empty' && all.share >= 0.6) typed++;
  }
  // The row right under a header fills about as many columns as the header, with the types of
  // the rows further down; one cell under a five-cell title sentence does not.
  const fit = compared === 0 ? 0 : matched / Math.max(compared, Math.ceil(filled * 0.6));
  return (distinct + typed + covered * 0.5) * (0.25 + fit);
}

/** A row of units or remarks in brackets under the labels: `(VTE)`, `[EUR]`, `in %`. */
const UNIT_CELL = /^(\(.*\)|\[.*\]|in\s+\S+|€|eur|%|vte|fte|uren|uur|dagen|aantal|euro)$/i;

function isUnitRow(row: readonly CellValue[]): boolean {
  const filled = row.filter((c) => !isEmptyCell(c));
  return (
    filled.length >= 2 &&
    filled.every(isLabel) &&
    filled.filter((c) => UNIT_CELL.test(cellText(c))).length >= filled.length * 0.6
  );
}

/**
 * The header row: the best-scoring candidate among the first rows, or `null` when no row is a
 * header (the sheet starts with data: numbers from the first row on).
 */
function findHeaderRow(rows: readonly CellValue[][]): number | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let best: number | null = null;
  let bestScore = 0;
  for (let i = 0; i < limit; i++) {
    const score = headerScore(rows, i);
    if (score !== null && score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** Where a sheet without a header starts: its first row as wide as the data. */
function firstWideRow(rows: readonly CellValue[][]): number {
  const widths = new Map<number, number>();
  for (const row of rows.slice(0, 200)) {
    const n = nonEmptyCount(row);
    if (n >= 1) widths.set(n, (widths.get(n) ?? 0) + 1);
  }
  let width = 1;
  let times = 0;
  for (const [w, t] of widths)
    if (t > times || (t === times && w > width)) {
      width = w;
      times = t;
    }
  const needed = Math.max(1, Math.ceil(width * 0.6));
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
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
  /**
   * The sample holds every row of the sheet (the reader reached its end). When false the data
   * that runs to the end of the sample runs on to the end of the sheet, whatever `totalRows` says.
   */
  sampleComplete?: boolean;
};

/**
 * Detect header row(s), data range and column types from the first rows of a sheet. When the
 * data runs to the end of a sample that is shorter than the sheet, `toEnd` is set (read on to
 * the sheet's end), `lastDataRow` is the sheet's last row when known (`totalRows - 1`), and
 * `readLayoutRows` trims totals/notes at the real end.
 */
export function detectLayout(
  rows: CellValue[][],
  merges: MergedRange[],
  options: DetectLayoutOptions = {},
): SheetLayout {
  const filled = fillMerges(rows, merges);
  // Counting on the raw rows: a title merged across the table must not look like a header.
  const found = findHeaderRow(rows);
  let headerRow = found ?? firstWideRow(rows);
  let headerRows = found === null ? 0 : 1;
  const labelsIn = (row: readonly CellValue[] | undefined) => (row ?? []).filter(isLabel).length;
  const headerCount = nonEmptyCount(rows[headerRow]);
  const above = rows[headerRow - 1];
  if (headerRows === 1 && headerRow > 0 && above && isUnitRow(rows[headerRow] ?? [])) {
    // Units or remarks in brackets under the labels: the row above is the header's first row.
    const aboveLabels = labelsIn(above);
    if (aboveLabels >= headerCount * 0.6 && aboveLabels === nonEmptyCount(above)) {
      headerRow -= 1;
      headerRows = 2;
    }
  }
  if (
    headerRows === 1 &&
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
    // Group labels without merges stand apart (an empty cell between them); a title sentence
    // broken over cells does not.
    const apart = (above ?? []).every(
      (c, k, all) => isEmptyCell(c) || k === 0 || isEmptyCell(all[k - 1]),
    );
    const groupLabels = nonEmptyCount(above) >= 2 && nonEmptyCount(above) < headerCount && apart;
    if (!isTitle && (rowMerges.length > 0 || groupLabels)) {
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
    } else if (next && isUnitRow(next)) headerRows = 2;
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
    headerRows === 0 ? nonEmptyCount(rows[firstDataRow]) : nonEmptyCount(header),
    headerRows === 0 ? 0 : nonEmptyCount(rows[headerRow + headerRows - 1]),
  );
  // First the plain end (totals, footnotes), then the typed columns of the data above it, then
  // the end again with notes spread over cells recognised against those types.
  const plainEnd = findLastDataRow(rows, 0, firstDataRow, headerWidth);
  const typed = typedColumns(
    rows.slice(firstDataRow, Math.min(plainEnd.lastDataRow + 1, firstDataRow + 1000)),
    width,
  );
  const end = findLastDataRow(rows, 0, firstDataRow, headerWidth, typed);
  const sampleIsWhole =
    options.sampleComplete ??
    (options.totalRows === undefined ||
      options.totalRows === null ||
      rows.length >= options.totalRows);
  let lastDataRow = end.lastDataRow;
  const toEnd = !end.stopped && !sampleIsWhole;
  if (toEnd && options.totalRows !== undefined && options.totalRows !== null)
    lastDataRow = Math.max(lastDataRow, options.totalRows - 1);
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
    const style = numberStyleOf(strings);
    const type = columnType(values, headers[k] ?? '', style.style);
    const column: ColumnLayout = {
      index,
      header: headers[k] ?? '',
      name: names[k] ?? `kolom_${index + 1}`,
      type,
    };
    if (type === 'integer' || type === 'decimal' || type === 'percent' || type === 'currency') {
      column.numberStyle = style.style;
      if (style.guessed) column.numberStyleGuessed = true;
    }
    return column;
  });
  const layout: SheetLayout = { headerRow, headerRows, firstDataRow, lastDataRow, columns };
  if (toEnd) layout.toEnd = true;
  if (end.stopped && end.stopRow !== undefined && end.reason !== 'sheet')
    layout.end = { reason: end.reason, row: end.stopRow };
  return layout;
}

/** The first rows of a sheet, as a preview shows them and the layout is detected from. */
export type SheetSample = { rows: CellValue[][]; complete: boolean };

export async function readSheetSample(
  reader: WorkbookReader,
  sheet: string,
  options: { sampleRows?: number; signal?: AbortSignal } = {},
): Promise<Result<SheetSample>> {
  const rows: CellValue[][] = [];
  const sampleRows = options.sampleRows ?? 200;
  const read = await reader.readRows(sheet, (batch) => void rows.push(...batch), {
    maxRows: sampleRows,
    batchSize: 1000,
    signal: options.signal,
  });
  if (!read.ok) return read;
  // A full sample may or may not be the whole sheet: only a short one proves the end was seen.
  return ok({ rows, complete: rows.length < sampleRows });
}

/** The layout of a sample, with the merges that start in it. */
export function sampleLayout(
  reader: WorkbookReader,
  sheet: string,
  sample: SheetSample,
  allMerges: readonly MergedRange[],
  totalRows?: number | null,
): { layout: SheetLayout; merges: MergedRange[] } {
  const merges = allMerges.filter((m) => m.top < sample.rows.length);
  const info = reader.sheets.find((s) => s.name === sheet);
  const layout = detectLayout(sample.rows, merges, {
    totalRows: totalRows ?? info?.rowCount ?? null,
    sampleComplete: sample.complete,
  });
  return { layout, merges };
}

/** Read the sample a preview shows and detect the layout from it. */
export async function detectSheetLayout(
  reader: WorkbookReader,
  sheet: string,
  options: { sampleRows?: number; signal?: AbortSignal; totalRows?: number | null } = {},
): Promise<
  Result<{ layout: SheetLayout; rows: CellValue[][]; merges: MergedRange[]; complete: boolean }>
> {
  const sample = await readSheetSample(reader, sheet, options);
  if (!sample.ok) return sample;
  const found = sampleLayout(
    reader,
    sheet,
    sample.value,
    await reader.merges(sheet),
    options.totalRows,
  );
  return ok({ ...found, ...sample.value });
}

export type { DataEnd };

/** Rows held back at the end so totals/notes found at the end of a long sheet are not delivered. */
const HOLDBACK = 100;

const TYPED: ReadonlySet<string> = new Set([
  'integer',
  'decimal',
  'percent',
  'currency',
  'date',
  'boolean',
  'nis_code',
]);

/**
 * Stream the data rows of a sheet (from `firstDataRow` to `lastDataRow`, or to the sheet's end
 * when `toEnd`) in batches, with the footer check applied at the real end of the sheet: the last
 * rows are held back until the end is known, so a totals row or footnote under 1M rows is never
 * delivered. Empty rows inside the data are delivered (as `[]`) so row numbers stay true; skip
 * them when writing.
 */
export async function readLayoutRows(
  reader: WorkbookReader,
  sheet: string,
  layout: SheetLayout,
  onRows: (rows: CellValue[][], firstRowIndex: number) => void | Promise<void>,
  options: ReadRowsOptions = {},
): Promise<Result<{ lastDataRow: number; rowCount: number; end: DataEnd }>> {
  let held: CellValue[][] = [];
  let heldFirst = layout.firstDataRow;
  let delivered = 0;
  let beyond = false;
  const limit = layout.toEnd ? Infinity : layout.lastDataRow;
  const labelled = layout.columns.filter((c) => c.header !== '').length;
  const width = Math.max(1, labelled > 0 ? labelled : layout.columns.length);
  const typed = new Set(layout.columns.filter((c) => TYPED.has(c.type)).map((c) => c.index));
  const result = await reader.readRows(
    sheet,
    async (batch, first) => {
      let start = Math.max(0, layout.firstDataRow - first);
      const stop = Math.min(batch.length, limit - first + 1);
      if (stop < batch.length) beyond = true;
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
    {
      ...options,
      // One row past the range tells whether the sheet goes on after it.
      maxRows: limit === Infinity ? undefined : limit + 2,
      batchSize: options.batchSize ?? DEFAULT_BATCH_ROWS,
    },
  );
  if (!result.ok) return result;
  // The end of the sheet: drop totals/notes from the held-back tail (unless the user chose it).
  const found = layout.userEnd
    ? { lastDataRow: heldFirst + held.length - 1, stopped: false, reason: 'sheet' as const }
    : findLastDataRow(held, heldFirst, heldFirst, width, typed);
  let lastDataRow = found.lastDataRow;
  // Trailing empty rows are not data either.
  while (lastDataRow >= heldFirst && nonEmptyCount(held[lastDataRow - heldFirst]) === 0)
    lastDataRow--;
  const tail = held.slice(0, Math.max(0, lastDataRow - heldFirst + 1));
  if (tail.length > 0) await onRows(tail, heldFirst);
  delivered += tail.length;
  const end: DataEnd =
    found.stopped && found.stopRow !== undefined && found.reason !== 'sheet'
      ? { reason: found.reason, row: found.stopRow }
      : beyond && layout.end
        ? layout.end
        : beyond
          ? { reason: 'range', row: layout.lastDataRow }
          : { reason: 'sheet' };
  return ok({
    lastDataRow: tail.length > 0 ? lastDataRow : heldFirst - 1,
    rowCount: delivered,
    end,
  });
}

/** "tot de laatste rij van het blad", "gestopt bij totaalrij 1.204": how the data's end was found. */
export function describeEnd(end: DataEnd): string {
  const row = (n: number) => (n + 1).toLocaleString('nl-BE');
  switch (end.reason) {
    case 'sheet':
      return 'tot de laatste rij van het blad';
    case 'total':
      return `gestopt bij totaalrij ${row(end.row)}`;
    case 'notes':
      return `gestopt bij notities vanaf rij ${row(end.row)}`;
    case 'range':
      return `gestopt bij de gekozen laatste rij ${row(end.row)}; het blad gaat verder`;
  }
}
