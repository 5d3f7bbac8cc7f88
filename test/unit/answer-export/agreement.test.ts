import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerDocx,
  answerMarkdown,
  answerPdf,
  answerWorkbook,
} from '../../../src/core/answer/export';
import { PYTHON, tempFile } from '../export/helpers';
import { answerFixture } from './fixture';

/**
 * The four files say the same: each key figure, written by hand here the way the screen
 * writes it, is in the .md, the .docx and the PDF, and its number is in the workbook.
 */
const here = dirname(fileURLToPath(import.meta.url));
const FIGURES: [label: string, text: string, value: number, sheet: string][] = [
  ['Geplande VTE vierde pijler', '26,1 VTE', 26.1, '1 Hoeveel VTE'],
  ['waarvan ingevuld', '23,1 VTE', 23.1, '1 Hoeveel VTE'],
  ['Functies', '19', 19, '1 Hoeveel VTE'],
  ['Personen', '17', 17, '1 Hoeveel VTE'],
  ['Vacatures', '3', 3, '1 Hoeveel VTE'],
  ['Benodigde VTE (vraagmodel)', '25 VTE', 25, '1 Hoeveel VTE'],
  ['Proeftuinen', '4', 4, '5 Proeftuinen'],
  ['Budget', '€\u00a0150.000', 150_000, '5 Proeftuinen'],
];

/** A literal as a pattern, any space (no-break too) matching any whitespace. */
const pattern = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ \u00a0]/g, '\\s');

let md: string;
let docxText: string;
let pdfText: string;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const answer = answerFixture();
  md = answerMarkdown(answer);
  const read = spawnSync(
    PYTHON,
    [join(here, 'read_docx.py'), tempFile('a.docx', answerDocx(answer))],
    { encoding: 'utf8' },
  );
  const body = (JSON.parse(read.stdout) as { body: { table?: string[][] }[] }).body;
  docxText = body
    .flatMap((b) => b.table ?? [])
    .map((row) => row.join(' | '))
    .join('\n');
  const pdf = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).status === 0;
  pdfText = pdf
    ? spawnSync('pdftotext', ['-layout', tempFile('a.pdf', await answerPdf(answer)), '-'], {
        encoding: 'utf8',
      }).stdout
    : '';
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await answerWorkbook(answer)) as unknown as ArrayBuffer);
});

describe('the four exports agree', () => {
  it.each(FIGURES)('%s: %s', (label, text, value, sheetName) => {
    expect(md).toContain(`| ${label} | ${text} |`);
    expect(docxText).toContain(`${label} | ${text}`);
    if (pdfText) expect(pdfText).toMatch(new RegExp(`${pattern(label)}\\s+${pattern(text)}`));
    const sheet = book.getWorksheet(sheetName)!;
    const row = sheet.getColumn(1).values.findIndex((v) => v === label);
    expect(Number(sheet.getCell(row, 2).value)).toBeCloseTo(value, 6);
  });
});
