import { Badge, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SheetInfo } from '../../core/import/types';
import { useFormatters } from './format';

export type SheetStepProps = {
  sheets: SheetInfo[];
  value: string | null;
  onChange: (sheet: string) => void;
};

/** The workbook's sheets as cards with their row counts; hidden sheets are marked, not left out. */
export function SheetStep({ sheets, value, onChange }: SheetStepProps) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  return (
    <Stack gap="sm">
      <Text fw={600}>
        {sheets.length === 1 && sheets[0]
          ? t('sheet.onlyOne', { name: sheets[0].name })
          : t('sheet.title')}
      </Text>
      <Radio.Group value={value} onChange={onChange} aria-label={t('sheet.title')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {sheets.map((sheet) => (
            <Radio.Card
              key={sheet.name}
              value={sheet.name}
              radius="md"
              p="md"
              aria-label={sheet.name}
              style={{ opacity: sheet.hidden ? 0.75 : 1 }}
            >
              <Group wrap="nowrap" align="flex-start">
                <Radio.Indicator />
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap">
                    <IconTable size={16} />
                    <Text fw={600} truncate>
                      {sheet.name}
                    </Text>
                  </Group>
                  <Group gap={6}>
                    <Text size="sm" c="dimmed">
                      {sheet.rowCount === null
                        ? t('sheet.rowsUnknown')
                        : sheet.rowCount === 0
                          ? t('sheet.empty')
                          : t('sheet.rows', {
                              count: sheet.rowCount,
                              n: fmt.count(sheet.rowCount),
                            })}
                    </Text>
                    {sheet.hidden && (
                      <Badge
                        size="xs"
                        variant="light"
                        color="gray"
                        leftSection={<IconEyeOff size={10} />}
                      >
                        {t('sheet.hidden')}
                      </Badge>
                    )}
                  </Group>
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
    </Stack>
  );
}
