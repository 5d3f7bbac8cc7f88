import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Progress as ProgressBar,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCircleCheck,
  IconFileExport,
  IconMapPin,
  IconPlayerStop,
  IconRefresh,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffRow, ImportPlan } from '../../core/import/api-types';
import type { Progress } from '../../core/handlers/context';
import type { AppError } from '../../core/result';
import { ErrorAlert } from './error-alert';
import { useFormatters } from './format';
import classes from './import.module.css';

/** More rows than this are summarised: the export holds them all. */
const MAX_LISTED = 500;

export type CheckStepProps = {
  plan: ImportPlan | null;
  running: boolean;
  progress: Progress | null;
  error: AppError | null;
  cancelled: boolean;
  exporting: boolean;
  /** Readable label of a target field key (diff column names). */
  fieldLabel: (key: string) => string;
  onCancel: () => void;
  onRetry: () => void;
  onExportIssues: () => void;
};

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} className={classes.stat} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function ProgressPanel({
  progress,
  onCancel,
}: {
  progress: Progress | null;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('import');
  const fmt = useFormatters();
  const phaseKey = `check.phase.${progress?.phase ?? 'read'}`;
  const phase = i18n.exists(phaseKey, { ns: 'import' })
    ? t(phaseKey as 'check.phase.read')
    : (progress?.phase ?? t('check.running'));
  const total = progress?.total;
  const value = total && total > 0 ? Math.min(100, (100 * (progress?.done ?? 0)) / total) : null;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="import-check-progress">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('check.running')}</Text>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlayerStop size={14} />}
            onClick={onCancel}
          >
            {t('check.cancel')}
          </Button>
        </Group>
        <ProgressBar value={value ?? 100} animated striped={value === null} size="lg" />
        <Text size="sm" c="dimmed">
          {phase}
          {progress &&
            ' — ' +
              (total
                ? t('check.progress', { done: fmt.count(progress.done), total: fmt.count(total) })
                : t('check.progressUnknown', { done: fmt.count(progress.done) }))}
        </Text>
      </Stack>
    </Card>
  );
}

type DiffFilter = 'all' | DiffRow['kind'];

function DiffList({ plan, fieldLabel }: { plan: ImportPlan; fieldLabel: (key: string) => string }) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  // Open on what matters most: changes, else new rows; removals are opt-in at commit.
  const [filter, setFilter] = useState<DiffFilter>(
    plan.diff.changed > 0 ? 'changed' : plan.diff.added > 0 ? 'added' : 'all',
  );
  const rows = plan.diff.rows.filter((r) => filter === 'all' || r.kind === filter);
  const shown = rows.slice(0, MAX_LISTED);
  const counts = plan.diff;
  const kindColor = { added: 'green', changed: 'blue', removed: 'red' } as const;
  // Mantine's light badge text fails contrast on striped rows (axe): a darker text in light mode.
  const kindText = {
    added: 'light-dark(#1b5e20, var(--mantine-color-green-3))',
    changed: 'light-dark(#0b4f8a, var(--mantine-color-blue-3))',
    removed: 'light-dark(#8f1d1d, var(--mantine-color-red-3))',
  } as const;
  const kindLabel = {
    added: t('check.added'),
    changed: t('check.changed'),
    removed: t('check.removedShort'),
  };
  const empty = t('check.empty');

  if (counts.added + counts.changed + counts.removed === 0) {
    return (
      <Alert color="gray" variant="light" icon={<IconCircleCheck />}>
        {t('check.noChanges')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {counts.removed > 0 && plan.rawMode !== 'replace' && (
        <Text size="sm" c="dimmed">
          {t('check.removedNote', { count: fmt.count(counts.removed) })}
        </Text>
      )}
      <SegmentedControl
        size="xs"
        value={filter}
        onChange={(value) => setFilter(value as DiffFilter)}
        data={[
          {
            value: 'all',
            label: `${t('check.diffFilterAll')} (${fmt.count(counts.added + counts.changed + counts.removed)})`,
          },
          { value: 'added', label: `${kindLabel.added} (${fmt.count(counts.added)})` },
          { value: 'changed', label: `${kindLabel.changed} (${fmt.count(counts.changed)})` },
          { value: 'removed', label: `${t('check.removed')} (${fmt.count(counts.removed)})` },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <ScrollArea.Autosize
        mah={380}
        type="auto"
        // Focusable, so keyboard users can scroll the list (axe: scrollable-region-focusable).
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('check.diffWhat') }}
      >
        <Table striped highlightOnHover stickyHeader verticalSpacing={6} data-testid="import-diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170} />
              <Table.Th w={70} ta="right">
                {t('check.issueRow')}
              </Table.Th>
              <Table.Th w={160}>{t('check.diffKey')}</Table.Th>
              <Table.Th>{t('check.diffWhat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={`${row.kind}:${row.key}`} data-kind={row.kind}>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={kindColor[row.kind]}
                    size="sm"
                    styles={{ label: { color: kindText[row.kind] } }}
                  >
                    {kindLabel[row.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td fz="sm" ta="right" c="dimmed" className={classes.stat}>
                  {row.row !== undefined ? fmt.count(row.row) : ''}
                </Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {row.key}
                </Table.Td>
                <Table.Td>
                  {row.kind === 'changed' && row.changes && row.changes.length > 0 ? (
                    <Stack gap={2}>
                      {row.changes.map((change) => (
                        <Group key={change.field} gap={6} wrap="nowrap" fz="sm">
                          <Text size="sm" c="dimmed" miw={120}>
                            {fieldLabel(change.field)}
                          </Text>
                          <Text size="sm" className={classes.diffBefore}>
                            {fmt.sql(change.before, empty)}
                          </Text>
                          <IconArrowRight size={14} />
                          <Text size="sm" className={classes.diffAfter}>
                            {fmt.sql(change.after, empty)}
                          </Text>
                        </Group>
                      ))}
                    </Stack>
                  ) : row.kind === 'added' && row.values ? (
                    <Text size="sm" lineClamp={2}>
                      {Object.entries(row.values)
                        .filter(([, value]) => value !== null && value !== '')
                        .slice(0, 8)
                        .map(([field, value]) => `${fieldLabel(field)}: ${fmt.sql(value, empty)}`)
                        .join(' · ')}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {row.kind === 'added' ? t('check.rowAdded') : t('check.rowRemoved')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {(rows.length > shown.length || plan.diff.truncated) && (
        <Text size="xs" c="dimmed">
          {t('check.diffTruncated', {
            shown: fmt.count(shown.length),
            total: fmt.count(
              filter === 'all' ? counts.added + counts.changed + counts.removed : counts[filter],
            ),
          })}
        </Text>
      )}
    </Stack>
  );
}

function IssuesTable({
  plan,
  exporting,
  onExport,
}: {
  plan: ImportPlan;
  exporting: boolean;
  onExport: () => void;
}) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  if (plan.issues.length === 0) {
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck />}>
        {t('check.allIssuesOk')}
      </Alert>
    );
  }
  const shown = plan.issues.slice(0, MAX_LISTED);
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconFileExport size={16} />}
          loading={exporting}
          onClick={onExport}
        >
          {t('check.exportIssues')}
        </Button>
      </Group>
      <ScrollArea.Autosize
        mah={380}
        type="auto"
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('check.tabIssues') }}
      >
        <Table striped stickyHeader verticalSpacing={4} data-testid="import-issues">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t('check.issueSheet')}</Table.Th>
              <Table.Th ta="right">{t('check.issueRow')}</Table.Th>
              <Table.Th>{t('check.issueColumn')}</Table.Th>
              <Table.Th>{t('check.issueValue')}</Table.Th>
              <Table.Th>{t('check.issueReason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((issue, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <IconAlertTriangle
                    size={16}
                    color={
                      issue.severity === 'error'
                        ? 'var(--mantine-color-red-filled)'
                        : 'var(--mantine-color-orange-filled)'
                    }
                    aria-label={
                      issue.severity === 'error'
                        ? t('check.severityError')
                        : t('check.severityWarning')
                    }
                  />
                </Table.Td>
                <Table.Td fz="sm">{issue.sheet}</Table.Td>
                <Table.Td fz="sm" ta="right" className={classes.stat}>
                  {fmt.count(issue.row)}
                </Table.Td>
                <Table.Td fz="sm">{issue.column}</Table.Td>
                <Table.Td fz="sm" ff="monospace" maw={220} style={{ overflowWrap: 'anywhere' }}>
                  {issue.value === '' ? (
                    <Text span c="dimmed" size="sm">
                      {t('check.empty')}
                    </Text>
                  ) : (
                    issue.value
                  )}
                </Table.Td>
                <Table.Td fz="sm">{issue.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {(plan.issueCount ?? plan.issues.length) > shown.length && (
        <Text size="xs" c="dimmed">
          {t('check.issuesTruncated', {
            shown: fmt.count(shown.length),
            total: fmt.count(plan.issueCount ?? plan.issues.length),
          })}
        </Text>
      )}
    </Stack>
  );
}

function NisTable({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('check.nisIntro')}
      </Text>
      <Table withTableBorder verticalSpacing={4} maw={720} data-testid="import-nis">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('check.nisFrom')}</Table.Th>
            <Table.Th />
            <Table.Th>{t('check.nisTo')}</Table.Th>
            <Table.Th ta="right">{t('check.nisRows')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.nisMappings.map((m) => (
            <Table.Tr key={m.from}>
              <Table.Td fz="sm">
                <Text span ff="monospace" size="sm">
                  {m.from}
                </Text>{' '}
                {m.fromName}
              </Table.Td>
              <Table.Td>
                <IconArrowRight size={14} />
              </Table.Td>
              <Table.Td fz="sm">
                <Text span ff="monospace" size="sm">
                  {m.to}
                </Text>{' '}
                {m.toName}
              </Table.Td>
              <Table.Td fz="sm" ta="right">
                {fmt.count(m.rows)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function CheckStep(props: CheckStepProps) {
  const { plan, running, progress, error, cancelled, onCancel, onRetry } = props;
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const [tab, setTab] = useState<string | null>(null);

  if (running) return <ProgressPanel progress={progress} onCancel={onCancel} />;
  if (error || cancelled || !plan) {
    return (
      <Stack gap="sm" align="flex-start">
        {error && <ErrorAlert error={error} />}
        {cancelled && !error && (
          <Alert color="gray" variant="light" icon={<IconPlayerStop />}>
            {t('check.cancelled')}
          </Alert>
        )}
        <Button leftSection={<IconRefresh size={16} />} onClick={onRetry} variant="light">
          {t('check.retry')}
        </Button>
      </Stack>
    );
  }

  const errors = plan.issues.filter((i) => i.severity === 'error').length;
  const warnings = plan.issues.length - errors;
  const rawMode = plan.target.kind === 'raw' ? (plan.rawMode ?? 'create') : null;
  const activeTab = tab ?? (plan.rejectedRows > 0 ? 'issues' : 'diff');

  const end = plan.end ?? { reason: 'sheet' as const };
  const endKey = `check.end${end.reason.charAt(0).toUpperCase()}${end.reason.slice(1)}`;
  const endText = t(endKey, {
    n: fmt.count(plan.rowsRead),
    row: 'row' in end ? fmt.count(end.row + 1) : '',
  });

  return (
    <Stack gap="md">
      <Text size="sm" data-testid="import-end">
        {endText}
        {end.reason !== 'sheet' && ` ${t('check.endHint')}`}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        <Stat
          label={t('check.rowsRead')}
          value={fmt.count(plan.rowsRead)}
          testId="import-stat-read"
        />
        <Stat
          label={t('check.validRows')}
          value={fmt.count(plan.validRows)}
          color="green"
          testId="import-stat-valid"
        />
        <Stat
          label={t('check.rejectedRows')}
          value={fmt.count(plan.rejectedRows)}
          color={plan.rejectedRows > 0 ? 'red' : undefined}
          testId="import-stat-rejected"
        />
        <Stat
          label={t('check.added')}
          value={fmt.count(plan.diff.added)}
          color="green"
          testId="import-stat-added"
        />
        <Stat
          label={t('check.changed')}
          value={fmt.count(plan.diff.changed)}
          color="blue"
          testId="import-stat-changed"
        />
        <Stat
          label={t('check.removed')}
          value={fmt.count(plan.diff.removed)}
          testId="import-stat-removed"
        />
        <Stat
          label={t('check.unchanged')}
          value={fmt.count(plan.diff.unchanged)}
          testId="import-stat-unchanged"
        />
      </SimpleGrid>

      {plan.rejectedRows > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
          {t('check.hasErrors', { count: plan.rejectedRows, n: fmt.count(plan.rejectedRows) })}
        </Alert>
      )}
      {rawMode === 'create' && (
        <Text size="sm" c="dimmed">
          {t('check.newTable', { count: fmt.count(plan.validRows) })}
        </Text>
      )}
      {rawMode === 'replace' && (
        <Text size="sm" c="dimmed">
          {t('check.replaceTable', {
            old: fmt.count(plan.diff.removed),
            count: fmt.count(plan.validRows),
          })}
        </Text>
      )}

      <Tabs value={activeTab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="diff">
            {t('check.tabDiff')} (
            {fmt.count(plan.diff.added + plan.diff.changed + plan.diff.removed)})
          </Tabs.Tab>
          <Tabs.Tab
            value="issues"
            color={errors > 0 ? 'red' : undefined}
            leftSection={errors + warnings > 0 ? <IconAlertTriangle size={14} /> : undefined}
          >
            {t('check.tabIssues')} ({fmt.count(plan.issueCount ?? plan.issues.length)})
          </Tabs.Tab>
          {plan.nisMappings.length > 0 && (
            <Tabs.Tab value="nis" leftSection={<IconMapPin size={14} />}>
              {t('check.tabNis')} ({fmt.count(plan.nisMappings.length)})
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="diff" pt="sm">
          <DiffList plan={plan} fieldLabel={props.fieldLabel} />
        </Tabs.Panel>
        <Tabs.Panel value="issues" pt="sm">
          <IssuesTable plan={plan} exporting={props.exporting} onExport={props.onExportIssues} />
        </Tabs.Panel>
        <Tabs.Panel value="nis" pt="sm">
          <NisTable plan={plan} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
