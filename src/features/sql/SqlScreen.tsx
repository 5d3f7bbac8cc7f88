import {
  Alert,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlayerPlay } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../app/core-context';
import { ExportMenu } from '../../components/export-menu';
import { Page } from '../../components/page';
import type { SqlQueryResult } from '../../core/tables/types';

/** Rows per page of the result table. */
export const SQL_PAGE = 100;

const EXAMPLE = `SELECT name, province, inhabitants_2020
FROM municipality
ORDER BY inhabitants_2020 DESC`;

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; sql: string; offset: number; result: SqlQueryResult }
  | { kind: 'failed'; message: string };

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toLocaleString('nl-BE', { maximumFractionDigits: 6 });
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  return String(value);
}

/**
 * SQL: an analyst's read-only query on the workspace, run in the bounded, cancellable sandbox
 * (tables.userSql) one page at a time, and the whole result to .xlsx or .csv.
 */
export function SqlScreen() {
  const { t } = useTranslation('sql');
  const core = useCore();
  const [sql, setSql] = useState(EXAMPLE);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const jobId = useRef<string | null>(null);

  const run = async (text: string, offset: number) => {
    const id = `sql-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    jobId.current = id;
    setState({ kind: 'running' });
    try {
      const result = await core.call(
        'tables.userSql',
        { sql: text, limit: SQL_PAGE, offset },
        { jobId: id },
      );
      if (jobId.current !== id) return;
      setState(
        result.ok
          ? { kind: 'done', sql: text, offset, result: result.value }
          : { kind: 'failed', message: result.error.message },
      );
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (jobId.current === id) jobId.current = null;
    }
  };
  const cancel = () => {
    if (jobId.current) void core.cancel(jobId.current);
  };

  const done = state.kind === 'done' ? state : null;
  return (
    <Page title={t('title')} subtitle={t('subtitle')} testId="screen-sql">
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Textarea
              label={t('label')}
              description={t('hint')}
              value={sql}
              onChange={(event) => setSql(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  void run(sql, 0);
                }
              }}
              autosize
              minRows={4}
              maxRows={14}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="sql-editor"
            />
            <Group justify="space-between">
              <Group gap="sm">
                <Button
                  leftSection={<IconPlayerPlay size={16} />}
                  onClick={() => void run(sql, 0)}
                  loading={state.kind === 'running'}
                  data-testid="sql-run"
                >
                  {t('run')}
                </Button>
                {state.kind === 'running' && (
                  <Button variant="default" onClick={cancel} data-testid="sql-cancel">
                    {t('cancel')}
                  </Button>
                )}
              </Group>
              {done && (
                <ExportMenu source={{ kind: 'sql', sql: done.sql }} fileBase={t('fileBase')} />
              )}
            </Group>
          </Stack>
        </Paper>
        {state.kind === 'failed' && (
          <Alert color="red" title={t('failed')} role="alert" data-testid="sql-error">
            {state.message}
          </Alert>
        )}
        {done && <Result state={done} onPage={(offset) => void run(done.sql, offset)} />}
      </Stack>
    </Page>
  );
}

function Result({
  state,
  onPage,
}: {
  state: Extract<State, { kind: 'done' }>;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation('sql');
  const { result, offset } = state;
  if (result.rows.length === 0) {
    return (
      <Text data-testid="sql-empty" c="var(--mantine-color-text)">
        {t('empty')}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" p="sm">
        <Text size="sm" data-testid="sql-range">
          {t('rows', { from: offset + 1, to: offset + result.rows.length })}
          {result.truncated ? ` · ${t('more')}` : ''}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} />}
            disabled={offset === 0}
            onClick={() => onPage(Math.max(0, offset - SQL_PAGE))}
          >
            {t('previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} />}
            disabled={!result.truncated}
            onClick={() => onPage(offset + SQL_PAGE)}
            data-testid="sql-next"
          >
            {t('next')}
          </Button>
        </Group>
      </Group>
      <ScrollArea.Autosize
        mah={520}
        type="auto"
        // The viewport is what scrolls: it takes the focus (keyboard scrolling) and the name.
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('resultLabel') }}
      >
        <Table striped highlightOnHover stickyHeader data-testid="sql-result">
          <Table.Thead>
            <Table.Tr>
              {result.columns.map((column) => (
                <Table.Th key={column}>{column}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((row, r) => (
              <Table.Tr key={offset + r}>
                {row.map((value, c) => (
                  <Table.Td
                    key={c}
                    style={typeof value === 'number' ? { textAlign: 'right' } : undefined}
                  >
                    {shown(value)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}
