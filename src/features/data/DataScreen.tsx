import { Badge, Group, NavLink, Paper, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconDatabase, IconSearch, IconTable, IconTableAlias } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { routeHref } from '../../app/router';
import { useWorkspace } from '../../app/workspace-state';
import { DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import type { HandlerValue } from '../../core/handlers';
import { foldText } from '../../core/db/workspace-file';

type TableList = HandlerValue<'tables.list'>;

/** Gegevens: every table, view and imported dataset, each browsable in the same grid. */
export function DataScreen({ table }: { table: string | null }) {
  const { t, i18n } = useTranslation();
  const core = useCore();
  const { revision } = useWorkspace();
  const [objects, setObjects] = useState<TableList>([]);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let current = true;
    void core.call('tables.list', undefined).then((list) => {
      if (current) setObjects(list);
    });
    return () => {
      current = false;
    };
  }, [core, revision]);

  /** The app's own tables by their Dutch name; an imported dataset by its label. */
  const labelOf = (item: TableList[number]) =>
    item.kind !== 'dataset' && i18n.exists(`tables.${item.name}`)
      ? t(`tables.${item.name}`)
      : item.label;

  const shown = useMemo(() => {
    const needle = foldText(filter.trim()) ?? '';
    // In the order of the names the list shows, not of the SQL names under them.
    const collator = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true });
    return objects
      .filter(
        (item) => !needle || (foldText(`${item.name} ${labelOf(item)}`) ?? '').includes(needle),
      )
      .sort((a, b) => collator.compare(labelOf(a), labelOf(b)));
    // labelOf depends only on the language, which re-renders anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [objects, filter, i18n.language]);
  const selected = objects.find((item) => item.name === table) ?? null;

  return (
    <Page title={t('data.title')} subtitle={t('data.subtitle')} testId="screen-data">
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper
          w={340}
          radius="sm"
          style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
        >
          <Stack gap={6} p="xs">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4}>
              {t('data.objects')}
            </Text>
            <TextInput
              size="xs"
              aria-label={t('data.filterObjects')}
              placeholder={t('data.filterObjects')}
              leftSection={<IconSearch size={14} />}
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
            />
          </Stack>
          <ScrollArea style={{ flex: 1 }} px={4} pb={4}>
            {shown.map((item) => (
              <NavLink
                key={item.name}
                href={routeHref('data', item.name)}
                active={item.name === table}
                variant="light"
                label={labelOf(item)}
                description={labelOf(item) !== item.name ? item.name : undefined}
                leftSection={
                  item.kind === 'view' ? (
                    <IconTableAlias size={16} />
                  ) : item.kind === 'dataset' ? (
                    <IconDatabase size={16} />
                  ) : (
                    <IconTable size={16} />
                  )
                }
                rightSection={
                  <Badge
                    size="sm"
                    variant="default"
                    radius="sm"
                    tt="none"
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    {t('data.rows', { count: item.rowCount })}
                  </Badge>
                }
                data-table-name={item.name}
              />
            ))}
          </ScrollArea>
        </Paper>
        <Stack style={{ flex: 1, minWidth: 0, minHeight: 0 }} gap="xs">
          {selected ? (
            <>
              <Group gap="xs">
                <Text fw={650} size="lg">
                  {labelOf(selected)}
                </Text>
                <Badge variant="light" radius="sm">
                  {t(`data.kind.${selected.kind}`)}
                </Badge>
              </Group>
              <DataTable table={selected.name} label={labelOf(selected)} />
            </>
          ) : (
            <Text c="dimmed" mt="xl" ta="center">
              {t('data.choose')}
            </Text>
          )}
        </Stack>
      </Group>
    </Page>
  );
}
