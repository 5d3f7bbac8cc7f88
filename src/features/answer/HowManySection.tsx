import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { HowMany, SplitRow } from '../../core/answer/types';
import { formatIsoDate, formatNumber } from '../../i18n/formatters';
import { FigureCard, FigureTrace, FigureValue } from './FigureValue';
import classes from './answer.module.css';

/** Okabe–Ito blue and bluish green, as the dashboard's planned/filled series. */
const PLANNED = '#0072B2';
const FILLED = '#009E73';

function SplitTable({ title, rows, id }: { title: string; rows: SplitRow[]; id: string }) {
  const { t } = useTranslation('answer');
  return (
    <Paper p="md" radius="md" withBorder>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('split.empty')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} data-testid={`answer-split-${id}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('split.label')}</Table.Th>
              <Table.Th className={classes.numeric}>{t('split.planned')}</Table.Th>
              <Table.Th className={classes.numeric}>{t('split.filled')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-key={row.key}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td className={classes.numeric} data-column="planned">
                  <FigureValue
                    figure={row.planned}
                    label={`${title} · ${row.label} · ${t('split.planned')}`}
                  />
                </Table.Td>
                <Table.Td className={classes.numeric} data-column="filled">
                  <FigureValue
                    figure={row.filled}
                    label={`${title} · ${row.label} · ${t('split.filled')}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** 1. Hoeveel VTE? — the month's figures, the quarters, the splits and the need per region. */
export function HowManySection({ data, month }: { data: HowMany; month: string }) {
  const { t } = useTranslation('answer');
  const { locale } = useContext(FigureTrace);
  const fte = (value: number) => formatNumber(Math.round(value * 10) / 10, locale, 1);
  const quarters = data.quarters.map((q) => ({
    label: q.label,
    planned: Math.round(q.planned * 10) / 10,
    filled: Math.round(q.filled * 10) / 10,
  }));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4, xl: 7 }} spacing="sm" data-testid="answer-kpis">
        <FigureCard
          label={t('kpi.planned')}
          figure={data.planned}
          hint={t('kpi.plannedHint', { month: formatIsoDate(month, locale) })}
          testId="answer-planned"
        />
        <FigureCard
          label={t('kpi.filled')}
          figure={data.filled}
          hint={t('kpi.filledHint')}
          testId="answer-filled"
        />
        <FigureCard label={t('kpi.positions')} figure={data.positions} testId="answer-positions" />
        <FigureCard label={t('kpi.people')} figure={data.people} testId="answer-people" />
        <FigureCard label={t('kpi.vacancies')} figure={data.vacancies} testId="answer-vacancies" />
        <FigureCard label={t('kpi.required')} figure={data.required} testId="answer-required" />
        <FigureCard
          label={t('kpi.gap')}
          figure={data.gap}
          hint={t('kpi.gapHint')}
          testId="answer-gap"
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt={-6}>
        {t('kpi.vacancyNote')}
      </Text>

      {quarters.length > 0 && (
        <Paper p="md" radius="md" withBorder data-testid="answer-quarters">
          <Title order={4} mb="xs">
            {t('quarters')}
          </Title>
          <BarChart
            h={240}
            data={quarters}
            dataKey="label"
            series={[
              { name: 'planned', label: t('quarterPlanned'), color: PLANNED },
              { name: 'filled', label: t('quarterFilled'), color: FILLED },
            ]}
            withLegend
            legendProps={{ verticalAlign: 'top', height: 32 }}
            valueFormatter={fte}
            yAxisLabel={t('fteUnit')}
            maxBarWidth={56}
            tickLine="y"
            gridAxis="y"
          />
          <VisuallyHidden>
            <table>
              <caption>{t('quarterTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('split.label')}</th>
                  <th scope="col">{t('quarterPlanned')}</th>
                  <th scope="col">{t('quarterFilled')}</th>
                </tr>
              </thead>
              <tbody>
                {quarters.map((q) => (
                  <tr key={q.label}>
                    <th scope="row">{q.label}</th>
                    <td>{fte(q.planned)}</td>
                    <td>{fte(q.filled)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </Paper>
      )}

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <SplitTable title={t('split.division')} rows={data.byDivision} id="division" />
        <SplitTable title={t('split.role')} rows={data.byRole} id="role" />
        <SplitTable title={t('split.region')} rows={data.byRegion} id="region" />
      </SimpleGrid>

      <Paper p="md" radius="md" withBorder>
        <Title order={4} mb="xs">
          {t('need.title')}
        </Title>
        {data.regions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('need.empty')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} data-testid="answer-need">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('need.region')}</Table.Th>
                <Table.Th className={classes.numeric}>{t('need.required')}</Table.Th>
                <Table.Th className={classes.numeric}>{t('need.planned')}</Table.Th>
                <Table.Th className={classes.numeric}>{t('need.gap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.regions.map((region) => (
                <Table.Tr key={region.code} data-key={region.code}>
                  <Table.Td>{region.name}</Table.Td>
                  <Table.Td className={classes.numeric}>
                    <FigureValue
                      figure={region.required}
                      label={`${region.name} · ${t('need.required')}`}
                    />
                  </Table.Td>
                  <Table.Td className={classes.numeric}>
                    <FigureValue
                      figure={region.planned}
                      label={`${region.name} · ${t('need.planned')}`}
                    />
                  </Table.Td>
                  <Table.Td
                    className={classes.numeric}
                    c={region.gap.value < -0.05 ? 'var(--mantine-color-red-text)' : undefined}
                    fw={region.gap.value < -0.05 ? 700 : undefined}
                  >
                    <FigureValue figure={region.gap} label={`${region.name} · ${t('need.gap')}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
