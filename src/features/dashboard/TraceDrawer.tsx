import {
  Alert,
  Badge,
  Button,
  Code,
  Drawer,
  Loader,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDatabase, IconFileSpreadsheet, IconZoomIn } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import type { Drill, Trace, TraceRequest } from '../../core/dashboard';
import { formatIsoDate, formatNumber } from '../../i18n/formatters';
import { formatValue } from './format';

export type TraceOpen = TraceRequest & { label: string; drillTo?: Drill; drillLabel?: string };

/** The rows behind a figure, the query in words, and the import they came from. */
export function TraceDrawer({
  open,
  onClose,
  onDrill,
  locale,
}: {
  open: TraceOpen | null;
  onClose: () => void;
  onDrill: (request: TraceOpen) => void;
  locale: string;
}) {
  const { t } = useTranslation('dashboard');
  const core = useCore();
  const [trace, setTrace] = useState<Trace | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    setTrace(null);
    const { label: _label, drillTo: _drillTo, drillLabel: _drillLabel, ...request } = open;
    void core.call('dashboard.trace', request).then((value) => {
      if (current) setTrace(value);
    });
    return () => {
      current = false;
    };
  }, [core, open]);
  return (
    <Drawer
      opened={open !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={<Title order={3}>{t('trace.title')}</Title>}
      data-testid="trace-drawer"
    >
      {open && (
        <Stack gap="sm">
          <Text fw={600}>{open.label}</Text>
          {open.drillTo && (
            <Button
              leftSection={<IconZoomIn size={16} />}
              variant="light"
              onClick={() => onDrill(open)}
              data-testid="trace-drill"
            >
              {t('drill', { label: open.drillLabel ?? '' })}
            </Button>
          )}
          {!trace ? (
            <Loader size="sm" aria-label={t('trace.loading')} />
          ) : (
            <>
              <Text fz={28} fw={700} data-testid="trace-figure">
                {formatValue(trace.figure, trace.unit, locale)}
              </Text>
              <div>
                <Text size="sm" fw={700}>
                  {t('trace.query')}
                </Text>
                <Text size="sm" data-testid="trace-words">
                  {trace.words}
                </Text>
              </div>
              <div>
                <Text size="sm" fw={700}>
                  {t('trace.formula')}
                </Text>
                <Code block>{trace.formula}</Code>
              </div>
              <Text size="sm" data-testid="trace-count">
                {t('trace.rows', {
                  count: trace.rowCount,
                  table: trace.table,
                  sum: formatNumber(trace.rowSum, locale, 3),
                })}
                {trace.rows.length < trace.rowCount
                  ? ` ${t('trace.shown', { shown: trace.rows.length })}`
                  : ''}
              </Text>
              <Stack gap="xs" data-testid="trace-sources">
                <Text size="sm" fw={700}>
                  {t('trace.source')}
                </Text>
                {trace.sources.map((source) => (
                  <Alert
                    key={source.importId}
                    icon={<IconFileSpreadsheet />}
                    color="petrol"
                    variant="light"
                  >
                    <Text size="sm" fw={600} data-testid="trace-source-file">
                      {t('trace.sourceLine', {
                        file: source.fileName,
                        sheet: source.sheet ?? '—',
                        date: formatIsoDate(source.importedAt.slice(0, 10), locale),
                      })}
                    </Text>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {t('trace.sha')}: {source.sha256}
                    </Text>
                    <Text size="xs">
                      {t('trace.writes', {
                        numbers:
                          source.writeNumbers.slice(0, 30).join(', ') +
                          (source.writeNumbers.length > 30 ? ', …' : ''),
                      })}
                    </Text>
                    <Text size="xs">{t('trace.noRowNumbers')}</Text>
                  </Alert>
                ))}
                {trace.sourceNote && (
                  <Alert icon={<IconDatabase />} color="gray" variant="light">
                    <Text size="sm">{trace.sourceNote}</Text>
                  </Alert>
                )}
              </Stack>
              <ScrollArea h={420} type="auto">
                <Table striped withTableBorder stickyHeader fz="xs" data-testid="trace-rows">
                  <Table.Thead>
                    <Table.Tr>
                      {trace.columns.map((column) => (
                        <Table.Th key={column}>{column}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {trace.rows.map((row, index) => (
                      <Table.Tr key={index}>
                        {row.map((value, column) => (
                          <Table.Td key={column}>
                            {typeof value === 'number'
                              ? formatNumber(value, locale, 3)
                              : (value ?? '—')}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
              <Badge variant="outline" color="gray">
                {trace.table}
              </Badge>
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
