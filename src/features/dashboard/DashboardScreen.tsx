import './dashboard.css';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  SimpleGrid,
  UnstyledButton,
  useComputedColorScheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconFileTypePdf,
  IconPresentation,
  IconPrinter,
} from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../app/core-context';
import { KpiCard } from '../../components/kpi-card';
import { Page } from '../../components/page';
import type { ChartData, ChartId, DashboardFilter, Drill, Kpi } from '../../core/dashboard';
import { intlLocale } from '../../i18n';
import { formatIsoDate } from '../../i18n/formatters';
import { dashboardPdf, type PdfPage } from './pdf-export';
import { ChartCard, type ExportKind } from './ChartCard';
import { chartToSvg, svgToPngBytes } from './export-chart';
import { formatValue } from './format';
import { MeetingMode } from './MeetingMode';
import { DASHES, seriesColours } from './palette';
import { TraceDrawer, type TraceOpen } from './TraceDrawer';
import { FilterBar } from './FilterBar';
import { useDashboard, useDashboardOptions } from './use-dashboard';
import { useMasonry } from './use-masonry';

export function DashboardScreen() {
  const { t, i18n } = useTranslation('dashboard');
  const locale = intlLocale(i18n.language);
  const host = useHost();
  const scheme = useComputedColorScheme('light');
  const [chosen, setChosen] = useState<DashboardFilter | null>(null);
  const [drills, setDrills] = useState<Partial<Record<ChartId, Drill | null>>>({});
  const [trace, setTrace] = useState<TraceOpen | null>(null);
  const [meeting, setMeeting] = useState(false);
  const [pdfBusy, setPdfBusy] = useState(false);
  // Off-screen charts draw when the browser is idle (use-drawn.ts); printing and the PDF need
  // every chart now.
  const [eager, setEager] = useState(false);
  useEffect(() => {
    const beforePrint = () => flushSync(() => setEager(true));
    window.addEventListener('beforeprint', beforePrint);
    return () => window.removeEventListener('beforeprint', beforePrint);
  }, []);
  const drawEverything = async () => {
    flushSync(() => setEager(true));
    // recharts finishes in its own effects: two frames.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  };
  const options = useDashboardOptions();
  const filter = useMemo<DashboardFilter | null>(() => {
    if (chosen) return chosen;
    if (!options) return null;
    const scenario = options.scenarios.find((s) => s.approved) ?? options.scenarios[0];
    return scenario ? { scenarioId: scenario.id, grain: 'quarter' } : null;
  }, [chosen, options]);
  const { dashboard, error, loading } = useDashboard(filter, drills);
  const chartGrid = useRef<HTMLDivElement>(null);
  useMasonry(chartGrid, dashboard ? dashboard.charts.map((c) => c.id).join() : '');
  const changeFilter = useCallback((to: DashboardFilter) => {
    setChosen(to);
    setDrills({});
  }, []);
  // React has committed a dashboard read (User Timing; recharts draws on in its own effects).
  useLayoutEffect(() => {
    if (dashboard) performance.mark('dashboard:committed');
  }, [dashboard]);

  const openKpi = (kpi: Kpi) =>
    filter &&
    setTrace({
      filter,
      chart: kpi.id,
      label: `${t(`kpis.${kpi.id}`)}: ${formatValue(kpi.value, kpi.unit, locale)}`,
    });
  const openSegment = (chart: ChartData, rowKey: string, seriesKey?: string) => {
    if (!filter) return;
    const row = chart.rows.find((r) => r.key === rowKey);
    const series = chart.series.find((s) => s.key === seriesKey);
    setTrace({
      filter,
      chart: chart.id,
      rowKey,
      seriesKey,
      drill: drills[chart.id] ?? null,
      label: [t(`charts.${chart.id}`), row?.label, series?.label].filter(Boolean).join(' · '),
      ...(row?.drill ? { drillTo: row.drill, drillLabel: row.label } : {}),
    });
  };
  const drill = (chart: ChartData, to: Drill | null) =>
    setDrills((d) => ({ ...d, [chart.id]: to }));
  /** The chart's own <svg> as a self-contained picture with its title and legend inside. */
  const pictureOf = (chart: ChartData, svg: SVGSVGElement) => {
    const colours = seriesColours(chart);
    const style = getComputedStyle(document.body);
    return chartToSvg({
      svg,
      title: t(`charts.${chart.id}`),
      subtitle: dashboard
        ? `${dashboard.scenarioName} · ${dashboard.from} – ${dashboard.to} · ${dashboard.dataDate}`
        : '',
      legend: chart.series.map((s, i) => ({
        label: s.label,
        colour: colours.get(s.key)!.fill,
        ...(chart.layout === 'lines'
          ? { dash: DASHES[i % DASHES.length] === '0' ? 'none' : DASHES[i % DASHES.length] }
          : {}),
      })),
      background: style.backgroundColor,
      text: style.color,
    });
  };
  const exportChart = async (chart: ChartData, svg: SVGSVGElement, kind: ExportKind) => {
    try {
      const picture = pictureOf(chart, svg);
      if (kind === 'copy') {
        // A PNG on the clipboard pastes into PowerPoint, Word and mail (Electron grants
        // clipboard-write to the app's own origin).
        const png = await svgToPngBytes(picture.svg, picture.width, picture.height, 2);
        await navigator.clipboard.write([
          new ClipboardItem({ 'image/png': new Blob([png.slice()], { type: 'image/png' }) }),
        ]);
        notifications.show({ message: t('export.copied') });
        return;
      }
      const name = `${chart.id}.${kind === 'svg' ? 'svg' : 'png'}`;
      const bytes =
        kind === 'svg'
          ? new TextEncoder().encode(picture.svg)
          : await svgToPngBytes(
              picture.svg,
              picture.width,
              picture.height,
              kind === 'png3' ? 3 : 2,
            );
      const saved = await host.saveExport(bytes, name);
      if (!saved.ok) throw new Error(saved.message);
      if (saved.value) notifications.show({ message: t('export.saved', { name: saved.value }) });
    } catch (cause) {
      notifications.show({ color: 'red', title: t('export.failed'), message: String(cause) });
    }
  };
  /**
   * The dashboard as PDF: in the app Electron prints the page (printToPDF, the print styles);
   * in the browser build pdf-lib lays out a cover and each chart's exported picture.
   */
  const exportPdf = async () => {
    if (!dashboard) return;
    setPdfBusy(true);
    try {
      await drawEverything();
      const name = 'dashboard.pdf';
      let saved;
      if (host.printToPdf) saved = await host.printToPdf(name);
      else {
        const pages: PdfPage[] = [];
        for (const chart of dashboard.charts) {
          const svg = document.querySelector(
            `[data-testid="chart-${chart.id}"] svg.recharts-surface`,
          );
          if (!(svg instanceof SVGSVGElement)) continue;
          const picture = pictureOf(chart, svg);
          pages.push({
            png: await svgToPngBytes(picture.svg, picture.width, picture.height, 2),
            width: picture.width,
            height: picture.height,
          });
        }
        const cover = [
          t('pdfCover'),
          dashboard.workspaceName,
          `Scenario ${dashboard.scenarioName} · ${dashboard.from} – ${dashboard.to}`,
          t('slides.dataDate', { date: formatIsoDate(dashboard.dataDate, locale) }),
          t('slides.made', {
            date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
              new Date(),
            ),
          }),
        ];
        saved = await host.saveExport(await dashboardPdf(cover, pages), name);
      }
      if (!saved.ok) throw new Error(saved.message);
      if (saved.value) notifications.show({ message: t('pdfSaved', { name: saved.value }) });
    } catch (cause) {
      notifications.show({ color: 'red', title: t('pdfFailed'), message: String(cause) });
    } finally {
      setPdfBusy(false);
    }
  };

  // The cards are memoised: they get handlers that stay the same object across renders and
  // call the current ones, so a new filter or an open trace draws no chart again by itself.
  const latest = useRef({ openSegment, drill, exportChart });
  useLayoutEffect(() => {
    latest.current = { openSegment, drill, exportChart };
  });
  const cardHandlers = useMemo(
    () => ({
      onSegment: (chart: ChartData, rowKey: string, seriesKey?: string) =>
        latest.current.openSegment(chart, rowKey, seriesKey),
      onDrill: (chart: ChartData, to: Drill | null) => latest.current.drill(chart, to),
      onExport: (chart: ChartData, svg: SVGSVGElement, kind: ExportKind) =>
        void latest.current.exportChart(chart, svg, kind),
    }),
    [],
  );

  const kpiText = (kpi: Kpi) =>
    kpi.id === 'coverage'
      ? `${formatValue(kpi.value, kpi.unit, locale)} ${t('kpis.of', { total: kpi.of })}`
      : formatValue(kpi.value, kpi.unit, locale);
  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      testId="screen-dashboard"
      actions={
        <Group gap="xs" className="no-print">
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => window.print()}
          >
            {t('print')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            onClick={() => void exportPdf()}
            loading={pdfBusy}
            disabled={!dashboard}
            data-testid="dashboard-pdf"
          >
            {t('pdf')}
          </Button>
          <Button
            leftSection={<IconPresentation size={16} />}
            onClick={() => setMeeting(true)}
            disabled={!dashboard}
            data-testid="meeting-open"
          >
            {t('meeting')}
          </Button>
        </Group>
      }
    >
      {error && (
        <Alert color="red" icon={<IconAlertTriangle />}>
          {error}
        </Alert>
      )}
      {options && filter && <FilterBar filter={filter} options={options} onChange={changeFilter} />}
      {!dashboard ? (
        <Center h={200}>
          <Loader aria-label={t('loading')} />
        </Center>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="sm" data-testid="dashboard-kpis">
            {dashboard.kpis.map((kpi) => (
              <UnstyledButton
                key={kpi.id}
                onClick={() => openKpi(kpi)}
                aria-label={t('kpis.open', { label: t(`kpis.${kpi.id}`), value: kpiText(kpi) })}
                data-testid={`kpi-${kpi.id}`}
              >
                <KpiCard
                  label={t(`kpis.${kpi.id}`)}
                  value={kpiText(kpi)}
                  hint={
                    kpi.unit === 'fte'
                      ? t('kpis.hint', {
                          from: formatIsoDate(dashboard.from, locale),
                          to: formatIsoDate(dashboard.to, locale),
                        })
                      : undefined
                  }
                />
              </UnstyledButton>
            ))}
          </SimpleGrid>
          <div
            ref={chartGrid}
            className="dashboard-charts"
            data-testid="dashboard-charts"
            data-scheme={scheme}
            aria-busy={loading}
          >
            {dashboard.charts.map((chart) => (
              <ChartCard
                key={chart.id}
                chart={chart}
                locale={locale}
                eager={eager}
                {...cardHandlers}
              />
            ))}
          </div>
        </>
      )}
      <TraceDrawer
        open={trace}
        locale={locale}
        onClose={() => setTrace(null)}
        onDrill={(request) => {
          setDrills((d) => ({ ...d, [request.chart as ChartId]: request.drillTo ?? null }));
          setTrace(null);
        }}
      />
      {meeting && dashboard && filter && options && (
        <MeetingMode
          dashboard={dashboard}
          filter={filter}
          options={options}
          locale={locale}
          onClose={() => setMeeting(false)}
        />
      )}
    </Page>
  );
}
