/** The dashboard core: chart aggregations under one filter, drill levels, and traces. */
export * from './types';
export type { DashboardFilter } from './filter';
export {
  CHART_IDS,
  readChart,
  readDashboard,
  filterOptions,
  type FilterOptions,
} from './dashboard';
export { traceFigure, TRACE_PAGE } from './trace';
export { APPROACH_LABELS } from './pilot-charts';
