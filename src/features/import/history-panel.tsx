import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconArrowBackUp, IconHistory, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityName, ImportLogEntry } from '../../core/import/api-types';
import type { AppError } from '../../core/result';
import { ErrorAlert } from './error-alert';
import { useFormatters } from './format';
import { toAppError, type ImportApi } from './import-api';

export type HistoryPanelProps = {
  api: ImportApi;
  /** Bump to reload (after a commit). */
  refreshKey: number;
  /** After an undo changed the workspace. */
  onUndone: (entry: ImportLogEntry) => void;
};

const ENTITY_NAMES = new Set<string>([
  'municipality',
  'pilot',
  'org_unit',
  'position',
  'allocation',
  'newcomer_forecast',
]);

/** Every import into this workspace, newest first, each undoable until it is undone. */
export function HistoryPanel({ api, refreshKey, onUndone }: HistoryPanelProps) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const [entries, setEntries] = useState<ImportLogEntry[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [confirm, setConfirm] = useState<ImportLogEntry | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await api.history();
      setEntries([...list].sort((a, b) => b.id - a.id));
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const undo = async (entry: ImportLogEntry) => {
    setUndoing(true);
    try {
      await api.undo(entry.id);
      setConfirm(null);
      setDone(t('history.undoDone', { file: entry.fileName }));
      onUndone(entry);
      await load();
    } catch (e) {
      setConfirm(null);
      setError(toAppError(e));
    } finally {
      setUndoing(false);
    }
  };

  const targetText = (target: string) => {
    // The log keeps "municipality" for entities and the table name for raw tables.
    const bare = target.replace(/^(entity|raw):/, '');
    return ENTITY_NAMES.has(bare) ? t(`entities.${bare as EntityName}`) : bare;
  };

  return (
    <Card withBorder radius="md" padding="md" data-testid="import-history">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <IconHistory size={18} />
          <Text fw={600}>{t('history.title')}</Text>
        </Group>
        <Tooltip label={t('history.refresh')}>
          <ActionIcon
            variant="subtle"
            onClick={() => void load()}
            aria-label={t('history.refresh')}
          >
            <IconRefresh size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {done && (
        <Text size="sm" c="teal" mb="xs">
          {done}
        </Text>
      )}
      {entries !== null && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      )}
      {entries !== null && entries.length > 0 && (
        <ScrollArea.Autosize mah={320} type="auto">
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.when')}</Table.Th>
                <Table.Th>{t('history.file')}</Table.Th>
                <Table.Th>{t('history.target')}</Table.Th>
                <Table.Th>
                  <Tooltip label={t('history.countsHint')}>
                    <span>{t('history.counts')}</span>
                  </Tooltip>
                </Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} style={{ opacity: entry.undoneAt ? 0.6 : 1 }}>
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {fmt.dateTime(entry.startedAt)}
                  </Table.Td>
                  <Table.Td fz="sm">
                    <Text size="sm" fw={500}>
                      {entry.fileName}
                    </Text>
                    {entry.sheet && (
                      <Text size="xs" c="dimmed">
                        {entry.sheet}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">{targetText(entry.target)}</Table.Td>
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {t('history.countsText', {
                      inserted: fmt.count(entry.rowsInserted),
                      updated: fmt.count(entry.rowsUpdated),
                      deleted: fmt.count(entry.rowsDeleted),
                      rejected: fmt.count(entry.rowsRejected),
                    })}
                  </Table.Td>
                  <Table.Td ta="right">
                    {entry.undoneAt ? (
                      <Badge variant="light" color="gray">
                        {t('history.undone')}
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconArrowBackUp size={14} />}
                        onClick={() => setConfirm(entry)}
                      >
                        {t('history.undo')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t('history.undoConfirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('history.undoConfirmText', { file: confirm?.fileName ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('commit.cancel')}
            </Button>
            <Button
              color="red"
              loading={undoing}
              onClick={() => confirm && void undo(confirm)}
              leftSection={<IconArrowBackUp size={16} />}
            >
              {t('history.undoConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
