import type { Database } from 'sql.js';
import { loadSnapshot, today } from '../../org/load';
import { compareScenarios } from '../../planning/compare';
import { demandByRegion, type RegionKind } from '../../planning/demand';
import type { Grain } from '../../planning/months';
import type { Progress } from '../../handlers/context';
import { err, ok, type Result } from '../../result';
import type { TruncationNote } from '../xlsx/cells';
import type { Compression } from '../xlsx/compression';
import { XlsxWriter, type ByteSink } from '../xlsx/workbook';
import { cellRef, quoteSheetName } from '../xlsx/xml';
import { writeCharts } from './charts-sheet';
import { formula, header } from './layout';
import { writeOrganigram } from './org-sheet';
import {
  chooseScenario,
  divisionOf,
  planFigures,
  scenarioList,
  type ActivityFilter,
} from './plan-data';
import { writeDemand, writeFtePlan, writeScenarioCompare } from './plan-sheets';
import { writeMunicipalities, writePilots } from './reference-sheets';

export const REPORT_TITLE = 'Vierde pijler — rapport';

export type ReportOptions = {
  /** Scenario name or id; default: the approved one. */
  scenario?: string | number;
  /** The scenario to compare with; default: the other one (its base, or the next). */
  compareWith?: string | number;
  grain?: Extract<Grain, 'month' | 'quarter' | 'year'>;
  activity?: ActivityFilter;
  regionKind?: RegionKind;
  /** The workspace file's name, shown on the summary. */
  fileName?: string;
  /** When the report is made (tests pass a fixed one). */
  now?: Date;
  /** Checked between sheets: a cancelled report stops and writes no more. */
  signal?: AbortSignal;
  progress?: (progress: Progress) => void;
  /** The host's native deflate; fflate when absent. */
  compression?: Compression;
};

export type ReportResult = {
  sheets: string[];
  rows: number;
  notes: TruncationNote[];
  bytes: number;
};

const GRAIN_LABEL = { month: 'maand', quarter: 'kwartaal', year: 'jaar' } as const;

/**
 * The report workbook "Vierde pijler — rapport", streamed to `sink`: Samenvatting, FTE-plan,
 * Vraag en capaciteit, Organigram, Proeftuinen, Gemeenten, Scenariovergelijking and Grafieken.
 * Figures come from the planning core (grid, demand, compare) and the organigram core
 * (snapshot, roll-ups); every total is a formula with its cached result.
 */
export async function writeReport(
  db: Database,
  sink: ByteSink,
  options: ReportOptions = {},
): Promise<Result<ReportResult>> {
  const scenario = chooseScenario(db, options.scenario);
  if (!scenario.ok) return scenario;
  const others = scenarioList(db).filter((s) => s.id !== scenario.value.id);
  const compareWith =
    options.compareWith !== undefined
      ? chooseScenario(db, options.compareWith)
      : others[0]
        ? ok(others[0])
        : null;
  if (compareWith && !compareWith.ok) return compareWith;
  const grain = options.grain ?? 'quarter';
  const activity = options.activity ?? 'pillar4';
  const regionKind = options.regionKind ?? 'network';
  const activityLabel = activity === 'pillar4' ? 'alleen de vierde pijler' : 'alle activiteiten';
  const plan = planFigures(db, scenario.value.id, grain, activity);
  if (!plan.ok) return plan;
  const demand = demandByRegion(db, { scenarioId: scenario.value.id, regionKind, grain: 'year' });
  if (!demand.ok) return demand;
  const now = options.now ?? new Date();
  const meta = new Map(
    (db.exec('SELECT key, value FROM meta')[0]?.values ?? []).map(([k, v]) => [
      String(k),
      String(v ?? ''),
    ]),
  );
  const dataDate = meta.get('data_date') ?? today();

  const writer = new XlsxWriter(
    sink,
    {
      title: REPORT_TITLE,
      subject: `Scenario ${scenario.value.name}`,
      creator: 'Pijlerplan',
      company: 'Agentschap Integratie en Inburgering',
      keywords: 'vierde pijler; VTE; AgII',
      category: 'Rapport',
      description: `FTE-plan, vraag en capaciteit, organigram, proeftuinen en gemeenten voor scenario ${scenario.value.name}.`,
      created: now,
    },
    options.compression,
  );

  const steps = 8;
  let step = 0;
  /** Progress per sheet and a chance to cancel between sheets. */
  const next = async (): Promise<boolean> => {
    options.progress?.({ phase: 'report', done: ++step, total: steps });
    await writer.maybeDrain();
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    return options.signal?.aborted === true;
  };
  const cancelled = () =>
    err('export.cancelled', 'De export is geannuleerd; het bestand is niet (volledig) geschreven.');

  const planRefs = writeFtePlan(writer, plan.value, {
    scenario: scenario.value.name,
    activityLabel,
    grainLabel: GRAIN_LABEL[grain],
  });
  if (await next()) return cancelled();
  const demandRefs = writeDemand(writer, demand.value, {
    scenario: scenario.value.name,
    regionLabel: regionKind === 'network' ? 'netwerk (referentieregio)' : 'AgII-regio',
  });
  if (await next()) return cancelled();
  const snapshot = loadSnapshot(db, { scenarioId: scenario.value.id, date: dataDate });
  const orgRefs = writeOrganigram(writer, snapshot, { date: dataDate });
  if (await next()) return cancelled();
  const pilotRefs = writePilots(writer, db);
  if (await next()) return cancelled();
  writeMunicipalities(writer, db);
  if (await next()) return cancelled();

  const yearly = planFigures(db, scenario.value.id, 'year', activity);
  if (!yearly.ok) return yearly;
  const scenariosForChart = [{ name: scenario.value.name, plan: plan.value }];
  if (compareWith) {
    const other = planFigures(db, compareWith.value.id, grain, activity);
    if (!other.ok) return other;
    const compare = compareScenarios(db, {
      beforeId: scenario.value.id,
      afterId: compareWith.value.id,
      limit: 0,
    });
    writeScenarioCompare(writer, plan.value, other.value, compare.ok ? compare.value : null, {
      before: scenario.value.name,
      after: compareWith.value.name,
      activityLabel,
    });
    scenariosForChart.push({ name: compareWith.value.name, plan: other.value });
  }

  if (await next()) return cancelled();
  const divisions = divisionOf(snapshot.units);
  const byDivision = new Map<string, number[]>();
  for (const unit of yearly.value.units) {
    const division = divisions.get(unit.unitId)?.name ?? unit.name;
    const values = byDivision.get(division) ?? yearly.value.buckets.map(() => 0);
    for (const row of unit.rows) row.values.forEach((v, b) => (values[b] = (values[b] ?? 0) + v));
    byDivision.set(division, values);
  }
  writeCharts(writer, {
    byDivision: {
      years: yearly.value.buckets,
      divisions: [...byDivision.entries()].map(([name, values]) => ({ name, values })),
    },
    demand: demand.value,
    scenarios: scenariosForChart,
  });

  if (await next()) return cancelled();
  // Samenvatting last (it quotes the other sheets), shown first.
  const summary = writer.addSheet('Samenvatting', {
    columns: [{ width: 44 }, { width: 40 }],
    print: { fitToWidth: true, footer: '&CPagina &P van &N' },
  });
  summary.row([{ v: REPORT_TITLE, s: 'title' }], { height: 26 });
  summary.blank();
  const fact = (label: string, value: Parameters<typeof summary.row>[0][number]) =>
    summary.row([{ v: label, s: 'bold' }, value]);
  fact('Werkruimte', options.fileName ?? meta.get('name') ?? '');
  fact('Gegevensdatum', { v: new Date(`${dataDate}T00:00:00Z`), s: 'date' });
  fact(
    'Gemaakt op',
    `${now.toISOString().slice(0, 10).split('-').reverse().join('/')} ${now.toISOString().slice(11, 16)} UTC`,
  );
  fact(
    'Scenario',
    `${scenario.value.name} (${scenario.value.status === 'approved' ? 'goedgekeurd' : 'ontwerp'})`,
  );
  fact('Vergeleken met', compareWith ? compareWith.value.name : '—');
  fact(
    'Periode',
    `${plan.value.grid.months[0] ?? ''} – ${plan.value.grid.months.at(-1) ?? ''}, per ${GRAIN_LABEL[grain]}`,
  );
  fact(
    'Filters',
    `${activityLabel}; vraag per ${regionKind === 'network' ? 'netwerk' : 'AgII-regio'}`,
  );
  summary.blank();
  summary.row(header(['Kerncijfer', 'Waarde']));
  const ref = (sheet: string, column: number, row: number) =>
    `${quoteSheetName(sheet)}!${cellRef(column, row)}`;
  summary.row([
    'Gemiddeld geplande VTE (FTE-plan)',
    formula(
      ref(planRefs.sheet, planRefs.averageColumn, planRefs.totalRow),
      planRefs.average,
      'fte',
    ),
  ]);
  summary.row(['Gemiddeld benodigde VTE (vraagmodel)', { v: demandRefs.required, s: 'fte' }]);
  summary.row([
    'Gemiddeld geplande VTE in de regio’s (vraagmodel)',
    { v: demandRefs.planned, s: 'fte' },
  ]);
  const r = summary.rowCount + 1;
  summary.row([
    'Kloof (gepland − benodigd)',
    formula(
      `${cellRef(1, r - 1)}-${cellRef(1, r - 2)}`,
      demandRefs.planned - demandRefs.required,
      'fte',
    ),
  ]);
  summary.row(['Begrote VTE vierde pijler (organigram)', { v: orgRefs.pillar4Fte, s: 'fte' }]);
  summary.row([
    'Functies met een vierde-pijleraandeel',
    { v: orgRefs.pillar4Positions, s: 'integer' },
  ]);
  summary.row(['Functies / waarvan vacant', `${orgRefs.positions} / ${orgRefs.vacant}`]);
  summary.row(['Proeftuinen', { v: pilotRefs.count, s: 'integer' }]);
  summary.row(['Gemeenten in een proeftuin', { v: pilotRefs.municipalities, s: 'integer' }]);
  summary.row([
    'Budget proeftuinen',
    formula(ref(pilotRefs.sheet, 4, pilotRefs.totalRow), pilotRefs.budget, 'euro'),
  ]);
  summary.blank();
  summary.row([
    {
      v: 'Totalen zijn formules met hun berekende waarde: ze kloppen ook in een voorbeeldweergave die niet herberekent.',
      s: 'note',
    },
  ]);

  const result = await writer.finish({ firstSheets: ['Samenvatting'] });
  return ok({
    sheets: result.sheets.map((sheet) => sheet.name),
    rows: result.sheets.reduce((sum, sheet) => sum + sheet.rows, 0),
    notes: result.notes,
    bytes: result.bytes,
  });
}
