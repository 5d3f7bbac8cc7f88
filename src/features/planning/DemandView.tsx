import {
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTAGE_TEXT } from './colors';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { Assumption } from '../../core/planning/assumptions';
import type { DemandResult, RegionKind } from '../../core/planning/demand';
import type { Grain } from '../../core/planning/months';
import type { ScenarioSummary } from '../../core/planning/scenarios';
import { formatNumber, formatPercent, shareAsPercent } from '../../i18n/formatters';
import { intlLocale } from '../../i18n';
import { bucketLabel } from './labels';

const ALL = '*';

/** Required vs planned vs gap per region over time, with the assumptions that drive it. */
export function DemandView({ scenario }: { scenario: ScenarioSummary }) {
  const { t, i18n } = useTranslation('planning');
  const locale = intlLocale(i18n.language);
  const core = useCore();
  const { revision, refresh } = useWorkspace();
  const [kind, setKind] = useState<RegionKind>('network');
  const [grain, setGrain] = useState<Grain>('quarter');
  const [region, setRegion] = useState<string>(ALL);
  const [period, setPeriod] = useState<string | null>(null);
  const [demand, setDemand] = useState<DemandResult | null>(null);

  useEffect(() => {
    let current = true;
    void core
      .call('planning.demand', { scenarioId: scenario.id, regionKind: kind, grain })
      .then((result) => {
        if (current && result.ok) setDemand(result.value);
      });
    return () => {
      current = false;
    };
  }, [core, scenario.id, kind, grain, revision]);

  const chart = useMemo(() => {
    if (!demand) return [];
    return demand.buckets.map((bucket) => {
      const rows = demand.rows.filter(
        (row) => row.bucket === bucket && (region === ALL || row.regionCode === region),
      );
      const required = rows.reduce((sum, row) => sum + row.requiredFte, 0);
      const planned = rows.reduce((sum, row) => sum + row.plannedMilli / 1000, 0);
      return {
        bucket: bucketLabel(bucket, locale),
        [t('demand.required')]: Number(required.toFixed(2)),
        [t('demand.planned')]: Number(planned.toFixed(2)),
        [t('demand.gap')]: Number((planned - required).toFixed(2)),
      };
    });
  }, [demand, region, locale, t]);

  const shownPeriod =
    period && demand?.buckets.includes(period) ? period : (demand?.buckets.at(-1) ?? null);
  const tableRows = demand?.rows.filter((row) => row.bucket === shownPeriod) ?? [];
  const fte = (value: number) => formatNumber(value, locale, 2);

  const setAssumption = async (assumption: Assumption, value: number) => {
    if (value === assumption.value) return;
    const result = await core.call('planning.setAssumption', {
      scenarioId: scenario.id,
      key: assumption.key,
      value,
    });
    if (!result.ok)
      notifications.show({ color: 'red', title: t('grid.refused'), message: result.error.message });
    await refresh({ dataChanged: true });
  };

  const values = Object.fromEntries((demand?.assumptions ?? []).map((a) => [a.key, a.value]));
  const pct = (key: string) => formatPercent(values[key] ?? 0, locale);
  const formula = t(values.demand_method === 2 ? 'demand.formulaCaseload' : 'demand.formulaHours', {
    obliged: pct('share_obliged'),
    notWorking: pct('share_obliged_not_working_studying'),
    uptake: pct('uptake_optional'),
    from: values.mandatory_from_year ?? '',
    hours: formatNumber(values.guidance_hours_per_newcomer ?? 0, locale),
    spread: values.spread_months ?? '',
    productive: formatNumber(values.productive_hours_per_fte_year ?? 0, locale),
    caseload: formatNumber(values.caseload_per_fte ?? 0, locale),
  });

  return (
    <Stack gap="md" data-testid="demand-view">
      <Group gap="md" align="flex-end">
        <SegmentedControl
          aria-label={t('demand.regionKind')}
          value={kind}
          onChange={(value) => {
            setKind(value as RegionKind);
            setRegion(ALL);
          }}
          data={[
            { value: 'network', label: t('demand.network') },
            { value: 'agii', label: t('demand.agii') },
          ]}
        />
        <SegmentedControl
          aria-label={t('grid.grain')}
          value={grain}
          onChange={(value) => setGrain(value as Grain)}
          data={[
            { value: 'month', label: t('grid.month') },
            { value: 'quarter', label: t('grid.quarter') },
            { value: 'year', label: t('grid.year') },
          ]}
        />
        <Select
          label={t('demand.region')}
          w={260}
          allowDeselect={false}
          value={region}
          onChange={(value) => setRegion(value ?? ALL)}
          data={[
            { value: ALL, label: t('demand.allRegions') },
            ...[
              ...new Map((demand?.rows ?? []).map((row) => [row.regionCode, row.regionName])),
            ].map(([value, label]) => ({ value, label })),
          ]}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('demand.chartTitle')}
          </Title>
          <LineChart
            h={280}
            data={chart}
            dataKey="bucket"
            withLegend
            curveType="linear"
            valueFormatter={(value) => fte(value)}
            series={[
              { name: t('demand.required'), color: 'red.7' },
              { name: t('demand.planned'), color: 'blue.7' },
              { name: t('demand.gap'), color: 'gray.6', strokeDasharray: '5 5' },
            ]}
            referenceLines={[{ y: 0, color: 'gray.5' }]}
          />
          <Text size="sm" mt="sm" data-testid="demand-formula">
            <b>{t('demand.formulaTitle')}:</b> {formula} {t('demand.gapRule')}
          </Text>
        </Card>
        <Card withBorder padding="md">
          <Title order={4} mb="sm">
            {t('demand.assumptions')}
          </Title>
          <Table striped withTableBorder={false} verticalSpacing={4} data-testid="assumptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('demand.assumptions')}</Table.Th>
                <Table.Th w={110}>{t('demand.value')}</Table.Th>
                <Table.Th>{t('demand.unit')}</Table.Th>
                <Table.Th>{t('demand.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(demand?.assumptions ?? []).map((assumption) => (
                <AssumptionRow
                  key={`${scenario.id}-${assumption.key}-${assumption.value}`}
                  assumption={assumption}
                  locked={scenario.status === 'approved'}
                  onChange={(value) => void setAssumption(assumption, value)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('demand.tableTitle')}</Title>
          <Select
            aria-label={t('demand.period')}
            w={160}
            allowDeselect={false}
            value={shownPeriod}
            onChange={setPeriod}
            data={(demand?.buckets ?? []).map((bucket) => ({
              value: bucket,
              label: bucketLabel(bucket, locale),
            }))}
          />
        </Group>
        <Table striped highlightOnHover data-testid="demand-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('demand.regionKind')}</Table.Th>
              <Table.Th ta="right">{t('demand.participants')}</Table.Th>
              <Table.Th ta="right">{t('demand.required')}</Table.Th>
              <Table.Th ta="right">{t('demand.planned')}</Table.Th>
              <Table.Th ta="right">{t('demand.vacancy')}</Table.Th>
              <Table.Th ta="right">{t('demand.gap')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tableRows.map((row) => (
              <Table.Tr key={row.regionCode} data-region={row.regionCode}>
                <Table.Td>{row.regionName}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.participants, locale, 0)}</Table.Td>
                <Table.Td ta="right" data-column="required">
                  {fte(row.requiredFte)}
                </Table.Td>
                <Table.Td ta="right" data-column="planned">
                  {fte(row.plannedMilli / 1000)}
                </Table.Td>
                <Table.Td ta="right">{fte(row.vacancyMilli / 1000)}</Table.Td>
                <Table.Td
                  ta="right"
                  data-column="gap"
                  c={row.gapFte < -0.005 ? SHORTAGE_TEXT : undefined}
                  fw={600}
                >
                  {fte(row.gapFte)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {demand && shownPeriod && (
          <Text size="sm" mt="xs">
            {t('demand.unassigned', {
              fte: fte((demand.unassignedMilli[demand.buckets.indexOf(shownPeriod)] ?? 0) / 1000),
            })}
          </Text>
        )}
      </Card>
    </Stack>
  );
}

function AssumptionRow({
  assumption,
  locked,
  onChange,
}: {
  assumption: Assumption;
  locked: boolean;
  onChange: (value: number) => void;
}) {
  const { t, i18n } = useTranslation('planning');
  const share = assumption.unit === 'share';
  const [draft, setDraft] = useState<string | number>(
    share ? shareAsPercent(assumption.value) : assumption.value,
  );
  const commit = () => {
    const number = typeof draft === 'number' ? draft : Number(String(draft).replace(',', '.'));
    if (Number.isFinite(number)) onChange(share ? number / 100 : number);
  };
  return (
    <Table.Tr data-assumption={assumption.key}>
      <Table.Td>
        <Text size="sm">{assumption.label}</Text>
        {assumption.informative && (
          <Text size="xs" c="var(--mantine-color-text)">
            ({t('demand.informative')})
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          aria-label={assumption.label}
          value={draft}
          onChange={setDraft}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
          decimalSeparator={i18n.language.startsWith('en') ? '.' : ','}
          disabled={locked}
          min={share ? shareAsPercent(assumption.min) : assumption.min}
          max={share ? shareAsPercent(assumption.max) : assumption.max}
          hideControls
        />
      </Table.Td>
      <Table.Td>
        <Text size="xs">{t(`demand.units.${assumption.unit}`)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{assumption.scenarioSource ?? assumption.source}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
