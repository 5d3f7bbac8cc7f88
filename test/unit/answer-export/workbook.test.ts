import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHEETS, answerWorkbook } from '../../../src/core/answer/export/workbook';
import {
  openpyxlAvailable,
  readBytes,
  readWithOpenpyxl,
  recalculateWithLibreOffice,
  sofficeAvailable,
  tempFile,
  type OpenpyxlBook,
  type OpenpyxlSheet,
} from '../export/helpers';
import { EXPECTED, answerFixture } from './fixture';

/**
 * The answer workbook read back by two readers that did not write it (exceljs, openpyxl), then
 * recalculated by LibreOffice: the hand-worked figures of the fixture must be in the cells, the
 * totals must be formulas whose cached results LibreOffice confirms, and the charts must point
 * at the cells.
 */
const close = (actual: unknown, expected: number, what: string) =>
  expect(Number(actual), what).toBeCloseTo(expected, 6);

let file: Uint8Array;
let excel: ExcelJS.Workbook;
let path: string;
let book: OpenpyxlBook;

beforeAll(async () => {
  file = await answerWorkbook(answerFixture(), { now: new Date('2023-01-02T09:00:00Z') });
  path = tempFile('antwoord.xlsx', file);
  excel = new ExcelJS.Workbook();
  await excel.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  if (openpyxlAvailable) book = readWithOpenpyxl(path);
});

/** The row whose column-A text is `label` (first match at or after `from`). */
function rowOf(sheet: ExcelJS.Worksheet, label: string, from = 1): number {
  for (let r = from; r <= sheet.rowCount; r++)
    if (String(sheet.getCell(r, 1).value ?? '').trim() === label) return r;
  throw new Error(`${label} niet gevonden op ${sheet.name}`);
}
const result = (cell: ExcelJS.Cell): unknown =>
  typeof cell.value === 'object' && cell.value !== null && 'result' in cell.value
    ? cell.value.result
    : cell.value;
const formulaOf = (cell: ExcelJS.Cell): string | undefined =>
  typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value
    ? cell.value.formula
    : undefined;

describe('answerWorkbook read by exceljs', () => {
  it('has the answer sheet first, then a sheet per sub-question', () => {
    expect(excel.worksheets.map((s) => s.name)).toEqual([
      'Antwoord',
      '1 Hoeveel VTE',
      '2 Organigram',
      '3 Aansturing',
      '4 Transversaal',
      '5 Proeftuinen',
    ]);
    expect(excel.title).toBe('Vierde pijler in cijfers');
  });

  it('the answer sheet holds the draft paragraphs and quotes the key figures from the other sheets', () => {
    const sheet = excel.getWorksheet('Antwoord')!;
    const texts = sheet.getColumn(1).values.map((v) => String(v ?? ''));
    for (const section of answerFixture().text)
      for (const paragraph of section.paragraphs) expect(texts).toContain(paragraph);
    const planned = sheet.getCell(rowOf(sheet, 'Geplande VTE vierde pijler'), 2);
    expect(formulaOf(planned)).toMatch(/^'1 Hoeveel VTE'!B\d+$/);
    close(result(planned), EXPECTED.planned, 'gepland');
    const budget = sheet.getCell(rowOf(sheet, 'Budget proeftuinen'), 2);
    expect(formulaOf(budget)).toMatch(/^'5 Proeftuinen'!B\d+$/);
    close(result(budget), EXPECTED.budget, 'budget');
  });

  it.each([
    ['Geplande VTE vierde pijler', EXPECTED.planned],
    ['waarvan ingevuld', EXPECTED.filled],
    ['waarvan vacant (gepland − ingevuld)', EXPECTED.planned - EXPECTED.filled],
    ['Functies', EXPECTED.positions],
    ['Personen', EXPECTED.people],
    ['Vacatures', EXPECTED.vacancies],
    ['Benodigde VTE (vraagmodel)', EXPECTED.required],
    ['Kloof (gepland − benodigd, over de regio’s)', EXPECTED.gap],
  ])('key figure %s = %d', (label, value) => {
    const sheet = excel.getWorksheet(SHEETS.howMany)!;
    close(result(sheet.getCell(rowOf(sheet, label), 2)), value, label);
  });

  it('splits by division with SUM totals and vacant = planned − filled as formulas', () => {
    const sheet = excel.getWorksheet(SHEETS.howMany)!;
    const start = rowOf(sheet, 'Per afdeling');
    const total = rowOf(sheet, 'Totaal', start);
    const labels = [start + 2, start + 3, start + 4].map((r) => sheet.getCell(r, 1).value);
    expect(labels).toEqual([
      'Afdeling Inburgering',
      'Afdeling Integratie & Participatie',
      'Centrale diensten',
    ]);
    EXPECTED.divisionPlanned.forEach((v, i) =>
      close(sheet.getCell(start + 2 + i, 2).value, v, 'gepland'),
    );
    expect(formulaOf(sheet.getCell(total, 2))).toBe(`SUM(B${start + 2}:B${start + 4})`);
    close(result(sheet.getCell(total, 2)), EXPECTED.planned, 'totaal gepland');
    close(result(sheet.getCell(total, 3)), EXPECTED.filled, 'totaal ingevuld');
    expect(formulaOf(sheet.getCell(start + 2, 4))).toBe(`B${start + 2}-C${start + 2}`);
    expect(sheet.getCell(total, 2).numFmt).toBe('0.00');
  });

  it('the quarters table has no total (FTE of quarters do not add up)', () => {
    const sheet = excel.getWorksheet(SHEETS.howMany)!;
    const start = rowOf(sheet, 'Per kwartaal');
    expect(sheet.getCell(start + 6, 1).value).toBeNull();
  });

  it('the region gaps are formulas (gepland − benodigd) with the hand-worked values', () => {
    const sheet = excel.getWorksheet(SHEETS.howMany)!;
    const start = rowOf(sheet, 'Benodigd en gepland per netwerk');
    EXPECTED.regionGaps.forEach((gap, i) => {
      const cell = sheet.getCell(start + 2 + i, 4);
      expect(formulaOf(cell)).toBe(`C${start + 2 + i}-B${start + 2 + i}`);
      close(result(cell), gap, `kloof ${i}`);
    });
    close(result(sheet.getCell(start + 5, 4)), EXPECTED.gap, 'totale kloof');
  });

  it('the compact organigram is an outline: units above their positions, FTE per box', () => {
    const sheet = excel.getWorksheet(SHEETS.where)!;
    const vacancy = rowOf(sheet, 'Netwerkcoördinator');
    expect(sheet.getCell(vacancy, 1).value).toBe('        Netwerkcoördinator');
    expect(sheet.getRow(vacancy).outlineLevel).toBe(2);
    expect(sheet.getCell(vacancy, 3).value).toBe('vacature');
    expect(sheet.getCell(vacancy, 5).value).toBe('ja');
    close(sheet.getCell(rowOf(sheet, 'AgII'), 4).value, EXPECTED.planned, 'AgII');
  });

  it('steering lists each team with its chain, step by step', () => {
    const sheet = excel.getWorksheet(SHEETS.steering)!;
    const row = rowOf(sheet, 'Team Antwerpen');
    expect(sheet.getCell(row, 5).value).toBe(
      'Teamcoach (Sofie Maes, Team Antwerpen) → Afdelingshoofd (vacant, Afdeling Inburgering) → Administrateur-generaal (Dirk De Smet, AgII)',
    );
    close(result(sheet.getCell(rowOf(sheet, 'Totaal'), 4)), 10.5 + 7, 'VTE teams');
    const steps = sheet
      .getColumn(1)
      .values.map((v, r) => [v, r] as const)
      .filter(([v, r]) => v === 'Team Antwerpen' && r > row)
      .map(([, r]) => [
        sheet.getCell(r, 2).value,
        sheet.getCell(r, 3).value,
        sheet.getCell(r, 4).value,
      ]);
    expect(steps).toEqual([
      [1, 'Teamcoach', 'Sofie Maes'],
      [2, 'Afdelingshoofd', 'vacant'],
      [3, 'Administrateur-generaal', 'Dirk De Smet'],
    ]);
  });

  it('cross-unit: division pairs and every dotted line with its label', () => {
    const sheet = excel.getWorksheet(SHEETS.crossUnit)!;
    const header = rowOf(sheet, 'Van');
    expect(sheet.getRow(header + 1).values).toEqual([
      undefined,
      'Netwerkcoördinator',
      'Team Antwerpen',
      'Afdeling Inburgering',
      'Team Gent',
      'Team Gent',
      'Afdeling Integratie & Participatie',
      'Werkgroep vierde pijler',
    ]);
    close(result(sheet.getCell(rowOf(sheet, 'Totaal'), 3)), 2, 'verbanden');
  });

  it('pilots: reach 180 / 240 = 75 % and network shares as formulas, euros whole', () => {
    const sheet = excel.getWorksheet(SHEETS.pilots)!;
    const reach = sheet.getCell(rowOf(sheet, 'Bereik (bereikt / beoogd)'), 2);
    expect(formulaOf(reach)).toMatch(/^IF\(B\d+=0,0,B\d+\/B\d+\)$/);
    close(result(reach), 0.75, 'bereik');
    expect(reach.numFmt).toBe('0.0%');
    const budget = sheet.getCell(rowOf(sheet, 'Budget'), 2);
    expect(budget.value).toBe(EXPECTED.budget);
    expect(budget.numFmt).toBe('"€" #,##0');
    const total = rowOf(sheet, 'Totaal');
    close(result(sheet.getCell(total, 2)), EXPECTED.covered, 'gedekt');
    close(result(sheet.getCell(total, 3)), EXPECTED.municipalities, 'gemeenten');
    close(result(sheet.getCell(total, 4)), 5 / 12, 'aandeel');
    expect(sheet.getCell(rowOf(sheet, 'Regierol opgenomen'), 2).value).toBe(7);
  });
});

const cellAt = (sheet: OpenpyxlSheet, ref: string) => sheet.cells[ref]?.[0];
const refOf = (sheet: OpenpyxlSheet, label: string): number => {
  const hit = Object.entries(sheet.cells).find(([ref, [v]]) => /^A\d+$/.test(ref) && v === label);
  if (!hit) throw new Error(`${label} niet gevonden`);
  return Number(hit[0].slice(1));
};

describe.runIf(openpyxlAvailable)('answerWorkbook read by openpyxl', () => {
  it('sees the same formulas with cached values, number formats, frozen header, print setup', () => {
    const sheet = book.sheets[SHEETS.howMany]!;
    const total = refOf(sheet, 'Totaal');
    expect(sheet.cells[`B${total}`]).toEqual([
      expect.stringMatching(/^=SUM\(B\d+:B\d+\)$/),
      'f',
      '0.00',
    ]);
    close(sheet.cached[`B${total}`], 26.1, 'totaal (cache)');
    expect(sheet.freeze).toBe('A4');
    expect(sheet.landscape).toBe('landscape');
    expect(sheet.footer).toBe('Pagina &P van &N');
    expect(cellAt(book.sheets['Antwoord']!, 'A1')).toBe('Vierde pijler in cijfers');
  });

  it('finds the native charts: three on 1 Hoeveel VTE, one on 5 Proeftuinen', () => {
    expect(book.sheets[SHEETS.howMany]!.charts).toBe(3);
    expect(book.sheets[SHEETS.pilots]!.charts).toBe(1);
  });

  it('every chart series points at cells of its own sheet', () => {
    const parts = unzipSync(file);
    const charts = Object.keys(parts).filter((name) => name.startsWith('xl/charts/chart'));
    expect(charts).toHaveLength(4);
    // Columns of FTE start at 0, whatever the viewer's auto-scaling would pick.
    for (const name of charts) expect(strFromU8(parts[name]!)).toContain('<c:min val="0"/>');
    const refs = charts.flatMap((name) =>
      [...strFromU8(parts[name]!).matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]!),
    );
    expect(
      refs.every((ref) =>
        /^'(1 Hoeveel VTE|5 Proeftuinen)'!\$[A-D]\$\d+(:\$[A-D]\$\d+)?$/.test(ref),
      ),
    ).toBe(true);
  });
});

describe.runIf(sofficeAvailable && openpyxlAvailable)(
  'answerWorkbook recalculated by LibreOffice',
  () => {
    it('recalculates every formula to its cached value (a wrong canary is corrected); charts survive', () => {
      // A canary with a wrong cached value: if LibreOffice kept the cached values it would stay 7.
      const parts = unzipSync(file);
      const first = Object.keys(parts).find((name) => name === 'xl/worksheets/sheet1.xml')!;
      parts[first] = strToU8(
        strFromU8(parts[first]!).replace(
          '</sheetData>',
          '<row r="300"><c r="A300"><f>1+1</f><v>7</v></c></row></sheetData>',
        ),
      );
      const output = recalculateWithLibreOffice(tempFile('antwoord-kanarie.xlsx', zipSync(parts)));
      const recalculated = readWithOpenpyxl(output);
      expect(recalculated.sheets[SHEETS.howMany]!.cached['A300']).toBe(2);
      let formulas = 0;
      for (const [name, sheet] of Object.entries(book.sheets))
        for (const [ref, cached] of Object.entries(sheet.cached)) {
          close(recalculated.sheets[name]!.cached[ref], Number(cached), `${name}!${ref}`);
          formulas++;
        }
      expect(formulas).toBeGreaterThan(50);
      // The hand-worked totals, as LibreOffice computed them.
      const howMany = recalculated.sheets[SHEETS.howMany]!;
      close(
        howMany.cached[`B${refOf(howMany, 'Totaal')}`],
        EXPECTED.planned,
        'totaal na herberekening',
      );
      const answer = recalculated.sheets[SHEETS.answer]!;
      close(answer.cached[`B${refOf(answer, 'Kloof (over de regio’s)')}`], EXPECTED.gap, 'kloof');
      const pilots = recalculated.sheets[SHEETS.pilots]!;
      close(pilots.cached[`B${refOf(pilots, 'Bereik (bereikt / beoogd)')}`], 0.75, 'bereik');
      expect(recalculated.sheets[SHEETS.howMany]!.charts).toBe(3);
      expect(
        Object.keys(unzipSync(readBytes(output))).filter((n) => n.startsWith('xl/charts/chart')),
      ).toHaveLength(4);
    }, 240_000);
  },
);
