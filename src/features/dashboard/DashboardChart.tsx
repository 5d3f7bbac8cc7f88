import { BarChart, LineChart, type BarChartSeries } from '@mantine/charts';
import type { MouseEvent as ReactMouseEvent, ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import type { ChartData } from '../../core/dashboard';
import { formatValue } from './format';
import { DASHES, seriesColours } from './palette';

export type ChartSize = 'card' | 'slide';

/** Type sizes: the slide's are for a projector (≥ 24 px at 1920 × 1080). */
const SIZES = {
  card: { tick: 13, label: 12, bar: 30, axis: 170, line: 300 },
  slide: { tick: 26, label: 24, bar: 64, axis: 420, line: 640 },
} as const;

/** The height a chart takes when no height is given: from its rows (bars) or fixed (lines). */
export function chartHeight(chart: ChartData, size: ChartSize = 'card'): number {
  const s = SIZES[size];
  if (chart.layout === 'lines') return size === 'slide' ? s.line : 300;
  const stacked = chart.layout === 'stacked';
  const groupBars = stacked ? 1 : chart.series.length;
  return Math.max(160, chart.rows.length * s.bar * (stacked ? 1 : Math.min(groupBars, 2)) + 90);
}

/**
 * One dashboard chart drawn with @mantine/charts (recharts), in the Okabe–Ito colours, with the
 * values written on the bars (and dashes on the lines), so colour is never the only cue.
 * Categories run down the side, so long names (18 networks) stay readable.
 */
export function DashboardChart({
  chart,
  locale,
  size = 'card',
  height,
  width,
  onSegment,
}: {
  chart: ChartData;
  locale: string;
  /** Default 'card'. */
  size?: ChartSize;
  /** The slide's height in px (the slide chart fills it); default: from the rows. */
  height?: number;
  /**
   * The width in px when the caller knows it: recharts then draws at once at this size (a new
   * height included) instead of after its ResizeObserver has measured the container.
   */
  width?: number;
  /** A click on a bar segment: the category, the series and whether Shift was held. */
  onSegment?: (rowKey: string, seriesKey: string, shift: boolean) => void;
}) {
  const s = SIZES[size];
  const colours = seriesColours(chart);
  const data = chart.rows.map((row) => ({ label: row.label, key: row.key, ...row.values }));
  const format = (value: number) => formatValue(value, chart.unit, locale);
  const tick = { fontSize: s.tick };
  // The legend is the key to the colours: projector-sized on a slide too (Mantine's is 14 px).
  const styles =
    size === 'slide'
      ? {
          legendItemName: { fontSize: s.label },
          legendItemColor: { width: s.label, height: s.label, minWidth: s.label },
        }
      : undefined;
  const h = height ?? chartHeight(chart, size);
  // A sized container around Mantine's: recharts' inner ResponsiveContainer then takes this size
  // from the context instead of measuring its own box.
  const sized = (plot: ReactElement) =>
    width === undefined ? (
      plot
    ) : (
      <ResponsiveContainer width={width} height={h}>
        {plot}
      </ResponsiveContainer>
    );
  if (chart.layout === 'lines') {
    return sized(
      <LineChart
        h={h}
        data={data}
        dataKey="label"
        series={chart.series.map((series, index) => ({
          name: series.key,
          label: series.label,
          color: colours.get(series.key)!.fill,
          strokeDasharray: DASHES[index % DASHES.length],
        }))}
        curveType="linear"
        strokeWidth={size === 'slide' ? 5 : 2.5}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        valueFormatter={format}
        xAxisProps={{ tick, interval: 'preserveStartEnd', minTickGap: 24 }}
        yAxisProps={{
          tick,
          width: size === 'slide' ? 140 : 70,
          tickFormatter: (v: number) => formatValue(v, chart.unit, locale, false),
        }}
        tooltipAnimationDuration={0}
        styles={styles}
        // Room right of the last point, so its axis label is not cut at the edge.
        lineChartProps={{ accessibilityLayer: true, margin: { right: size === 'slide' ? 56 : 24 } }}
      />,
    );
  }
  const stacked = chart.layout === 'stacked';
  const max = Math.max(
    1e-9,
    ...chart.rows.map((row) =>
      stacked
        ? Object.values(row.values).reduce((a, b) => a + Math.max(0, b), 0)
        : Math.max(...Object.values(row.values).map(Math.abs)),
    ),
  );
  return sized(
    <BarChart
      h={h}
      data={data}
      dataKey="label"
      orientation="vertical"
      type={stacked ? 'stacked' : 'default'}
      series={chart.series.map((series) => ({
        name: series.key,
        label: series.label,
        color: colours.get(series.key)!.fill,
      }))}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      valueFormatter={format}
      withBarValueLabel
      valueLabelProps={(series: BarChartSeries) => ({
        position: stacked ? 'inside' : 'right',
        fontSize: s.label,
        fill: stacked ? colours.get(series.name)!.text : undefined,
        // A stacked segment's own value, not the running total recharts hands the label.
        valueAccessor: (entry: { payload?: Record<string, unknown> }) =>
          entry.payload?.[series.name],
        formatter: (value: unknown) => {
          const number = Number(value);
          if (!Number.isFinite(number) || (stacked && Math.abs(number) < max * 0.06)) return '';
          return formatValue(number, chart.unit, locale, false);
        },
      })}
      barProps={(series) => ({
        cursor: onSegment ? 'pointer' : undefined,
        onClick: (item: { payload?: { key?: string } }, _index: number, event: ReactMouseEvent) => {
          if (item.payload?.key) onSegment?.(item.payload.key, series.name, event.shiftKey);
        },
      })}
      xAxisProps={{ tick, tickFormatter: (v: number) => formatValue(v, chart.unit, locale, false) }}
      yAxisProps={{ tick, width: s.axis, interval: 0 }}
      tooltipAnimationDuration={0}
      styles={styles}
      barChartProps={{ accessibilityLayer: true, margin: { right: size === 'slide' ? 120 : 60 } }}
    />,
  );
}
