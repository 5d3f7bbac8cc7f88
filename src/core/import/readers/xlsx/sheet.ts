import { cellTooLong, columnLetters, LIMITS, readError, rowTooLarge } from '../limits';
import type { CellValue, MergedRange } from '../../types';
import { excelSerialToIso } from '../values';
import type { SharedStrings } from './parts';
import { decodeXmlText, stringItemText } from './xml';

/**
 * Streaming scanner over a worksheet's XML text. Decoded text arrives in chunks; complete
 * `<row>` elements are turned into arrays of cells, an incomplete tail waits for the next
 * chunk. Only the elements the import needs are read, with indexOf: `<dimension>`, `<row>`,
 * `<c r t s>`, `<v>`, `<is><t>` and, after the data, `<mergeCell>`.
 */

export type SheetContext = {
  sharedStrings: SharedStrings;
  dateStyles: readonly boolean[];
  date1904: boolean;
};

/** 'A' → 0, 'AB' → 27; stops at the first digit. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** `B3` → {row: 2, col: 1}. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { col: columnIndex(m[1] as string), row: Number(m[2]) - 1 };
}

export function parseRangeRef(ref: string): MergedRange | null {
  const [a, b] = ref.split(':');
  const start = a ? parseCellRef(a) : null;
  const end = b ? parseCellRef(b) : start;
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

const T_NUMBER = 0;
const T_SHARED = 1;
const T_INLINE = 2;
const T_BOOL = 3;
const T_DATE = 4;
const T_TEXT = 5;

/** The `t` attribute value → a small code (s, inlineStr, b, d; str/e read as text). */
function typeCode(s: string, from: number, to: number): number {
  const first = s.charCodeAt(from);
  const length = to - from;
  if (first === 115 /* s */) return length === 1 ? T_SHARED : T_TEXT;
  if (first === 110 /* n */) return T_NUMBER;
  if (first === 105 /* i */) return T_INLINE;
  if (first === 98 /* b */) return T_BOOL;
  if (first === 100 /* d */) return T_DATE;
  return T_TEXT;
}

function columnIndexAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  return n - 1;
}

function intAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `+s.slice(from, to)` without the slice, for the plain decimals cells hold (`-12`, `0.125`,
 * `1234.5`): at most 15 digits, an optional `-` and `.`. NaN for anything else (exponents,
 * `+`, spaces, longer numbers), which the caller then converts the usual way. Exact: the digits
 * as an integer below 2^53 divided by an exact power of ten is the correctly rounded double,
 * the same as JavaScript's own conversion (Clinger's fast path).
 */
export function plainNumberAt(s: string, from: number, to: number): number {
  let i = from;
  const negative = s.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 /* . */ && fraction < 0) fraction = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const scale = fraction < 0 ? 0 : to - fraction - 1;
  const n = scale === 0 ? m : m / (POW10[scale] as number);
  return negative ? -n : n;
}

/** `s.startsWith(tag, at)` for the short tags of cell markup, without the builtin's call. */
function isAt(s: string, at: number, tag: string): boolean {
  for (let k = 0; k < tag.length; k++) if (s.charCodeAt(at + k) !== tag.charCodeAt(k)) return false;
  return true;
}

/**
 * The row number of a `<row … r="123" …>` tag between `from` and `to` (the `>`), read in place:
 * 0 when there is no ` r=` with a quoted run of 1–9 digits (the caller then reads it as text).
 */
function rowNumberIn(s: string, from: number, to: number): number {
  for (let i = from; i + 3 < to; i++) {
    if (s.charCodeAt(i) !== 114 /* r */ || s.charCodeAt(i + 1) !== 61 /* = */) continue;
    const before = s.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const quote = s.charCodeAt(i + 2);
    if (quote !== 34 && quote !== 39) return 0;
    let n = 0;
    let j = i + 3;
    for (; j < to && j - i - 3 < 10; j++) {
      const c = s.charCodeAt(j);
      if (c === quote) break;
      if (c < 48 || c > 57) return 0;
      n = n * 10 + (c - 48);
    }
    return j > i + 3 && j - i - 3 <= 9 && s.charCodeAt(j) === quote ? n : 0;
  }
  return 0;
}

/** Value of a quoted attribute in `s` between `from` and `to` (`name` includes ` ` and `=`). */
function attrIn(s: string, from: number, to: number, name: string): string | undefined {
  let i = s.indexOf(name, from);
  if (i < 0 || i >= to) return undefined;
  i += name.length;
  const q = s.charCodeAt(i);
  if (q !== 34 && q !== 39) return undefined;
  const end = s.indexOf(q === 34 ? '"' : "'", i + 1);
  return end < 0 || end > to ? undefined : s.slice(i + 1, end);
}

/** Excel's last row: a sheet claiming more is not a workbook Excel could have written. */
const EXCEL_ROWS = 1_048_576;

function tooManyRows() {
  return readError(
    'import.too_many_rows',
    `Het werkblad heeft meer dan ${EXCEL_ROWS.toLocaleString('nl-BE')} rijen, meer dan Excel toelaat: het bestand is beschadigd of gemaakt om het geheugen op te vullen. Er is niets geïmporteerd. Sla grote tabellen op als .csv en importeer dat bestand.`,
  );
}

/** The worksheet's XML is broken: said with the row where it shows. */
function damaged(what: string, row?: number) {
  return readError(
    'import.corrupt_sheet',
    `Het werkblad is beschadigd: ${what}. Er is niets geïmporteerd. Open het bestand in Excel of LibreOffice, sla het opnieuw op als .xlsx en importeer dat bestand.`,
    row !== undefined ? { row } : undefined,
  );
}

/** What a scan of a sheet reads: see SheetScanner's constructor. */
export type ScanMode = 'rows' | 'merges' | 'count';

export class SheetScanner {
  /** Rows up to here are complete; `rows[k]` is sheet row `firstRow + k`. */
  rows: CellValue[][] = [];
  firstRow = 0;
  /** Next row index to emit (rows missing from the XML are emitted empty). */
  private nextRow = 0;
  private buffer = '';
  private prefix: string | undefined;
  private inData = false;
  private dataDone = false;
  dimensionRows: number | null | undefined;
  readonly merges: MergedRange[] = [];
  private tagRow = '';
  private tagRowEnd = '';
  private tagC = '';
  private tagCEnd = '';
  private tagV = '';
  private tagVEnd = '';
  private tagIs = '';
  private tagIsEnd = '';
  private tagSheetDataEnd = '';

  /**
   * 'merges' skips the rows: only the `<mergeCell>` elements after the data are read. 'count'
   * reads the rows without their cells (each delivered empty): a count of a sheet that has no
   * `<dimension>` without the cost of its cells.
   */
  constructor(
    private readonly ctx: SheetContext,
    private readonly mode: ScanMode = 'rows',
  ) {}

  /** Take the rows scanned so far (and start a new batch). */
  take(): { rows: CellValue[][]; firstRow: number } {
    const out = { rows: this.rows, firstRow: this.firstRow };
    this.firstRow += this.rows.length;
    this.rows = [];
    return out;
  }

  get finishedData(): boolean {
    return this.dataDone;
  }

  /**
   * Skipping the cells for the merges: the end tag of the data (`</x:sheetData>`), which the
   * reader may then look for in the bytes, and the text kept back in case it is cut. Taking it
   * empties that text; pushing text that starts at the end tag carries on as if never taken.
   */
  takeSkipTail(): { endTag: string; tail: string } | undefined {
    if (!this.inData || this.mode !== 'merges') return undefined;
    const tail = this.buffer;
    this.buffer = '';
    return { endTag: this.tagSheetDataEnd, tail };
  }

  push(text: string, final: boolean): void {
    // join, not +: `+` makes a ConsString, and every charCodeAt on it then goes through the
    // indirection; join copies into one flat string (the copy `+` would make at the first
    // indexOf anyway).
    this.buffer = this.buffer.length > 0 ? [this.buffer, text].join('') : text;
    if (this.prefix === undefined && !this.detectPrefix(final)) return;
    if (!this.inData && !this.dataDone) this.findData(final);
    if (this.inData && this.mode === 'merges') this.skipRows(final);
    else if (this.inData) this.scanRows(final);
    if (this.dataDone) this.scanTail(final);
  }

  private detectPrefix(final: boolean): boolean {
    const m = /<([\w.-]+:)?worksheet[\s>]/.exec(this.buffer);
    if (!m) {
      if (final) throw damaged('het onderdeel bevat geen werkblad (geen <worksheet>)');
      if (this.buffer.length > 1 << 20) this.buffer = this.buffer.slice(-1024);
      return false;
    }
    const p = m[1] ?? '';
    this.prefix = p;
    this.tagRow = `<${p}row`;
    this.tagRowEnd = `</${p}row>`;
    this.tagC = `<${p}c`;
    this.tagCEnd = `</${p}c>`;
    this.tagV = `<${p}v>`;
    this.tagVEnd = `</${p}v>`;
    this.tagIs = `<${p}is>`;
    this.tagIsEnd = `</${p}is>`;
    this.tagSheetDataEnd = `</${p}sheetData>`;
    return true;
  }

  private findData(final: boolean): void {
    const p = this.prefix ?? '';
    const buf = this.buffer;
    if (this.dimensionRows === undefined) {
      const d = buf.indexOf(`<${p}dimension`);
      if (d >= 0) {
        const end = buf.indexOf('>', d);
        if (end >= 0) {
          const ref = attrIn(buf, d, end, ' ref=');
          const range = ref ? parseRangeRef(ref) : null;
          this.dimensionRows = range ? range.bottom + 1 : null;
        }
      }
    }
    const s = buf.indexOf(`<${p}sheetData`);
    if (s < 0) {
      if (final) throw damaged('het werkblad heeft geen <sheetData> met de cellen');
      return;
    }
    const gt = buf.indexOf('>', s);
    if (gt < 0) return;
    if (this.dimensionRows === undefined) this.dimensionRows = null;
    if (buf.charCodeAt(gt - 1) === 47) {
      this.dataDone = true; // <sheetData/>
      this.buffer = buf.slice(gt + 1);
      return;
    }
    this.inData = true;
    this.buffer = buf.slice(gt + 1);
  }

  private skipRows(final: boolean): void {
    const end = this.buffer.indexOf(this.tagSheetDataEnd);
    if (end >= 0) {
      this.inData = false;
      this.dataDone = true;
      this.buffer = this.buffer.slice(end + this.tagSheetDataEnd.length);
    } else if (final) {
      this.inData = false;
      this.dataDone = true;
      this.buffer = '';
    } else this.buffer = this.buffer.slice(-this.tagSheetDataEnd.length);
  }

  private scanRows(final: boolean): void {
    const s = this.buffer;
    const tagRow = this.tagRow;
    let pos = 0;
    const dataEnd = s.indexOf(this.tagSheetDataEnd);
    for (;;) {
      const r = s.indexOf(tagRow, pos);
      if (dataEnd >= 0 && (r < 0 || dataEnd < r)) {
        this.inData = false;
        this.dataDone = true;
        this.buffer = s.slice(dataEnd + this.tagSheetDataEnd.length);
        return;
      }
      if (r < 0) break;
      const gt = s.indexOf('>', r);
      if (gt < 0) break;
      let rowEnd: number;
      let bodyEnd: number;
      if (s.charCodeAt(gt - 1) === 47) {
        bodyEnd = gt;
        rowEnd = gt + 1;
      } else {
        bodyEnd = s.indexOf(this.tagRowEnd, gt);
        if (bodyEnd < 0) break;
        rowEnd = bodyEnd + this.tagRowEnd.length;
      }
      let rowIndex = rowNumberIn(s, r + tagRow.length, gt) - 1;
      if (rowIndex < 0) {
        // No plain `r="123"` (absent, or odd): read the attribute as text.
        const rAttr = attrIn(s.slice(r, gt + 1), 0, gt + 1 - r, ' r=');
        rowIndex = rAttr !== undefined ? Number(rAttr) - 1 : this.nextRow;
      }
      if (!(rowIndex < EXCEL_ROWS)) throw tooManyRows();
      while (this.nextRow < rowIndex) {
        this.rows.push([]);
        this.nextRow++;
      }
      const cells =
        bodyEnd > gt + 1 && this.mode !== 'count'
          ? this.scanCells(s, gt + 1, bodyEnd, rowIndex)
          : [];
      if (rowIndex >= this.nextRow) {
        this.rows.push(cells);
        this.nextRow = rowIndex + 1;
      }
      pos = rowEnd;
    }
    this.buffer = pos > 0 ? s.slice(pos) : s;
    // What is left is one unfinished row: one this large is no table row (a zip bomb's one cell).
    if (this.buffer.length > LIMITS.rowXmlChars) throw rowTooLarge(this.nextRow + 1);
    if (final) {
      // The part ended inside the data: cut off, or a row whose XML never closes.
      const open = this.buffer.indexOf(tagRow);
      throw damaged(
        open >= 0
          ? `rij ${this.nextRow + 1} is onvolledig (de XML van de rij wordt niet afgesloten)`
          : `het werkblad is afgebroken na rij ${this.nextRow} (</sheetData> ontbreekt)`,
        this.nextRow + 1,
      );
    }
  }

  private scanCells(s: string, from: number, to: number, rowIndex: number): CellValue[] {
    const row: CellValue[] = [];
    const tagC = this.tagC;
    const tagV = this.tagV;
    const { sharedStrings, dateStyles } = this.ctx;
    let pos = from;
    let nextCol = 0;
    for (;;) {
      // The next cell usually starts where the last one ended.
      const c = isAt(s, pos, tagC) ? pos : s.indexOf(tagC, pos);
      if (c < 0 || c >= to) break;
      let i = c + tagC.length;
      let ch = s.charCodeAt(i);
      if (ch !== 32 && ch !== 62 && ch !== 47) {
        pos = i;
        continue;
      }
      // Attributes by hand: r (column), t (type), s (style). indexOf on the whole buffer would
      // run past the tag whenever an attribute is absent.
      let col = nextCol;
      let type = T_NUMBER;
      let style = -1;
      for (;;) {
        while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = s.charCodeAt(++i);
        if (ch === 62 /* > */ || ch === 47 /* / */ || i >= to) break;
        const nameStart = i;
        while (ch !== 61 /* = */ && ch !== 32 && i < to) ch = s.charCodeAt(++i);
        const nameLength = i - nameStart;
        while (ch !== 34 && ch !== 39 && i < to) ch = s.charCodeAt(++i);
        const valueStart = i + 1;
        // Attribute values are a few characters: a loop beats an indexOf call.
        const quote = ch;
        let valueEnd = valueStart;
        while (valueEnd < to && s.charCodeAt(valueEnd) !== quote) valueEnd++;
        if (valueEnd >= to) break;
        if (nameLength === 1) {
          const name = s.charCodeAt(nameStart);
          if (name === 114 /* r */) col = columnIndexAt(s, valueStart, valueEnd);
          else if (name === 116 /* t */) type = typeCode(s, valueStart, valueEnd);
          else if (name === 115 /* s */) style = intAt(s, valueStart, valueEnd);
        }
        i = valueEnd + 1;
        ch = s.charCodeAt(i);
      }
      nextCol = col + 1;
      if (ch === 47) {
        pos = i + 2; // <c r="A1" s="3"/>: formatting only
        continue;
      }
      const gt = i;
      let value: CellValue = null;
      let vStart = -1;
      let cellEnd = -1;
      if (isAt(s, gt + 1, tagV)) vStart = gt + 1 + tagV.length;
      else {
        cellEnd = s.indexOf(this.tagCEnd, gt);
        if (type === T_INLINE) {
          const is = s.indexOf(this.tagIs, gt);
          if (is >= 0 && is < cellEnd) {
            const isEnd = s.indexOf(this.tagIsEnd, is);
            value = stringItemText(s.slice(is + this.tagIs.length, isEnd), this.prefix ?? '');
            if (value.length > LIMITS.cellChars)
              throw cellTooLong(`${columnLetters(col)}${rowIndex + 1}`, rowIndex + 1, value.length);
          }
        } else {
          const v = s.indexOf(tagV, gt);
          if (v >= 0 && v < cellEnd) vStart = v + tagV.length;
        }
      }
      if (vStart >= 0) {
        const vEnd = s.indexOf('<', vStart);
        if (vEnd < 0 || vEnd > to)
          throw damaged(`cel ${columnLetters(col)}${rowIndex + 1} is onvolledig`, rowIndex + 1);
        if (vEnd - vStart > LIMITS.cellChars)
          throw cellTooLong(`${columnLetters(col)}${rowIndex + 1}`, rowIndex + 1, vEnd - vStart);
        // Numbers and shared-string indexes, most of a sheet, are read without a slice.
        const fast = type <= T_SHARED ? plainNumberAt(s, vStart, vEnd) : NaN;
        const raw = fast === fast ? '' : s.slice(vStart, vEnd);
        switch (type) {
          case T_NUMBER: {
            const n = fast === fast ? fast : +raw;
            if (n !== n || (fast !== fast && raw === '')) value = raw;
            else if (style >= 0 && dateStyles[style] === true)
              value = { date: this.serialToIso(n) };
            else value = n;
            break;
          }
          case T_SHARED: {
            const text = sharedStrings.get(fast === fast ? fast : +raw);
            if (text === undefined)
              throw readError(
                'import.bad_shared_string',
                `Cel ${columnLetters(col)}${rowIndex + 1} verwijst naar tekst nummer ${s.slice(vStart, vEnd)} uit de gedeelde tekstenlijst, maar die lijst heeft er maar ${sharedStrings.length}: het bestand is beschadigd. Er is niets geïmporteerd. Open het in Excel of LibreOffice, sla het opnieuw op als .xlsx en importeer dat bestand.`,
                { row: rowIndex + 1, column: columnLetters(col), value: s.slice(vStart, vEnd) },
              );
            value = text;
            break;
          }
          case T_BOOL:
            value = raw === '1' || raw === 'true';
            break;
          case T_DATE:
            value = {
              date:
                raw.length > 10 && !raw.includes('T00:00:00') ? raw.slice(0, 19) : raw.slice(0, 10),
            };
            break;
          default:
            value = decodeXmlText(raw); // 'str' (formula text) and 'e' (#DIV/0!, #N/B…)
        }
        pos = cellEnd >= 0 ? cellEnd + this.tagCEnd.length : vEnd;
      } else pos = cellEnd >= 0 ? cellEnd + this.tagCEnd.length : gt + 1;
      if (value !== null && value !== '') {
        while (row.length < col) row.push(null);
        row[col] = value;
      }
    }
    return row;
  }

  /** Serial → ISO date, cached: a date column repeats a few thousand distinct days. */
  private serialToIso(n: number): string {
    let iso = this.dateCache.get(n);
    if (iso === undefined) {
      iso = excelSerialToIso(n, this.ctx.date1904);
      if (this.dateCache.size < 100_000) this.dateCache.set(n, iso);
    }
    return iso;
  }

  private readonly dateCache = new Map<number, string>();

  private scanTail(final: boolean): void {
    const p = this.prefix ?? '';
    const s = this.buffer;
    const tag = `<${p}mergeCell`;
    let pos = 0;
    for (;;) {
      const i = s.indexOf(tag, pos);
      if (i < 0) break;
      const gt = s.indexOf('>', i);
      if (gt < 0) break;
      const after = s.charCodeAt(i + tag.length);
      if (after === 32) {
        const ref = attrIn(s, i, gt, ' ref=');
        const range = ref ? parseRangeRef(ref) : null;
        if (range) this.merges.push(range);
      }
      pos = gt + 1;
    }
    // Keep a short tail in case a tag is cut by the chunk boundary.
    this.buffer = final ? '' : s.slice(Math.max(pos, s.length - 256));
  }
}
