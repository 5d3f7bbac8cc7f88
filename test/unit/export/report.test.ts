import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Database, SqlValue } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../core/workspace-fixture';
import {
  openpyxlAvailable,
  readBytes,
  readWithOpenpyxl,
  recalculateWithLibreOffice,
  sofficeAvailable,
  tempFile,
  type OpenpyxlBook,
  type OpenpyxlSheet,
} from './helpers';

/**
 * The report workbook on the demo workspace, read back by openpyxl and checked against SQL on
 * the database: every total's cached value, the number formats, frozen panes, filters, print
 * setup, outline rows and the charts; then recalculated by LibreOffice.
 */
let db: Database;
let file: Uint8Array;
let path: string;
let book: OpenpyxlBook;

const NOW = new Date(Date.UTC(2026, 0, 15, 9, 30));
const values = (sql: string, params: SqlValue[] = []): SqlValue[][] =>
  db.exec(sql, params)[0]?.values ?? [];
const one = (sql: string, params: SqlValue[] = []) => Number(values(sql, params)[0]?.[0] ?? NaN);
const close = (actual: unknown, expected: number, label: string) =>
  expect(
    Math.abs(Number(actual) - expected),
    `${label}: ${String(actual)} ≠ ${expected}`,
  ).toBeLessThan(1e-6);

const PILLAR4 = `JOIN activity act ON act.code = a.activity_code AND act.is_pillar4 = 1`;
const QUARTER = `substr(a.month, 1, 4) || ' K' || ((CAST(substr(a.month, 6, 2) AS INTEGER) + 2) / 3)`;

/** Row number of the first cell in column `column` whose value is `text`. */
function rowOf(sheet: OpenpyxlSheet, column: string, text: string): number {
  const entry = Object.entries(sheet.cells).find(
    ([ref, [value]]) => ref.replace(/\d+$/, '') === column && value === text,
  );
  if (!entry) throw new Error(`${text} niet gevonden in kolom ${column}`);
  return Number(entry[0].replace(/^[A-Z]+/, ''));
}
const columnName = (index: number) => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

beforeAll(async () => {
  const started = await startCore();
  const opened = await started.core.call('workspace.openDemo', undefined);
  if (!opened.ok) throw new Error(opened.error.message);
  db = started.session.db;
  const result = await started.core.call('export.report', {
    fileName: 'demo.pijlerplan',
    now: NOW,
  });
  if (!result.ok) throw new Error(result.error.message);
  file = result.value.file as Uint8Array;
  path = tempFile('rapport.xlsx', file);
  if (openpyxlAvailable) book = readWithOpenpyxl(path);
}, 120_000);

describe.runIf(openpyxlAvailable)('report workbook "Vierde pijler — rapport"', () => {
  it('has its sheets in order and its document properties', () => {
    expect(Object.keys(book.sheets)).toEqual([
      'Samenvatting',
      'FTE-plan',
      'Vraag en capaciteit',
      'Organigram',
      'Proeftuinen',
      'Gemeenten',
      'Scenariovergelijking',
      'Grafieken',
    ]);
    expect(book.title).toBe('Vierde pijler — rapport');
    const summary = book.sheets['Samenvatting']!;
    expect(summary.cells['B3']?.[0]).toBe('demo.pijlerplan');
    expect(summary.cells['B4']).toEqual(['2022-11-30T00:00:00', 'd', 'dd/mm/yyyy']);
    expect(summary.cells['B5']?.[0]).toBe('15/01/2026 09:30 UTC');
  });

  it('FTE-plan: every position, unit subtotal and total equals the allocation table', () => {
    const sheet = book.sheets['FTE-plan']!;
    const scenario = one("SELECT id FROM scenario WHERE status = 'approved'");
    const quarters = values(`SELECT DISTINCT ${QUARTER} FROM allocation a ORDER BY 1`).map((r) =>
      String(r[0]),
    );
    quarters.forEach((quarter, i) =>
      expect(sheet.cells[`${columnName(3 + i)}4`]?.[0]).toBe(quarter),
    );
    const averageColumn = columnName(3 + quarters.length);
    // Positions: value cells, from SQL (average FTE over the quarter's 3 months).
    const byPosition = values(
      `SELECT p.code, ${QUARTER}, sum(a.fte) / 3.0 FROM allocation a ${PILLAR4} JOIN position p ON p.id = a.position_id
        WHERE a.scenario_id = ? GROUP BY 1, 2`,
      [scenario],
    );
    let checked = 0;
    for (const [code, quarter, fte] of byPosition) {
      if (Number(fte) === 0) continue;
      const row = rowOf(sheet, 'B', String(code));
      const column = columnName(3 + quarters.indexOf(String(quarter)));
      close(sheet.cells[`${column}${row}`]?.[0] ?? 0, Number(fte), `${code} ${quarter}`);
      expect(sheet.outline[row]).toBe(1);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // Unit subtotals: SUM formulas whose cached value is the unit's SQL total.
    const byUnit = values(
      `SELECT u.code, ${QUARTER}, sum(a.fte) / 3.0 FROM allocation a ${PILLAR4} JOIN position p ON p.id = a.position_id
         JOIN org_unit u ON u.id = p.unit_id WHERE a.scenario_id = ? GROUP BY 1, 2`,
      [scenario],
    );
    for (const [code, quarter, fte] of byUnit) {
      const row = rowOf(sheet, 'B', String(code));
      const ref = `${columnName(3 + quarters.indexOf(String(quarter)))}${row}`;
      expect(sheet.cells[ref]?.[1], ref).toBe('f');
      expect(String(sheet.cells[ref]?.[0])).toMatch(/^=SUM\(/);
      close(sheet.cached[ref], Number(fte), `unit ${code} ${quarter}`);
    }
    // Grand totals per quarter and the horizon average.
    const total = rowOf(sheet, 'A', 'Totaal');
    const perQuarter = values(
      `SELECT ${QUARTER}, sum(a.fte) / 3.0 FROM allocation a ${PILLAR4} WHERE a.scenario_id = ? GROUP BY 1 ORDER BY 1`,
      [scenario],
    );
    for (const [quarter, fte] of perQuarter) {
      const ref = `${columnName(3 + quarters.indexOf(String(quarter)))}${total}`;
      expect(String(sheet.cells[ref]?.[0])).toMatch(/^=SUM\(/);
      expect(sheet.cells[ref]?.[2]).toBe('0.00');
      close(sheet.cached[ref], Number(fte), `totaal ${quarter}`);
    }
    const months = one('SELECT count(DISTINCT month) FROM allocation');
    const average =
      one(`SELECT sum(a.fte) FROM allocation a ${PILLAR4} WHERE a.scenario_id = ?`, [scenario]) /
      months;
    close(sheet.cached[`${averageColumn}${total}`], average, 'gemiddeld');
    const summary = book.sheets['Samenvatting']!;
    close(
      summary.cached[`B${rowOf(summary, 'A', 'Gemiddeld geplande VTE (FTE-plan)')}`],
      average,
      'samenvatting',
    );
    expect(sheet).toMatchObject({
      freeze: 'B5',
      print_titles: '$4:$4',
      landscape: 'landscape',
      fit_to_width: 1,
      footer: 'Pagina &P van &N',
    });
    expect(sheet.auto_filter).toBe(`A4:${averageColumn}${total}`);
  });

  it('Vraag en capaciteit: gap and coverage are formulas, planned per year matches the allocations', () => {
    const sheet = book.sheets['Vraag en capaciteit']!;
    const first = rowOf(sheet, 'A', 'Regio') + 1;
    let row = first;
    for (; sheet.cells[`B${row}`]; row++) {
      const required = Number(sheet.cells[`C${row}`]?.[0]);
      const planned = Number(sheet.cells[`D${row}`]?.[0]);
      expect(sheet.cells[`E${row}`]?.[0]).toBe(`=D${row}-C${row}`);
      close(sheet.cached[`E${row}`], planned - required, `kloof rij ${row}`);
      if (required > 0) close(sheet.cached[`F${row}`], planned / required, `dekking rij ${row}`);
    }
    expect(row - first).toBe(18 * 5); // 18 networks × 5 years
    const plannedByYear = values(
      `SELECT substr(a.month, 1, 4), sum(a.fte) / 12.0 FROM allocation a ${PILLAR4}
         LEFT JOIN region r ON r.code = a.region_code LEFT JOIN municipality mu ON mu.nis_code = a.nis_code
        WHERE a.scenario_id = 1 AND coalesce(CASE WHEN r.kind = 'network' THEN a.region_code END, mu.network_code) IS NOT NULL
        GROUP BY 1`,
    );
    for (const [year, fte] of plannedByYear) {
      const totalRow = Object.entries(sheet.cells).find(
        ([ref, [value]]) =>
          ref.startsWith('B') &&
          value === year &&
          sheet.cells[`A${ref.slice(1)}`]?.[0] === 'Totaal',
      );
      const r = Number(totalRow?.[0].slice(1));
      expect(String(sheet.cells[`D${r}`]?.[0])).toMatch(/^=SUMIF\(/);
      close(sheet.cached[`D${r}`], Number(fte), `gepland ${String(year)}`);
    }
  });

  it('Organigram: outline rows per depth, the agency row rolls up every position', () => {
    const sheet = book.sheets['Organigram']!;
    const date = String(values("SELECT value FROM meta WHERE key = 'data_date'")[0]?.[0]);
    const valid = `scenario_id IS NULL AND (valid_from IS NULL OR valid_from <= '${date}') AND (valid_to IS NULL OR valid_to >= '${date}')`;
    expect(sheet.cells['B5']?.[0]).toBe('agentschap');
    expect(sheet.cells['D5']?.[0]).toBe(one(`SELECT count(*) FROM position WHERE ${valid}`));
    close(
      sheet.cells['H5']?.[0],
      one(`SELECT sum(budget_fte) FROM position WHERE ${valid}`),
      'VTE totaal',
    );
    close(
      sheet.cells['I5']?.[0],
      one(`SELECT sum(budget_fte * pillar4_share) FROM position WHERE ${valid}`),
      'VTE vierde pijler',
    );
    const levels = new Set(Object.values(sheet.outline));
    expect(levels.has(1) && levels.has(2)).toBe(true);
    expect(sheet.cells['H6']?.[2]).toBe('0.00');
  });

  it('Proeftuinen and Gemeenten: totals are SUM formulas equal to the database; money, dates and % formatted', () => {
    const pilots = book.sheets['Proeftuinen']!;
    const total = rowOf(pilots, 'A', 'Totaal');
    expect(pilots.cells[`E${total}`]?.[0]).toBe(`=SUM(E5:E${total - 1})`);
    close(pilots.cached[`E${total}`], one('SELECT sum(budget_eur) FROM pilot'), 'budget');
    close(
      pilots.cached[`F${total}`],
      one('SELECT sum(cofinancing_eur) FROM pilot'),
      'cofinanciering',
    );
    close(
      pilots.cached[`J${total}`],
      one('SELECT sum(reached_participants) FROM pilot'),
      'bereikt',
    );
    const summary = book.sheets['Samenvatting']!;
    close(
      summary.cached[`B${rowOf(summary, 'A', 'Budget proeftuinen')}`],
      one('SELECT sum(budget_eur) FROM pilot'),
      'samenvatting',
    );
    expect(pilots.cells['E5']?.[2]).toBe('"€" #,##0.00');
    expect(pilots.cells['G5']?.[1]).toBe('d');
    expect(pilots.cells['G5']?.[2]).toBe('dd/mm/yyyy');
    expect(pilots.cells['K5']?.[2]).toBe('0.0%');
    const towns = book.sheets['Gemeenten']!;
    const townTotal = rowOf(towns, 'A', 'Totaal');
    expect(townTotal - 5).toBe(one('SELECT count(*) FROM municipality'));
    close(
      towns.cached[`G${townTotal}`],
      one('SELECT sum(inhabitants_2020) FROM municipality'),
      'inwoners',
    );
    expect(towns.cells['A5']?.[1]).toBe('s'); // NIS code stays text
  });

  it('Scenariovergelijking: both scenarios and Δ per unit, totals equal the allocations', () => {
    const sheet = book.sheets['Scenariovergelijking']!;
    const months = one('SELECT count(DISTINCT month) FROM allocation');
    const avg = (id: number) =>
      one(`SELECT sum(a.fte) FROM allocation a ${PILLAR4} WHERE a.scenario_id = ?`, [id]) / months;
    const total = rowOf(sheet, 'A', 'Totaal');
    close(sheet.cached[`B${total}`], avg(1), 'scenario 1');
    close(sheet.cached[`C${total}`], avg(2), 'scenario 2');
    expect(sheet.cells[`D${total}`]?.[0]).toBe(`=C${total}-B${total}`);
    close(sheet.cached[`D${total}`], avg(2) - avg(1), 'Δ');
  });

  it('Grafieken: three native charts pointing at their cells, in the Okabe–Ito palette', () => {
    expect(book.sheets['Grafieken']!.charts).toBe(3);
    const parts = unzipSync(file);
    const charts = Object.keys(parts).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(3);
    const xml = charts.map((name) => strFromU8(parts[name]!)).join('');
    expect(xml).toContain('<c:f>Grafieken!$B$3:$F$3</c:f>');
    expect(xml).toContain('0072B2');
    expect(xml).toContain('E69F00');
    expect(xml).toMatch(/<c:grouping val="stacked"\/>/);
    expect(xml).toContain('<c:lineChart>');
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('drawingml.chart+xml');
  });
});

/** The refs (`<c:f>`) every chart in a package points at. */
function chartRefs(parts: Record<string, Uint8Array>): string[] {
  return Object.entries(parts)
    .filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name))
    .flatMap(([, bytes]) =>
      [...strFromU8(bytes).matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]!.replace(/\$/g, '')),
    )
    .sort();
}

describe.runIf(sofficeAvailable && openpyxlAvailable)('report recalculated by LibreOffice', () => {
  it('recalculates every formula to the cached value (a wrong canary is corrected), charts keep their references', () => {
    // A canary with a deliberately wrong cached value: if LibreOffice kept cached values, it stays 7.
    const parts = unzipSync(file);
    const summaryPart = Object.keys(parts).find(
      (name) =>
        name.startsWith('xl/worksheets/sheet') &&
        strFromU8(parts[name]!).includes('Vierde pijler — rapport'),
    )!;
    parts[summaryPart] = strToU8(
      strFromU8(parts[summaryPart]!).replace(
        '</sheetData>',
        '<row r="200"><c r="A200"><f>1+1</f><v>7</v></c></row></sheetData>',
      ),
    );
    const input = tempFile('rapport-kanarie.xlsx', zipSync(parts));
    const output = recalculateWithLibreOffice(input);
    const recalculated = readWithOpenpyxl(output);
    expect(recalculated.sheets['Samenvatting']!.cached['A200']).toBe(2);
    let formulas = 0;
    for (const [name, sheet] of Object.entries(book.sheets)) {
      for (const [ref, cached] of Object.entries(sheet.cached)) {
        const after = recalculated.sheets[name]!.cached[ref];
        if (typeof cached === 'number') close(after, cached, `${name}!${ref}`);
        else expect(after ?? '', `${name}!${ref}`).toBe(cached ?? '');
        formulas++;
      }
    }
    expect(formulas).toBeGreaterThan(400);
    // And straight against the database, after LibreOffice did the sums.
    const pilots = recalculated.sheets['Proeftuinen']!;
    close(
      pilots.cached[`E${rowOf(pilots, 'A', 'Totaal')}`],
      one('SELECT sum(budget_eur) FROM pilot'),
      'budget na herberekening',
    );
    const plan = recalculated.sheets['FTE-plan']!;
    const total = rowOf(plan, 'A', 'Totaal');
    close(
      plan.cached[`D${total}`],
      one(
        `SELECT sum(a.fte) / 3.0 FROM allocation a ${PILLAR4} WHERE a.scenario_id = 1 AND a.month <= '2022-03'`,
      ),
      'K1 2022',
    );
    // Charts survive the round trip with their cell references.
    const after = unzipSync(readBytes(output));
    expect(chartRefs(after)).toEqual(chartRefs(unzipSync(file)));
    expect(recalculated.sheets['Grafieken']!.charts).toBe(3);
  }, 240_000);
});
