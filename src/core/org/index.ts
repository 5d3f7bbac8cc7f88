/** The organigram core: read a snapshot, check it, roll it up, lay it out, edit it. */
export * from './types';
export { loadSnapshot, scenarioChain, today } from './load';
export { validateSnapshot, reportingCycles, positionName } from './validate';
export * from './rollup';
export { diffSnapshots, type OrgDiff, type PositionChange } from './diff';
export { buildChartTree, parentKeys, positionKey, unitKey, type ChartNode } from './chart-tree';
export {
  CARD,
  layoutChart,
  stackColumns,
  type CardBox,
  type ChartLayout,
  type EdgePath,
} from './layout';
export type { OrgView, OrgWhen } from './handlers';
