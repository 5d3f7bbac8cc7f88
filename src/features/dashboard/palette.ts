import type { ChartData } from '../../core/dashboard';

/**
 * Okabe–Ito, the colour-blind-safe palette (Okabe & Ito 2008), with a text colour per swatch
 * that keeps 4.5:1 on it for the labels drawn inside bars. Planned is always blue, required
 * always orange, a shortage vermillion; other series take the rest in order.
 */
export const OKABE_ITO = {
  blue: { fill: '#0072B2', text: '#ffffff' },
  orange: { fill: '#E69F00', text: '#000000' },
  green: { fill: '#009E73', text: '#ffffff' },
  pink: { fill: '#CC79A7', text: '#000000' },
  sky: { fill: '#56B4E9', text: '#000000' },
  vermillion: { fill: '#D55E00', text: '#ffffff' },
  yellow: { fill: '#F0E442', text: '#000000' },
  grey: { fill: '#7a7a7a', text: '#ffffff' },
} as const;

type Swatch = (typeof OKABE_ITO)[keyof typeof OKABE_ITO];

const ORDER: Swatch[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.pink,
  OKABE_ITO.sky,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  OKABE_ITO.grey,
];

const FIXED: Record<string, Swatch> = {
  planned: OKABE_ITO.blue,
  required: OKABE_ITO.orange,
  gap: OKABE_ITO.vermillion,
  filled: OKABE_ITO.blue,
  vacant: OKABE_ITO.orange,
  reached: OKABE_ITO.blue,
  target: OKABE_ITO.orange,
  budget: OKABE_ITO.blue,
  cofinancing: OKABE_ITO.green,
  covered: OKABE_ITO.blue,
  uncovered: OKABE_ITO.grey,
};

/** Dash patterns for lines, so two scenarios differ by more than colour. */
export const DASHES = ['0', '8 4', '2 4', '12 4 2 4'];

export function seriesColours(chart: ChartData): Map<string, Swatch> {
  let next = 0;
  return new Map(
    chart.series.map((series) => [series.key, FIXED[series.key] ?? ORDER[next++ % ORDER.length]!]),
  );
}
