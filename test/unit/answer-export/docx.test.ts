import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerDocx } from '../../../src/core/answer/export/docx';
import { PYTHON, sofficeAvailable, tempFile } from '../export/helpers';
import { answerFixture } from './fixture';

/**
 * The .docx read back by Python's zipfile + ElementTree (not our zip writer), then converted to
 * plain text by LibreOffice Writer: both must find the headings, the draft text and the
 * hand-worked figures.
 */
const here = dirname(fileURLToPath(import.meta.url));
type Body = { p?: string; style?: string | null; table?: string[][]; header_repeats?: boolean }[];
type Docx = {
  parts: string[];
  content_types: Record<string, string>;
  styles: string[];
  body: Body;
  page: { w: string; h: string };
};

const path = tempFile('antwoord.docx', answerDocx(answerFixture()));
const read = spawnSync(PYTHON, [join(here, 'read_docx.py'), path], { encoding: 'utf8' });
if (read.status !== 0) throw new Error(`read_docx.py faalde: ${read.stderr}`);
const docx = JSON.parse(read.stdout) as Docx;
const paragraphs = docx.body.filter((b) => b.p !== undefined);
const tables = docx.body.filter((b) => b.table).map((b) => b.table!);
/** The first table after the paragraph with this text. */
const tableAfter = (text: string): string[][] => {
  const at = docx.body.findIndex((b) => b.p === text);
  const table = docx.body.slice(at).find((b) => b.table)?.table;
  if (at < 0 || !table) throw new Error(`geen tabel na ${text}`);
  return table;
};

describe('answerDocx', () => {
  it('is a Word package: main document, styles, properties; A4', () => {
    expect(docx.content_types['/word/document.xml']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    );
    expect(docx.parts).toEqual(
      expect.arrayContaining([
        'word/document.xml',
        'word/styles.xml',
        '_rels/.rels',
        'docProps/core.xml',
      ]),
    );
    expect(docx.styles).toEqual(expect.arrayContaining(['Title', 'Heading1', 'Heading2', 'Note']));
    expect(docx.page).toEqual({ w: '11906', h: '16838' });
  });

  it('has the five sub-questions as Heading 1, in order, under the title', () => {
    expect(paragraphs.filter((p) => p.style === 'Title').map((p) => p.p)).toEqual([
      'Vierde pijler in cijfers',
    ]);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.p)).toEqual([
      '1. Hoeveel VTE?',
      '2. Waar in het organigram?',
      '3. Hoe aangestuurd?',
      '4. Transversale werking?',
      '5. Proeftuinen en lokale besturen',
    ]);
  });

  it('carries every draft paragraph word for word, quotes and ampersands intact', () => {
    const texts = paragraphs.map((p) => p.p);
    for (const section of answerFixture().text)
      for (const paragraph of section.paragraphs) expect(texts).toContain(paragraph);
    expect(texts[1]).toContain('AgII — werkruimte "test" & co');
  });

  it('tables repeat their header row and hold the hand-worked figures', () => {
    expect(docx.body.filter((b) => b.table).every((b) => b.header_repeats)).toBe(true);
    expect(tables[0]).toContainEqual(['Geplande VTE vierde pijler', '26,1 VTE']);
    expect(tables[0]).toContainEqual(['Vacatures', '3']);
    expect(tableAfter('Per afdeling')).toEqual([
      ['Afdeling', 'Gepland VTE', 'Ingevuld VTE', 'Vacant VTE'],
      ['Afdeling Inburgering', '14,5', '12,5', '2'],
      ['Afdeling Integratie & Participatie', '8,6', '7,6', '1'],
      ['Centrale diensten', '3', '3', '0'],
      ['Totaal', '26,1', '23,1', '3'],
    ]);
    expect(tableAfter('Benodigd en gepland per netwerk').at(-1)).toEqual([
      'Totaal',
      '25',
      '22,1',
      '-2,9',
    ]);
    expect(tableAfter('5. Proeftuinen en lokale besturen')).toContainEqual([
      'Budget',
      '€\u00a0150.000',
    ]);
  });

  it('lists the compact organigram and the reporting chains', () => {
    const texts = paragraphs.map((p) => p.p);
    expect(texts).toContain('• Netwerkcoördinator (vacature) — 1 VTE');
    expect(tableAfter('3. Hoe aangestuurd?')[1]![4]).toBe(
      'Teamcoach (Sofie Maes, Team Antwerpen) → Afdelingshoofd (vacant, Afdeling Inburgering) → Administrateur-generaal (Dirk De Smet, AgII)',
    );
  });

  it('is the same bytes for the same answer', () => {
    expect(answerDocx(answerFixture())).toEqual(answerDocx(answerFixture()));
  });
});

/** LibreOffice Writer converts it to text; without Writer (only Calc installed) it cannot. */
function docxToText(file: string): string | null {
  const root = mkdtempSync(join(tmpdir(), 'pijlerplan-docx-'));
  mkdirSync(join(root, 'out'));
  spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(root, 'profile')}`,
      '--headless',
      '--convert-to',
      'txt:Text',
      '--outdir',
      join(root, 'out'),
      file,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const out = join(root, 'out', 'antwoord.txt');
  return existsSync(out) ? readFileSync(out, 'utf8') : null;
}

const converted = sofficeAvailable ? docxToText(path) : null;
if (!converted)
  console.warn(
    'Let op: LibreOffice Writer ontbreekt (soffice kan geen .docx openen): de conversiecontrole van de .docx wordt overgeslagen (installeer libreoffice-writer-nogui).',
  );

describe.runIf(converted !== null)('answerDocx opened by LibreOffice Writer', () => {
  it('reads as text with the draft answer and the figures', () => {
    const lines = converted!
      .replace(/^\uFEFF/, '')
      .split('\n')
      .map((line) => line.trim());
    expect(lines[0]).toBe('Vierde pijler in cijfers');
    expect(lines).toContain('1. Hoeveel VTE?');
    expect(lines).toContain(answerFixture().text[0]!.paragraphs[0]);
    // A table reads cell by cell: the division total row.
    const total = lines.indexOf('Totaal');
    expect(lines.slice(total, total + 4)).toEqual(['Totaal', '26,1', '23,1', '3']);
    expect(lines).toContain('€\u00a0150.000');
  });
});
