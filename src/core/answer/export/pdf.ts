import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

/**
 * pdf-lib's `rgb()` without loading pdf-lib: its colours are plain records. pdf-lib itself is
 * imported when a PDF is made (answerPdf): loading it costs ~0.2 s of CPU, which every CLI call,
 * an import too, paid at start (test/unit/answer-export checks this equals pdf-lib's own rgb).
 */
export const rgb = (red: number, green: number, blue: number): RGB =>
  ({ type: 'RGB', red, green, blue }) as unknown as RGB;
import { formatAmount } from '../../../i18n/formatters';
import { winAnsi } from '../../export/pdf/win-ansi';
import type { Answer } from '../types';
import { ANSWER_TITLE, LOCALE, answerDocument, dateText, type Block } from './document';

/**
 * The answer as a PDF, A4 portrait, drawn with pdf-lib (as the dashboard's PDF) so it works in
 * the worker and in Node for the CLI: the same document model as the .md and the .docx —
 * headings, the draft paragraphs, tables (header repeated after a page break, totals set
 * apart), the organigram as an indented list — plus simple vector bar charts, and a footer
 * with the scenario, the reference day and "pagina x van y" on every page.
 */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 50, right: 50, top: 56, bottom: 60 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const INK = rgb(0.12, 0.12, 0.12);
const BLUE = rgb(0x1f / 255, 0x4e / 255, 0x79 / 255);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.65, 0.65, 0.65);
const TOTAL_FILL = rgb(0xe7 / 255, 0xe6 / 255, 0xe6 / 255);
const WHITE = rgb(1, 1, 1);
/** Okabe–Ito blue and orange, as the dashboard's and the workbook's charts. */
const SERIES = [rgb(0, 0x72 / 255, 0xb2 / 255), rgb(0xe6 / 255, 0x9f / 255, 0)];

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

/** Splits text into lines that fit `width` at `size`; a word longer than a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const plain = winAnsi(text);
  if (font.widthOfTextAtSize(plain, size) <= width && !/[ \t\n]{2}|\n/.test(plain)) return [plain];
  const space = font.widthOfTextAtSize(' ', size);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  // Widths add up word by word (Helvetica has no kerning in pdf-lib), so a line is measured once.
  // A no-break space ("€ 150.000") stays inside its word.
  for (const word of plain.split(/[ \t\n]+/).filter(Boolean)) {
    const wordWidth = font.widthOfTextAtSize(word, size);
    if (line && lineWidth + space + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    let restWidth = wordWidth;
    while (restWidth > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
      restWidth = font.widthOfTextAtSize(rest, size);
    }
    line = rest;
    lineWidth = restWidth;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A cursor over pages: `room(h)` starts a new page when h points do not fit. */
class Layout {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }

  /** True when a new page was started. */
  room(height: number): boolean {
    if (this.y - height >= MARGIN.bottom) return false;
    this.newPage();
    return true;
  }

  text(text: string, x: number, size: number, font: PDFFont, color: RGB = INK): void {
    this.page.drawText(winAnsi(text), { x, y: this.y, size, font, color });
  }

  /** Wrapped text at the cursor, moving it down. */
  lines(text: string, size: number, font: PDFFont, color: RGB, indent = 0, leading = 1.35): void {
    for (const line of wrapText(text, font, size, WIDTH - indent)) {
      this.room(size * leading);
      this.y -= size;
      this.text(line, MARGIN.left + indent, size, font, color);
      this.y -= size * (leading - 1);
    }
  }
}

function heading(layout: Layout, block: Extract<Block, { kind: 'heading' }>): void {
  const { bold } = layout.fonts;
  const size = block.level === 1 ? 22 : block.level === 2 ? 15 : 11.5;
  const before = block.level === 1 ? 0 : block.level === 2 ? 16 : 10;
  // Keep a heading with what follows: at least a few lines of room under it.
  if (layout.y < PAGE.height - MARGIN.top) layout.y -= before;
  layout.room(size * 1.4 + 60);
  layout.lines(block.text, size, bold, block.level === 3 ? INK : BLUE);
  layout.y -= block.level === 1 ? 6 : 3;
}

function table(layout: Layout, block: Extract<Block, { kind: 'table' }>): void {
  const { regular, bold } = layout.fonts;
  const size = 8.5;
  const pad = 3;
  const line = size * 1.25;
  // Column widths by content, never narrower than the longest word.
  const texts = (i: number) => [
    block.columns[i]!.label,
    ...[...block.rows, block.total ?? []].map((cells) => cells[i] ?? ''),
  ];
  // Each column gets at least its longest word (so "Functies" never breaks), the rest of the
  // width goes to the columns that want more, in proportion to what they lack.
  const wants = block.columns.map((_, i) => {
    const all = texts(i).map(winAnsi);
    const min =
      Math.max(
        ...all.flatMap((t) => t.split(/[ \t\n]+/).map((w) => bold.widthOfTextAtSize(w, size))),
      ) +
      2 * pad +
      2;
    const longest = Math.max(...all.map((t) => bold.widthOfTextAtSize(t, size))) + 2 * pad + 2;
    return { min, want: Math.max(min, Math.min(220, longest)) };
  });
  const minSum = wants.reduce((a, w) => a + w.min, 0);
  const wantSum = wants.reduce((a, w) => a + w.want, 0);
  const widths =
    wantSum <= WIDTH
      ? wants.map((w) => (w.want / wantSum) * WIDTH)
      : minSum >= WIDTH
        ? wants.map((w) => (w.min / minSum) * WIDTH)
        : wants.map((w) => w.min + ((WIDTH - minSum) * (w.want - w.min)) / (wantSum - minSum || 1));

  const drawRow = (cells: readonly string[], kind: 'header' | 'body' | 'total') => {
    const font = kind === 'body' ? regular : bold;
    const wrapped = cells.map((cell, i) => wrapText(cell, font, size, (widths[i] ?? 0) - 2 * pad));
    const height = Math.max(...wrapped.map((l) => l.length)) * line + 2 * pad;
    const broke = layout.room(height);
    if (broke && kind !== 'header')
      drawRow(
        block.columns.map((c) => c.label),
        'header',
      );
    const top = layout.y;
    if (kind !== 'body')
      layout.page.drawRectangle({
        x: MARGIN.left,
        y: top - height,
        width: WIDTH,
        height,
        color: kind === 'header' ? BLUE : TOTAL_FILL,
      });
    let x = MARGIN.left;
    wrapped.forEach((lines, i) => {
      const width = widths[i] ?? 0;
      const right = block.columns[i]?.align === 'right';
      lines.forEach((text, n) => {
        const w = font.widthOfTextAtSize(text, size);
        layout.page.drawText(text, {
          x: right ? x + width - pad - w : x + pad,
          y: top - pad - size - n * line + 1.5,
          size,
          font,
          color: kind === 'header' ? WHITE : INK,
        });
      });
      x += width;
    });
    layout.page.drawLine({
      start: { x: MARGIN.left, y: top - height },
      end: { x: MARGIN.left + WIDTH, y: top - height },
      thickness: kind === 'total' ? 0.8 : 0.4,
      color: RULE,
    });
    layout.y = top - height;
  };

  layout.room(line * 3 + 4 * pad);
  drawRow(
    block.columns.map((c) => c.label),
    'header',
  );
  for (const cells of block.rows) drawRow(cells, 'body');
  if (block.total) drawRow(block.total, 'total');
  layout.y -= 10;
}

/** Legend swatches after the chart's title, on the title's line. */
function titleAndLegend(layout: Layout, block: Extract<Block, { kind: 'bars' }>): void {
  const { regular, bold } = layout.fonts;
  layout.text(block.title, MARGIN.left, 9.5, bold);
  let x = MARGIN.left + bold.widthOfTextAtSize(winAnsi(block.title), 9.5) + 16;
  block.series.forEach((name, i) => {
    layout.page.drawRectangle({ x, y: layout.y, width: 8, height: 8, color: SERIES[i % 2] });
    layout.text(name, x + 11, 8, regular, GREY);
    x += 11 + regular.widthOfTextAtSize(winAnsi(name), 8) + 14;
  });
}

/** Many categories (20 quarters): upright columns in a fixed height, with a scale. */
function columns(layout: Layout, block: Extract<Block, { kind: 'bars' }>): void {
  const { regular } = layout.fonts;
  const height = 130;
  const axis = 28;
  layout.room(26 + height + 24);
  layout.y -= 10;
  titleAndLegend(layout, block);
  layout.y -= 14;
  const top = layout.y;
  const base = top - height;
  const max = Math.max(0, ...block.rows.flatMap((r) => r.values));
  const left = MARGIN.left + axis;
  const group = (WIDTH - axis) / block.rows.length;
  const bar = Math.max(1, (group * 0.75) / block.series.length);
  for (const fraction of [0, 0.5, 1]) {
    const y = base + fraction * height;
    layout.page.drawLine({
      start: { x: left, y },
      end: { x: MARGIN.left + WIDTH, y },
      thickness: fraction === 0 ? 0.6 : 0.3,
      color: RULE,
    });
    const label = winAnsi(formatAmount(max * fraction, block.unit, LOCALE, false));
    layout.page.drawText(label, {
      x: left - 4 - regular.widthOfTextAtSize(label, 7),
      y: y - 2.5,
      size: 7,
      font: regular,
      color: GREY,
    });
  }
  // Label every category when they fit, else every second or fourth.
  const every = Math.max(1, Math.ceil(32 / group));
  block.rows.forEach((row, r) => {
    const x0 = left + r * group + group * 0.125;
    row.values.forEach((value, i) => {
      const h = max > 0 ? (Math.max(0, value) / max) * height : 0;
      layout.page.drawRectangle({
        x: x0 + i * bar,
        y: base,
        width: bar * 0.92,
        height: Math.max(h, 0.5),
        color: SERIES[i % 2],
      });
    });
    if (r % every === 0) {
      const label = winAnsi(row.label);
      const w = regular.widthOfTextAtSize(label, 6.5);
      layout.page.drawText(label, {
        x: left + r * group + group / 2 - w / 2,
        y: base - 10,
        size: 6.5,
        font: regular,
        color: GREY,
      });
    }
  });
  layout.y = base - 24;
}

function bars(layout: Layout, block: Extract<Block, { kind: 'bars' }>): void {
  if (block.rows.length > 8) return columns(layout, block);
  const { regular } = layout.fonts;
  const size = 8;
  const barHeight = 7;
  const groupHeight = block.series.length * (barHeight + 1) + 6;
  const labelWidth = Math.min(
    150,
    Math.max(...block.rows.map((r) => regular.widthOfTextAtSize(winAnsi(r.label), size))) + 8,
  );
  const max = Math.max(0, ...block.rows.flatMap((r) => r.values));
  const barSpace = WIDTH - labelWidth - 50;
  layout.room(26 + block.rows.length * groupHeight);
  layout.y -= 10;
  titleAndLegend(layout, block);
  layout.y -= 8;
  for (const row of block.rows) {
    const top = layout.y;
    layout.page.drawText(winAnsi(row.label), {
      x: MARGIN.left,
      y: top - groupHeight / 2 - size / 3,
      size,
      font: regular,
      color: INK,
    });
    row.values.forEach((value, i) => {
      const y = top - 3 - (i + 1) * (barHeight + 1);
      const width = max > 0 ? (Math.max(0, value) / max) * barSpace : 0;
      layout.page.drawRectangle({
        x: MARGIN.left + labelWidth,
        y,
        width: Math.max(width, 0.5),
        height: barHeight,
        color: SERIES[i % 2],
      });
      layout.page.drawText(winAnsi(formatAmount(value, block.unit, LOCALE, false)), {
        x: MARGIN.left + labelWidth + width + 3,
        y: y + 1,
        size: 7,
        font: regular,
        color: GREY,
      });
    });
    layout.y = top - groupHeight;
  }
  layout.page.drawLine({
    start: { x: MARGIN.left + labelWidth, y: layout.y },
    end: { x: MARGIN.left + labelWidth, y: layout.y + block.rows.length * groupHeight },
    thickness: 0.5,
    color: RULE,
  });
  layout.y -= 12;
}

function render(layout: Layout, block: Block): void {
  const { regular, italic } = layout.fonts;
  switch (block.kind) {
    case 'heading':
      return heading(layout, block);
    case 'paragraph':
      if (block.note) layout.lines(block.text, 8.5, italic, GREY);
      else layout.lines(block.text, 10.5, regular, INK);
      layout.y -= 6;
      return;
    case 'table':
      return table(layout, block);
    case 'list':
      for (const item of block.items) {
        const indent = 6 + item.depth * 14;
        layout.room(13);
        layout.page.drawCircle({
          x: MARGIN.left + indent - 6,
          y: layout.y - 6.5,
          size: 1.6,
          color: item.depth === 0 ? BLUE : GREY,
        });
        layout.lines(item.text, 9.5, regular, INK, indent, 1.4);
      }
      layout.y -= 6;
      return;
    case 'bars':
      return bars(layout, block);
  }
}

/** The answer as PDF bytes. */
export async function answerPdf(answer: Answer): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(ANSWER_TITLE);
  pdf.setSubject(winAnsi(`Scenario ${answer.scenario.name}, peildatum ${dateText(answer.date)}`));
  pdf.setAuthor('Agentschap Integratie en Inburgering');
  pdf.setCreator('Pijlerplan');
  pdf.setLanguage('nl-BE');
  // A fixed date keeps the same answer the same file.
  const stamp = new Date(`${answer.dataDate}T12:00:00Z`);
  pdf.setCreationDate(stamp);
  pdf.setModificationDate(stamp);
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const layout = new Layout(pdf, fonts);
  for (const block of answerDocument(answer)) render(layout, block);

  const pages = pdf.getPages();
  const footer = `${ANSWER_TITLE} · scenario ${answer.scenario.name} · peildatum ${dateText(answer.date)}`;
  pages.forEach((page, i) => {
    const y = MARGIN.bottom - 28;
    page.drawLine({
      start: { x: MARGIN.left, y: y + 12 },
      end: { x: PAGE.width - MARGIN.right, y: y + 12 },
      thickness: 0.4,
      color: RULE,
    });
    page.drawText(winAnsi(footer), {
      x: MARGIN.left,
      y,
      size: 7.5,
      font: fonts.regular,
      color: GREY,
    });
    const number = `pagina ${i + 1} van ${pages.length}`;
    page.drawText(number, {
      x: PAGE.width - MARGIN.right - fonts.regular.widthOfTextAtSize(number, 7.5),
      y,
      size: 7.5,
      font: fonts.regular,
      color: GREY,
    });
  });
  return pdf.save({ useObjectStreams: false });
}
