import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { ChangedChoice, SaveOutcome } from '../../host/save-flow';
import { formatDateTime } from './recovery-format';

/**
 * The file on disk was saved by someone else since this window opened or saved it. Nothing has
 * been overwritten; the user picks: re-apply their edits onto the newer file, Save as, or not now.
 */
export function askChangedOnDisk(t: TFunction, message: string): Promise<ChangedChoice> {
  return new Promise((resolve) => {
    const id = 'changed-on-disk';
    // Resolve before closing: closing calls onClose, which answers 'cancel'.
    const choose = (choice: ChangedChoice) => {
      resolve(choice);
      modals.close(id);
    };
    modals.open({
      modalId: id,
      title: t('sharing:changedTitle'),
      closeOnClickOutside: false,
      onClose: () => resolve('cancel'),
      children: (
        <Stack gap="sm">
          <Text size="sm" data-testid="changed-on-disk">
            {message}
          </Text>
          <Text size="sm">{t('sharing:changedQuestion')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => choose('cancel')}>
              {t('sharing:cancel')}
            </Button>
            <Button variant="default" onClick={() => choose('save-as')}>
              {t('sharing:saveAs')}
            </Button>
            <Button onClick={() => choose('reapply')}>{t('sharing:reapply')}</Button>
          </Group>
        </Stack>
      ),
    });
  });
}

/** After a save that re-applied the user's edits: how many, and every clash, listed. */
export function showReapplied(
  t: TFunction,
  name: string,
  reapplied: NonNullable<Extract<SaveOutcome, { kind: 'saved' }>['reapplied']>,
): void {
  modals.open({
    title: t('sharing:reappliedTitle'),
    size: 'lg',
    children: (
      <Stack gap="sm" data-testid="reapplied">
        <Text size="sm">{t('sharing:reappliedBody', { applied: reapplied.applied, name })}</Text>
        {reapplied.conflictLines.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('sharing:conflictsIntro', { count: reapplied.conflicts.length })}
            </Text>
            <List size="sm" data-testid="reapply-conflicts">
              {reapplied.conflictLines.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm">{t('sharing:noConflicts')}</Text>
        )}
        <Group justify="flex-end">
          <Button onClick={() => modals.closeAll()}>{t('sharing:close')}</Button>
        </Group>
      </Stack>
    ),
  });
}

/**
 * Above every screen while someone else has the file open: who, where, since when; Save as, and
 * Take over when their lock went stale.
 */
export function ReadOnlyBanner({ onSaveAs, onTakeOver }: { onSaveAs(): void; onTakeOver(): void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { info, lock } = useWorkspace();
  if (!info?.readOnly || !lock) return null;
  return (
    <Alert
      color="yellow"
      radius={0}
      title={t('sharing:readOnlyTitle')}
      data-testid="read-only-banner"
      role="status"
    >
      <Stack gap={6}>
        <Text size="sm">
          {t('sharing:heldBy', {
            user: lock.user,
            machine: lock.machine,
            since: formatDateTime(lock.since, i18n.language),
          })}{' '}
          {lock.stale ? t('sharing:staleBody') : t('sharing:readOnlyBody')}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onSaveAs}>
            {t('sharing:saveAs')}
          </Button>
          {lock.stale && host.takeOverLock ? (
            <Button size="xs" color="dark" onClick={onTakeOver}>
              {t('sharing:takeOver')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}
