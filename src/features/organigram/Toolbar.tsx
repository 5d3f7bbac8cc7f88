import { ActionIcon, Button, Group, Menu, Select, Switch, Tooltip } from '@mantine/core';
import {
  IconArrowsMaximize,
  IconDownload,
  IconHome,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import type { OrgView } from '../../core/org';
import type { ChartHandle } from './Chart';
import { searchChart, type SearchEntry } from './chart-model';
import type { CompareWith } from './use-org-compare';

type Props = {
  view: OrgView;
  chart: RefObject<ChartHandle | null>;
  scenarioId: number | null;
  setScenarioId(id: number | null): void;
  date: string;
  setDate(date: string | null): void;
  compareWith: CompareWith | null;
  setCompareWith(value: CompareWith | null): void;
  /** The search's entries, made on first use. */
  entries(): SearchEntry[];
  query: string;
  setQuery(query: string): void;
  onJump(key: string): void;
  lensOn: boolean;
  setLensOn(on: boolean): void;
  linksOn: boolean;
  setLinksOn(on: boolean): void;
  onExpandAll(): void;
  onCollapseAll(): void;
  onExport(format: 'svg' | 'png' | 'xlsx'): void;
  onPrint(): void;
};

/**
 * Closed dropdowns are not kept in the page: mounted (Mantine's default), each of the three
 * had floating-ui read its position on mount, a forced layout of the whole screen that cost
 * 50–90 ms of the organigram's first render at 3,000 positions.
 */
const COMBOBOX = { keepMounted: false } as const;

/** Scenario, date and comparison; search; lens and links; zoom; collapse; export. */
export function Toolbar(props: Props) {
  const { t } = useTranslation('organigram');
  const { view, chart } = props;
  const results = props.query.trim() ? searchChart(props.entries(), props.query) : [];
  const compareValue = props.compareWith
    ? props.compareWith.scenarioId === null
      ? 'base'
      : String(props.compareWith.scenarioId)
    : '';
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <Select
        label={t('scenario')}
        data={[
          { value: '', label: t('baseline') },
          ...view.scenarios.map((s) => ({ value: String(s.id), label: s.name })),
        ]}
        value={props.scenarioId === null ? '' : String(props.scenarioId)}
        onChange={(value) => props.setScenarioId(value ? Number(value) : null)}
        allowDeselect={false}
        comboboxProps={COMBOBOX}
        w={250}
        data-testid="org-scenario"
      />
      <DateField
        label={t('date')}
        value={props.date}
        onChange={props.setDate}
        w={140}
        data-testid="org-date"
      />
      <Select
        label={t('compare.label')}
        data={[
          { value: '', label: t('compare.none') },
          { value: 'base', label: t('baseline') },
          ...view.scenarios.map((s) => ({ value: String(s.id), label: s.name })),
        ]}
        value={compareValue}
        onChange={(value) =>
          props.setCompareWith(
            value
              ? {
                  scenarioId: value === 'base' ? null : Number(value),
                  date: props.compareWith?.date ?? props.date,
                }
              : null,
          )
        }
        allowDeselect={false}
        comboboxProps={COMBOBOX}
        w={250}
        data-testid="org-compare"
      />
      {props.compareWith && (
        <DateField
          label={t('compare.date')}
          value={props.compareWith.date}
          onChange={(date) => date && props.setCompareWith({ ...props.compareWith!, date })}
          w={150}
          data-testid="org-compare-date"
        />
      )}
      <Select
        label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        searchable
        searchValue={props.query}
        onSearchChange={props.setQuery}
        data={results.map((r) => ({ value: r.key, label: `${r.label} · ${r.detail}` }))}
        filter={({ options }) => options}
        comboboxProps={COMBOBOX}
        nothingFoundMessage={props.query ? t('noResults') : undefined}
        value={null}
        onChange={(key) => {
          if (!key) return;
          props.onJump(key);
          props.setQuery('');
        }}
        w={280}
        data-testid="org-search"
      />
      <Switch
        label={t('lens')}
        checked={props.lensOn}
        onChange={(event) => props.setLensOn(event.currentTarget.checked)}
        data-testid="org-lens"
        mb={8}
        color="teal"
      />
      <Switch
        label={t('links')}
        checked={props.linksOn}
        onChange={(event) => props.setLinksOn(event.currentTarget.checked)}
        data-testid="org-links"
        mb={8}
      />
      <Group gap={4} mb={4}>
        <Tooltip label={t('zoomOut')}>
          <ActionIcon
            variant="default"
            aria-label={t('zoomOut')}
            onClick={() => chart.current?.zoomBy(0.8)}
            data-testid="org-zoom-out"
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
        <Tooltip label={t('home')}>
          <ActionIcon
            variant="default"
            aria-label={t('home')}
            onClick={() => chart.current?.home()}
            data-testid="org-home"
          >
            <IconHome size={18} />
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
          onClick={props.onExpandAll}
          data-testid="org-expand-all"
        >
          {t('expandAll')}
        </Button>
        <Button
          variant="default"
          size="xs"
          onClick={props.onCollapseAll}
          data-testid="org-collapse-all"
        >
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
            <Menu.Item onClick={() => props.onExport('svg')} data-testid="org-export-svg">
              {t('exportSvg')}
            </Menu.Item>
            <Menu.Item onClick={() => props.onExport('png')} data-testid="org-export-png">
              {t('exportPng')}
            </Menu.Item>
            <Menu.Item onClick={() => props.onExport('xlsx')} data-testid="org-export-xlsx">
              {t('exportXlsx')}
            </Menu.Item>
            <Menu.Item onClick={props.onPrint} data-testid="org-export-print">
              {t('exportPrint')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
