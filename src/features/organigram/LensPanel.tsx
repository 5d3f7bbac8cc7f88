import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LensGroup, LensTotals } from '../../core/org';

/** The answer on one screen: fourth-pillar FTE by division, role and region. */
export function LensPanel({ lens, locale }: { lens: LensTotals; locale: string }) {
  const { t } = useTranslation('organigram');
  const fte = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const table = (title: string, groups: LensGroup[], testId: string) => (
    <Stack gap={4}>
      <Text fw={650} size="sm">
        {title}
      </Text>
      <Table data-testid={testId} fz="xs" striped withRowBorders={false} verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lensPanel.group')}</Table.Th>
            <Table.Th ta="right">{t('lensPanel.positions')}</Table.Th>
            <Table.Th ta="right">FTE</Table.Th>
            <Table.Th ta="right">{t('lensPanel.filled')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key} data-group={g.label}>
              <Table.Td>{g.label}</Table.Td>
              <Table.Td ta="right">{g.positions}</Table.Td>
              <Table.Td ta="right" data-column="fte">
                {fte.format(g.fte)}
              </Table.Td>
              <Table.Td ta="right" data-column="filled">
                {fte.format(g.filledFte)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
  return (
    <Paper p="sm" data-testid="lens-panel">
      <Stack gap="sm">
        <Title order={4}>{t('lensPanel.title')}</Title>
        <Text size="sm">{t('lensPanel.summary', { positions: lens.positions })}</Text>
        <Group gap="xl">
          <Stack gap={0}>
            <Text size="xs">{t('lensPanel.fte')}</Text>
            <Text fw={700} size="xl" data-testid="lens-fte">
              {fte.format(lens.fte)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs">{t('lensPanel.filled')}</Text>
            <Text fw={700} size="xl" data-testid="lens-filled">
              {fte.format(lens.filledFte)}
            </Text>
          </Stack>
        </Group>
        {table(t('lensPanel.byDivision'), lens.byDivision, 'lens-by-division')}
        {table(t('lensPanel.byRole'), lens.byRole, 'lens-by-role')}
        {table(t('lensPanel.byRegion'), lens.byRegion, 'lens-by-region')}
        <Text size="xs">{t('lensPanel.note')}</Text>
      </Stack>
    </Paper>
  );
}
