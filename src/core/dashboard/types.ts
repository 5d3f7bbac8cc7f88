import type { DashboardFilter } from './filter';

export type ChartId =
  | 'fteByDivision'
  | 'plannedOverTime'
  | 'requiredVsPlanned'
  | 'positions'
  | 'pilotsByProvince'
  | 'pilotBudget'
  | 'pilotParticipants'
  | 'networkCoverage';

export type ChartUnit = 'fte' | 'count' | 'eur' | 'people';

/** Where a click on a bar goes: into a unit (division → teams → positions) or a region. */
export type Drill = { unitId?: number; regionCode?: string };

export type ChartSeries = { key: string; label: string };

/** One category (bar group, or time bucket) with a value per series. */
export type ChartRow = {
  key: string;
  label: string;
  values: Record<string, number>;
  /** Set when the category can be drilled into. */
  drill?: Drill;
};

export type Crumb = { label: string; drill: Drill | null };

export type ChartData = {
  id: ChartId;
  unit: ChartUnit;
  /** Stacked series add up; grouped ones stand side by side. */
  layout: 'stacked' | 'grouped' | 'lines';
  series: ChartSeries[];
  rows: ChartRow[];
  /** The drill path, from the top level to where the chart is now. */
  crumbs: Crumb[];
  /** Filters this chart cannot apply (shown under the chart, so nobody is misled). */
  ignored: (keyof DashboardFilter)[];
};

export type Kpi = {
  id: 'plannedFte' | 'requiredFte' | 'gapFte' | 'vacancies' | 'pilots' | 'coverage';
  value: number;
  unit: ChartUnit;
  /** For coverage: out of how many. */
  of?: number;
};

export type Dashboard = {
  workspaceName: string;
  dataDate: string;
  scenarioName: string;
  from: string;
  to: string;
  kpis: Kpi[];
  charts: ChartData[];
  timings: { queriesMs: number };
};

/** What a click asks the trace for: a chart (or KPI), a category, a series, a drill level. */
export type TraceRequest = {
  filter: DashboardFilter;
  chart: ChartId | Kpi['id'];
  rowKey?: string;
  seriesKey?: string;
  drill?: Drill | null;
  /** Only positions held by someone on the snapshot day (the "filled" part of planned FTE). */
  held?: boolean;
};

export type TraceSource = {
  importId: number;
  fileName: string;
  sha256: string;
  sheet: string | null;
  importedAt: string;
  /** Which of the import's writes made the row (1-based), when the log holds it. */
  writeNumbers: number[];
};

export type Trace = {
  /** The figure the rows add up to, as the chart shows it. */
  figure: number;
  unit: ChartUnit;
  /** The query in words (Dutch). */
  words: string;
  /** How the rows make the figure, e.g. "Σ VTE ÷ 12 maanden". */
  formula: string;
  table: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** All rows that make the figure (rows may be cut to a first page). */
  rowCount: number;
  /** The rows' own sum (of the measured column) before the formula's division. */
  rowSum: number;
  sources: TraceSource[];
  /** When the rows were not imported (typed in, or built by the demo), said plainly. */
  sourceNote: string | null;
};
