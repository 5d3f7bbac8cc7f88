import { Alert, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotReach } from '../../core/answer/types';
import { formatInteger } from '../../i18n/formatters';
import { FigureCard, FigureTrace, FigureValue, formatFigure } from './FigureValue';
import classes from './answer.module.css';

/** 5. Proeftuinen en lokale besturen — the pilots' reach and, when imported, readiness. */
export function PilotsSection({ data }: { data: PilotReach }) {
  const { t } = useTranslation('answer');
  const { locale } = useContext(FigureTrace);
  if (data.pilots.value === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('pilots.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="answer-pilot-kpis">
        <FigureCard label={t('pilots.pilots')} figure={data.pilots} testId="answer-pilots" />
        <FigureCard
          label={t('pilots.participants')}
          figure={data.participantsReached}
          hint={t('pilots.ofTarget', { target: formatFigure(data.participantsTarget, locale) })}
          testId="answer-participants"
        />
        <FigureCard
          label={t('pilots.budget')}
          figure={data.budgetEur}
          hint={t('pilots.cofinancing', { value: formatFigure(data.cofinancingEur, locale) })}
          testId="answer-budget"
        />
        <FigureCard
          label={t('pilots.municipalities')}
          figure={data.municipalitiesCovered}
          hint={t('pilots.ofTotal', { total: formatInteger(data.municipalitiesTotal, locale) })}
          testId="answer-municipalities"
        />
      </SimpleGrid>
      <Text size="sm">{t('pilots.interim', { count: data.interimEvaluations })}</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <Paper p="md" radius="md" withBorder>
          <Table fz="sm" verticalSpacing={4} data-testid="answer-networks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pilots.network')}</Table.Th>
                <Table.Th>{t('pilots.covered')}</Table.Th>
                <Table.Th className={classes.numeric} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.byNetwork.map((network) => (
                <Table.Tr key={network.code} data-key={network.code}>
                  <Table.Td>{network.name}</Table.Td>
                  <Table.Td w="40%">
                    <Progress
                      value={network.total > 0 ? (network.covered / network.total) * 100 : 0}
                      color="petrol"
                      aria-label={`${network.name}: ${network.covered} / ${network.total}`}
                    />
                  </Table.Td>
                  <Table.Td className={classes.numeric}>
                    {formatInteger(network.covered, locale)} /{' '}
                    {formatInteger(network.total, locale)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper p="md" radius="md" withBorder>
          <Title order={4} mb="xs">
            {t('pilots.readiness')}
          </Title>
          {data.readiness ? (
            <Table fz="sm" verticalSpacing={4} data-testid="answer-readiness">
              <Table.Tbody>
                {data.readiness.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Td>{row.label}</Table.Td>
                    <Table.Td className={classes.numeric}>
                      <FigureValue figure={row.value} label={row.label} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Alert variant="light" color="gray" icon={<IconInfoCircle />}>
              <Text size="sm">{t('pilots.noReadiness')}</Text>
            </Alert>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
