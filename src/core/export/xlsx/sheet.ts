import { MAX_CELL_TEXT, MAX_SHEET_ROWS, truncatedText } from './cells';
import type { CellInput, CellObject, CellValue, TruncationNote } from './cells';
import { styleIndex, type StyleName } from './styles';
import { cellRef, columnLetter, excelSerial, xmlText } from './xml';

export type SheetColumn = {
  /** Width in characters (Excel's unit). */
  width?: number;
  /** Style for this column's plain values (a cell's own `s` wins). */
  style?: StyleName;
  hidden?: boolean;
};

export type SheetOptions = {
  columns?: readonly SheetColumn[];
  /** Rows and columns kept in view while scrolling (e.g. header row and first column). */
  freeze?: { rows: number; columns?: number };
  /** An autofilter on this header row (1-based) over all columns, down to the last row. */
  autoFilterRow?: number;
  /** Outline rows: the summary row is above its detail rows (a unit above its positions). */
  outline?: { summaryAbove: boolean; levels: number };
  print?: {
    landscape?: boolean;
    fitToWidth?: boolean;
    /** Rows repeated at the top of every printed page, 1-based inclusive. */
    repeatRows?: [number, number];
    footer?: string;
  };
  tabColor?: string;
};

export type RowOptions = { style?: StyleName; outlineLevel?: number; height?: number };

/** What the workbook needs to know about a finished sheet. */
export type SheetSummary = {
  name: string;
  rows: number;
  columns: number;
  autoFilter?: string;
  printTitles?: string;
};

/** Footer "Pagina x van y" in Excel's header/footer codes. */
export const PAGE_FOOTER = '&CPagina &P van &N';

/** ` s="N"` for each style index, built once (0, the default, has none). */
const styleAttributes: string[] = [];
const styleAttribute = (s: number | null): string =>
  s ? (styleAttributes[s] ??= ` s="${s}"`) : '';

/**
 * Writes one worksheet's XML as text pieces to `emit`, row by row. The parts before the rows
 * (views, columns) come from the options, the parts after (autofilter, print setup, drawing)
 * are written by `end()` in the schema's element order.
 */
export class SheetXmlWriter {
  private rowNumber = 0;
  private maxColumn = 0;
  private maxOutline = 0;
  private buffer = '';
  readonly notes: TruncationNote[] = [];
  private readonly columnStyle: (number | null)[];

  constructor(
    readonly name: string,
    private readonly options: SheetOptions,
    private readonly emit: (text: string) => void,
  ) {
    this.columnStyle = (options.columns ?? []).map((column) =>
      column.style ? styleIndex(column.style) : null,
    );
    this.buffer = this.head();
  }

  /** Rows written so far (the next row is rowCount + 1). */
  get rowCount(): number {
    return this.rowNumber;
  }

  /** Text waiting to be emitted. */
  get buffered(): number {
    return this.buffer.length;
  }

  row(cells: readonly CellInput[], options: RowOptions = {}): number {
    if (this.rowNumber >= MAX_SHEET_ROWS) {
      throw new Error(`Blad ${this.name} is vol (${MAX_SHEET_ROWS} rijen)`);
    }
    const r = ++this.rowNumber;
    let xml = `<row r="${r}"`;
    if (options.outlineLevel) {
      xml += ` outlineLevel="${options.outlineLevel}"`;
      if (options.outlineLevel > this.maxOutline) this.maxOutline = options.outlineLevel;
    }
    if (options.height) xml += ` ht="${options.height}" customHeight="1"`;
    xml += '>';
    const rowStyle = options.style ? styleIndex(options.style) : null;
    for (let c = 0; c < cells.length; c++) {
      const input = cells[c];
      if (input === null || input === undefined) continue;
      xml += this.cell(input, c, r, rowStyle);
    }
    if (cells.length > this.maxColumn) this.maxColumn = cells.length;
    this.buffer += `${xml}</row>`;
    if (this.buffer.length > 1 << 16) this.flush();
    return r;
  }

  /** Empty row (spacing in reports). */
  blank(): number {
    return this.row([]);
  }

  private cell(input: CellInput, c: number, r: number, rowStyle: number | null): string {
    const object =
      typeof input === 'object' && input !== null && !(input instanceof Date)
        ? (input as CellObject)
        : null;
    let value: CellValue = object ? object.v : (input as CellValue);
    let s = object?.s ? styleIndex(object.s) : (rowStyle ?? this.columnStyle[c] ?? null);
    if (value instanceof Date) {
      if (s === null) s = styleIndex('date');
      value = excelSerial(value);
    }
    const ref = columnLetter(c) + r;
    const style = styleAttribute(s);
    if (object?.f !== undefined) {
      const formula = `<f>${xmlText(object.f)}</f>`;
      if (typeof value === 'number' && Number.isFinite(value)) {
        return `<c r="${ref}"${style}>${formula}<v>${value}</v></c>`;
      }
      if (typeof value === 'string') {
        return `<c r="${ref}"${style} t="str">${formula}<v>${xmlText(value)}</v></c>`;
      }
      return `<c r="${ref}"${style}>${formula}</c>`;
    }
    if (typeof value === 'number') {
      return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
    }
    if (typeof value === 'boolean') {
      return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
    }
    if (typeof value !== 'string') return style ? `<c r="${ref}"${style}/>` : '';
    let text = value;
    if (text.length > MAX_CELL_TEXT) {
      this.notes.push({ sheet: this.name, cell: ref, length: text.length });
      text = truncatedText(text);
    }
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    const space =
      first <= 32 ||
      last <= 32 ||
      (first > 127 && /^\s/.test(text)) ||
      (last > 127 && /\s$/.test(text)) ||
      text.includes('\n')
        ? ' xml:space="preserve"'
        : '';
    return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
  }

  /** Emits the buffered text. */
  flush(): void {
    if (this.buffer === '') return;
    this.emit(this.buffer);
    this.buffer = '';
  }

  /** Closes the sheet; `drawingRelId` adds the `<drawing>` that places its charts. */
  end(drawingRelId?: string): SheetSummary {
    const { options } = this;
    const lastRow = Math.max(this.rowNumber, 1);
    const lastColumn = Math.max(this.maxColumn, options.columns?.length ?? 0, 1) - 1;
    let tail = '</sheetData>';
    let autoFilter: string | undefined;
    if (options.autoFilterRow && this.rowNumber >= options.autoFilterRow) {
      autoFilter = `$A$${options.autoFilterRow}:$${columnLetter(lastColumn)}$${lastRow}`;
      tail += `<autoFilter ref="${autoFilter.replace(/\$/g, '')}"/>`;
    }
    const print = options.print;
    tail +=
      '<printOptions horizontalCentered="0"/>' +
      '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
    if (print) {
      tail += `<pageSetup paperSize="9" orientation="${print.landscape ? 'landscape' : 'portrait'}"${
        print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''
      }/>`;
      if (print.footer)
        tail += `<headerFooter><oddFooter>${xmlText(print.footer)}</oddFooter></headerFooter>`;
    }
    if (drawingRelId) tail += `<drawing r:id="${drawingRelId}"/>`;
    tail += '</worksheet>';
    this.buffer += tail;
    this.flush();
    return {
      name: this.name,
      rows: this.rowNumber,
      columns: lastColumn + 1,
      autoFilter,
      printTitles: print?.repeatRows
        ? `$${print.repeatRows[0]}:$${print.repeatRows[1]}`
        : undefined,
    };
  }

  /** Highest outline level used (known only at the end; Excel reads it from the rows too). */
  get outlineLevels(): number {
    return this.maxOutline;
  }

  private head(): string {
    const { options } = this;
    const sheetPr: string[] = [];
    if (options.tabColor) sheetPr.push(`<tabColor rgb="FF${options.tabColor.replace('#', '')}"/>`);
    if (options.outline) {
      sheetPr.push(
        `<outlinePr summaryBelow="${options.outline.summaryAbove ? 0 : 1}" summaryRight="1"/>`,
      );
    }
    if (options.print?.fitToWidth) sheetPr.push('<pageSetUpPr fitToPage="1"/>');
    let xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    if (sheetPr.length > 0) xml += `<sheetPr>${sheetPr.join('')}</sheetPr>`;
    xml += '<sheetViews><sheetView workbookViewId="0"';
    const freeze = options.freeze;
    if (freeze && (freeze.rows > 0 || (freeze.columns ?? 0) > 0)) {
      const rows = freeze.rows;
      const cols = freeze.columns ?? 0;
      const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
      const topLeft = cellRef(cols, rows + 1);
      xml +=
        `><pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}` +
        ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`;
    } else xml += '/>';
    xml += `</sheetViews><sheetFormatPr defaultRowHeight="15"${
      options.outline ? ` outlineLevelRow="${options.outline.levels}"` : ''
    }/>`;
    const columns = options.columns ?? [];
    if (columns.some((column) => column.width !== undefined || column.hidden)) {
      xml += '<cols>';
      columns.forEach((column, index) => {
        const width = column.width ?? 10;
        xml += `<col min="${index + 1}" max="${index + 1}" width="${width.toFixed(2)}" customWidth="1"${
          column.hidden ? ' hidden="1"' : ''
        }/>`;
      });
      xml += '</cols>';
    }
    return `${xml}<sheetData>`;
  }
}
