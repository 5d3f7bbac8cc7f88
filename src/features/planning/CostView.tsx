import {
  ActionIcon,
  Card,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { CostGroup, GradeCost, PlanCost } from '../../core/planning/cost';
import type { ScenarioSummary } from '../../core/planning/scenarios';
import { formatEuro, formatNumber } from '../../i18n/formatters';
import { intlLocale } from '../../i18n';

/** Cost per FTE by grade, and the budget it gives the plan per year and per scenario. */
export function CostView({ scenario }: { scenario: ScenarioSummary }) {
  const { t, i18n } = useTranslation('planning');
  const locale = intlLocale(i18n.language);
  const core = useCore();
  const { revision, refresh } = useWorkspace();
  const [cost, setCost] = useState<PlanCost | null>(null);

  useEffect(() => {
    let live = true;
    void core.call('planning.cost', { scenarioId: scenario.id }).then((result) => {
      if (live && result.ok) setCost(result.value);
    });
    return () => {
      live = false;
    };
  }, [core, scenario.id, revision]);

  const euro = (value: number) => formatEuro(Math.round(value), locale);
  const save = async (grade: GradeCost, value: number | null) => {
    if (value === grade.annualCostPerFte && (value !== null || !grade.isSet)) return;
    const result = await core.call('planning.setGradeCost', {
      scenarioId: scenario.id,
      grade: grade.grade,
      annualCostPerFte: value,
    });
    if (!result.ok)
      notifications.show({ color: 'red', title: t('grid.refused'), message: result.error.message });
    await refresh({ dataChanged: true });
  };
  if (!cost) return null;
  const locked = scenario.status === 'approved';

  const groupTable = (title: string, groups: CostGroup[], testId: string) => (
    <Card withBorder padding="sm">
      <Title order={4} mb="xs">
        {title}
      </Title>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {cost.years.map((year) => (
              <Table.Th key={year} ta="right">
                {year}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Table.Tr key={group.key} data-key={group.key}>
              <Table.Td>{group.label}</Table.Td>
              {group.euros.map((value, index) => (
                <Table.Td key={cost.years[index]} ta="right" data-year={cost.years[index]}>
                  {euro(value)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );

  return (
    <Stack gap="md" data-testid="cost-view">
      <Card withBorder padding="sm">
        <Title order={4} mb="xs">
          {t('cost.gradesTitle')}
        </Title>
        <Table striped data-testid="grade-costs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cost.grade')}</Table.Th>
              <Table.Th ta="right">{t('cost.positions')}</Table.Th>
              <Table.Th>{t('cost.rate')}</Table.Th>
              <Table.Th ta="right">{t('cost.defaultRate')}</Table.Th>
              <Table.Th>{t('cost.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cost.grades.map((grade) => {
              const name = grade.grade || t('cost.noGrade');
              return (
                <Table.Tr key={grade.grade} data-grade={grade.grade}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td ta="right">{grade.positions}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      key={`${grade.grade}|${grade.annualCostPerFte ?? ''}`}
                      aria-label={`${t('cost.rate')} ${name}`}
                      size="xs"
                      w={150}
                      prefix="€ "
                      thousandSeparator="."
                      decimalSeparator=","
                      min={0}
                      disabled={locked}
                      defaultValue={grade.annualCostPerFte ?? ''}
                      placeholder={t('cost.noRate')}
                      rightSection={
                        grade.isSet ? (
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-label={t('cost.resetLabel', { grade: name })}
                            disabled={locked}
                            onClick={() => void save(grade, null)}
                          >
                            <IconRestore size={14} />
                          </ActionIcon>
                        ) : undefined
                      }
                      onBlur={(event) => {
                        const text = event.currentTarget.value
                          .replace(/[€\s.]/g, '')
                          .replace(',', '.');
                        if (text !== '') void save(grade, Number(text));
                      }}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') event.currentTarget.blur();
                      }}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    {grade.defaultCostPerFte === null ? '—' : euro(grade.defaultCostPerFte)}
                  </Table.Td>
                  <Table.Td>
                    {grade.isSet ? (grade.source ?? t('cost.own')) : (grade.source ?? '')}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="sm">
        <Title order={4} mb="xs">
          {t('cost.budgetTitle')}
        </Title>
        <Text size="sm" mb="xs" data-testid="cost-formula">
          {t('cost.formula')}
        </Text>
        <Table data-testid="cost-total">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {cost.years.map((year) => (
                <Table.Th key={year} ta="right">
                  {year}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td fw={700}>{t('cost.total')}</Table.Td>
              {cost.total.map((value, index) => (
                <Table.Td key={cost.years[index]} ta="right" fw={700} data-year={cost.years[index]}>
                  {euro(value)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {cost.unpricedMilli > 0 && (
          <Text size="sm" mt="xs" data-testid="cost-unpriced">
            {t('cost.unpriced', { fte: formatNumber(cost.unpricedMilli / 1000, locale, 1) })}
          </Text>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        {groupTable(t('cost.byActivity'), cost.byActivity, 'cost-by-activity')}
        {groupTable(t('cost.byScenario'), cost.byScenario, 'cost-by-scenario')}
        {groupTable(t('cost.byRegion'), cost.byRegion, 'cost-by-region')}
        {groupTable(t('cost.byGrade'), cost.byGrade, 'cost-by-grade')}
      </SimpleGrid>
    </Stack>
  );
}
