import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { spotlight } from '@mantine/spotlight';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../app/core-context';
import { useWorkspace } from '../../app/workspace-state';
import { COMMANDS, type CommandId, type CommandSpec } from '../../commands/commands';
import { rememberLanguage } from '../../i18n';
import { toHotkey } from './shortcuts';
import { useWorkspaceActions } from './use-workspace-actions';

export type Command = CommandSpec & {
  run: () => void;
  enabled: boolean;
};

/**
 * Extra keys for a command beyond its registry shortcut: Ctrl+Shift+Z is redo on many systems.
 * (Candidate for the registry itself as `altShortcuts`.)
 */
const ALT_SHORTCUTS: Partial<Record<CommandId, string[]>> = {
  'edit.redo': ['CmdOrCtrl+Shift+Z'],
};

/** Undo/redo leave text fields alone: there Ctrl+Z undoes typing, not the last data edit. */
const TEXT_EDITING_COMMANDS: ReadonlySet<CommandId> = new Set(['edit.undo', 'edit.redo']);

/**
 * The command registry with behaviour attached: what each command does and whether it can run
 * now. The menus, the keyboard and Electron's native menu (via host.onCommand) all use this.
 */
export function useCommands(): Record<CommandId, Command> {
  const { t, i18n } = useTranslation();
  const { info } = useWorkspace();
  const actions = useWorkspaceActions();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const ready = info !== null;

  return useMemo(() => {
    const behaviour: Record<CommandId, { run: () => unknown; enabled: boolean }> = {
      'file.new': { run: actions.newWorkspace, enabled: ready },
      'file.openDemo': { run: () => actions.openDemo(), enabled: ready },
      'file.open': { run: actions.open, enabled: ready },
      'file.save': { run: actions.save, enabled: ready },
      'file.saveAs': { run: actions.saveAs, enabled: ready },
      'file.import': { run: actions.importSpreadsheet, enabled: ready },
      'edit.undo': { run: actions.undo, enabled: ready && Boolean(info?.undoLabel) },
      'edit.redo': { run: actions.redo, enabled: ready && Boolean(info?.redoLabel) },
      'view.toggleTheme': {
        run: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
        enabled: true,
      },
      'view.toggleLanguage': {
        run: () => {
          const next = i18n.language === 'en' ? 'nl' : 'en';
          rememberLanguage(next);
          void i18n.changeLanguage(next);
        },
        enabled: true,
      },
      'view.commandPalette': { run: () => spotlight.toggle(), enabled: true },
    };
    return Object.fromEntries(
      COMMANDS.map((spec) => {
        const { run, enabled } = behaviour[spec.id];
        const guarded = () => {
          if (!enabled) return;
          // A command that throws (the worker died, a host call rejected) says so, once.
          Promise.resolve(run()).catch((error: unknown) =>
            notifications.show({
              color: 'red',
              title: t('errors.commandTitle'),
              message: error instanceof Error ? error.message : String(error),
            }),
          );
        };
        return [spec.id, { ...spec, enabled, run: guarded }];
      }),
    ) as Record<CommandId, Command>;
  }, [actions, i18n, t, info?.redoLabel, info?.undoLabel, ready, scheme, setColorScheme]);
}

/** Binds every command's shortcut, and runs commands that arrive from the native menu. */
export function useCommandBindings(commands: Record<CommandId, Command>): void {
  const host = useHost();
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  }, [commands]);

  const [global, outsideText] = useMemo(() => {
    const anywhere: HotkeyItem[] = [];
    const notInText: HotkeyItem[] = [];
    for (const command of Object.values(commands)) {
      const keys = [command.shortcut, ...(ALT_SHORTCUTS[command.id] ?? [])].filter(
        (key): key is string => Boolean(key),
      );
      for (const key of keys) {
        const item: HotkeyItem = [toHotkey(key), () => latest.current[command.id].run()];
        (TEXT_EDITING_COMMANDS.has(command.id) ? notInText : anywhere).push(item);
      }
    }
    return [anywhere, notInText];
  }, [commands]);

  // Save/open/new work even while typing in a field; undo/redo do not (see above).
  useHotkeys(global, []);
  useHotkeys(outsideText);

  useEffect(
    () =>
      host.onCommand((id) => {
        const command = latest.current[id as CommandId];
        command?.run();
      }),
    [host],
  );
}
