import { collectingSink } from '../../export/handlers';
import { formula, header, sumColumn } from '../../export/report/layout';
import { OKABE_ITO } from '../../export/xlsx/charts';
import { PAGE_FOOTER } from '../../export/xlsx/sheet';
import { XlsxWriter } from '../../export/xlsx/workbook';
import { cellRef, quoteSheetName, sheetRange } from '../../export/xlsx/xml';
import type { Answer } from '../types';
import {
  ANSWER_TITLE,
  SECTION_ORDER,
  answerMeta,
  chainText,
  draftParagraphs,
  orgOutline,
  sectionTitle,
} from './document';
import { writeHowMany } from './workbook-how-many';
import {
  SHEETS,
  chartAnchor,
  fte,
  heading,
  int,
  sheetOptions,
  type KeyRefs,
} from './workbook-layout';

export { SHEETS } from './workbook-layout';

/**
 * The answer as one workbook: "Antwoord" (the draft text and the key figures, quoting the other
 * sheets) and a sheet per sub-question, written with the app's own xlsx writer — its styles,
 * totals as formulas with their cached results, and native charts whose series point at the
 * cells. Every number is the Answer's; Excel formats it nl-BE (1.234,50). The first sheet's
 * figures are in workbook-how-many.ts, the shared look in workbook-layout.ts.
 */
export type WorkbookOptions = { now?: Date };

function writeWhere(writer: XlsxWriter, answer: Answer): void {
  const outline = orgOutline(answer.where.nodes);
  const levels = Math.min(7, Math.max(0, ...outline.map((o) => o.depth)));
  const sheet = writer.addSheet(SHEETS.where, {
    ...sheetOptions([{ width: 48 }, { width: 14 }, { width: 36 }, { width: 16 }, { width: 10 }]),
    outline: levels > 0 ? { summaryAbove: true, levels } : undefined,
  });
  heading(sheet, `2. ${sectionTitle(answer, 'where')}`, answer);
  sheet.row(
    header(['Vak (eenheid of functie)', 'Soort', 'Bezetting', 'VTE vierde pijler', 'Vacant']),
  );
  for (const { node, depth } of outline) {
    const unit = node.kind === 'unit';
    sheet.row(
      [
        { v: `${'    '.repeat(depth)}${node.label}`, s: unit ? 'groupLabel' : 'text' },
        { v: unit ? node.sublabel : 'Functie', s: unit ? 'groupLabel' : 'text' },
        {
          v: unit ? '' : node.vacant ? 'vacature' : node.sublabel,
          s: unit ? 'groupLabel' : 'text',
        },
        { v: node.fte, s: unit ? 'groupFte' : 'fte' },
        { v: unit ? '' : node.vacant ? 'ja' : 'nee', s: unit ? 'groupLabel' : 'text' },
      ],
      { outlineLevel: Math.min(7, depth) || undefined },
    );
  }
  if (outline.length === 0)
    sheet.row([{ v: 'Geen functies met een vierde-pijleraandeel.', s: 'note' }]);
}

function writeSteering(writer: XlsxWriter, answer: Answer): void {
  const sheet = writer.addSheet(
    SHEETS.steering,
    sheetOptions([{ width: 30 }, { width: 34 }, { width: 11 }, { width: 11 }, { width: 90 }]),
  );
  heading(sheet, `3. ${sectionTitle(answer, 'steering')}`, answer);
  sheet.row(header(['Team', 'Afdeling', 'Functies', 'VTE', 'Rapporteert via (lijn tot de top)']));
  const first = sheet.rowCount + 1;
  for (const team of answer.steering)
    sheet.row([
      team.unitName,
      team.divisionName ?? '—',
      int(team.positions),
      fte(team.fte),
      chainText(team),
    ]);
  const last = sheet.rowCount;
  if (answer.steering.length > 0)
    sheet.row([
      { v: 'Totaal', s: 'totalLabel' },
      { v: '', s: 'totalLabel' },
      formula(
        sumColumn(2, first, last),
        answer.steering.reduce((s, t) => s + t.positions, 0),
        'totalInteger',
      ),
      formula(
        sumColumn(3, first, last),
        answer.steering.reduce((s, t) => s + t.fte, 0),
        'totalFte',
      ),
      { v: '', s: 'totalLabel' },
    ]);
  sheet.blank();
  sheet.row([{ v: 'De lijnen, stap voor stap (1 = het hoofd van het team)', s: 'bold' }]);
  sheet.row(header(['Team', 'Stap', 'Functie', 'Houder', 'Eenheid']));
  for (const team of answer.steering)
    team.chain.forEach((step, i) =>
      sheet.row([team.unitName, int(i + 1), step.title, step.holder ?? 'vacant', step.unitName]),
    );
}

function writeCrossUnit(writer: XlsxWriter, answer: Answer): void {
  const { links, pairs } = answer.crossUnit;
  const sheet = writer.addSheet(
    SHEETS.crossUnit,
    sheetOptions([
      { width: 32 },
      { width: 32 },
      { width: 32 },
      { width: 32 },
      { width: 28 },
      { width: 32 },
      { width: 32 },
    ]),
  );
  heading(sheet, `4. ${sectionTitle(answer, 'crossUnit')}`, answer);
  sheet.row(header(['Afdeling', 'Werkt samen met', 'Verbanden', 'Via']));
  const first = sheet.rowCount + 1;
  for (const pair of pairs) sheet.row([pair.a, pair.b, int(pair.links), pair.labels.join('; ')]);
  const last = sheet.rowCount;
  if (pairs.length > 0)
    sheet.row([
      { v: 'Totaal', s: 'totalLabel' },
      { v: '', s: 'totalLabel' },
      formula(
        sumColumn(2, first, last),
        pairs.reduce((s, p) => s + p.links, 0),
        'totalInteger',
      ),
      { v: '', s: 'totalLabel' },
    ]);
  sheet.blank();
  sheet.row([{ v: 'Stippellijnen (transversale verbanden)', s: 'bold' }]);
  sheet.row(header(['Van', 'Eenheid', 'Afdeling', 'Naar', 'Eenheid', 'Afdeling', 'Label']));
  for (const link of links)
    sheet.row([
      link.from.label,
      link.from.unitName,
      link.from.divisionName ?? '—',
      link.to.label,
      link.to.unitName,
      link.to.divisionName ?? '—',
      link.label,
    ]);
  if (links.length === 0) sheet.row([{ v: 'Geen transversale verbanden.', s: 'note' }]);
}

function writePilots(writer: XlsxWriter, answer: Answer, keys: KeyRefs): void {
  const p = answer.pilots;
  const sheet = writer.addSheet(
    SHEETS.pilots,
    sheetOptions([{ width: 36 }, { width: 16 }, { width: 14 }, { width: 12 }]),
  );
  heading(sheet, `5. ${sectionTitle(answer, 'pilots')}`, answer);
  sheet.row(header(['Kerncijfer', 'Waarde']));
  const pilots = sheet.row(['Proeftuinen', int(p.pilots.value)]);
  keys.pilots = { sheet: sheet.name, row: pilots, value: p.pilots.value, style: 'integer' };
  const reached = sheet.row(['Deelnemers bereikt', int(p.participantsReached.value)]);
  const target = sheet.row(['Deelnemers beoogd', int(p.participantsTarget.value)]);
  const reach =
    p.participantsTarget.value > 0 ? p.participantsReached.value / p.participantsTarget.value : 0;
  const reachRow = sheet.row([
    'Bereik (bereikt / beoogd)',
    formula(
      `IF(${cellRef(1, target)}=0,0,${cellRef(1, reached)}/${cellRef(1, target)})`,
      reach,
      'percent',
    ),
  ]);
  keys.reach = { sheet: sheet.name, row: reachRow, value: reach, style: 'percent' };
  const budget = sheet.row(['Budget', { v: p.budgetEur.value, s: 'euroWhole' }]);
  keys.budget = { sheet: sheet.name, row: budget, value: p.budgetEur.value, style: 'euroWhole' };
  sheet.row(['Cofinanciering', { v: p.cofinancingEur.value, s: 'euroWhole' }]);
  const covered = sheet.row(['Gemeenten in een proeftuin', int(p.municipalitiesCovered.value)]);
  const total = sheet.row(['Gemeenten (alle)', int(p.municipalitiesTotal)]);
  sheet.row([
    'Aandeel gemeenten in een proeftuin',
    formula(
      `IF(${cellRef(1, total)}=0,0,${cellRef(1, covered)}/${cellRef(1, total)})`,
      p.municipalitiesTotal > 0 ? p.municipalitiesCovered.value / p.municipalitiesTotal : 0,
      'percent',
    ),
  ]);
  sheet.row(['Tussentijdse evaluaties ingevuld', int(p.interimEvaluations)]);
  sheet.blank();

  if (p.byNetwork.length > 0) {
    sheet.row([{ v: 'Gemeenten per netwerk', s: 'bold' }]);
    const headerRow = sheet.row(header(['Netwerk', 'In een proeftuin', 'Gemeenten', 'Aandeel']));
    const first = headerRow + 1;
    const share = (r: number, a: number, b: number) =>
      formula(
        `IF(${cellRef(2, r)}=0,0,${cellRef(1, r)}/${cellRef(2, r)})`,
        b > 0 ? a / b : 0,
        'percent',
      );
    for (const n of p.byNetwork)
      sheet.row([
        n.name,
        int(n.covered),
        int(n.total),
        share(sheet.rowCount + 1, n.covered, n.total),
      ]);
    const last = sheet.rowCount;
    const sumCovered = p.byNetwork.reduce((s, n) => s + n.covered, 0);
    const sumTotal = p.byNetwork.reduce((s, n) => s + n.total, 0);
    const t = last + 1;
    sheet.row([
      { v: 'Totaal', s: 'totalLabel' },
      formula(sumColumn(1, first, last), sumCovered, 'totalInteger'),
      formula(sumColumn(2, first, last), sumTotal, 'totalInteger'),
      formula(
        `IF(${cellRef(2, t)}=0,0,${cellRef(1, t)}/${cellRef(2, t)})`,
        sumTotal > 0 ? sumCovered / sumTotal : 0,
        'totalPercent',
      ),
    ]);
    sheet.blank();
    sheet.charts.push({
      kind: 'clustered-column',
      title: 'Gemeenten per netwerk: in een proeftuin en alle',
      valueAxisTitle: 'Gemeenten',
      valueAxisMin: 0,
      categoriesRef: sheetRange(sheet.name, 0, first, 0, last),
      categories: p.byNetwork.map((n) => n.name),
      series: [
        {
          name: 'In een proeftuin',
          nameRef: sheetRange(sheet.name, 1, headerRow),
          valuesRef: sheetRange(sheet.name, 1, first, 1, last),
          values: p.byNetwork.map((n) => n.covered),
          color: OKABE_ITO.green,
        },
        {
          name: 'Gemeenten',
          nameRef: sheetRange(sheet.name, 2, headerRow),
          valuesRef: sheetRange(sheet.name, 2, first, 2, last),
          values: p.byNetwork.map((n) => n.total),
          color: OKABE_ITO.skyBlue,
        },
      ],
      anchor: chartAnchor(0),
    });
  }
  sheet.row([{ v: 'Lokale besturen: paraatheid', s: 'bold' }]);
  if (p.readiness) {
    sheet.row(header(['Stand', 'Aantal']));
    for (const r of p.readiness) sheet.row([r.label, int(r.value.value)]);
  } else
    sheet.row([
      {
        v: 'Er zijn geen gegevens over de paraatheid van de lokale besturen geïmporteerd.',
        s: 'note',
      },
    ]);
}

/** Characters a 110-wide wrapped cell holds per line (Calibri 11), for the row height. */
const LINE_CHARS = 120;

function writeAnswerSheet(writer: XlsxWriter, answer: Answer, keys: KeyRefs): void {
  const sheet = writer.addSheet(SHEETS.answer, {
    columns: [{ width: 110 }, { width: 16 }],
    print: { fitToWidth: true, footer: PAGE_FOOTER },
  });
  sheet.row([{ v: ANSWER_TITLE, s: 'title' }], { height: 26 });
  for (const item of answerMeta(answer))
    sheet.row([{ v: `${item.label}: ${item.value}`, s: 'note' }]);
  sheet.blank();
  SECTION_ORDER.forEach((id, index) => {
    sheet.row([{ v: `${index + 1}. ${sectionTitle(answer, id)}`, s: 'bold' }]);
    for (const text of draftParagraphs(answer, id))
      sheet.row([{ v: text, s: 'paragraph' }], {
        height: 15 * Math.max(1, Math.ceil(text.length / LINE_CHARS)),
      });
    sheet.blank();
  });
  sheet.row(header(['Kerncijfer (uit de bladen hierna)', 'Waarde']));
  const quoted: [string, string][] = [
    ['planned', 'Geplande VTE vierde pijler'],
    ['filled', 'waarvan ingevuld'],
    ['vacantFte', 'waarvan vacant'],
    ['positions', 'Functies'],
    ['people', 'Personen'],
    ['vacancies', 'Vacatures'],
    ['required', 'Benodigde VTE (vraagmodel)'],
    ['gap', 'Kloof (over de regio’s)'],
    ['pilots', 'Proeftuinen'],
    ['reach', 'Bereik deelnemers'],
    ['budget', 'Budget proeftuinen'],
  ];
  for (const [id, label] of quoted) {
    const ref = keys[id];
    if (!ref) continue;
    sheet.row([
      label,
      formula(`${quoteSheetName(ref.sheet)}!${cellRef(1, ref.row)}`, ref.value, ref.style),
    ]);
  }
  sheet.blank();
  sheet.row([
    {
      v: 'Totalen en kerncijfers zijn formules met hun berekende waarde; elk cijfer is in Pijlerplan tot zijn rijen en bronimport te herleiden.',
      s: 'note',
    },
  ]);
}

/** The answer as .xlsx bytes. */
export async function answerWorkbook(
  answer: Answer,
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  const sink = collectingSink();
  const writer = new XlsxWriter(sink, {
    title: ANSWER_TITLE,
    subject: `Scenario ${answer.scenario.name}, peildatum ${answer.date}`,
    creator: 'Pijlerplan',
    company: 'Agentschap Integratie en Inburgering',
    keywords: 'vierde pijler; VTE; AgII; parlementaire vraag',
    category: 'Antwoord',
    description: `De vierde pijler in cijfers voor scenario ${answer.scenario.name} op ${answer.date}.`,
    created: options.now ?? new Date(),
  });
  const keys: KeyRefs = {};
  writeHowMany(writer, answer, keys);
  writeWhere(writer, answer);
  writeSteering(writer, answer);
  writeCrossUnit(writer, answer);
  writePilots(writer, answer, keys);
  // Antwoord quotes the other sheets, so it is written last and shown first.
  writeAnswerSheet(writer, answer, keys);
  await writer.finish({ firstSheets: [SHEETS.answer] });
  return sink.bytes();
}
