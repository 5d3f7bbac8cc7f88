import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore, useHost } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import type { HostFile } from '../../host/host';
import { showOpenError } from './open-error';
import { offerImportFile } from '../import';
import { navigate } from '../../app/router';
import { saveWorkspaceChecked } from '../../host/save-flow';
import { askChangedOnDisk, showReapplied } from './sharing-dialogs';

export type WorkspaceActions = {
  newWorkspace(): Promise<void>;
  /** Opens workspace bytes the host already read (e.g. the file Electron was started with). */
  openHostFile(file: HostFile): Promise<boolean>;
  /** Asks the host for a spreadsheet and hands it to the import wizard. */
  importSpreadsheet(): Promise<void>;
  openDemo(options?: { quiet?: boolean }): Promise<void>;
  open(): Promise<void>;
  openRecent(path: string): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  /** Takes over the stale lock of the file open read-only, and reads it as it is now. */
  takeOver(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
};

/**
 * The file and edit commands, as the shell runs them: each asks the host for bytes or a place,
 * the core for the work, then re-reads the workspace info. A failed open leaves the current
 * workspace exactly as it was (the core opens into a new connection first).
 */
export function useWorkspaceActions(): WorkspaceActions {
  const { t } = useTranslation();
  const core = useCore();
  const host = useHost();
  const workspace = useWorkspace();
  const { refresh, setPath, info, path, setLock } = workspace;

  /** Asks before throwing away unsaved changes; true when it is fine to go on. */
  const confirmDiscard = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        if (!info?.dirty) {
          resolve(true);
          return;
        }
        modals.openConfirmModal({
          title: t('workspace.discardTitle'),
          children: <Text size="sm">{t('workspace.discardBody')}</Text>,
          labels: { confirm: t('workspace.discardConfirm'), cancel: t('workspace.cancel') },
          confirmProps: { color: 'red' },
          onConfirm: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [info?.dirty, t],
  );

  const hostFailed = useCallback(
    (title: string, message: string) =>
      notifications.show({ color: 'red', title, message, autoClose: 10_000 }),
    [],
  );

  const openFile = useCallback(
    async (file: HostFile) => {
      const result = await core.call('workspace.open', { bytes: file.bytes, fileName: file.name });
      if (!result.ok) {
        showOpenError(t, result.error, file.name);
        return false;
      }
      setPath(file.path);
      // Someone else has the file open: read-only here, with a banner saying who.
      if (file.lock) await core.call('workspace.setReadOnly', { readOnly: true });
      setLock(file.lock ?? null);
      await refresh({ dataChanged: true });
      notifications.show({ color: 'petrol', message: t('workspace.opened', { name: file.name }) });
      if (file.notice) {
        notifications.show({
          color: 'yellow',
          title: t('workspace.changedOutsideTitle'),
          message: file.notice,
          autoClose: false,
        });
      }
      // Triggers/views the app did not make were removed: say so, and keep it on screen.
      for (const notice of result.value.notices) {
        notifications.show({
          color: 'yellow',
          title: t('workspace.madeSafeTitle'),
          message: notice,
          autoClose: false,
        });
      }
      return true;
    },
    [core, refresh, setLock, setPath, t],
  );

  const saveToRef = useRef<((target: string | null) => Promise<void>) | null>(null);
  const saveTo = useCallback(
    async (target: string | null) => {
      // A name, never a path (Electron's save dialog refuses separators in it).
      const fileBase = (info?.fileName ?? '').replace(/^.*[\\/]/, '');
      const suggested = (fileBase || info?.name || t('app.untitled')).replace(/\.pijlerplan$/i, '');
      // The host refuses to write over a file someone else saved meanwhile; then the user
      // chooses to re-apply their edits onto it, or Save as (src/host/save-flow).
      const saved = await saveWorkspaceChecked(core, host, target, suggested, (message) =>
        askChangedOnDisk(t, message),
      );
      if (saved.kind === 'failed') {
        if (saved.code === 'read-only' || saved.code === 'locked') {
          modals.openConfirmModal({
            title: t('sharing:readOnlyTitle'),
            children: (
              <Text size="sm" data-testid="save-refused">
                {saved.message}
              </Text>
            ),
            labels: { confirm: t('workspace.saveAsInstead'), cancel: t('workspace.cancel') },
            onConfirm: () => void saveToRef.current?.(null),
          });
          return;
        }
        hostFailed(t('errors.saveTitle'), saved.message);
        return;
      }
      if (saved.kind === 'cancelled') return;
      void host.clearRecovery(); // saved: nothing left to recover
      setPath(saved.path);
      setLock(null); // saved to a file of one's own: no one else's lock applies
      await refresh({ dataChanged: Boolean(saved.reapplied) });
      notifications.show({
        color: 'petrol',
        message: t('workspace.savedAs', { name: saved.name }),
      });
      if (saved.reapplied) showReapplied(t, saved.name, saved.reapplied);
    },
    [core, host, hostFailed, info?.fileName, info?.name, refresh, setLock, setPath, t],
  );

  saveToRef.current = saveTo;

  return useMemo<WorkspaceActions>(
    () => ({
      async newWorkspace() {
        if (!(await confirmDiscard())) return;
        const created = await core.call('workspace.new', undefined);
        if (!created.ok) {
          hostFailed(t('errors.newTitle'), created.error.message);
          return;
        }
        setPath(null);
        setLock(null);
        void host.releaseLock?.();
        await refresh({ dataChanged: true });
        notifications.show({ color: 'petrol', message: t('workspace.created') });
      },
      async openDemo(options) {
        if (!options?.quiet && !(await confirmDiscard())) return;
        const opened = await core.call('workspace.openDemo', undefined);
        if (!opened.ok) {
          hostFailed(t('errors.demoTitle'), opened.error.message);
          // At start-up there is still the empty workspace the core began with: show it.
          await refresh({ dataChanged: true });
          return;
        }
        setPath(null);
        setLock(null);
        void host.releaseLock?.();
        await refresh({ dataChanged: true });
        if (!options?.quiet)
          notifications.show({ color: 'petrol', message: t('workspace.demoOpened') });
      },
      async open() {
        if (!(await confirmDiscard())) return;
        const picked = await host.openWorkspace();
        if (!picked.ok) {
          hostFailed(t('errors.openTitle'), picked.message);
          return;
        }
        if (picked.value) await openFile(picked.value);
      },
      async openRecent(recentPath) {
        if (!(await confirmDiscard())) return;
        const file = await host.openRecent(recentPath);
        if (!file.ok) {
          hostFailed(t('errors.openTitle'), file.message);
          return;
        }
        await openFile(file.value);
      },
      openHostFile: openFile,
      async importSpreadsheet() {
        const picked = await host.openSpreadsheet();
        if (!picked.ok) {
          hostFailed(t('errors.openTitle'), picked.message);
          return;
        }
        if (!picked.value) return;
        offerImportFile({ name: picked.value.name, bytes: picked.value.bytes });
        navigate('import');
      },
      save: () => saveTo(path),
      saveAs: () => saveTo(null),
      async takeOver() {
        if (!path || !host.takeOverLock) return;
        const file = await host.takeOverLock(path);
        if (!file.ok) {
          hostFailed(t('errors.openTitle'), file.message);
          return;
        }
        // Read-only until now, so there are no edits of this window to keep: open it as it is.
        const opened = await core.call('workspace.open', {
          bytes: file.value.bytes,
          fileName: file.value.name,
        });
        if (!opened.ok) {
          showOpenError(t, opened.error, file.value.name);
          return;
        }
        setLock(null);
        await refresh({ dataChanged: true });
        notifications.show({
          color: 'petrol',
          message: t('sharing:takenOver', { name: file.value.name }),
        });
      },
      async undo() {
        const result = await core.call('workspace.undo', undefined);
        if (!result.ok && result.error.code !== 'nothing-to-undo') {
          hostFailed(t('errors.undoTitle'), result.error.message);
        }
        await refresh({ dataChanged: result.ok });
      },
      async redo() {
        const result = await core.call('workspace.redo', undefined);
        if (!result.ok && result.error.code !== 'nothing-to-redo') {
          hostFailed(t('errors.undoTitle'), result.error.message);
        }
        await refresh({ dataChanged: result.ok });
      },
    }),
    [confirmDiscard, core, host, hostFailed, openFile, path, refresh, saveTo, setLock, setPath, t],
  );
}
