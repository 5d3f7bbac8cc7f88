import {
  ActionIcon,
  Anchor,
  Breadcrumbs,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconChartBar, IconDownload, IconTable, IconZoomIn } from '@tabler/icons-react';
import { memo, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartData, Drill } from '../../core/dashboard';
import { chartHeight, DashboardChart } from './DashboardChart';
import { useDrawn, useOnScreen, useWidth } from './use-drawn';
import { formatValue, takeaway } from './format';

export type ExportKind = 'png2' | 'png3' | 'svg' | 'copy';

/**
 * A chart with its question as title, the drill breadcrumb, the one-line takeaway, the filters
 * it cannot apply, a data-table alternative and the export menu.
 */
export const ChartCard = memo(function ChartCard({
  chart,
  locale,
  onSegment,
  onDrill,
  onExport,
  eager = false,
}: {
  chart: ChartData;
  locale: string;
  onSegment: (chart: ChartData, rowKey: string, seriesKey?: string) => void;
  onDrill: (chart: ChartData, drill: Drill | null) => void;
  onExport: (chart: ChartData, svg: SVGSVGElement, kind: ExportKind) => void;
  /** Draw now even off screen (printing, the PDF); else off-screen cards draw when idle. */
  eager?: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const [asTable, setAsTable] = useState(false);
  const plot = useRef<HTMLDivElement>(null);
  const card = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const drawn = useDrawn(chart, useOnScreen(card), eager);
  const width = useWidth(content);
  const titleId = useId();
  const summaryId = useId();
  const title = t(`charts.${chart.id}`);
  const filterNames = chart.ignored.map((key) =>
    t(
      `filters.${key === 'scenarioId' ? 'scenario' : key === 'divisionId' ? 'division' : key === 'activityCode' ? 'activity' : key}`,
    ),
  );
  // The plot is made again only when what it draws changes: an off-screen card keeps the data
  // it drew until idle (use-drawn.ts), and recharts redrawing the same data costs as much as new.
  const plotted = useMemo(
    () =>
      drawn &&
      width !== null && (
        <DashboardChart
          chart={drawn}
          locale={locale}
          width={width}
          onSegment={(rowKey, series, shift) => {
            // A drillable bar zooms in on a plain click; Shift+click (or the table) traces.
            const drill = drawn.rows.find((row) => row.key === rowKey)?.drill;
            if (drill && !shift) onDrill(drawn, drill);
            else onSegment(drawn, rowKey, series);
          }}
        />
      ),
    [drawn, locale, width, onDrill, onSegment],
  );
  const exportAs = (kind: ExportKind) => {
    const svg = plot.current?.querySelector('svg.recharts-surface');
    if (svg instanceof SVGSVGElement) onExport(chart, svg, kind);
  };
  return (
    <Paper
      ref={card}
      p="md"
      radius="md"
      data-testid={`chart-${chart.id}`}
      data-rows={chart.rows.length}
      data-drawn={drawn === chart}
      className="dashboard-card"
    >
      <Stack gap="xs" ref={content}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="lg" id={titleId}>
            {title}
          </Title>
          <Group gap={4} wrap="nowrap" className="no-print">
            <Tooltip label={asTable ? t('tableHide') : t('tableShow')}>
              <ActionIcon
                variant="subtle"
                aria-label={asTable ? t('tableHide') : t('tableShow')}
                aria-pressed={asTable}
                onClick={() => setAsTable(!asTable)}
                data-testid="chart-table-toggle"
              >
                {asTable ? <IconChartBar size={18} /> : <IconTable size={18} />}
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('export.label')}
                  data-testid="chart-export"
                  disabled={asTable}
                >
                  <IconDownload size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => exportAs('png2')}>{t('export.png2')}</Menu.Item>
                <Menu.Item onClick={() => exportAs('png3')}>{t('export.png3')}</Menu.Item>
                <Menu.Item onClick={() => exportAs('svg')}>{t('export.svg')}</Menu.Item>
                <Menu.Item onClick={() => exportAs('copy')}>{t('export.copy')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        {chart.crumbs.length > 1 && (
          <Breadcrumbs data-testid="chart-crumbs">
            {chart.crumbs.map((crumb, index) =>
              index === chart.crumbs.length - 1 ? (
                <Text key={index} size="sm" fw={600}>
                  {crumb.label}
                </Text>
              ) : (
                <Anchor
                  key={index}
                  size="sm"
                  component="button"
                  type="button"
                  onClick={() => onDrill(chart, crumb.drill)}
                >
                  {crumb.label}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
        )}
        <Text size="sm" fw={600} id={summaryId} data-testid="chart-takeaway">
          {takeaway(chart, t, locale)}
        </Text>
        {chart.rows.some((row) => row.drill) && !asTable && (
          <Text size="xs" className="no-print">
            {t('clickHint')}
          </Text>
        )}
        {chart.rows.length === 0 ? (
          <Text size="sm">{t('empty')}</Text>
        ) : asTable ? (
          <DataTable chart={chart} locale={locale} onSegment={onSegment} onDrill={onDrill} />
        ) : (
          <div
            ref={plot}
            role="figure"
            aria-labelledby={titleId}
            aria-describedby={summaryId}
            aria-busy={drawn !== chart}
          >
            {plotted ?? <div style={{ height: chartHeight(chart) }} data-testid="chart-pending" />}
          </div>
        )}
        {filterNames.length > 0 && (
          <Text size="xs" c="var(--mantine-color-text)">
            {t('filters.ignored', { names: filterNames.join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
});

/** The chart as a table: each figure a button to its trace, each drillable row a zoom button. */
export function DataTable({
  chart,
  locale,
  onSegment,
  onDrill,
}: {
  chart: ChartData;
  locale: string;
  onSegment: (chart: ChartData, rowKey: string, seriesKey?: string) => void;
  onDrill: (chart: ChartData, drill: Drill | null) => void;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <Table withTableBorder striped fz="sm" data-testid="chart-data-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('category')}</Table.Th>
          {chart.series.map((series) => (
            <Table.Th key={series.key} ta="right">
              {series.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {chart.rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {row.label}
                {row.drill && (
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    aria-label={t('drill', { label: row.label })}
                    onClick={() => onDrill(chart, row.drill!)}
                  >
                    <IconZoomIn size={14} />
                  </ActionIcon>
                )}
              </Group>
            </Table.Td>
            {chart.series.map((series) => (
              <Table.Td key={series.key} ta="right">
                <UnstyledButton
                  onClick={() => onSegment(chart, row.key, series.key)}
                  style={{ fontVariantNumeric: 'tabular-nums', textDecoration: 'underline dotted' }}
                >
                  {formatValue(row.values[series.key] ?? 0, chart.unit, locale)}
                </UnstyledButton>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
