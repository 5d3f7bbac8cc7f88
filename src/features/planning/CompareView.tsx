import {
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTAGE_TEXT, SURPLUS_TEXT } from './colors';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { CompareGroup, CompareResult } from '../../core/planning/compare';
import type { Grain } from '../../core/planning/months';
import type { ScenarioSummary } from '../../core/planning/scenarios';
import { formatFte } from '../../core/planning/fte';
import { intlLocale } from '../../i18n';
import { bucketLabel } from './labels';

/** Two scenarios side by side: Before / After / Δ per period, and what changed where. */
export function CompareView({
  scenarios,
  current,
}: {
  scenarios: ScenarioSummary[];
  current: ScenarioSummary;
}) {
  const { t, i18n } = useTranslation('planning');
  const locale = intlLocale(i18n.language);
  const core = useCore();
  const { revision } = useWorkspace();
  const other = scenarios.find((scenario) => scenario.id !== current.id);
  const [beforeId, setBeforeId] = useState<number | null>(current.basedOnId ?? other?.id ?? null);
  const [afterId, setAfterId] = useState<number>(current.id);
  const [grain, setGrain] = useState<Grain>('year');
  const [result, setResult] = useState<CompareResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (beforeId === null) return;
    let live = true;
    void core
      .call('planning.compare', { beforeId, afterId, grain, limit: 300 })
      .then((compared) => {
        if (!live) return;
        if (compared.ok) {
          setResult(compared.value);
          setError(null);
        } else {
          setResult(null);
          setError(compared.error.message);
        }
      });
    return () => {
      live = false;
    };
  }, [core, beforeId, afterId, grain, revision]);

  const fte = (milli: number) => formatFte(milli, locale);
  const delta = (milli: number) => `${milli > 0 ? '+' : ''}${fte(milli)}`;
  const options = scenarios.map((scenario) => ({
    value: String(scenario.id),
    label: scenario.name,
  }));

  const groupTable = (groups: CompareGroup[], testId: string) => (
    <Table striped data-testid={testId}>
      <Table.Tbody>
        {groups.slice(0, 40).map((group) => (
          <Table.Tr key={group.key}>
            <Table.Td>{bucketLabel(group.label, locale)}</Table.Td>
            <Table.Td
              ta="right"
              fw={600}
              c={group.afterMilli < group.beforeMilli ? SHORTAGE_TEXT : SURPLUS_TEXT}
            >
              {delta(group.afterMilli - group.beforeMilli)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack gap="md" data-testid="compare-view">
      <Group align="flex-end">
        <Select
          label={t('compare.before')}
          data-testid="compare-before"
          w={280}
          allowDeselect={false}
          value={beforeId === null ? null : String(beforeId)}
          data={options}
          onChange={(value) => value && setBeforeId(Number(value))}
        />
        <Select
          label={t('compare.after')}
          data-testid="compare-after"
          w={280}
          allowDeselect={false}
          value={String(afterId)}
          data={options}
          onChange={(value) => value && setAfterId(Number(value))}
        />
        <SegmentedControl
          aria-label={t('compare.period')}
          value={grain}
          onChange={(value) => setGrain(value as Grain)}
          data={[
            { value: 'month', label: t('grid.month') },
            { value: 'quarter', label: t('grid.quarter') },
            { value: 'year', label: t('grid.year') },
          ]}
        />
      </Group>
      {error && <Text c={SHORTAGE_TEXT}>{error}</Text>}
      {result && (
        <>
          <Card withBorder padding="md">
            <Title order={4} mb="sm">
              {t('compare.totals')}
            </Title>
            <Table.ScrollContainer minWidth={600}>
              <Table data-testid="compare-totals" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    {result.totals.map((total) => (
                      <Table.Th key={total.bucket} ta="right">
                        {bucketLabel(total.bucket, locale)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th>
                      {t('compare.before')}: {result.before.name}
                    </Table.Th>
                    {result.totals.map((total) => (
                      <Table.Td key={total.bucket} ta="right">
                        {fte(total.beforeMilli)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>
                      {t('compare.after')}: {result.after.name}
                    </Table.Th>
                    {result.totals.map((total) => (
                      <Table.Td key={total.bucket} ta="right">
                        {fte(total.afterMilli)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  <Table.Tr data-testid="compare-delta-row">
                    <Table.Th>{t('compare.delta')}</Table.Th>
                    {result.totals.map((total) => (
                      <Table.Td key={total.bucket} ta="right" fw={700} data-bucket={total.bucket}>
                        {delta(total.afterMilli - total.beforeMilli)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Text fw={600} data-testid="compare-count">
            {result.changeCount === 0
              ? t('compare.noChanges')
              : t('compare.changes', { count: result.changeCount })}
          </Text>
          {result.changeCount > 0 && (
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Card withBorder padding="md">
                <Text size="sm" mb="xs">
                  {t('compare.groupNote')}
                </Text>
                <Tabs defaultValue="unit">
                  <Tabs.List>
                    <Tabs.Tab value="unit">{t('compare.byUnit')}</Tabs.Tab>
                    <Tabs.Tab value="region">{t('compare.byRegion')}</Tabs.Tab>
                    <Tabs.Tab value="activity">{t('compare.byActivity')}</Tabs.Tab>
                    <Tabs.Tab value="month">{t('compare.byMonth')}</Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="unit">
                    {groupTable(result.byUnit, 'compare-by-unit')}
                  </Tabs.Panel>
                  <Tabs.Panel value="region">
                    {groupTable(result.byRegion, 'compare-by-region')}
                  </Tabs.Panel>
                  <Tabs.Panel value="activity">
                    {groupTable(result.byActivity, 'compare-by-activity')}
                  </Tabs.Panel>
                  <Tabs.Panel value="month">
                    {groupTable(result.byMonth, 'compare-by-month')}
                  </Tabs.Panel>
                </Tabs>
              </Card>
              <Card withBorder padding="md">
                <Title order={5} mb="xs">
                  {t('compare.detail')}
                </Title>
                {/* Focusable, so keyboard users can scroll the list (axe: scrollable-region-focusable). */}
                <div
                  tabIndex={0}
                  role="region"
                  aria-label={t('compare.detail')}
                  style={{ maxHeight: 420, overflow: 'auto' }}
                >
                  <Table striped data-testid="compare-changes" stickyHeader>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('compare.position')}</Table.Th>
                        <Table.Th>{t('compare.activity')}</Table.Th>
                        <Table.Th>{t('compare.region')}</Table.Th>
                        <Table.Th>{t('compare.month')}</Table.Th>
                        <Table.Th ta="right">{t('compare.before')}</Table.Th>
                        <Table.Th ta="right">{t('compare.after')}</Table.Th>
                        <Table.Th ta="right">{t('compare.delta')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {result.changes.map((change) => (
                        <Table.Tr
                          key={`${change.positionId}|${change.activityCode}|${change.regionCode}|${change.nisCode}|${change.month}`}
                        >
                          <Table.Td>{change.positionCode}</Table.Td>
                          <Table.Td>{change.activityCode}</Table.Td>
                          <Table.Td>{change.regionCode ?? '—'}</Table.Td>
                          <Table.Td>{change.month}</Table.Td>
                          <Table.Td ta="right">{fte(change.beforeMilli)}</Table.Td>
                          <Table.Td ta="right">{fte(change.afterMilli)}</Table.Td>
                          <Table.Td ta="right" fw={600}>
                            {delta(change.afterMilli - change.beforeMilli)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </div>
                {result.changeCount > result.changes.length && (
                  <Text size="xs" mt="xs">
                    {t('compare.shown', { count: result.changes.length })}
                  </Text>
                )}
              </Card>
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
