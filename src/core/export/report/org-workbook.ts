import type { Database } from 'sql.js';
import { loadSnapshot } from '../../org/load';
import type { OrgPosition } from '../../org/types';
import { ok, type Result } from '../../result';
import { XlsxWriter, type ByteSink } from '../xlsx/workbook';
import { formula, header, sumColumn, tableSheet } from './layout';
import { depthFirst, unitsInOrder, writeOrganigram } from './org-sheet';

export type OrgWorkbookOptions = { scenarioId?: number | null; date?: string; now?: Date };

export type OrgWorkbookResult = { sheets: string[]; positions: number; pillar4Fte: number };

/**
 * A unit's positions in reporting order: whoever reports to someone outside the unit first,
 * then the positions under each of them, depth-first (a cycle's rest last: none is left out).
 */
function positionsInOrder(positions: OrgPosition[]): { position: OrgPosition; depth: number }[] {
  return depthFirst(
    positions,
    (p) => p.id,
    (p) => p.reportsToId,
    undefined,
    true,
  ).map(({ item, depth }) => ({ position: item, depth }));
}

/**
 * The organigram as a workbook an analyst keeps working in: "Organigram" (units as outline
 * rows with roll-ups, shared with the report) and "Functies" (every position under its unit,
 * outlined by unit depth and reporting line, with holders, FTE and the fourth-pillar share;
 * the fourth-pillar FTE of each position is a formula, the totals are SUMs with their cached
 * results).
 */
export async function writeOrgWorkbook(
  db: Database,
  sink: ByteSink,
  options: OrgWorkbookOptions = {},
): Promise<Result<OrgWorkbookResult>> {
  const snapshot = loadSnapshot(db, { scenarioId: options.scenarioId ?? null, date: options.date });
  const writer = new XlsxWriter(sink, {
    title: 'Organigram',
    subject: `Organigram op ${snapshot.date}`,
    creator: 'Pijlerplan',
    company: 'Agentschap Integratie en Inburgering',
    created: options.now ?? new Date(),
  });
  writeOrganigram(writer, snapshot, { date: snapshot.date });

  const byId = new Map(snapshot.positions.map((p) => [p.id, p]));
  const byUnit = new Map<number, OrgPosition[]>();
  for (const p of snapshot.positions) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const sheet = writer.addSheet(
    'Functies',
    tableSheet(
      [
        { width: 52 },
        { width: 12 },
        { width: 26 },
        { width: 30 },
        { width: 40 },
        { width: 12, style: 'fte' },
        { width: 12, style: 'percent' },
        { width: 14, style: 'fte' },
      ],
      1,
      7,
    ),
  );
  sheet.row([{ v: 'Organigram — functies per eenheid', s: 'title' }], { height: 24 });
  sheet.row([
    {
      v: `Stand op ${snapshot.date.split('-').reverse().join('/')}. VTE vierde pijler = budget-VTE × aandeel vierde pijler.`,
      s: 'note',
    },
  ]);
  sheet.blank();
  const headerRow = sheet.row(
    header([
      'Eenheid / functie',
      'Code',
      'Rol',
      'Bezet door',
      'Rapporteert aan',
      'Budget-VTE',
      'Aandeel vierde pijler',
      'VTE vierde pijler',
    ]),
    { height: 30 },
  );
  let positions = 0;
  let budget = 0;
  let pillar4 = 0;
  for (const { unit, depth } of unitsInOrder(snapshot)) {
    sheet.row([{ v: `${'  '.repeat(depth)}${unit.name}`, s: 'groupLabel' }], {
      outlineLevel: Math.min(7, depth),
    });
    for (const { position: p, depth: chain } of positionsInOrder(byUnit.get(unit.id) ?? [])) {
      const boss = p.reportsToId !== null ? byId.get(p.reportsToId) : undefined;
      const rowNumber = sheet.rowCount + 1;
      sheet.row(
        [
          `${'  '.repeat(depth + 1 + chain)}${p.title}`,
          p.code,
          p.roleName ?? '',
          p.holders.length > 0
            ? p.holders.map((h) => `${h.name} (${h.fte.toLocaleString('nl-BE')})`).join(', ')
            : 'Vacature',
          boss ? `${boss.title} (${boss.code})` : '',
          p.budgetFte,
          p.pillar4Share,
          formula(`F${rowNumber}*G${rowNumber}`, p.budgetFte * p.pillar4Share, 'fte'),
        ],
        { outlineLevel: Math.min(7, depth + 1) },
      );
      positions++;
      budget += p.budgetFte;
      pillar4 += p.budgetFte * p.pillar4Share;
    }
  }
  const last = sheet.rowCount;
  sheet.row([
    { v: `Totaal (${positions} functies)`, s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
    formula(sumColumn(5, headerRow + 1, last), budget, 'totalFte'),
    { v: '', s: 'totalLabel' },
    formula(sumColumn(7, headerRow + 1, last), pillar4, 'totalFte'),
  ]);
  const done = await writer.finish();
  return ok({ sheets: done.sheets.map((s) => s.name), positions, pillar4Fte: pillar4 });
}
