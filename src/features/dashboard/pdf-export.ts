import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { winAnsi } from '../../core/export/pdf/win-ansi';

/**
 * The dashboard as a PDF drawn in the page (the browser build has no printToPDF): a cover with
 * the workspace, the filters and the data date, then one landscape A4 page per chart, each the
 * chart's own exported picture (title, values, legend inside it). pdf-lib writes the file;
 * the pictures come from export-chart.ts, so the PDF shows what the PNG export shows.
 */
export type PdfPage = { png: Uint8Array; width: number; height: number };

const A4 = { width: 842, height: 595 };
const MARGIN = 36;

export async function dashboardPdf(cover: string[], pages: PdfPage[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(cover[0] ?? 'Dashboard'));
  pdf.setCreator('Pijlerplan');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const first = pdf.addPage([A4.width, A4.height]);
  cover.forEach((line, index) => {
    first.drawText(winAnsi(line), {
      x: MARGIN,
      y: A4.height - 120 - index * 34,
      size: index === 0 ? 28 : 16,
      font: index === 0 ? bold : font,
      color: rgb(0.1, 0.1, 0.1),
    });
  });
  for (const page of pages) {
    const image = await pdf.embedPng(page.png);
    const scale = Math.min(
      (A4.width - 2 * MARGIN) / page.width,
      (A4.height - 2 * MARGIN) / page.height,
    );
    const width = page.width * scale;
    const height = page.height * scale;
    pdf.addPage([A4.width, A4.height]).drawImage(image, {
      x: (A4.width - width) / 2,
      y: A4.height - MARGIN - height,
      width,
      height,
    });
  }
  return pdf.save();
}
