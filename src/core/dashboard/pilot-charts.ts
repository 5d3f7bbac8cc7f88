import type { Database, SqlValue } from 'sql.js';
import { regionColumn, selectRows, type ResolvedFilter } from './filter';
import type { ChartData } from './types';

export const APPROACH_LABELS: Record<string, string> = {
  buddy: 'Buddywerking',
  volunteering: 'Vrijwilligerswerk',
  internship: 'Snuffelstage',
  language_internship: 'Taalstage',
  leisure_club: 'Vrijetijdsvereniging',
  care_home: 'Woonzorgcentrum',
  neighbourhood_centre: 'Buurtcentrum',
  other: 'Andere',
};

/**
 * The pilots the filter keeps: running at some time in the period (no start or end date is
 * open-ended), and led from a municipality in the region when one is chosen. As SQL over
 * `pilot p` joined with its lead municipality `lead`.
 */
export function pilotWhere(f: ResolvedFilter): { sql: string; params: SqlValue[]; words: string } {
  const parts = [
    '(p.start_date IS NULL OR p.start_date <= ?)',
    '(p.end_date IS NULL OR p.end_date >= ?)',
  ];
  const params: SqlValue[] = [`${f.to}-31`, `${f.from}-01`];
  let words = `proeftuinen die lopen tussen ${f.from} en ${f.to}`;
  if (f.regionCode) {
    parts.push(`lead.${regionColumn(f.regionKind)} = ?`);
    params.push(f.regionCode);
    words += `, met trekkende gemeente in regio ${f.regionCode}`;
  }
  return { sql: parts.join(' AND '), params, words };
}

const PILOT_FROM = `FROM pilot p LEFT JOIN municipality lead ON lead.nis_code = p.lead_nis_code`;

/**
 * The pilots the filter keeps (see pilotWhere), and how many of them already have an interim
 * evaluation: the dashboard's KPI and the answer's pilot count are this one query.
 */
export function countPilots(
  db: Database,
  f: ResolvedFilter,
): { pilots: number; evaluated: number } {
  const where = pilotWhere(f);
  const [pilots, evaluated] = selectRows(
    db,
    `SELECT count(*), count(*) FILTER (WHERE trim(coalesce(p.interim_evaluation, '')) <> '') ${PILOT_FROM} WHERE ${where.sql}`,
    where.params,
  )[0] ?? [0, 0];
  return { pilots: Number(pilots ?? 0), evaluated: Number(evaluated ?? 0) };
}

/** A series summed over a chart's rows (a KPI is often a chart's total). */
export function seriesTotal(rows: ChartData['rows'], key: string): number {
  return rows.reduce((total, row) => total + (row.values[key] ?? 0), 0);
}
const IGNORED: ChartData['ignored'] = ['scenarioId', 'divisionId', 'activityCode'];

/** Pilots per province of the lead municipality, stacked by approach (a pilot counts once per approach). */
export function pilotsByProvince(db: Database, f: ResolvedFilter): ChartData {
  const where = pilotWhere(f);
  const rows = new Map<string, Record<string, number>>();
  const approaches = new Set<string>();
  for (const [province, approach, count] of selectRows(
    db,
    `SELECT coalesce(lead.province, 'Onbekend'), pa.approach, count(*) ${PILOT_FROM}
       JOIN pilot_approach pa ON pa.pilot_id = p.id
      WHERE ${where.sql} GROUP BY 1, 2 ORDER BY 1, 2`,
    where.params,
  )) {
    const values = rows.get(String(province)) ?? {};
    values[String(approach)] = Number(count);
    approaches.add(String(approach));
    rows.set(String(province), values);
  }
  return {
    id: 'pilotsByProvince',
    unit: 'count',
    layout: 'stacked',
    series: [...approaches].sort().map((key) => ({ key, label: APPROACH_LABELS[key] ?? key })),
    rows: [...rows].map(([province, values]) => ({ key: province, label: province, values })),
    crumbs: [{ label: 'Alle provincies', drill: null }],
    ignored: IGNORED,
  };
}

function perProvince(
  db: Database,
  f: ResolvedFilter,
  id: ChartData['id'],
  unit: ChartData['unit'],
  measures: { key: string; label: string; sql: string }[],
): ChartData {
  const where = pilotWhere(f);
  const rows = selectRows(
    db,
    `SELECT coalesce(lead.province, 'Onbekend'), ${measures.map((m) => `coalesce(sum(${m.sql}), 0)`).join(', ')}
       ${PILOT_FROM} WHERE ${where.sql} GROUP BY 1 ORDER BY 1`,
    where.params,
  );
  return {
    id,
    unit,
    layout: 'grouped',
    series: measures.map(({ key, label }) => ({ key, label })),
    rows: rows.map(([province, ...values]) => ({
      key: String(province),
      label: String(province),
      values: Object.fromEntries(measures.map((m, i) => [m.key, Number(values[i])])),
    })),
    crumbs: [{ label: 'Alle provincies', drill: null }],
    ignored: IGNORED,
  };
}

export const PILOT_MEASURES = {
  budget: { key: 'budget', label: 'Subsidie', sql: 'p.budget_eur' },
  cofinancing: { key: 'cofinancing', label: 'Cofinanciering', sql: 'p.cofinancing_eur' },
  target: { key: 'target', label: 'Doel', sql: 'p.target_participants' },
  reached: { key: 'reached', label: 'Bereikt', sql: 'p.reached_participants' },
} as const;

export const pilotBudget = (db: Database, f: ResolvedFilter) =>
  perProvince(db, f, 'pilotBudget', 'eur', [PILOT_MEASURES.budget, PILOT_MEASURES.cofinancing]);

export const pilotParticipants = (db: Database, f: ResolvedFilter) =>
  perProvince(db, f, 'pilotParticipants', 'people', [
    PILOT_MEASURES.reached,
    PILOT_MEASURES.target,
  ]);

/**
 * Municipalities covered per network: of the network's municipalities, how many take part in
 * at least one pilot the filter keeps (as lead or partner), and how many do not.
 */
export function networkCoverage(db: Database, f: ResolvedFilter): ChartData {
  const where = pilotWhere({ ...f, regionCode: null });
  const params: SqlValue[] = [...where.params];
  let regionFilter = '';
  if (f.regionCode && f.regionKind === 'network') {
    regionFilter = 'AND g.code = ?';
    params.push(f.regionCode);
  }
  const rows = selectRows(
    db,
    `SELECT g.code, g.name, count(m.nis_code),
            count(m.nis_code) FILTER (WHERE m.nis_code IN (
              SELECT pm.nis_code FROM pilot_municipality pm JOIN pilot p ON p.id = pm.pilot_id
                LEFT JOIN municipality lead ON lead.nis_code = p.lead_nis_code
               WHERE ${where.sql}))
       FROM region g LEFT JOIN municipality m ON m.network_code = g.code
      WHERE g.kind = 'network' ${regionFilter}
      GROUP BY g.code ORDER BY g.sort_order, g.code`,
    params,
  );
  return {
    id: 'networkCoverage',
    unit: 'count',
    layout: 'stacked',
    series: [
      { key: 'covered', label: 'Met proeftuin' },
      { key: 'uncovered', label: 'Zonder proeftuin' },
    ],
    rows: rows.map(([code, name, total, covered]) => ({
      key: String(code),
      label: String(name),
      values: { covered: Number(covered), uncovered: Number(total) - Number(covered) },
    })),
    crumbs: [{ label: 'Alle netwerken', drill: null }],
    ignored: IGNORED,
  };
}
