import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowRight,
  IconCircleCheck,
  IconDatabaseImport,
  IconFileImport,
  IconInfoCircle,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportLogEntry, ImportPlan } from '../../core/import/api-types';
import type { AppError } from '../../core/result';
import { ErrorAlert } from './error-alert';
import { useFormatters } from './format';
import classes from './import.module.css';

export type CommitStepProps = {
  plan: ImportPlan;
  /** "naar Gemeenten" / "naar tabel ‘x’". */
  targetLabel: string;
  applyRemovals: boolean;
  committing: boolean;
  error: AppError | null;
  onApplyRemovals: (apply: boolean) => void;
  onCommit: (acceptValidRows: boolean) => void;
  onCancel: () => void;
};

export function CommitStep(props: CommitStepProps) {
  const { plan, applyRemovals, committing } = props;
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const errors = plan.rejectedRows;

  const importAll = (
    <Button
      size="md"
      leftSection={<IconDatabaseImport size={18} />}
      disabled={errors > 0 || committing}
      loading={committing}
      onClick={() => props.onCommit(false)}
    >
      {t('commit.importAll')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Card radius="md" padding={0}>
        <Stack gap="sm">
          <Group gap="sm">
            <ThemeIcon variant="light" size="lg">
              <IconFileImport size={20} />
            </ThemeIcon>
            <div>
              <Text fw={700} size="lg">
                {t('commit.title')}
              </Text>
              <Text size="sm" c="dimmed">
                {props.targetLabel}
              </Text>
            </div>
          </Group>
          <Group gap="xs">
            <Badge color="green" variant="light" size="lg">
              {t('commit.willAdd', { count: fmt.count(plan.diff.added) })}
            </Badge>
            <Badge color="blue" variant="light" size="lg">
              {t('commit.willChange', { count: fmt.count(plan.diff.changed) })}
            </Badge>
            {plan.diff.removed > 0 && (
              <Badge color={applyRemovals ? 'red' : 'gray'} variant="light" size="lg">
                {t('commit.willRemove', { count: fmt.count(plan.diff.removed) })}
              </Badge>
            )}
            {errors > 0 && (
              <Badge color="red" variant="outline" size="lg">
                {t('check.rejectedRows')}: {fmt.count(errors)}
              </Badge>
            )}
          </Group>
          {plan.diff.removed > 0 && (
            <Checkbox
              label={t('commit.applyRemovals', { count: fmt.count(plan.diff.removed) })}
              description={t('commit.applyRemovalsHint')}
              checked={applyRemovals}
              onChange={(event) => props.onApplyRemovals(event.currentTarget.checked)}
            />
          )}
          <Group gap="xs" c="dimmed">
            <IconInfoCircle size={16} />
            <Text size="sm">{t('commit.oneTransaction')}</Text>
          </Group>
        </Stack>
      </Card>

      {props.error && <ErrorAlert error={props.error} title={t('commit.failed')} />}

      <Group gap="sm">
        {errors > 0 ? (
          <Tooltip label={t('commit.importAllDisabled', { count: fmt.count(errors) })}>
            <span>{importAll}</span>
          </Tooltip>
        ) : (
          importAll
        )}
        {errors > 0 && (
          <Button
            size="md"
            color="orange"
            variant="light"
            leftSection={<IconDatabaseImport size={18} />}
            disabled={plan.validRows === 0 || committing}
            loading={committing}
            onClick={() => props.onCommit(true)}
          >
            {t('commit.importValid', { count: fmt.count(plan.validRows) })}
          </Button>
        )}
        <Button
          size="md"
          variant="default"
          leftSection={<IconX size={18} />}
          onClick={props.onCancel}
          disabled={committing}
        >
          {t('commit.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export type ResultPanelProps = {
  result: ImportLogEntry;
  targetLabel: string;
  /** Label of the screen holding the data, e.g. "Gemeenten"; null when there is none. */
  destination: string | null;
  templateSaved: string | null;
  onGoTo: () => void;
  onAnother: () => void;
};

export function ResultPanel({
  result,
  targetLabel,
  destination,
  templateSaved,
  onGoTo,
  onAnother,
}: ResultPanelProps) {
  const { t } = useTranslation('import');
  const fmt = useFormatters();
  const stats: [string, number, string | undefined][] = [
    [t('commit.inserted'), result.rowsInserted, 'green'],
    [t('commit.updated'), result.rowsUpdated, 'blue'],
    [t('commit.deleted'), result.rowsDeleted, result.rowsDeleted > 0 ? 'red' : undefined],
    [t('commit.rejected'), result.rowsRejected, result.rowsRejected > 0 ? 'orange' : undefined],
  ];
  return (
    <Card radius="md" padding="xs" data-testid="import-result">
      <Stack gap="md">
        <Group gap="md">
          <ThemeIcon color="green" size={48} radius="xl" variant="light">
            <IconCircleCheck size={30} />
          </ThemeIcon>
          <div>
            <Text fw={700} size="xl">
              {t('commit.doneTitle')}
            </Text>
            <Text c="dimmed">
              {t('commit.doneText', { file: result.fileName, target: targetLabel })}
            </Text>
          </div>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {stats.map(([label, value, color]) => (
            <Card key={label} withBorder radius="md" padding="sm">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {label}
              </Text>
              <Text size="xl" fw={700} c={color} className={classes.stat}>
                {fmt.count(value)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        {templateSaved && (
          <Text size="sm" c="teal">
            {t('commit.templateSaved', { name: templateSaved })}
          </Text>
        )}
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} py="xs">
          {t('commit.dirtyHint')}
        </Alert>
        <Group gap="sm">
          {destination && (
            <Button rightSection={<IconArrowRight size={16} />} onClick={onGoTo}>
              {t('commit.goTo', { screen: destination })}
            </Button>
          )}
          <Button variant="default" onClick={onAnother}>
            {t('commit.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
