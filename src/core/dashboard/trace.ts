import type { Database, SqlValue } from 'sql.js';
import { divisionOf } from '../org';
import { assumptionValues, readAssumptions } from '../planning/assumptions';
import { demandFormula } from '../planning/demand';
import { milliSql } from '../planning/fte';
import { bucketsOf } from '../planning/months';
import { unitCategories } from './categories';
import {
  ALLOCATION_JOINS,
  allocationRegionSql,
  allocationWhere,
  regionColumn,
  resolveFilter,
  selectRows,
  type ResolvedFilter,
} from './filter';
import { PILOT_MEASURES, pilotWhere } from './pilot-charts';
import { importSources } from './sources';
import type { Trace, TraceRequest } from './types';

/** The first rows a trace hands out; rowCount and rowSum always cover all of them. */
export const TRACE_PAGE = 500;

/**
 * The rows behind one figure on the dashboard: the same filter and drill level as the chart,
 * narrowed to the clicked category and series, so the rows add up to exactly the figure.
 */
export function traceFigure(db: Database, request: TraceRequest): Trace {
  const f = resolveFilter(db, request.filter);
  const { chart, rowKey, seriesKey } = request;
  switch (chart) {
    case 'fteByDivision':
    case 'plannedFte':
      return fteTrace(db, f, request);
    case 'plannedOverTime': {
      const bucket = bucketsOf(f.months, f.grain).find((b) => b.key === rowKey);
      const months = bucket?.months ?? [];
      const scenarioId = Number((seriesKey ?? `s${f.scenarioId}`).slice(1));
      return allocationTrace(
        db,
        { ...f, scenarioId, from: months[0] ?? f.from, to: months.at(-1) ?? f.to },
        {
          divisor: Math.max(1, months.length),
          words: `gemiddelde over ${months.length} maand(en) van ${rowKey ?? ''}`,
        },
      );
    }
    case 'requiredVsPlanned':
    case 'requiredFte':
    case 'gapFte':
      return demandTrace(db, f, request);
    case 'positions':
    case 'vacancies':
      return positionTrace(db, f, request);
    case 'pilotsByProvince':
    case 'pilotBudget':
    case 'pilotParticipants':
    case 'pilots':
      return pilotTrace(db, f, request);
    case 'networkCoverage':
    case 'coverage':
      return coverageTrace(db, f, request);
  }
}

type Extra = { sql?: string; params?: SqlValue[]; divisor: number; words: string; joins?: boolean };

function allocationTrace(db: Database, f: ResolvedFilter, extra: Extra): Trace {
  const where = allocationWhere(f);
  const sql = [where.sql, extra.sql].filter(Boolean).join(' AND ');
  const params = [...where.params, ...(extra.params ?? [])];
  const from = `FROM allocation a JOIN activity act ON act.code = a.activity_code ${ALLOCATION_JOINS}
       JOIN position p ON p.id = a.position_id LEFT JOIN person pe ON pe.id = a.person_id
      WHERE ${sql}`;
  const [count, sum] = selectRows(
    db,
    `SELECT count(*), coalesce(sum(${milliSql('a.fte')}), 0) ${from}`,
    params,
  )[0]!;
  const rows = selectRows(
    db,
    `SELECT a.id, a.month, p.code, p.title, coalesce(pe.name, '(vacature)'), act.name,
            ${allocationRegionSql(f.regionKind)}, a.nis_code, a.fte
       ${from} ORDER BY a.month, p.code, a.id LIMIT ${TRACE_PAGE}`,
    params,
  );
  const ids = rows.map((row) => ({ id: row[0]! }));
  const sources = importSources(db, 'allocation', ids);
  return {
    figure: Number(sum) / 1000 / extra.divisor,
    unit: 'fte',
    words: `Inzet (tabel allocation) met ${where.words.join(', ')}${extra.words ? `; ${extra.words}` : ''}.`,
    formula: `Σ VTE ÷ ${extra.divisor} maand(en)`,
    table: 'allocation',
    columns: [
      'id',
      'maand',
      'functie',
      'titel',
      'persoon',
      'activiteit',
      'regio',
      'gemeente',
      'VTE',
    ],
    rows: rows.map((row) => row.map((value) => (value instanceof Uint8Array ? null : value))),
    rowCount: Number(count),
    rowSum: Number(sum) / 1000,
    sources,
    sourceNote:
      sources.length > 0
        ? null
        : 'Deze inzet is niet geïmporteerd: ze is in de planning ingevoerd of door de voorbeeldwerkruimte opgebouwd (zie het auditlog).',
  };
}

function fteTrace(db: Database, f: ResolvedFilter, request: TraceRequest): Trace {
  const narrowed = request.rowKey !== undefined || request.seriesKey !== undefined;
  if (!request.held && (request.chart === 'plannedFte' || !narrowed))
    return allocationTrace(db, f, { divisor: f.months.length, words: '' });
  const { categoryOf } = unitCategories(f, request.drill);
  const ids = f.snapshot.positions
    .filter((position) => !request.held || position.holders.length > 0)
    .filter((position) =>
      request.rowKey === undefined ? true : categoryOf(position)?.key === request.rowKey,
    )
    .filter((position) =>
      request.seriesKey === undefined
        ? true
        : (position.roleId === null ? 'zonder-rol' : `r${position.roleId}`) === request.seriesKey,
    )
    .map((position) => position.id);
  const role = request.seriesKey
    ? `, rol ${f.snapshot.positions.find((p) => ids.includes(p.id))?.roleName ?? '—'}`
    : '';
  return allocationTrace(db, f, {
    sql: `a.position_id IN (${ids.length ? ids.join(',') : 'NULL'})`,
    divisor: f.months.length,
    words: `functies in ${request.rowKey ?? 'alle afdelingen'}${role}${request.held ? ', met een houder op ' + f.snapshot.date : ''}`,
  });
}

function demandTrace(db: Database, f: ResolvedFilter, request: TraceRequest): Trace {
  const regionCode = request.drill?.regionCode ?? null;
  const base = { ...f, divisionId: null, activityCode: null };
  const wantsRequired = request.chart === 'requiredFte' || request.seriesKey === 'required';
  if (!wantsRequired) {
    if (regionCode)
      return allocationTrace(
        db,
        { ...base, regionCode },
        {
          sql: request.rowKey === '-' ? 'a.nis_code IS NULL' : 'a.nis_code = ?',
          params: request.rowKey === '-' ? [] : [request.rowKey ?? ''],
          divisor: f.months.length,
          words: `gemeente ${request.rowKey ?? ''}`,
        },
      );
    if (request.rowKey)
      return allocationTrace(
        db,
        { ...base, regionCode: request.rowKey },
        { divisor: f.months.length, words: '' },
      );
    // The KPI: every region of the kind (FTE booked outside a region does not count here).
    return allocationTrace(db, base, {
      sql: `${allocationRegionSql(f.regionKind)} IS NOT NULL`,
      divisor: f.months.length,
      words: `met een regio (${f.regionKind})`,
    });
  }
  const column = regionColumn(f.regionKind);
  const conditions: string[] = [`m.${column} IS NOT NULL`];
  const params: SqlValue[] = [];
  if (regionCode && request.rowKey) {
    conditions.push('m.nis_code = ?');
    params.push(request.rowKey);
  } else if (request.rowKey || f.regionCode) {
    conditions.push(`m.${column} = ?`);
    params.push(request.rowKey ?? f.regionCode!);
  }
  const rows = selectRows(
    db,
    `SELECT f.nis_code, m.name, m.${column}, f.year, f.newcomers, f.source FROM newcomer_forecast f
       JOIN municipality m ON m.nis_code = f.nis_code WHERE ${conditions.join(' AND ')}
      ORDER BY f.nis_code, f.year`,
    params,
  );
  const byYear = new Map<number, number>();
  let newcomers = 0;
  for (const row of rows) {
    byYear.set(Number(row[3]), (byYear.get(Number(row[3])) ?? 0) + Number(row[4]));
    newcomers += Number(row[4]);
  }
  const values = assumptionValues(readAssumptions(db, f.scenarioId));
  const model = demandFormula(byYear, values, f.months);
  const figure = model.reduce((sum, m) => sum + m.required, 0) / f.months.length;
  const sources = importSources(
    db,
    'newcomer_forecast',
    rows.map((row) => ({ nis_code: row[0]!, year: row[3]! })),
  );
  return {
    figure,
    unit: 'fte',
    words: `Nodige VTE volgens het vraagmodel van de planning (scenario-aannames) op de verwachte nieuwkomers (tabel newcomer_forecast) van ${request.rowKey ?? 'alle regio’s'}, gemiddeld over ${f.from} t/m ${f.to}.`,
    formula: `vraagmodel(Σ nieuwkomers per jaar) — ${Object.entries(values)
      .map(([key, value]) => `${key} = ${value}`)
      .join(', ')}`,
    table: 'newcomer_forecast',
    columns: ['NIS-code', 'gemeente', 'regio', 'jaar', 'nieuwkomers', 'bron'],
    rows: rows
      .slice(0, TRACE_PAGE)
      .map((row) => row.map((value) => (value instanceof Uint8Array ? null : value))),
    rowCount: rows.length,
    rowSum: newcomers,
    sources,
    sourceNote: sources.length ? null : 'Deze prognose is niet via een import binnengekomen.',
  };
}

function positionTrace(db: Database, f: ResolvedFilter, request: TraceRequest): Trace {
  const { categoryOf } = unitCategories(f, request.drill);
  const vacancyKpi = request.chart === 'vacancies';
  const keep = f.snapshot.positions.filter((position) => {
    if (
      f.divisionId !== null &&
      !(f.ancestry.get(position.unitId) ?? []).some((u) => u.id === f.divisionId)
    )
      return false;
    if (vacancyKpi) return position.pillar4Share > 0 && position.holders.length === 0;
    if (request.seriesKey === 'pillar4') return position.pillar4Share > 0;
    if (request.rowKey && categoryOf(position)?.key !== request.rowKey) return false;
    if (request.seriesKey === 'filled') return position.holders.length > 0;
    if (request.seriesKey === 'vacant') return position.holders.length === 0;
    return true;
  });
  const sources = importSources(
    db,
    'position',
    keep.map((p) => ({ id: p.id })),
  );
  return {
    figure: keep.length,
    unit: 'count',
    words: vacancyKpi
      ? `Functies met een aandeel vierde pijler zonder houder op ${f.snapshot.date} (organigram van het scenario).`
      : request.seriesKey === 'pillar4'
        ? `Functies met een aandeel vierde pijler op ${f.snapshot.date} (organigram van het scenario).`
        : `Functies ${request.seriesKey === 'vacant' ? 'zonder' : request.seriesKey === 'filled' ? 'met' : 'met of zonder'} houder op ${f.snapshot.date} in ${request.rowKey ?? 'alle eenheden'} (organigram van het scenario).`,
    formula: 'aantal functies',
    table: 'position',
    columns: ['id', 'code', 'titel', 'afdeling', 'rol', 'VTE', 'aandeel 4e pijler', 'houder'],
    rows: keep
      .slice(0, TRACE_PAGE)
      .map((p) => [
        p.id,
        p.code,
        p.title,
        divisionOf(f.ancestry, p.unitId)?.name ?? null,
        p.roleName,
        p.budgetFte,
        p.pillar4Share,
        p.holders.map((h) => h.name).join(', ') || '(vacature)',
      ]),
    rowCount: keep.length,
    rowSum: keep.length,
    sources,
    sourceNote: sources.length ? null : 'Deze functies zijn niet via een import binnengekomen.',
  };
}

function pilotTrace(db: Database, f: ResolvedFilter, request: TraceRequest): Trace {
  const where = pilotWhere(f);
  const conditions = [where.sql];
  const params = [...where.params];
  if (request.rowKey) {
    conditions.push("coalesce(lead.province, 'Onbekend') = ?");
    params.push(request.rowKey);
  }
  let measure: string | null = null;
  if (request.chart === 'pilotsByProvince' && request.seriesKey) {
    conditions.push('p.id IN (SELECT pilot_id FROM pilot_approach WHERE approach = ?)');
    params.push(request.seriesKey);
  } else if (request.seriesKey && request.seriesKey in PILOT_MEASURES) {
    measure = PILOT_MEASURES[request.seriesKey as keyof typeof PILOT_MEASURES].sql;
  }
  const rows = selectRows(
    db,
    `SELECT p.id, p.code, p.name, lead.name, lead.province, p.start_date, p.end_date,
            p.budget_eur, p.cofinancing_eur, p.target_participants, p.reached_participants,
            ${measure ?? '1'}
       FROM pilot p LEFT JOIN municipality lead ON lead.nis_code = p.lead_nis_code
      WHERE ${conditions.join(' AND ')} ORDER BY p.code`,
    params,
  );
  const sum = rows.reduce((total, row) => total + Number(row[11] ?? 0), 0);
  const sources = importSources(
    db,
    'pilot',
    rows.map((row) => ({ id: row[0]! })),
  );
  return {
    figure: sum,
    unit: measure?.includes('eur') ? 'eur' : measure ? 'people' : 'count',
    words: `${where.words[0]!.toUpperCase()}${where.words.slice(1)}${request.rowKey ? `, provincie ${request.rowKey}` : ''}${request.chart === 'pilotsByProvince' && request.seriesKey ? `, aanpak ${request.seriesKey}` : ''} (tabel pilot).`,
    formula: measure ? `Σ ${measure}` : 'aantal proeftuinen',
    table: 'pilot',
    columns: [
      'id',
      'code',
      'naam',
      'trekker',
      'provincie',
      'start',
      'einde',
      'subsidie',
      'cofinanciering',
      'doel',
      'bereikt',
    ],
    rows: rows.map((row) =>
      row.slice(0, 11).map((value) => (value instanceof Uint8Array ? null : value)),
    ),
    rowCount: rows.length,
    rowSum: sum,
    sources,
    sourceNote: sources.length ? null : 'Deze proeftuinen zijn niet via een import binnengekomen.',
  };
}

function coverageTrace(db: Database, f: ResolvedFilter, request: TraceRequest): Trace {
  const where = pilotWhere({ ...f, regionCode: null });
  const covered = `m.nis_code IN (SELECT pm.nis_code FROM pilot_municipality pm JOIN pilot p ON p.id = pm.pilot_id
       LEFT JOIN municipality lead ON lead.nis_code = p.lead_nis_code WHERE ${where.sql})`;
  const conditions = ['m.network_code IS NOT NULL'];
  const params: SqlValue[] = [];
  if (request.seriesKey !== 'uncovered') conditions.push(covered);
  else conditions.push(`NOT ${covered}`);
  params.push(...where.params);
  const network = request.rowKey ?? (f.regionKind === 'network' ? f.regionCode : null);
  if (network) {
    conditions.push('m.network_code = ?');
    params.push(network);
  }
  const rows = selectRows(
    db,
    `SELECT m.nis_code, m.name, m.network_code, m.province FROM municipality m
      WHERE ${conditions.join(' AND ')} ORDER BY m.name`,
    params,
  );
  return {
    figure: rows.length,
    unit: 'count',
    words: `Gemeenten ${request.seriesKey === 'uncovered' ? 'zonder' : 'met'} minstens één proeftuin (als trekker of partner) die loopt tussen ${f.from} en ${f.to}${network ? `, netwerk ${network}` : ''}.`,
    formula: 'aantal gemeenten',
    table: 'municipality',
    columns: ['NIS-code', 'gemeente', 'netwerk', 'provincie'],
    rows: rows.map((row) => row.map((value) => (value instanceof Uint8Array ? null : value))),
    rowCount: rows.length,
    rowSum: rows.length,
    sources: importSources(db, 'pilot_municipality', []),
    sourceNote:
      'De gemeenten komen uit de referentiedata van Statbel (resources/reference/PROVENANCE.md); de deelname uit de proeftuinenimport.',
  };
}
