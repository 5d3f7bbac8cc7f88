import type { Database, SqlValue } from 'sql.js';
import type { CellInput } from '../xlsx/cells';
import type { XlsxWriter } from '../xlsx/workbook';
import { cellRef, isoDateSerial } from '../xlsx/xml';
import { formula, header, HEADER_ROW, sumColumn, tableSheet } from './layout';

const rowsOf = (db: Database, sql: string): SqlValue[][] => db.exec(sql)[0]?.values ?? [];
const num = (value: SqlValue): number | null => (typeof value === 'number' ? value : null);
const date = (value: SqlValue): CellInput =>
  typeof value === 'string'
    ? isoDateSerial(value) === null
      ? value
      : { v: isoDateSerial(value), s: 'date' }
    : null;

export type PilotRefs = {
  sheet: string;
  totalRow: number;
  count: number;
  budget: number;
  municipalities: number;
};

/** Proeftuinen: every pilot with budget, dates, targets and reach; totals as SUM formulas. */
export function writePilots(writer: XlsxWriter, db: Database): PilotRefs {
  const rows = rowsOf(
    db,
    `SELECT p.code, p.name, m.name, p.coordinator, p.budget_eur, p.cofinancing_eur, p.start_date, p.end_date,
            p.target_participants, p.reached_participants, p.target_buddy_pairs, p.reached_buddy_pairs,
            p.activity_hours, (SELECT count(*) FROM pilot_municipality pm WHERE pm.pilot_id = p.id),
            CASE p.is_fictional WHEN 1 THEN 'fictief' ELSE 'echt' END, p.interim_evaluation
       FROM pilot p LEFT JOIN municipality m ON m.nis_code = p.lead_nis_code
      ORDER BY p.code`,
  );
  const sheet = writer.addSheet(
    'Proeftuinen',
    tableSheet([
      { width: 10 },
      { width: 34 },
      { width: 18 },
      { width: 24 },
      { width: 14, style: 'euro' },
      { width: 14, style: 'euro' },
      { width: 12, style: 'date' },
      { width: 12, style: 'date' },
      { width: 12, style: 'integer' },
      { width: 12, style: 'integer' },
      { width: 10, style: 'percent' },
      { width: 12, style: 'integer' },
      { width: 12, style: 'integer' },
      { width: 12, style: 'integer' },
      { width: 12, style: 'integer' },
      { width: 10 },
      { width: 60 },
    ]),
  );
  sheet.row([{ v: 'Proeftuinen (oproep 507)', s: 'title' }], { height: 24 });
  sheet.row([
    {
      v: 'Budget en cofinanciering in euro; bereikt % = bereikte ÷ beoogde deelnemers (formule).',
      s: 'note',
    },
  ]);
  sheet.blank();
  sheet.row(
    header([
      'Code',
      'Naam',
      'Trekker',
      'Coördinator',
      'Budget',
      'Cofinanciering',
      'Start',
      'Einde',
      'Beoogde deelnemers',
      'Bereikte deelnemers',
      'Bereikt %',
      'Beoogde buddyparen',
      'Bereikte buddyparen',
      'Activiteitsuren',
      'Gemeenten',
      'Soort',
      'Tussentijdse evaluatie',
    ]),
    { height: 30 },
  );
  const first = HEADER_ROW + 1;
  for (const row of rows) {
    const r = sheet.rowCount + 1;
    const target = num(row[8] ?? null);
    const reached = num(row[9] ?? null);
    sheet.row([
      row[0] as string,
      row[1] as string,
      row[2] as string | null,
      row[3] as string | null,
      num(row[4] ?? null),
      num(row[5] ?? null),
      date(row[6] ?? null),
      date(row[7] ?? null),
      target,
      reached,
      formula(
        `IF(${cellRef(8, r)}>0,${cellRef(9, r)}/${cellRef(8, r)},"")`,
        target && reached !== null ? reached / target : '',
        'percent',
      ),
      num(row[10] ?? null),
      num(row[11] ?? null),
      num(row[12] ?? null),
      num(row[13] ?? null),
      row[14] as string,
      row[15] as string | null,
    ]);
  }
  const last = sheet.rowCount;
  const totalRow = last + 1;
  const sumOf = (index: number) => rows.reduce((s, row) => s + (num(row[index] ?? null) ?? 0), 0);
  const totals: CellInput[] = [
    { v: 'Totaal', s: 'totalLabel' },
    { v: `${rows.length} proeftuinen`, s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
    { v: '', s: 'totalLabel' },
  ];
  totals.push(formula(sumColumn(4, first, last), sumOf(4), 'totalEuro'));
  totals.push(formula(sumColumn(5, first, last), sumOf(5), 'totalEuro'));
  totals.push({ v: '', s: 'totalLabel' }, { v: '', s: 'totalLabel' });
  totals.push(formula(sumColumn(8, first, last), sumOf(8), 'totalInteger'));
  totals.push(formula(sumColumn(9, first, last), sumOf(9), 'totalInteger'));
  totals.push(
    formula(
      `IF(${cellRef(8, totalRow)}>0,${cellRef(9, totalRow)}/${cellRef(8, totalRow)},"")`,
      sumOf(8) > 0 ? sumOf(9) / sumOf(8) : '',
      'totalPercent',
    ),
  );
  for (const index of [10, 11, 12])
    totals.push(formula(sumColumn(index + 1, first, last), sumOf(index), 'totalInteger'));
  sheet.row(totals);
  const municipalities = Number(
    rowsOf(db, 'SELECT count(DISTINCT nis_code) FROM pilot_municipality')[0]?.[0] ?? 0,
  );
  return { sheet: sheet.name, totalRow, count: rows.length, budget: sumOf(4), municipalities };
}

/** Gemeenten: the municipalities with their regions, inhabitants, newcomers and pilots. */
export function writeMunicipalities(writer: XlsxWriter, db: Database): { inhabitants: number } {
  const year = Number(rowsOf(db, 'SELECT max(year) FROM newcomer_forecast')[0]?.[0] ?? 0) || null;
  const rows = rowsOf(
    db,
    `SELECT o.nis_code, o.name, o.province, o.reference_region, o.network, o.agii_region, o.inhabitants_2020,
            (SELECT newcomers FROM newcomer_forecast f WHERE f.nis_code = o.nis_code AND f.year = ${year ?? 0}),
            o.pilot_count
       FROM municipality_overview o ORDER BY o.name`,
  );
  const sheet = writer.addSheet(
    'Gemeenten',
    tableSheet([
      { width: 10 },
      { width: 24 },
      { width: 18 },
      { width: 22 },
      { width: 22 },
      { width: 26 },
      { width: 14, style: 'integer' },
      { width: 16, style: 'integer' },
      { width: 12, style: 'integer' },
    ]),
  );
  sheet.row([{ v: 'Gemeenten', s: 'title' }], { height: 24 });
  sheet.row([
    {
      v: `NIS-codes op de kaart van 2025 (als tekst); nieuwkomers: prognose ${year ?? '—'}.`,
      s: 'note',
    },
  ]);
  sheet.blank();
  sheet.row(
    header([
      'NIS-code',
      'Gemeente',
      'Provincie',
      'Referentieregio',
      'Netwerk',
      'AgII-regio',
      'Inwoners 2020',
      `Nieuwkomers ${year ?? ''}`.trim(),
      'Proeftuinen',
    ]),
    { height: 30 },
  );
  const first = HEADER_ROW + 1;
  for (const row of rows)
    sheet.row(row.map((value) => (value instanceof Uint8Array ? null : value)));
  const last = sheet.rowCount;
  const sumOf = (index: number) => rows.reduce((s, row) => s + (num(row[index] ?? null) ?? 0), 0);
  sheet.row([
    { v: 'Totaal', s: 'totalLabel' },
    { v: `${rows.length} gemeenten`, s: 'totalLabel' },
    ...[2, 3, 4, 5].map(() => ({ v: '', s: 'totalLabel' as const })),
    formula(sumColumn(6, first, last), sumOf(6), 'totalInteger'),
    formula(sumColumn(7, first, last), sumOf(7), 'totalInteger'),
    formula(sumColumn(8, first, last), sumOf(8), 'totalInteger'),
  ]);
  return { inhabitants: sumOf(6) };
}
