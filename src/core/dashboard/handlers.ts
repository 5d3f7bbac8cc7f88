import { defineHandlers, type HandlerContext } from '../handlers/context';
import type { Result } from '../result';
import { filterOptions, readChart, readDashboard, type FilterOptions } from './dashboard';
import type { DashboardFilter } from './filter';
import { traceFigure } from './trace';
import type { ChartData, ChartId, Dashboard, Drill, Trace, TraceRequest } from './types';

/** The dashboard: every chart's aggregation for one filter, and the trace behind any figure. */
export const dashboardHandlers = defineHandlers({
  'dashboard.options': (_args: void, { session }: HandlerContext): FilterOptions =>
    filterOptions(session.db),

  'dashboard.read': (
    args: { filter: DashboardFilter; drills?: Partial<Record<ChartId, Drill | null>> },
    { session }: HandlerContext,
  ): Result<Dashboard> => readDashboard(session.db, args.filter, args.drills),

  'dashboard.chart': (
    args: { filter: DashboardFilter; chart: ChartId; drill?: Drill | null },
    { session }: HandlerContext,
  ): ChartData => readChart(session.db, args.filter, args.chart, args.drill),

  'dashboard.trace': (args: TraceRequest, { session }: HandlerContext): Trace =>
    traceFigure(session.db, args),
});
