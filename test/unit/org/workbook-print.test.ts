import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { changeMarks } from '../../../src/features/organigram/use-org-compare';
import { parseBelgianDate } from '../../../src/components/date-field/DateField';
import { OVERLAP, PAPERS, printPlan } from '../../../src/features/organigram/print-pages';
import { startOrgCore, unwrap } from './fixture';

async function readBook(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

describe('the organigram workbook (hand-worked figures from fixture.ts)', () => {
  it('lists every position under its unit, in reporting order, with formulas and cached totals', async () => {
    const { call } = await startOrgCore();
    const made = unwrap(await call('org.exportXlsx', { date: '2026-06-01' }));
    expect(made.positions).toBe(7);
    const book = await readBook(made.file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Organigram', 'Functies']);
    const sheet = book.getWorksheet('Functies')!;
    const rows: { label: string; level: number; fte?: unknown; p4?: unknown }[] = [];
    sheet.eachRow((row, n) => {
      if (n <= 4) return;
      rows.push({
        label: String(row.getCell(1).value ?? ''),
        level: row.outlineLevel ?? 0,
        fte: row.getCell(6).value,
        p4: row.getCell(8).value,
      });
    });
    // Units depth-first, each followed by its positions (indented one deeper, chains deeper).
    expect(rows.map((r) => r.label.trim())).toEqual([
      'Agentschap',
      'Directeur',
      'Divisie A',
      'Hoofd A',
      'Team A1',
      'Coach 1',
      'Coach 2',
      'Divisie B',
      'Hoofd B',
      'Analist',
      'Staf',
      'Stafmedewerker',
      'Totaal (7 functies)',
    ]);
    expect(rows.find((r) => r.label.trim() === 'Coach 2')!.level).toBe(3);
    expect(rows.find((r) => r.label.trim() === 'Analist')!.label).toBe('      Analist');
    // Coach 2: 0.5 FTE × 80 % = 0.4, a formula with its cached result.
    const coach2 = rows.find((r) => r.label.trim() === 'Coach 2')!;
    expect(coach2.p4).toMatchObject({ result: 0.4 });
    expect((coach2.p4 as { formula: string }).formula).toMatch(/^F\d+\*G\d+$/);
    // Totals: 6.3 budgeted FTE, 2.0 fourth-pillar FTE (1×0.2 + 1×1 + 0.5×0.8 + 0.8×0.5).
    const total = rows.at(-1)!;
    expect((total.fte as { result: number }).result).toBeCloseTo(6.3, 9);
    expect((total.p4 as { result: number }).result).toBeCloseTo(2.0, 9);
    // The units sheet keeps the report's roll-ups: Divisie A holds 3 positions, 2.5 FTE.
    const units = book.getWorksheet('Organigram')!;
    let divisionA: ExcelJS.Row | null = null;
    units.eachRow((row) => {
      if (String(row.getCell(1).value).trim() === 'Divisie A') divisionA = row;
    });
    expect(divisionA!.getCell(4).value).toBe(3);
    expect(divisionA!.getCell(8).value).toBeCloseTo(2.5, 9);
  });

  it('follows the scenario: a position moved in a scenario sits under its new unit there', async () => {
    const { call } = await startOrgCore();
    unwrap(
      await call('org.movePosition', { positionId: 6, reportsToId: 2, unitId: 2, scenarioId: 2 }),
    );
    const book = await readBook(
      unwrap(await call('org.exportXlsx', { scenarioId: 2, date: '2026-06-01' })).file,
    );
    const labels: string[] = [];
    book.getWorksheet('Functies')!.eachRow((row, n) => {
      if (n > 4) labels.push(String(row.getCell(1).value).trim());
    });
    expect(labels.indexOf('Analist')).toBeLessThan(labels.indexOf('Team A1'));
    expect(labels.indexOf('Analist')).toBeGreaterThan(labels.indexOf('Hoofd A'));
  });
});

describe('print pages', () => {
  it.each([
    // chart w × h, paper, scale → cols × rows
    [1000, 600, 'A4', 1, 1, 1],
    [4000, 1000, 'A3', 0.6, 2, 1],
    [46244, 5726, 'A3', 0.6, 20, 4],
  ] as const)('%i × %i px on %s at %f: %i × %i pages', (w, h, paper, scale, cols, rows) => {
    const plan = printPlan(w, h, paper, scale);
    expect([plan.cols, plan.rows]).toEqual([cols, rows]);
    expect(plan.pages).toHaveLength(cols * rows);
    // Neighbouring pages overlap by OVERLAP of a page; together they cover the chart.
    const pw = PAPERS[paper].w / scale;
    if (cols > 1) expect(plan.pages[0]!.x1 - plan.pages[1]!.x0).toBeCloseTo(pw * OVERLAP, 6);
    expect(Math.max(...plan.pages.map((p) => p.x1))).toBeGreaterThanOrEqual(w);
    expect(Math.max(...plan.pages.map((p) => p.y1))).toBeGreaterThanOrEqual(h);
  });
});

describe('Belgian dates', () => {
  it.each([
    ['31/12/2026', '2026-12-31'],
    ['1/2/2024', '2024-02-01'],
    ['01-02-24', '2024-02-01'],
    ['29.02.2024', '2024-02-29'],
    ['2026-07-01', '2026-07-01'],
    ['29/02/2023', null],
    ['12/31/2026', null],
    ['morgen', null],
  ])('%s → %s', (input, iso) => expect(parseBelgianDate(input)).toBe(iso));
});

describe('compare marks', () => {
  it('marks added, moved and changed cards once, the strongest change winning; removed are only listed', () => {
    const marks = changeMarks(
      [
        { positionId: 1, code: 'a', title: 'A', kind: 'added' },
        { positionId: 2, code: 'b', title: 'B', kind: 'fte-changed' },
        { positionId: 2, code: 'b', title: 'B', kind: 'moved' },
        { positionId: 3, code: 'c', title: 'C', kind: 'removed' },
      ],
      (kind) => kind.toUpperCase(),
    );
    expect([...marks.entries()]).toEqual([
      ['p1', { kind: 'added', label: 'ADDED' }],
      ['p2', { kind: 'moved', label: 'MOVED' }],
    ]);
  });
});
