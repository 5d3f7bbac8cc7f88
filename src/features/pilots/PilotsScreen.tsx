import { Badge, Group, SimpleGrid, Text } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCurrencyEuro,
  IconPlant2,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { numberOf, useSqlRow } from '../../app/use-sql';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { KpiCard } from '../../components/kpi-card';
import { Page } from '../../components/page';
import { intlLocale } from '../../i18n';
import { formatEuro, formatInteger } from '../../i18n/formatters';

const KPI_SQL = /* sql */ `
  SELECT
    (SELECT count(*) FROM pilot) AS pilots,
    (SELECT count(*) FROM pilot WHERE is_fictional = 1) AS fictional,
    (SELECT count(DISTINCT nis_code) FROM pilot_municipality) AS municipalities,
    (SELECT coalesce(sum(budget_eur), 0) FROM pilot) AS budget,
    (SELECT coalesce(sum(reached_participants), 0) FROM pilot) AS reached,
    (SELECT coalesce(sum(target_participants), 0) FROM pilot) AS target
`;

/** Proeftuinen: KPI cards over the pilots, then every pilot as a row. */
export function PilotsScreen() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const kpis = useSqlRow(KPI_SQL);
  const count = (column: string) => {
    const value = numberOf(kpis, column);
    return value === null ? '…' : formatInteger(value, locale);
  };
  const budget = numberOf(kpis, 'budget');
  const fictional = numberOf(kpis, 'fictional') ?? 0;

  const columns: DataTableColumn[] = [
    { name: 'id', hidden: true },
    { name: 'lead_nis_code', hidden: true },
    { name: 'code', hidden: true },
    { name: 'municipality_count', kind: 'integer' },
    { name: 'partner_count', kind: 'integer' },
    { name: 'target_participants', kind: 'integer' },
    { name: 'reached_participants', kind: 'integer' },
    { name: 'target_buddy_pairs', kind: 'integer' },
    { name: 'reached_buddy_pairs', kind: 'integer' },
    {
      name: 'approaches',
      render: (value) => (
        <Group gap={4} wrap="nowrap">
          {String(value ?? '')
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean)
            .map((code) => (
              <Badge key={code} variant="light" size="sm" radius="sm" tt="none">
                {i18n.exists(`approaches.${code}`) ? t(`approaches.${code}`) : code}
              </Badge>
            ))}
        </Group>
      ),
    },
    {
      name: 'is_fictional',
      label: t('pilots.kindColumn'),
      kind: 'flag',
      render: (value) =>
        value === 1 ? (
          <Badge variant="light" color="gray" size="sm" radius="sm">
            {t('columns.fictional')}
          </Badge>
        ) : (
          <Badge variant="light" color="teal" size="sm" radius="sm">
            {t('pilots.real')}
          </Badge>
        ),
    },
  ];

  return (
    <Page title={t('pilots.title')} subtitle={t('pilots.subtitle')} testId="screen-pilots">
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <KpiCard
          label={t('pilots.kpiPilots')}
          value={count('pilots')}
          hint={fictional > 0 ? t('pilots.kpiFictional', { count: fictional }) : undefined}
          icon={<IconPlant2 size={22} />}
          testId="kpi-pilots"
        />
        <KpiCard
          label={t('pilots.kpiMunicipalities')}
          value={count('municipalities')}
          icon={<IconBuildingCommunity size={22} />}
          testId="kpi-municipalities"
        />
        <KpiCard
          label={t('pilots.kpiBudget')}
          value={budget === null ? '…' : formatEuro(budget, locale)}
          icon={<IconCurrencyEuro size={22} />}
          testId="kpi-budget"
        />
        <KpiCard
          label={t('pilots.kpiReached')}
          value={count('reached')}
          hint={t('pilots.kpiReachedOf', { target: count('target') })}
          icon={<IconUsers size={22} />}
          testId="kpi-reached"
        />
      </SimpleGrid>
      <DataTable
        table="pilot_overview"
        label={t('pilots.title')}
        columns={columns}
        leadingColumns={[
          'name',
          'is_fictional',
          'lead_municipality',
          'province',
          'budget_eur',
          'reached_participants',
          'target_participants',
        ]}
        countLabel={(total) => t('pilots.count', { count: total })}
        defaultSort={{ column: 'name', direction: 'asc' }}
      />
      {fictional > 0 && (
        <Text size="xs" c="dimmed">
          {t('pilots.fictionalNote')}
        </Text>
      )}
    </Page>
  );
}
