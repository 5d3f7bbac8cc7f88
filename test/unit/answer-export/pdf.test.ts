import { spawnSync } from 'node:child_process';
import {
  PDFArray,
  PDFDocument,
  PDFName,
  PDFRawStream,
  decodePDFRawStream,
  rgb as pdfLibRgb,
  type PDFPage,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerPdf, rgb } from '../../../src/core/answer/export/pdf';
import { tempFile } from '../export/helpers';
import { answerFixture } from './fixture';

/**
 * The PDF parsed back: pdf-lib loads it (pages, A4, metadata) and its page content streams are
 * decoded to the strings drawn on them; when poppler's pdftotext is installed it extracts the
 * text too, a reader that shares no code with pdf-lib.
 */
let bytes: Uint8Array;
let pdf: PDFDocument;
let pageTexts: string[];

/** The strings a page draws (pdf-lib writes standard-font text as hex WinAnsi `<…> Tj`). */
function drawnText(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const out: string[] = [];
  for (const ref of refs) {
    const stream = page.doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const data = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    for (const match of data.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const raw = Buffer.from(match[1]!, 'hex');
      out.push([...raw].map((b) => (b === 0x80 ? '€' : String.fromCharCode(b))).join(''));
    }
  }
  return out;
}

beforeAll(async () => {
  bytes = await answerPdf(answerFixture());
  pdf = await PDFDocument.load(bytes);
  pageTexts = pdf.getPages().map((page) => drawnText(page).join('\n'));
});

describe('answerPdf parsed by pdf-lib', () => {
  it('is A4 portrait, a few pages, with title, language and creator set', () => {
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(6);
    for (const page of pdf.getPages()) {
      expect(Math.round(page.getWidth())).toBe(595);
      expect(Math.round(page.getHeight())).toBe(842);
    }
    expect(pdf.getTitle()).toBe('Vierde pijler in cijfers');
    expect(pdf.getCreator()).toBe('Pijlerplan');
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toContain('nl-BE');
  });

  it('draws the title, the five sub-questions and every draft paragraph', () => {
    const all = pageTexts.join('\n');
    expect(pageTexts[0]!.split('\n')[0]).toBe('Vierde pijler in cijfers');
    for (const title of [
      '1. Hoeveel VTE?',
      '2. Waar in het organigram?',
      '3. Hoe aangestuurd?',
      '4. Transversale werking?',
      '5. Proeftuinen en lokale besturen',
    ])
      expect(all).toContain(title);
    // Paragraphs are wrapped over lines: compare with the line breaks as spaces.
    const flowing = all.replace(/\n/g, ' ');
    for (const section of answerFixture().text)
      for (const paragraph of section.paragraphs) expect(flowing).toContain(paragraph);
  });

  it('has the hand-worked figures, nl-BE, in its tables and bars', () => {
    const lines = pageTexts.join('\n').split('\n');
    expect(lines).toContain('26,1 VTE');
    expect(lines).toContain('-2,9 VTE');
    // Division total row: Totaal 26,1 23,1 3.
    const total = lines.findIndex((line, i) => line === 'Totaal' && lines[i + 1] === '26,1');
    expect(lines.slice(total, total + 4)).toEqual(['Totaal', '26,1', '23,1', '3']);
    // The no-break space of "€ 150.000" is kept (WinAnsi 0xA0), so the amount never wraps.
    expect(lines).toContain('€\u00a0150.000');
    expect(lines).toContain('75%');
    // The region bars carry their values: required 9, planned 10,5 for Antwerpen.
    const legend = lines.indexOf('Benodigd en gepland per netwerk (VTE)');
    expect(lines.slice(legend, legend + 6)).toEqual([
      'Benodigd en gepland per netwerk (VTE)',
      'Benodigd',
      'Gepland',
      'Antwerpen',
      '9',
      '10,5',
    ]);
  });

  it('writes arrows and accents in WinAnsi (no "?" for a name), and a footer on every page', () => {
    const all = pageTexts.join('\n');
    expect(all).toContain('Netwerkcoördinator');
    expect(all).toContain('Élodie Dubois');
    expect(all).toContain('Teamcoach (Sofie Maes, Team Antwerpen) ->');
    expect(all).not.toMatch(/\?\s*Afdelingshoofd/);
    pageTexts.forEach((text, i) =>
      expect(text).toContain(`pagina ${i + 1} van ${pageTexts.length}`),
    );
  });

  it('writes a name outside WinAnsi with its base letters (Doğan → Dogan), not as "?"', async () => {
    const answer = answerFixture();
    answer.where.nodes[5]!.sublabel = 'Tomasz Doğan, Agnieszka Wiśniewska';
    const doc = await PDFDocument.load(await answerPdf(answer));
    const all = doc
      .getPages()
      .flatMap((page) => drawnText(page))
      .join('\n');
    expect(all).toContain('Teamcoach (Tomasz Dogan, Agnieszka Wisniewska) - 0,5 VTE');
  });

  it('repeats a table header after a page break', async () => {
    const answer = answerFixture();
    answer.howMany.byRole = Array.from({ length: 90 }, (_, i) => ({
      ...answer.howMany.byRole[0]!,
      key: `r${i}`,
      label: `Rol ${i + 1}`,
    }));
    const long = await PDFDocument.load(await answerPdf(answer));
    const texts = long.getPages().map((page) => drawnText(page));
    const withRoles = texts.filter((t) => t.some((line) => /^Rol \d+$/.test(line)));
    expect(withRoles.length).toBeGreaterThanOrEqual(2);
    for (const page of withRoles) expect(page).toContain('Gepland VTE');
    expect(texts.flat().filter((line) => /^Rol \d+$/.test(line))).toHaveLength(90);
  });
});

const pdftotext =
  spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).status === 0;
if (!pdftotext)
  console.warn(
    'Let op: pdftotext (poppler-utils) ontbreekt: de tweede, onafhankelijke tekstcontrole van de PDF wordt overgeslagen.',
  );

describe.runIf(pdftotext)('answerPdf read by pdftotext', () => {
  it('extracts the draft text and the figures', () => {
    const path = tempFile('antwoord.pdf', bytes);
    const run = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text).toContain('Vierde pijler in cijfers');
    expect(text).toContain('1. Hoeveel VTE?');
    expect(text).toMatch(/Geplande VTE vierde pijler\s+26,1 VTE/);
    expect(text).toMatch(/Totaal\s+26,1\s+23,1\s+3/);
    expect(text).toMatch(/Budget\s+€\s150\.000/);
    expect(text.split('\f').filter((page) => page.trim()).length).toBe(pdf.getPageCount());
  });
});

describe('colours without loading pdf-lib at start', () => {
  it('makes the same colour record as pdf-lib’s rgb()', () => {
    for (const [r, g, b] of [
      [0, 0, 0],
      [0.12, 0.5, 1],
      [0xe6 / 255, 0x9f / 255, 0],
    ] as const)
      expect(rgb(r, g, b)).toEqual(pdfLibRgb(r, g, b));
  });
});
