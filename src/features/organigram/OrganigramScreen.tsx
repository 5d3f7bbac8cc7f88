import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  List,
  Loader,
  Menu,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowsMaximize,
  IconDownload,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore, useHost } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import { Page } from '../../components/page';
import { intlLocale } from '../../i18n';
import {
  buildChartTree,
  layoutChart,
  parentKeys,
  type CardBox,
  type ChartLayout,
  type LinkEnd,
  type OrgView,
} from '../../core/org';
import { Chart, type ChartHandle, type ChartLink } from './Chart';
import {
  ancestorsOf,
  cardTexts,
  lensKeys,
  searchChart,
  searchEntries,
  type CardText,
} from './chart-model';
import { PALETTES } from './chart-theme';
import { EditPanel, useEdit } from './EditPanel';
import { chartSvg, svgToPng } from './export-svg';
import { LensPanel } from './LensPanel';
import classes from './organigram.module.css';
import { useOrgView } from './use-org-view';

/** Resolves a link end to the card that shows it: itself, or its nearest visible ancestor. */
function endCard(
  end: LinkEnd,
  layout: ChartLayout,
  parents: Map<string, string | null>,
): CardBox | null {
  let key: string | null = `${end.kind === 'unit' ? 'u' : 'p'}${end.id}`;
  while (key && !layout.byKey.has(key)) key = parents.get(key) ?? null;
  return key ? layout.byKey.get(key)! : null;
}

export function OrganigramScreen() {
  const { t, i18n } = useTranslation('organigram');
  const locale = intlLocale(i18n.language);
  const [scenarioId, setScenarioId] = useState<number | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const { view, error } = useOrgView(scenarioId, date);
  return (
    <Page title={t('title')} subtitle={t('subtitle')} testId="screen-organigram">
      {error && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('edit.failed')}>
          {error}
        </Alert>
      )}
      {view ? (
        <OrganigramBody
          view={view}
          locale={locale}
          scenarioId={scenarioId}
          setScenarioId={setScenarioId}
          date={date ?? view.snapshot.date}
          setDate={setDate}
        />
      ) : (
        !error && (
          <Center flex={1}>
            <Loader aria-label={t('loading')} />
          </Center>
        )
      )}
    </Page>
  );
}

function OrganigramBody({
  view,
  locale,
  scenarioId,
  setScenarioId,
  date,
  setDate,
}: {
  view: OrgView;
  locale: string;
  scenarioId: number | null;
  setScenarioId(id: number | null): void;
  date: string;
  setDate(date: string | null): void;
}) {
  const { t } = useTranslation('organigram');
  const core = useCore();
  const host = useHost();
  const workspace = useWorkspace();
  const scheme = useComputedColorScheme('light');
  const palette = PALETTES[scheme];
  const chart = useRef<ChartHandle>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [lensOn, setLensOn] = useState(false);
  const [linksOn, setLinksOn] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  const tree = useMemo(() => buildChartTree(view.snapshot), [view]);
  const parents = useMemo(() => parentKeys(tree), [tree]);
  const layout = useMemo(() => layoutChart(tree, collapsed), [tree, collapsed]);
  const texts = useMemo<Map<string, CardText>>(
    () =>
      cardTexts(
        view,
        {
          vacant: t('vacant'),
          fte: (value) => t('fte', { value }),
          share: (percent) => t('share', { percent }),
          unitFte: (positions, fte) => t('unitFte', { positions, fte }),
          unitPillar4: (fte, filled) => t('unitPillar4', { fte, filled }),
          unitDetail: (filled, vacant, headcount) => t('unitDetail', { filled, vacant, headcount }),
          kinds: t('kinds', { returnObjects: true }) as Record<string, string>,
        },
        locale,
      ),
    [view, t, locale],
  );
  const unitKinds = useMemo(() => new Map(view.snapshot.units.map((u) => [u.id, u.kind])), [view]);
  const lens = useMemo(() => (lensOn ? lensKeys(view, parents) : null), [lensOn, view, parents]);
  const entries = useMemo(() => searchEntries(view), [view]);

  const links = useMemo<ChartLink[]>(() => {
    if (!linksOn && !lensOn) return [];
    const list: ChartLink[] = [];
    for (const link of view.snapshot.links) {
      const from = endCard(link.from, layout, parents);
      const to = endCard(link.to, layout, parents);
      if (!from || !to || from === to) continue;
      if (lens && !lens.highlight.has(from.key) && !lens.highlight.has(to.key)) continue;
      list.push({ id: link.id, from, to, label: link.label });
    }
    return list;
  }, [view, layout, parents, linksOn, lensOn, lens]);

  const refresh = useCallback(
    () => workspace.refresh({ dataChanged: true }).then(() => undefined),
    [workspace],
  );
  const edit = useEdit(refresh);

  const jumpTo = useCallback(
    (key: string) => {
      const up = ancestorsOf(parents, key);
      setCollapsed((current) => {
        if (!up.some((k) => current.has(k))) return current;
        const next = new Set(current);
        for (const k of up) next.delete(k);
        return next;
      });
      setSelected(key);
      // After the relayout (if any) has been drawn.
      requestAnimationFrame(() => requestAnimationFrame(() => chart.current?.centerOn(key)));
    },
    [parents],
  );

  const toggle = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const collapseAll = () => {
    const keys = new Set<string>();
    for (const [key, parent] of parents) {
      if (key.startsWith('u') && parent !== null && parent !== 'root') keys.add(key);
    }
    setCollapsed(keys);
  };

  const onDrop = useCallback(
    (dragged: string, target: string) => {
      if (!dragged.startsWith('p')) return;
      const positionId = Number(dragged.slice(1));
      const targetId = Number(target.slice(1));
      const title = view.snapshot.positions.find((p) => p.id === positionId)?.title ?? '';
      let args: {
        positionId: number;
        reportsToId: number | null;
        unitId?: number;
        scenarioId: number | null;
      };
      let targetName: string;
      if (target.startsWith('p')) {
        args = { positionId, reportsToId: targetId, scenarioId };
        targetName = view.snapshot.positions.find((p) => p.id === targetId)?.title ?? '';
      } else {
        // Onto a unit: into that unit, under its head (the position the unit card leads to).
        const head =
          tree && layout.cards.find((c) => c.parentKey === target && c.kind === 'position');
        const current = view.snapshot.positions.find((p) => p.id === positionId);
        args = {
          positionId,
          reportsToId: head && head.id !== positionId ? head.id : (current?.reportsToId ?? null),
          unitId: targetId,
          scenarioId,
        };
        targetName = view.snapshot.units.find((u) => u.id === targetId)?.name ?? '';
      }
      void edit(
        () => core.call('org.movePosition', args),
        t('edit.dropped', { title, target: targetName }),
      );
    },
    [view, tree, layout, scenarioId, edit, core, t],
  );

  const exportChart = async (format: 'svg' | 'png') => {
    try {
      const svg = chartSvg({
        layout,
        texts: texts,
        palette: PALETTES.light,
        unitKinds,
        links: links.map(({ from, to, label }) => ({ from, to, label })),
        title: `${t('title')} ${workspace.info?.name ?? ''} ${date}`,
      });
      const base = `organigram-${date}`;
      const height = Math.ceil(layout.height + (links.length > 0 ? 280 : 0));
      const bytes =
        format === 'svg'
          ? new TextEncoder().encode(svg)
          : await svgToPng(svg, Math.ceil(layout.width), height);
      const saved = await host.saveExport(bytes, `${base}.${format}`);
      if (!saved.ok) throw new Error(saved.message);
      if (saved.value)
        notifications.show({ color: 'petrol', message: t('exported', { name: saved.value }) });
    } catch (failure) {
      notifications.show({
        color: 'red',
        title: t('exportFailed'),
        message: failure instanceof Error ? failure.message : String(failure),
      });
    }
  };

  const results = searchChart(entries, query);

  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label={t('scenario')}
          data={[
            { value: '', label: t('baseline') },
            ...view.scenarios.map((s) => ({ value: String(s.id), label: s.name })),
          ]}
          value={scenarioId === null ? '' : String(scenarioId)}
          onChange={(value) => setScenarioId(value ? Number(value) : null)}
          allowDeselect={false}
          w={230}
          data-testid="org-scenario"
        />
        <TextInput
          label={t('date')}
          type="date"
          value={date}
          onChange={(event) => setDate(event.currentTarget.value || null)}
          w={150}
          data-testid="org-date"
        />
        <Select
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          searchable
          searchValue={query}
          onSearchChange={setQuery}
          data={results.map((r) => ({ value: r.key, label: `${r.label} · ${r.detail}` }))}
          filter={({ options }) => options}
          nothingFoundMessage={query ? t('noResults') : undefined}
          value={null}
          onChange={(key) => {
            if (!key) return;
            jumpTo(key);
            setQuery('');
          }}
          w={300}
          data-testid="org-search"
        />
        <Switch
          label={t('lens')}
          checked={lensOn}
          onChange={(event) => setLensOn(event.currentTarget.checked)}
          data-testid="org-lens"
          mb={8}
          color="teal"
        />
        <Switch
          label={t('links')}
          checked={linksOn}
          onChange={(event) => setLinksOn(event.currentTarget.checked)}
          data-testid="org-links"
          mb={8}
        />
        <Group gap={4} mb={4}>
          <Tooltip label={t('zoomOut')}>
            <ActionIcon
              variant="default"
              aria-label={t('zoomOut')}
              onClick={() => chart.current?.zoomBy(0.8)}
            >
              <IconZoomOut size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('zoomIn')}>
            <ActionIcon
              variant="default"
              aria-label={t('zoomIn')}
              onClick={() => chart.current?.zoomBy(1.25)}
            >
              <IconZoomIn size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('fit')}>
            <ActionIcon
              variant="default"
              aria-label={t('fit')}
              onClick={() => chart.current?.fit()}
              data-testid="org-fit"
            >
              <IconArrowsMaximize size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={4} mb={4}>
          <Button
            variant="default"
            size="xs"
            onClick={() => setCollapsed(new Set())}
            data-testid="org-expand-all"
          >
            {t('expandAll')}
          </Button>
          <Button variant="default" size="xs" onClick={collapseAll} data-testid="org-collapse-all">
            {t('collapseAll')}
          </Button>
          <Menu>
            <Menu.Target>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconDownload size={16} />}
                data-testid="org-export"
              >
                {t('exportLabel')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportChart('svg')} data-testid="org-export-svg">
                {t('exportSvg')}
              </Menu.Item>
              <Menu.Item onClick={() => void exportChart('png')} data-testid="org-export-png">
                {t('exportPng')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      {view.issues.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={t('issues.title', { count: view.issues.length })}
          data-testid="org-issues"
        >
          <Text size="sm">{t('issues.intro')}</Text>
          <List size="sm" mt={4}>
            {view.issues.map((issue, i) => (
              <List.Item key={i}>
                <UnstyledButton
                  onClick={() =>
                    issue.positionIds[0] !== undefined && jumpTo(`p${issue.positionIds[0]}`)
                  }
                  style={{ textAlign: 'left', fontSize: 'inherit' }}
                >
                  {issue.message}
                </UnstyledButton>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <div className={classes.layoutRow}>
        <div className={classes.chartColumn}>
          <Chart
            ref={chart}
            layout={layout}
            texts={texts}
            palette={palette}
            unitKinds={unitKinds}
            lens={lens}
            links={links}
            selectedKey={selected}
            onSelect={setSelected}
            onToggle={toggle}
            onDrop={onDrop}
            labels={{ expand: t('expand'), collapse: t('collapse'), chart: t('chart') }}
          />
          <Legend palette={palette} />
        </div>
        <div className={classes.sidePanel}>
          <Stack gap="sm">
            {lensOn && <LensPanel lens={view.lens} locale={locale} />}
            <EditPanel
              view={view}
              selectedKey={selected}
              scenarioId={scenarioId}
              locale={locale}
              onChanged={refresh}
            />
          </Stack>
        </div>
      </div>
    </Stack>
  );
}

function Legend({ palette }: { palette: (typeof PALETTES)['light'] }) {
  const { t } = useTranslation('organigram');
  const item = (swatch: React.ReactNode, label: string) => (
    <Group gap={6} wrap="nowrap">
      <svg width={34} height={14} aria-hidden>
        {swatch}
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="lg" data-testid="org-legend">
      {item(
        <line x1={0} y1={7} x2={34} y2={7} stroke={palette.line} strokeWidth={2} />,
        t('legend.reporting'),
      )}
      {item(
        <line
          x1={0}
          y1={7}
          x2={34}
          y2={7}
          stroke={palette.link}
          strokeWidth={2}
          strokeDasharray="2 4"
          strokeLinecap="round"
        />,
        t('legend.link'),
      )}
      {item(
        <rect
          x={1}
          y={1}
          width={32}
          height={12}
          rx={3}
          fill="none"
          stroke={palette.vacant}
          strokeDasharray="5 3"
        />,
        t('legend.vacant'),
      )}
      {item(
        <rect x={1} y={1} width={8} height={12} rx={2} fill={palette.pillar4} />,
        t('legend.pillar4'),
      )}
    </Group>
  );
}
