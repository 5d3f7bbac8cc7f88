import { Alert, Button, Group, Progress as Bar, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportState } from './use-export-job';

/** The running export's progress bar with its cancel button, or the outcome. */
export function ExportProgress({ state, onCancel }: { state: ExportState; onCancel: () => void }) {
  const { t } = useTranslation('export');
  if (state.kind === 'idle') return null;
  if (state.kind === 'running') {
    const progress = state.progress;
    const value = progress?.total ? (100 * progress.done) / progress.total : null;
    return (
      <Group gap="sm" wrap="nowrap" data-testid="export-progress">
        <Bar
          value={value ?? 100}
          animated={value === null}
          style={{ flex: 1 }}
          aria-label={t('progressRows', { done: progress?.done ?? 0 })}
        />
        <Text size="sm" aria-live="polite">
          {progress?.total
            ? t('progress', {
                done: progress.done.toLocaleString('nl-BE'),
                total: progress.total.toLocaleString('nl-BE'),
              })
            : t('progressRows', { done: (progress?.done ?? 0).toLocaleString('nl-BE') })}
        </Text>
        <Button variant="default" size="xs" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </Group>
    );
  }
  return (
    <Alert
      color={state.kind === 'failed' ? 'red' : 'teal'}
      data-testid="export-outcome"
      role="status"
    >
      {state.message}
    </Alert>
  );
}
