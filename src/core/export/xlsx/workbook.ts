import { chartXml, drawingXml, type ChartSpec } from './charts';
import type { TruncationNote } from './cells';
import type { Compression } from './compression';
import {
  appXml,
  contentTypesXml,
  coreXml,
  drawingRelsXml,
  rootRelsXml,
  sheetRelsXml,
  workbookRelsXml,
  workbookXml,
  type SheetPart,
  type WorkbookProperties,
} from './package-parts';
import { SheetXmlWriter, type SheetOptions, type SheetSummary } from './sheet';
import { validSheetName } from './sheet-names';
import { stylesXml } from './styles';
import { ZipStream, type ByteSink } from './zip-stream';

export type { ByteSink } from './zip-stream';

/** Compressed bytes queued before `maybeDrain()` waits for the sink. */
const DRAIN_AT = 1 << 20;

export type WorkbookResult = {
  sheets: SheetSummary[];
  notes: TruncationNote[];
  bytes: number;
};

/** A sheet being written; rows go straight into the zip stream. */
export type SheetHandle = SheetXmlWriter & { charts: ChartSpec[] };

/**
 * A streaming .xlsx writer on fflate, for the worker and Node alike: one sheet at a time, row
 * by row, deflated as it goes and handed to a sink in chunks. Only the current chunk and the
 * list of sheet names are held. Styles are a fixed table (styles.ts), strings are inline (no
 * shared-string table growing with the data).
 */
export class XlsxWriter {
  private readonly zip: ZipStream;
  private readonly parts: SheetPart[] = [];
  private current: { writer: SheetHandle; index: number } | null = null;
  private readonly notes: TruncationNote[] = [];
  private chartCount = 0;
  private drawingCount = 0;

  constructor(
    sink: ByteSink,
    private readonly properties: WorkbookProperties = {},
    /** A native deflate the host injects (see compression.ts); fflate when absent. */
    compression?: Compression,
  ) {
    this.zip = new ZipStream(sink, compression);
  }

  /** The sheet names taken so far. */
  get sheetNames(): string[] {
    return [
      ...this.parts.map((part) => part.name),
      ...(this.current ? [this.current.writer.name] : []),
    ];
  }

  /** A valid, unused sheet name for `wanted` (31 characters, no forbidden characters). */
  nameFor(wanted: string): string {
    return validSheetName(wanted, this.sheetNames);
  }

  /** Closes the sheet in progress (if any) and starts the next one. */
  addSheet(wanted: string, options: SheetOptions = {}): SheetHandle {
    this.closeSheet();
    const name = this.nameFor(wanted);
    const index = this.parts.length + 1;
    this.zip.open(`xl/worksheets/sheet${index}.xml`);
    const writer = new SheetXmlWriter(name, options, (text) => this.zip.push(text)) as SheetHandle;
    writer.charts = [];
    this.current = { writer, index };
    return writer;
  }

  /** Waits for the sink when enough compressed bytes are queued (call every few hundred rows). */
  async maybeDrain(): Promise<void> {
    if (this.current && this.current.writer.buffered > 1 << 16) this.current.writer.flush();
    if (this.zip.pending >= DRAIN_AT) await this.zip.drain();
  }

  /** Compressed bytes produced so far. */
  get bytesWritten(): number {
    return this.zip.written + this.zip.pending;
  }

  private closeSheet(): void {
    if (!this.current) return;
    const { writer, index } = this.current;
    const hasCharts = writer.charts.length > 0;
    const summary = writer.end(hasCharts ? 'rId1' : undefined);
    this.zip.close();
    this.notes.push(...writer.notes);
    const part: SheetPart = { ...summary, index, charts: [] };
    if (hasCharts) {
      part.drawing = ++this.drawingCount;
      part.charts = writer.charts.map(() => ++this.chartCount);
      this.zip.file(`xl/worksheets/_rels/sheet${index}.xml.rels`, sheetRelsXml(part.drawing));
      this.zip.file(`xl/drawings/drawing${part.drawing}.xml`, drawingXml(writer.charts));
      this.zip.file(
        `xl/drawings/_rels/drawing${part.drawing}.xml.rels`,
        drawingRelsXml(part.charts),
      );
      writer.charts.forEach((spec, i) =>
        this.zip.file(`xl/charts/chart${part.charts[i]}.xml`, chartXml(spec)),
      );
    }
    this.parts.push(part);
    this.current = null;
  }

  /** Writes the remaining parts and the zip directory; everything has reached the sink after. */
  async finish(options: { firstSheets?: readonly string[] } = {}): Promise<WorkbookResult> {
    this.closeSheet();
    // Sheets written last (a summary that needs every other sheet's figures) may come first.
    const first = options.firstSheets ?? [];
    const rank = (part: SheetPart) => {
      const index = first.indexOf(part.name);
      return index < 0 ? first.length : index;
    };
    this.parts.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
    if (this.parts.length === 0) {
      this.addSheet('Blad1');
      this.closeSheet();
    }
    this.zip.file('[Content_Types].xml', contentTypesXml(this.parts));
    this.zip.file('_rels/.rels', rootRelsXml());
    this.zip.file('docProps/core.xml', coreXml(this.properties));
    this.zip.file('docProps/app.xml', appXml(this.properties, this.parts));
    this.zip.file('xl/workbook.xml', workbookXml(this.parts));
    this.zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(this.parts));
    this.zip.file('xl/styles.xml', stylesXml());
    await this.zip.end();
    return {
      sheets: this.parts.map(({ name, rows, columns, autoFilter, printTitles }) => ({
        name,
        rows,
        columns,
        autoFilter,
        printTitles,
      })),
      notes: this.notes,
      bytes: this.zip.written,
    };
  }
}
