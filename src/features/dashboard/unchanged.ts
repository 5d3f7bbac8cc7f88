import type { Dashboard } from '../../core/dashboard';

/**
 * The new read with each chart that did not change (a filter the chart ignores, a drill on
 * another chart) kept as the object it was, so its memoised card is not drawn again.
 */
export function keepUnchanged(previous: Dashboard | null, next: Dashboard): Dashboard {
  if (!previous) return next;
  const before = new Map(previous.charts.map((chart) => [chart.id, chart]));
  const charts = next.charts.map((chart) => {
    const old = before.get(chart.id);
    return old && JSON.stringify(old) === JSON.stringify(chart) ? old : chart;
  });
  return { ...next, charts };
}
