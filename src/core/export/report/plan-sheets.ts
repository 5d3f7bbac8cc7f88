import type { CompareResult } from '../../planning/compare';
import type { DemandResult } from '../../planning/demand';
import type { CellInput } from '../xlsx/cells';
import { cellRef } from '../xlsx/xml';
import type { XlsxWriter } from '../xlsx/workbook';
import { bucketLabel, formula, header, sumCells, sumColumn, sumRow, tableSheet } from './layout';
import type { PlanFigures } from './plan-data';

/** Where the FTE-plan's grand total sits, for the summary's formulas. */
export type PlanRefs = { sheet: string; totalRow: number; averageColumn: number; average: number };

const FIRST_BUCKET = 3;

/**
 * FTE-plan: unit rows (subtotals) with their positions as outline rows below, the average FTE
 * per bucket, and SUM formulas with cached results for every subtotal, the total row and the
 * "Gemiddeld" column (the bucket values weighted by their months ÷ months of the horizon).
 */
export function writeFtePlan(
  writer: XlsxWriter,
  plan: PlanFigures,
  context: { scenario: string; activityLabel: string; grainLabel: string },
): PlanRefs {
  const n = plan.buckets.length;
  const lastBucket = FIRST_BUCKET + n - 1;
  const averageColumn = lastBucket + 1;
  const months = plan.bucketMonths.reduce((sum, value) => sum + value, 0) || 1;
  const sameLength = plan.bucketMonths.every((value) => value === plan.bucketMonths[0]);
  const sheet = writer.addSheet(
    'FTE-plan',
    tableSheet(
      [
        { width: 44 },
        { width: 12 },
        { width: 24 },
        ...plan.buckets.map(() => ({ width: 10, style: 'fte' as const })),
        { width: 11, style: 'fte' as const },
      ],
      1,
      1,
    ),
  );
  sheet.row([{ v: `FTE-plan — ${context.scenario}`, s: 'title' }], { height: 24 });
  sheet.row([
    {
      v: `Gemiddelde VTE per ${context.grainLabel}, ${context.activityLabel}. Subtotalen, totalen en "Gemiddeld" zijn formules (SOM).`,
      s: 'note',
    },
  ]);
  sheet.blank();
  sheet.row(
    header(['Eenheid / functie', 'Code', 'Persoon', ...plan.buckets.map(bucketLabel), 'Gemiddeld']),
    {
      height: 30,
    },
  );
  // "Gemiddeld": months-weighted when buckets differ in length (a partial quarter).
  const averageFormula = (row: number, values: readonly number[]) => {
    const value = values.reduce((sum, v, b) => sum + v * (plan.bucketMonths[b] ?? 0), 0) / months;
    const f = sameLength
      ? `${sumRow(row, FIRST_BUCKET, lastBucket)}/${n}`
      : `SUMPRODUCT(${cellRef(FIRST_BUCKET, row)}:${cellRef(lastBucket, row)},{${plan.bucketMonths.join(',')}})/${months}`;
    return { f, value };
  };
  const unitRows: number[] = [];
  for (const unit of plan.units) {
    const first = sheet.rowCount + 2;
    const last = first + unit.rows.length - 1;
    const sums = plan.buckets.map((_, b) =>
      unit.rows.reduce((s, row) => s + (row.values[b] ?? 0), 0),
    );
    const row = sheet.rowCount + 1;
    const average = averageFormula(row, sums);
    sheet.row([
      { v: unit.name, s: 'groupLabel' },
      { v: unit.code, s: 'groupLabel' },
      { v: '', s: 'groupLabel' },
      ...sums.map((value, b) =>
        formula(sumColumn(FIRST_BUCKET + b, first, last), value, 'groupFte'),
      ),
      formula(average.f, average.value, 'groupFte'),
    ]);
    unitRows.push(row);
    for (const position of unit.rows) {
      const r = sheet.rowCount + 1;
      const avg = averageFormula(r, position.values);
      sheet.row(
        [
          `    ${position.title}`,
          position.code,
          position.person ?? 'vacature',
          ...position.values,
          formula(avg.f, avg.value, 'fte'),
        ],
        { outlineLevel: 1 },
      );
    }
  }
  const totalRow = sheet.rowCount + 1;
  const cells: CellInput[] = [
    { v: 'Totaal', s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
    ...plan.totals.map((value, b) =>
      formula(sumCells(FIRST_BUCKET + b, unitRows), value, 'totalFte'),
    ),
  ];
  const total = averageFormula(totalRow, plan.totals);
  cells.push(formula(total.f, total.value, 'totalFte'));
  sheet.row(cells);
  return { sheet: sheet.name, totalRow, averageColumn, average: total.value };
}

export type DemandRefs = { sheet: string; required: number; planned: number };

/**
 * Vraag en capaciteit: the planning core's demand model (demandByRegion) per region and
 * period — required, planned, and the gap and coverage as formulas — then the totals per period
 * (SUMIF formulas) and the assumptions and formula used.
 */
export function writeDemand(
  writer: XlsxWriter,
  demand: DemandResult,
  context: { scenario: string; regionLabel: string },
): DemandRefs {
  const sheet = writer.addSheet(
    'Vraag en capaciteit',
    tableSheet(
      [
        { width: 30 },
        { width: 12 },
        { width: 14, style: 'fte' },
        { width: 14, style: 'fte' },
        { width: 14, style: 'fte' },
        { width: 12, style: 'percent' },
        { width: 16, style: 'integer' },
      ],
      1,
    ),
  );
  sheet.row([{ v: `Vraag en capaciteit — ${context.scenario}`, s: 'title' }], { height: 24 });
  sheet.row([
    {
      v: `Per ${context.regionLabel}, gemiddelde VTE per periode. Kloof = gepland − benodigd (negatief is een tekort); dekking = gepland ÷ benodigd.`,
      s: 'note',
    },
  ]);
  sheet.blank();
  sheet.row(
    header([
      'Regio',
      'Periode',
      'Benodigd VTE',
      'Gepland VTE',
      'Kloof VTE',
      'Dekking',
      'Deelnemers',
    ]),
    {
      height: 30,
    },
  );
  const first = sheet.rowCount + 1;
  for (const row of demand.rows) {
    const r = sheet.rowCount + 1;
    const planned = row.plannedMilli / 1000;
    sheet.row([
      row.regionName,
      row.bucket,
      row.requiredFte,
      planned,
      formula(`${cellRef(3, r)}-${cellRef(2, r)}`, planned - row.requiredFte, 'fte'),
      row.requiredFte > 0
        ? formula(
            `IF(${cellRef(2, r)}>0,${cellRef(3, r)}/${cellRef(2, r)},"")`,
            planned / row.requiredFte,
            'percent',
          )
        : formula(`IF(${cellRef(2, r)}>0,${cellRef(3, r)}/${cellRef(2, r)},"")`, '', 'percent'),
      row.participants,
    ]);
  }
  const last = sheet.rowCount;
  sheet.blank();
  sheet.row([{ v: 'Totaal per periode', s: 'bold' }]);
  let required = 0;
  let planned = 0;
  for (const bucket of demand.buckets) {
    const r = sheet.rowCount + 1;
    const rows = demand.rows.filter((row) => row.bucket === bucket);
    const req = rows.reduce((s, row) => s + row.requiredFte, 0);
    const plan = rows.reduce((s, row) => s + row.plannedMilli / 1000, 0);
    required += req;
    planned += plan;
    const sumif = (column: number) =>
      `SUMIF($B$${first}:$B$${last},${cellRef(1, r)},${cellRef(column, first).replace(/(\d+)$/, '$$$1')}:${cellRef(column, last).replace(/(\d+)$/, '$$$1')})`;
    sheet.row([
      { v: 'Totaal', s: 'totalLabel' },
      { v: bucket, s: 'totalLabel' },
      formula(sumif(2), req, 'totalFte'),
      formula(sumif(3), plan, 'totalFte'),
      formula(`${cellRef(3, r)}-${cellRef(2, r)}`, plan - req, 'totalFte'),
      formula(
        `IF(${cellRef(2, r)}>0,${cellRef(3, r)}/${cellRef(2, r)},"")`,
        req > 0 ? plan / req : '',
        'totalPercent',
      ),
    ]);
  }
  sheet.blank();
  sheet.row([{ v: 'Aannames van het scenario', s: 'bold' }]);
  sheet.row(header(['Aanname', 'Waarde', 'Bron']));
  for (const assumption of demand.assumptions) {
    sheet.row([
      assumption.label,
      { v: assumption.value, s: assumption.unit === 'share' ? 'percent' : 'number' },
      assumption.scenarioSource ?? assumption.source,
    ]);
  }
  sheet.blank();
  sheet.row([{ v: 'Formule (vraagmodel van de planning)', s: 'bold' }]);
  for (const line of [
    'instroom(m) = nieuwkomers(jaar van m) ÷ 12',
    'verplicht(j) = aandeel verplicht × aandeel niet werkend/studerend, vanaf het jaar van de verplichting',
    'deelnemers(m) = instroom(m) × (verplicht + (1 − verplicht) × deelname niet-verplichten)',
    'actief(m) = Σ deelnemers over m en de (spreiding − 1) maanden ervoor',
    'uren(m) = actief(m) × begeleidingsuren per deelnemer ÷ spreiding',
    'VTE volgens uren = uren(m) ÷ (productieve uren per VTE per jaar ÷ 12); volgens caseload = actief(m) ÷ caseload per VTE',
  ]) {
    sheet.row([{ v: line, s: 'note' }]);
  }
  const periods = demand.buckets.length || 1;
  return { sheet: sheet.name, required: required / periods, planned: planned / periods };
}

/**
 * Scenariovergelijking: two scenarios per unit and per period (average FTE, same filter as the
 * FTE-plan), with Δ and Δ % as formulas; the planning core's compare gives the changed cells.
 */
export function writeScenarioCompare(
  writer: XlsxWriter,
  before: PlanFigures,
  after: PlanFigures,
  compare: CompareResult | null,
  context: { before: string; after: string; activityLabel: string },
): void {
  const sheet = writer.addSheet(
    'Scenariovergelijking',
    tableSheet(
      [
        { width: 44 },
        { width: 16, style: 'fte' },
        { width: 16, style: 'fte' },
        { width: 12, style: 'fte' },
        { width: 10, style: 'percent' },
      ],
      1,
    ),
  );
  sheet.row([{ v: `Scenariovergelijking — ${context.before} ↔ ${context.after}`, s: 'title' }], {
    height: 24,
  });
  sheet.row([
    {
      v: `Gemiddelde VTE over de horizon, ${context.activityLabel}. Δ = ${context.after} − ${context.before}.${
        compare ? ` ${compare.changeCount.toLocaleString('nl-BE')} plancellen verschillen.` : ''
      }`,
      s: 'note',
    },
  ]);
  sheet.blank();
  sheet.row(header(['Eenheid / periode', context.before, context.after, 'Δ VTE', 'Δ %']), {
    height: 30,
  });
  const average = (plan: PlanFigures, unitId: number) => {
    const unit = plan.units.find((u) => u.unitId === unitId);
    if (!unit) return 0;
    const months = plan.bucketMonths.reduce((s, v) => s + v, 0) || 1;
    return (
      unit.rows.reduce(
        (sum, row) => sum + row.values.reduce((s, v, b) => s + v * (plan.bucketMonths[b] ?? 0), 0),
        0,
      ) / months
    );
  };
  const deltaCells = (r: number, a: number, b: number): CellInput[] => [
    formula(`${cellRef(2, r)}-${cellRef(1, r)}`, b - a, 'fte'),
    formula(
      `IF(${cellRef(1, r)}<>0,${cellRef(3, r)}/${cellRef(1, r)},"")`,
      a !== 0 ? (b - a) / a : '',
      'percent',
    ),
  ];
  const names = new Map<number, string>();
  for (const unit of [...before.units, ...after.units]) names.set(unit.unitId, unit.name);
  const first = sheet.rowCount + 1;
  for (const [unitId, name] of names) {
    const r = sheet.rowCount + 1;
    const a = average(before, unitId);
    const b = average(after, unitId);
    sheet.row([name, a, b, ...deltaCells(r, a, b)]);
  }
  const last = sheet.rowCount;
  const r = sheet.rowCount + 1;
  sheet.row([
    { v: 'Totaal', s: 'totalLabel' },
    formula(sumColumn(1, first, last), before.average, 'totalFte'),
    formula(sumColumn(2, first, last), after.average, 'totalFte'),
    formula(`${cellRef(2, r)}-${cellRef(1, r)}`, after.average - before.average, 'totalFte'),
    formula(
      `IF(${cellRef(1, r)}<>0,${cellRef(3, r)}/${cellRef(1, r)},"")`,
      before.average !== 0 ? (after.average - before.average) / before.average : '',
      'totalPercent',
    ),
  ]);
  sheet.blank();
  sheet.row(header(['Periode', context.before, context.after, 'Δ VTE', 'Δ %']));
  before.buckets.forEach((bucket, index) => {
    const row = sheet.rowCount + 1;
    const a = before.totals[index] ?? 0;
    const b = after.totals[index] ?? 0;
    sheet.row([bucketLabel(bucket), a, b, ...deltaCells(row, a, b)]);
  });
}
