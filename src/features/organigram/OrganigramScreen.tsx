import {
  Alert,
  Center,
  List,
  Loader,
  Stack,
  Text,
  UnstyledButton,
  useComputedColorScheme,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace-state';
import { Page } from '../../components/page';
import { intlLocale } from '../../i18n';
import { formatIsoDate } from '../../i18n/formatters';
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
  searchEntries,
  type CardTexts,
  type SearchEntry,
} from './chart-model';
import { PALETTES } from './chart-theme';
import { ComparePanel } from './ComparePanel';
import { EditPanel } from './EditPanel';
import { useEdit } from './use-edit';
import { Legend } from './Legend';
import { LensPanel } from './LensPanel';
import classes from './organigram.module.css';
import { PrintDialog } from './PrintDialog';
import { Toolbar } from './Toolbar';
import { useChartExport } from './use-chart-export';
import { useDropMove } from './use-drop-move';
import { changeMarks, useOrgDiff, type CompareWith } from './use-org-compare';
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
  const workspace = useWorkspace();
  const scheme = useComputedColorScheme('light');
  const palette = PALETTES[scheme];
  const chart = useRef<ChartHandle>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [lensOn, setLensOn] = useState(false);
  const [linksOn, setLinksOn] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [compareWith, setCompareWith] = useState<CompareWith | null>(null);
  const [printing, setPrinting] = useState(false);

  const tree = useMemo(() => buildChartTree(view.snapshot), [view]);
  const parents = useMemo(() => parentKeys(tree), [tree]);
  const layout = useMemo(() => layoutChart(tree, collapsed), [tree, collapsed]);
  const texts = useMemo<CardTexts>(
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
  // What the search box looks in, made when it is first searched (not for the first render).
  const entries = useMemo(() => {
    let made: SearchEntry[] | null = null;
    return () => (made ??= searchEntries(view));
  }, [view]);
  const diff = useOrgDiff({ scenarioId, date }, compareWith);
  const changes = useMemo(
    () => (diff ? changeMarks(diff.changes, (kind) => t(`compare.kinds.${kind}`)) : null),
    [diff, t],
  );

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
  const onDrop = useDropMove(view, layout, scenarioId, edit);
  const exportChart = useChartExport();

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

  const scenarioName = (id: number | null) =>
    id === null ? t('baseline') : (view.scenarios.find((s) => s.id === id)?.name ?? '');
  const title = `${t('title')} ${workspace.info?.name ?? ''} — ${scenarioName(scenarioId)}, ${formatIsoDate(date, locale)}`;
  const exportLinks = links.map(({ from, to, label }) => ({ from, to, label }));
  const exportInput = {
    layout,
    texts,
    unitKinds,
    links: exportLinks,
    changes,
    title,
    base: `organigram-${date}`,
    when: { scenarioId, date },
  };

  return (
    <Stack gap="xs" style={{ flex: 1, minHeight: 0 }}>
      <Toolbar
        view={view}
        chart={chart}
        scenarioId={scenarioId}
        setScenarioId={setScenarioId}
        date={date}
        setDate={setDate}
        compareWith={compareWith}
        setCompareWith={setCompareWith}
        entries={entries}
        query={query}
        setQuery={setQuery}
        onJump={jumpTo}
        lensOn={lensOn}
        setLensOn={setLensOn}
        linksOn={linksOn}
        setLinksOn={setLinksOn}
        onExpandAll={() => setCollapsed(new Set())}
        onCollapseAll={collapseAll}
        onExport={(format) => void exportChart(format, exportInput)}
        onPrint={() => setPrinting(true)}
      />

      {view.issues.length > 0 && <IssuesAlert issues={view.issues} onJump={jumpTo} />}

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
            changes={changes}
            onSelect={setSelected}
            onToggle={toggle}
            onDrop={onDrop}
            labels={{
              expand: t('expand'),
              collapse: t('collapse'),
              chart: t('chart'),
              minimap: t('minimap'),
            }}
          />
          <Legend palette={palette} />
        </div>
        <div className={classes.sidePanel}>
          <Stack gap="sm">
            {diff && compareWith && (
              <ComparePanel
                diff={diff}
                view={view}
                against={t('compare.against', {
                  what: scenarioName(compareWith.scenarioId),
                  date: formatIsoDate(compareWith.date, locale),
                })}
                locale={locale}
                onJump={jumpTo}
              />
            )}
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
      <PrintDialog
        opened={printing}
        onClose={() => setPrinting(false)}
        layout={layout}
        texts={texts}
        unitKinds={unitKinds}
        links={exportLinks}
        changes={changes}
        title={title}
      />
    </Stack>
  );
}

/** The organigram's problems, each a button that shows the position on the chart. */
function IssuesAlert({ issues, onJump }: { issues: OrgView['issues']; onJump(key: string): void }) {
  const { t } = useTranslation('organigram');
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle />}
      title={t('issues.title', { count: issues.length })}
      data-testid="org-issues"
    >
      <Text size="sm">{t('issues.intro')}</Text>
      <List size="sm" mt={4}>
        {issues.map((issue, i) => (
          <List.Item key={i}>
            <UnstyledButton
              onClick={() =>
                issue.positionIds[0] !== undefined && onJump(`p${issue.positionIds[0]}`)
              }
              style={{ textAlign: 'left', fontSize: 'inherit' }}
            >
              {issue.message}
            </UnstyledButton>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
