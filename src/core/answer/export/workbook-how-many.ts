import { formula, header, sumColumn } from '../../export/report/layout';
import { OKABE_ITO, type ChartSpec } from '../../export/xlsx/charts';
import type { CellInput } from '../../export/xlsx/cells';
import type { SheetHandle, XlsxWriter } from '../../export/xlsx/workbook';
import { cellRef, sheetRange } from '../../export/xlsx/xml';
import type { Answer, SplitRow } from '../types';
import { sectionTitle } from './document';
import {
  SHEETS,
  chartAnchor,
  fte,
  heading,
  int,
  sheetOptions,
  type KeyRefs,
} from './workbook-layout';

/**
 * Sheet "1 Hoeveel VTE": the key figures, then planned / filled / vacant per quarter, division,
 * role and region (vacant and the totals as formulas), required vs planned per region with
 * the gap, and a native column chart beside the tables for quarters, divisions and regions.
 */
type Block = { headerRow: number; first: number; last: number; totalRow: number };

/** Label | Gepland | Ingevuld | Vacant (= gepland − ingevuld), with a total row of SUMs. */
function splitBlock(
  sheet: SheetHandle,
  title: string,
  label: string,
  rows: readonly { label: string; planned: number; filled: number }[],
  /** Quarters are moments, not parts: their FTE do not add up, so they get no total. */
  total = true,
): Block {
  sheet.row([{ v: title, s: 'bold' }]);
  const headerRow = sheet.row(header([label, 'Gepland VTE', 'Ingevuld VTE', 'Vacant VTE']));
  const first = headerRow + 1;
  for (const row of rows) {
    const r = sheet.rowCount + 1;
    sheet.row([
      row.label,
      fte(row.planned),
      fte(row.filled),
      formula(`${cellRef(1, r)}-${cellRef(2, r)}`, row.planned - row.filled, 'fte'),
    ]);
  }
  const last = sheet.rowCount;
  const planned = rows.reduce((s, row) => s + row.planned, 0);
  const filled = rows.reduce((s, row) => s + row.filled, 0);
  const t = last + 1;
  if (!total) {
    sheet.blank();
    return { headerRow, first, last, totalRow: last };
  }
  sheet.row([
    { v: 'Totaal', s: 'totalLabel' },
    formula(sumColumn(1, first, last), planned, 'totalFte'),
    formula(sumColumn(2, first, last), filled, 'totalFte'),
    formula(`${cellRef(1, t)}-${cellRef(2, t)}`, planned - filled, 'totalFte'),
  ]);
  sheet.blank();
  return { headerRow, first, last, totalRow: t };
}

/** A clustered column chart of two columns of a block (categories in column A). */
function columnChart(
  sheet: SheetHandle,
  title: string,
  block: Block,
  columns: [number, number],
  values: [readonly number[], readonly number[]],
  categories: readonly string[],
  index: number,
): ChartSpec {
  const colors = [OKABE_ITO.blue, OKABE_ITO.orange];
  return {
    kind: 'clustered-column',
    title,
    valueAxisTitle: 'VTE',
    valueAxisMin: 0,
    categoriesRef: sheetRange(sheet.name, 0, block.first, 0, block.last),
    categories,
    series: columns.map((column, i) => ({
      name: i === 0 ? 'Gepland' : 'Ingevuld',
      nameRef: sheetRange(sheet.name, column, block.headerRow),
      valuesRef: sheetRange(sheet.name, column, block.first, column, block.last),
      values: values[i] as readonly number[],
      color: colors[i] as string,
    })),
    anchor: chartAnchor(index),
  };
}

const splitRows = (rows: readonly SplitRow[]) =>
  rows.map((row) => ({ label: row.label, planned: row.planned.value, filled: row.filled.value }));

export function writeHowMany(writer: XlsxWriter, answer: Answer, keys: KeyRefs): void {
  const h = answer.howMany;
  const sheet = writer.addSheet(
    SHEETS.howMany,
    sheetOptions([{ width: 40 }, { width: 14 }, { width: 14 }, { width: 14 }]),
  );
  heading(sheet, `1. ${sectionTitle(answer, 'howMany')}`, answer);
  sheet.row(header(['Kerncijfer', 'Waarde']));
  const key = (
    id: string,
    label: string,
    cell: CellInput,
    value: number,
    style: KeyRefs[string]['style'],
  ) => {
    const row = sheet.row([label, cell]);
    keys[id] = { sheet: sheet.name, row, value, style };
    return row;
  };
  const planned = key(
    'planned',
    'Geplande VTE vierde pijler',
    fte(h.planned.value),
    h.planned.value,
    'fte',
  );
  const filled = key('filled', 'waarvan ingevuld', fte(h.filled.value), h.filled.value, 'fte');
  key(
    'vacantFte',
    'waarvan vacant (gepland − ingevuld)',
    formula(
      `${cellRef(1, planned)}-${cellRef(1, filled)}`,
      h.planned.value - h.filled.value,
      'fte',
    ),
    h.planned.value - h.filled.value,
    'fte',
  );
  const share = h.planned.value > 0 ? h.filled.value / h.planned.value : 0;
  sheet.row([
    'Aandeel ingevuld',
    formula(
      `IF(${cellRef(1, planned)}=0,0,${cellRef(1, filled)}/${cellRef(1, planned)})`,
      share,
      'percent',
    ),
  ]);
  key('positions', 'Functies', int(h.positions.value), h.positions.value, 'integer');
  key('people', 'Personen', int(h.people.value), h.people.value, 'integer');
  key('vacancies', 'Vacatures', int(h.vacancies.value), h.vacancies.value, 'integer');
  key('required', 'Benodigde VTE (vraagmodel)', fte(h.required.value), h.required.value, 'fte');
  key('gap', 'Kloof (gepland − benodigd, over de regio’s)', fte(h.gap.value), h.gap.value, 'fte');
  sheet.blank();

  const charts: ChartSpec[] = [];
  if (h.quarters.length > 0) {
    const block = splitBlock(
      sheet,
      'Per kwartaal',
      'Kwartaal',
      h.quarters.map((q) => ({ label: q.label, planned: q.planned, filled: q.filled })),
      false,
    );
    charts.push(
      columnChart(
        sheet,
        'Gepland en ingevuld per kwartaal (VTE)',
        block,
        [1, 2],
        [h.quarters.map((q) => q.planned), h.quarters.map((q) => q.filled)],
        h.quarters.map((q) => q.label),
        charts.length,
      ),
    );
  }
  const splits: [string, string, readonly SplitRow[]][] = [
    ['Per afdeling', 'Afdeling', h.byDivision],
    ['Per rol', 'Rol', h.byRole],
    ['Per AgII-regio', 'AgII-regio', h.byRegion],
  ];
  for (const [title, label, rows] of splits) {
    if (rows.length === 0) continue;
    const block = splitBlock(sheet, title, label, splitRows(rows));
    if (label === 'Afdeling')
      charts.push(
        columnChart(
          sheet,
          'Gepland en ingevuld per afdeling (VTE)',
          block,
          [1, 2],
          [rows.map((r) => r.planned.value), rows.map((r) => r.filled.value)],
          rows.map((r) => r.label),
          charts.length,
        ),
      );
  }
  if (h.regions.length > 0) {
    sheet.row([{ v: 'Benodigd en gepland per netwerk', s: 'bold' }]);
    const headerRow = sheet.row(header(['Netwerk', 'Benodigd VTE', 'Gepland VTE', 'Kloof VTE']));
    const first = headerRow + 1;
    for (const region of h.regions) {
      const r = sheet.rowCount + 1;
      sheet.row([
        region.name,
        fte(region.required.value),
        fte(region.planned.value),
        formula(`${cellRef(2, r)}-${cellRef(1, r)}`, region.gap.value, 'fte'),
      ]);
    }
    const last = sheet.rowCount;
    const sum = (f: (r: (typeof h.regions)[number]) => number) =>
      h.regions.reduce((s, r) => s + f(r), 0);
    sheet.row([
      { v: 'Totaal', s: 'totalLabel' },
      formula(
        sumColumn(1, first, last),
        sum((r) => r.required.value),
        'totalFte',
      ),
      formula(
        sumColumn(2, first, last),
        sum((r) => r.planned.value),
        'totalFte',
      ),
      formula(
        sumColumn(3, first, last),
        sum((r) => r.gap.value),
        'totalFte',
      ),
    ]);
    const chart = columnChart(
      sheet,
      'Benodigd en gepland per netwerk (VTE)',
      { headerRow, first, last, totalRow: last + 1 },
      [1, 2],
      [h.regions.map((r) => r.required.value), h.regions.map((r) => r.planned.value)],
      h.regions.map((r) => r.name),
      charts.length,
    );
    charts.push({
      ...chart,
      series: chart.series.map((s, i) => ({
        ...s,
        name: i === 0 ? 'Benodigd VTE' : 'Gepland VTE',
      })),
    });
  }
  sheet.charts.push(...charts);
}
