import type { ChartData, ChartUnit } from '../../core/dashboard';
import { formatAmount, formatInteger, formatNumber } from '../../i18n/formatters';

/** A figure as the dashboard writes it: `1.234,5 VTE`, `€ 40.000`, `12` (shared with the answer). */
export const formatValue = (value: number, unit: ChartUnit, locale: string, withUnit = true) =>
  formatAmount(value, unit, locale, withUnit);

type T = (key: string, options?: Record<string, unknown>) => string;

const total = (chart: ChartData, key?: string) =>
  chart.rows.reduce(
    (sum, row) =>
      sum +
      (key === undefined
        ? Object.values(row.values).reduce((a, b) => a + b, 0)
        : (row.values[key] ?? 0)),
    0,
  );

const rowTotal = (row: ChartData['rows'][number], keys?: string[]) =>
  Object.entries(row.values)
    .filter(([key]) => !keys || keys.includes(key))
    .reduce((sum, [, value]) => sum + value, 0);

function largest(chart: ChartData, keys?: string[]) {
  return chart.rows.reduce<ChartData['rows'][number] | null>(
    (best, row) => (!best || rowTotal(row, keys) > rowTotal(best, keys) ? row : best),
    null,
  );
}

/** The one line a slide says about its chart, computed from the chart's own numbers. */
export function takeaway(chart: ChartData, t: T, locale: string): string {
  if (chart.rows.length === 0) return t('takeaway.empty');
  const fmt = (value: number) => formatValue(value, chart.unit, locale);
  switch (chart.id) {
    case 'fteByDivision': {
      const top = largest(chart)!;
      return t('takeaway.fteByDivision', {
        label: top.label,
        value: fmt(rowTotal(top)),
        total: fmt(total(chart)),
      });
    }
    case 'requiredVsPlanned': {
      const worst = chart.rows.reduce((a, b) =>
        (b.values.gap ?? 0) < (a.values.gap ?? 0) ? b : a,
      );
      if ((worst.values.gap ?? 0) >= -0.05) return t('takeaway.noShortage');
      return t('takeaway.shortage', { label: worst.label, value: fmt(-(worst.values.gap ?? 0)) });
    }
    case 'plannedOverTime': {
      const series = chart.series.at(-1)!;
      const first = chart.rows[0]!;
      const last = chart.rows.at(-1)!;
      return t('takeaway.overTime', {
        series: series.label,
        first: fmt(first.values[series.key] ?? 0),
        firstKey: first.label,
        last: fmt(last.values[series.key] ?? 0),
        lastKey: last.label,
      });
    }
    case 'positions': {
      const top = largest(chart, ['vacant'])!;
      return t('takeaway.positions', {
        vacant: total(chart, 'vacant'),
        total: total(chart),
        label: top.label,
      });
    }
    case 'pilotsByProvince': {
      const top = largest(chart)!;
      const common = chart.series.reduce((a, b) =>
        total(chart, b.key) > total(chart, a.key) ? b : a,
      );
      return t('takeaway.pilotsByProvince', {
        label: top.label,
        value: rowTotal(top),
        approach: common.label.toLowerCase(),
      });
    }
    case 'pilotBudget':
      return t('takeaway.pilotBudget', {
        budget: fmt(total(chart, 'budget')),
        cofinancing: fmt(total(chart, 'cofinancing')),
      });
    case 'pilotParticipants': {
      const reached = total(chart, 'reached');
      const target = total(chart, 'target');
      return t('takeaway.pilotParticipants', {
        reached: formatInteger(reached, locale),
        target: formatInteger(target, locale),
        percent: target > 0 ? `${formatNumber((reached / target) * 100, locale, 0)} %` : '—',
      });
    }
    case 'networkCoverage': {
      const top = largest(chart, ['covered'])!;
      return t('takeaway.networkCoverage', {
        covered: total(chart, 'covered'),
        total: total(chart),
        label: top.label,
        value: top.values.covered ?? 0,
      });
    }
  }
}
