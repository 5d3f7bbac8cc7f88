import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SHORTAGE_TEXT } from './colors';
import type { Breach } from '../../core/planning/breaches';
import { formatFte } from '../../core/planning/fte';
import { intlLocale } from '../../i18n';

/** Every capacity breach of the scenario, by month: listed, never silently accepted. */
export function BreachList({ breaches }: { breaches: Breach[] }) {
  const { t, i18n } = useTranslation('planning');
  const locale = intlLocale(i18n.language);
  if (breaches.length === 0) return <Text data-testid="breach-list">{t('breaches.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={700} mah={560}>
      <Table striped stickyHeader data-testid="breach-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('breaches.month')}</Table.Th>
            <Table.Th>{t('breaches.kind')}</Table.Th>
            <Table.Th>{t('breaches.who')}</Table.Th>
            <Table.Th ta="right">{t('breaches.total')}</Table.Th>
            <Table.Th ta="right">{t('breaches.limit')}</Table.Th>
            <Table.Th>{t('breaches.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {breaches.map((breach) => (
            <Table.Tr key={`${breach.kind}|${breach.id}|${breach.month}`}>
              <Table.Td>{breach.month}</Table.Td>
              <Table.Td>{t(`breaches.${breach.kind}`)}</Table.Td>
              <Table.Td>
                {breach.kind === 'person' ? breach.name : `${breach.code} · ${breach.name}`}
              </Table.Td>
              <Table.Td ta="right" c={SHORTAGE_TEXT} fw={600}>
                {formatFte(breach.totalMilli, locale)}
              </Table.Td>
              <Table.Td ta="right">{formatFte(breach.limitMilli, locale)}</Table.Td>
              <Table.Td>{breach.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
