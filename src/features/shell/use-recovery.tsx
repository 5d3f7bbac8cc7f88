import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore, useHost } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import { formatDateTime } from './recovery-format';

/** At most this often the unsaved workspace is written to the recovery copy. */
export const RECOVERY_INTERVAL_MS = 60_000;

/**
 * Crash recovery in the shell: while there are unsaved changes, the workspace is written to
 * the host's recovery copy at most every 60 s; at start-up a copy a crashed session left is
 * offered, saying when it was written. `offer()` resolves true when the user restored it.
 */
export function useRecovery(): { offer(): Promise<boolean> } {
  const { t, i18n } = useTranslation();
  const core = useCore();
  const host = useHost();
  const { info, path, setPath, refresh } = useWorkspace();
  const state = useRef({ dirty: false, name: '', path: null as string | null });
  useEffect(() => {
    state.current = { dirty: info?.dirty ?? false, name: info?.fileName ?? info?.name ?? '', path };
  }, [info?.dirty, info?.fileName, info?.name, path]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (!state.current.dirty) return;
      void core.call('workspace.export', undefined).then((bytes) =>
        host.writeRecovery(bytes, {
          name: state.current.name || t('app.untitled'),
          path: state.current.path,
        }),
      );
    }, RECOVERY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [core, host, t]);

  const offer = useCallback(async (): Promise<boolean> => {
    const copy = await host.readRecovery();
    if (!copy) return false;
    return new Promise<boolean>((resolve) => {
      modals.openConfirmModal({
        title: t('recovery.title'),
        closeOnClickOutside: false,
        children: (
          <Text size="sm" data-testid="recovery-offer">
            {t('recovery.body', {
              name: copy.name,
              when: formatDateTime(copy.writtenAt, i18n.language),
            })}
          </Text>
        ),
        labels: { confirm: t('recovery.restore'), cancel: t('recovery.discard') },
        onConfirm: () => {
          void (async () => {
            const opened = await core.call('workspace.open', {
              bytes: copy.bytes,
              fileName: copy.name,
            });
            if (!opened.ok) {
              resolve(false);
              return;
            }
            await core.call('workspace.markRecovered', undefined);
            setPath(copy.path);
            await refresh({ dataChanged: true });
            resolve(true);
          })();
        },
        onCancel: () => {
          void host.clearRecovery();
          resolve(false);
        },
      });
    });
  }, [core, host, i18n.language, refresh, setPath, t]);

  return { offer };
}
