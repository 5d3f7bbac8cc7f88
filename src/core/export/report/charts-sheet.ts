import type { DemandResult } from '../../planning/demand';
import { OKABE_ITO, OKABE_ITO_SERIES, type ChartSpec } from '../xlsx/charts';
import type { XlsxWriter } from '../xlsx/workbook';
import { sheetRange } from '../xlsx/xml';
import { bucketLabel, header } from './layout';
import type { PlanFigures } from './plan-data';

export type ChartInputs = {
  /** FTE per division and year (the report's scenario). */
  byDivision: { years: string[]; divisions: { name: string; values: number[] }[] };
  demand: DemandResult | null;
  /** Average FTE per quarter for each scenario. */
  scenarios: { name: string; plan: PlanFigures }[];
};

/**
 * Grafieken: the chart data as small tables on the left, three native Excel charts beside
 * them whose series point at those cells (so an analyst can restyle them and they follow
 * edits): FTE per division (stacked), planned vs required per region, FTE over time per scenario.
 */
export function writeCharts(writer: XlsxWriter, input: ChartInputs): void {
  const sheet = writer.addSheet('Grafieken', {
    columns: [
      { width: 30 },
      ...Array.from({ length: 8 }, () => ({ width: 12, style: 'fte' as const })),
    ],
  });
  const name = sheet.name;
  sheet.row([{ v: 'Grafieken (gegevens links, grafieken rechts)', s: 'title' }], { height: 24 });
  sheet.blank();

  // 1. FTE per afdeling, stacked per year.
  const { years, divisions } = input.byDivision;
  let top = sheet.rowCount + 1;
  sheet.row(header(['Afdeling', ...years]));
  for (const division of divisions) sheet.row([division.name, ...division.values]);
  const chart1: ChartSpec = {
    kind: 'stacked-column',
    title: 'VTE vierde pijler per afdeling',
    valueAxisTitle: 'VTE',
    categoriesRef: sheetRange(name, 1, top, years.length, top),
    categories: years,
    series: divisions.map((division, i) => ({
      name: division.name,
      nameRef: sheetRange(name, 0, top + 1 + i),
      valuesRef: sheetRange(name, 1, top + 1 + i, years.length, top + 1 + i),
      values: division.values,
      color: OKABE_ITO_SERIES[i % OKABE_ITO_SERIES.length] as string,
    })),
    anchor: { fromColumn: 10, fromRow: 1, toColumn: 20, toRow: 21 },
  };
  sheet.blank();

  // 2. Gepland vs benodigd per regio (average over the horizon).
  const charts: ChartSpec[] = [chart1];
  if (input.demand) {
    top = sheet.rowCount + 1;
    const regions = [...new Set(input.demand.rows.map((row) => row.regionName))];
    sheet.row(header(['Regio', 'Gepland VTE', 'Benodigd VTE']));
    const planned: number[] = [];
    const required: number[] = [];
    for (const region of regions) {
      const rows = input.demand.rows.filter((row) => row.regionName === region);
      const p = rows.reduce((s, row) => s + row.plannedMilli / 1000, 0) / (rows.length || 1);
      const r = rows.reduce((s, row) => s + row.requiredFte, 0) / (rows.length || 1);
      planned.push(p);
      required.push(r);
      sheet.row([region, p, r]);
    }
    const end = top + regions.length;
    charts.push({
      kind: 'clustered-column',
      title: 'Gepland en benodigd per regio (gemiddelde VTE)',
      valueAxisTitle: 'VTE',
      categoriesRef: sheetRange(name, 0, top + 1, 0, end),
      categories: regions,
      series: [
        {
          name: 'Gepland VTE',
          nameRef: sheetRange(name, 1, top),
          valuesRef: sheetRange(name, 1, top + 1, 1, end),
          values: planned,
          color: OKABE_ITO.blue,
        },
        {
          name: 'Benodigd VTE',
          nameRef: sheetRange(name, 2, top),
          valuesRef: sheetRange(name, 2, top + 1, 2, end),
          values: required,
          color: OKABE_ITO.orange,
        },
      ],
      anchor: { fromColumn: 10, fromRow: 22, toColumn: 20, toRow: 42 },
    });
    sheet.blank();
  }

  // 3. FTE over time per scenario (rows: buckets, columns: scenarios).
  top = sheet.rowCount + 1;
  const buckets = input.scenarios[0]?.plan.buckets ?? [];
  sheet.row(header(['Periode', ...input.scenarios.map((s) => s.name)]));
  buckets.forEach((bucket, b) =>
    sheet.row([bucketLabel(bucket), ...input.scenarios.map((s) => s.plan.totals[b] ?? 0)]),
  );
  const end = top + buckets.length;
  charts.push({
    kind: 'line',
    title: 'Geplande VTE vierde pijler per scenario',
    valueAxisTitle: 'VTE',
    categoriesRef: sheetRange(name, 0, top + 1, 0, end),
    categories: buckets.map(bucketLabel),
    series: input.scenarios.map((s, i) => ({
      name: s.name,
      nameRef: sheetRange(name, 1 + i, top),
      valuesRef: sheetRange(name, 1 + i, top + 1, 1 + i, end),
      values: s.plan.totals,
      color:
        i === 0 ? OKABE_ITO.blue : (OKABE_ITO_SERIES[(i + 1) % OKABE_ITO_SERIES.length] as string),
    })),
    anchor: { fromColumn: 10, fromRow: 43, toColumn: 20, toRow: 63 },
  });
  sheet.charts.push(...charts);
}
