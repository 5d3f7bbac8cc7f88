import {
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSqlRow } from '../../app/use-sql';
import { intlLocale } from '../../i18n';
import { KpiCard } from '../kpi-card';

export type Fact = { label: string; value: string | null };

/** One headline figure: its label key and how to show it from the facts query's row. */
export type FactSpec = {
  labelKey: string;
  format: (row: Record<string, unknown>, locale: string) => string | null;
};

/**
 * A "komt eraan" screen from data: the feature's texts (`comingSoon.<feature>.*`) and its facts,
 * read with one read-only query on the open workspace (re-run when the data changes).
 */
export function ComingSoonScreen({
  feature,
  icon,
  factsSql,
  facts,
}: {
  feature: 'organigram' | 'planning' | 'dashboard' | 'export';
  icon: ReactNode;
  factsSql: string;
  facts: readonly FactSpec[];
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const row = useSqlRow(factsSql);
  return (
    <ComingSoon
      testId={`screen-${feature}`}
      icon={icon}
      title={t(`comingSoon.${feature}.title`)}
      description={t(`comingSoon.${feature}.description`)}
      bullets={t(`comingSoon.${feature}.bullets`, { returnObjects: true }) as string[]}
      facts={facts.map((fact) => ({
        label: t(fact.labelKey),
        value: row ? fact.format(row, locale) : null,
      }))}
    />
  );
}

/**
 * The state of a screen whose capability comes with a later issue: what it will do, and —
 * so it is not empty — a few real figures from the open workspace it will build on.
 */
export function ComingSoon({
  icon,
  title,
  description,
  bullets,
  facts,
  testId,
}: {
  icon: ReactNode;
  title: string;
  description: string;
  bullets: readonly string[];
  facts: Fact[];
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack p="lg" gap="lg" maw={1100} data-testid={testId}>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={56} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <div>
          <Group gap="sm">
            <Title order={2}>{title}</Title>
            <Badge color="flemishYellow" c="dark" variant="filled" radius="sm">
              {t('comingSoon.badge')}
            </Badge>
          </Group>
          <Text c="dimmed" mt={4} maw={760}>
            {description}
          </Text>
        </div>
      </Group>
      <Paper p="lg" radius="md">
        <List
          spacing="sm"
          icon={
            <ThemeIcon size={22} radius="xl" variant="light">
              <IconCheck size={14} />
            </ThemeIcon>
          }
        >
          {bullets.map((bullet) => (
            <List.Item key={bullet}>{bullet}</List.Item>
          ))}
        </List>
      </Paper>
      {facts.length > 0 && (
        <Stack gap="xs">
          <Text fw={650} size="sm" c="dimmed" tt="uppercase" lts={0.4}>
            {t('comingSoon.inWorkspace')}
          </Text>
          <SimpleGrid cols={{ base: 2, md: Math.min(4, facts.length) }}>
            {facts.map((fact) => (
              <KpiCard key={fact.label} label={fact.label} value={fact.value ?? '…'} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
