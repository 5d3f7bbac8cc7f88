import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readDashboard, type Dashboard, type DashboardFilter } from '../../../src/core/dashboard';
import { keepUnchanged } from '../../../src/features/dashboard/unchanged';
import { dashboardSession } from './dashboard-fixture';

let db: Database;
beforeAll(async () => {
  db = (await dashboardSession()).session.db;
});

const read = (filter: DashboardFilter): Dashboard => {
  const result = readDashboard(db, filter);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/**
 * A new read keeps the chart objects that did not change, so the screen's memoised cards skip
 * them: a chart that ignores the changed filter stays the same object, one that applies it is
 * the new read's, and every kept chart equals what the new read says.
 */
describe('keepUnchanged', () => {
  const cases: { name: string; from: DashboardFilter; to: DashboardFilter; key: string }[] = [
    {
      name: 'activity',
      from: { scenarioId: 1 },
      to: { scenarioId: 1, activityCode: 'management' },
      key: 'activityCode',
    },
    { name: 'scenario', from: { scenarioId: 1 }, to: { scenarioId: 2 }, key: 'scenarioId' },
  ];
  it.each(cases)('after a change of $name', ({ from, to, key }) => {
    const before = read(from);
    const next = read(to);
    const kept = keepUnchanged(before, next);
    expect(kept.kpis).toBe(next.kpis);
    for (const chart of kept.charts) {
      const old = before.charts.find((c) => c.id === chart.id)!;
      const fresh = next.charts.find((c) => c.id === chart.id)!;
      // Always what the new read says…
      expect(chart).toEqual(fresh);
      // …as the old object exactly when nothing in it changed.
      expect(chart === old).toBe(JSON.stringify(old) === JSON.stringify(fresh));
      if ((fresh.ignored as string[]).includes(key)) expect(chart).toBe(old);
    }
    // Some chart applies the filter, so not everything is kept.
    expect(kept.charts.some((chart, i) => chart !== before.charts[i])).toBe(true);
    expect(keepUnchanged(null, next)).toBe(next);
  });
});
