import { ActionIcon, Box, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartData, Dashboard, DashboardFilter, FilterOptions } from '../../core/dashboard';
import { formatIsoDate } from '../../i18n/formatters';
import { DashboardChart } from './DashboardChart';
import { filterChips } from './FilterBar';
import { takeaway } from './format';

/** One slide: a chart, or a part of one when its categories would not fit one screen. */
export type Slide = { chart: ChartData; part: number; parts: number };

/** What the slide's title, takeaway, stamp and margins leave for the chart (px). */
const chartSpace = (windowHeight: number) => Math.max(240, windowHeight - 330);

/**
 * The charts as slides: a bar chart with more categories than fit the screen at projector
 * size (18 networks on a 720-px beamer) is split over several slides, evenly, so every bar
 * keeps its value written beside it in large type. Axis and legend take ~110 px; a stacked
 * category needs ~52 px, a grouped one ~30 px per series.
 */
export function slidesOf(charts: readonly ChartData[], windowHeight: number): Slide[] {
  const slides: Slide[] = [];
  for (const chart of charts) {
    const perRow = chart.layout === 'stacked' ? 52 : 30 * chart.series.length + 16;
    const fit =
      chart.layout === 'lines'
        ? Infinity
        : Math.max(2, Math.floor((chartSpace(windowHeight) - 110) / perRow));
    const parts = Math.max(1, Math.ceil(chart.rows.length / fit));
    const size = Math.ceil(chart.rows.length / parts);
    for (let part = 0; part < parts; part++)
      slides.push({
        chart: { ...chart, rows: chart.rows.slice(part * size, (part + 1) * size) },
        part: part + 1,
        parts,
      });
  }
  return slides;
}

/**
 * Vergadermodus: the whole screen, one chart per slide with its question as title and a
 * computed takeaway, projector-sized type, keyboard only (← → PageUp PageDown Space Home End,
 * Esc leaves). Every slide carries the filters, the scenario and the data date.
 */
export function MeetingMode({
  dashboard,
  filter,
  options,
  locale,
  onClose,
}: {
  dashboard: Dashboard;
  filter: DashboardFilter;
  options: FilterOptions;
  locale: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('dashboard');
  const [index, setIndex] = useState(0);
  const [madeAt] = useState(() => new Date());
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [windowHeight, setWindowHeight] = useState(() => window.innerHeight);
  const [boxHeight, setBoxHeight] = useState(() => chartSpace(window.innerHeight));
  useEffect(() => {
    const onResize = () => setWindowHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const slides = useMemo(
    () => slidesOf(dashboard.charts, windowHeight),
    [dashboard.charts, windowHeight],
  );
  const total = slides.length + 1;
  const slide = index > 0 ? slides[Math.min(index, slides.length) - 1] : undefined;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setBoxHeight(element.clientHeight));
    observer.observe(element);
    setBoxHeight(element.clientHeight);
    return () => observer.disconnect();
  }, [slide !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    root.current?.focus();
    root.current?.requestFullscreen?.().catch(() => {
      // Full screen refused (no user gesture, or a test browser): the overlay still fills the window.
    });
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const go = (to: number) => {
        event.preventDefault();
        setIndex(Math.max(0, Math.min(total - 1, to)));
      };
      if (['ArrowRight', 'PageDown', ' '].includes(event.key)) go(index + 1);
      else if (['ArrowLeft', 'PageUp'].includes(event.key)) go(index - 1);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(total - 1);
      else if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, total, onClose]);
  const chips = filterChips(filter, options, t).map((chip) => chip.label);
  const stamp = t('slides.stamp', {
    scenario: dashboard.scenarioName,
    from: dashboard.from,
    to: dashboard.to,
    filters: chips.length ? chips.join(', ') : t('slides.noFilters'),
    date: formatIsoDate(dashboard.dataDate, locale),
  });
  const chart = slide?.chart;
  // The whole chart's takeaway, also on each part of a split chart.
  const whole = slide ? dashboard.charts.find((c) => c.id === slide.chart.id) : undefined;
  return (
    <Box
      ref={root}
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-label={t('meeting')}
      data-testid="meeting-mode"
      data-slide={index + 1}
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 400,
        background: 'var(--mantine-color-body)',
        color: 'var(--mantine-color-text)',
        display: 'flex',
        flexDirection: 'column',
        padding: '40px 64px 24px',
        outline: 'none',
      }}
    >
      <Group justify="flex-end" gap="xs" style={{ position: 'absolute', top: 16, right: 16 }}>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t('slides.previous')}
          onClick={() => setIndex(Math.max(0, index - 1))}
        >
          <IconChevronLeft />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t('slides.next')}
          onClick={() => setIndex(Math.min(total - 1, index + 1))}
        >
          <IconChevronRight />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t('slides.close')}
          onClick={onClose}
          data-testid="meeting-close"
        >
          <IconX />
        </ActionIcon>
      </Group>
      <Stack gap="md" style={{ flex: 1, minHeight: 0 }} data-testid="slide">
        {chart ? (
          <>
            {/* pr: the title stays clear of the ‹ › × buttons in the top right corner. */}
            <Title order={1} fz={48} lh={1.15} pr={130} data-testid="slide-title">
              {t(`charts.${chart.id}`)}
              {slide.parts > 1 && ` ${t('slides.part', { n: slide.part, total: slide.parts })}`}
            </Title>
            <Text fz={32} fw={600} data-testid="slide-takeaway">
              {takeaway(whole ?? chart, t, locale)}
            </Text>
            <Box
              ref={box}
              style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}
              data-testid="slide-chart"
            >
              <DashboardChart
                chart={chart}
                locale={locale}
                size="slide"
                height={Math.max(200, boxHeight)}
              />
            </Box>
          </>
        ) : (
          <Stack justify="center" style={{ flex: 1 }} gap="lg">
            <Title order={1} fz={64} pr={130} data-testid="slide-title">
              {t('slides.title')}
            </Title>
            <Text fz={40} fw={600}>
              {dashboard.workspaceName}
            </Text>
            <Text fz={32}>
              {t('slides.dataDate', { date: formatIsoDate(dashboard.dataDate, locale) })}
            </Text>
            <Text fz={28}>
              {t('slides.made', {
                date: new Intl.DateTimeFormat(locale, {
                  dateStyle: 'long',
                  timeStyle: 'short',
                }).format(madeAt),
              })}
            </Text>
          </Stack>
        )}
      </Stack>
      <Group justify="space-between" mt="sm" wrap="nowrap">
        <Text fz={22} data-testid="slide-stamp">
          {stamp}
        </Text>
        <Text fz={22} fw={700} data-testid="slide-counter" style={{ whiteSpace: 'nowrap' }}>
          {t('slides.counter', { n: index + 1, total })}
        </Text>
      </Group>
    </Box>
  );
}
