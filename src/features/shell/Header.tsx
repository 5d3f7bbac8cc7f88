import {
  ActionIcon,
  Burger,
  Divider,
  Group,
  SegmentedControl,
  Text,
  Tooltip,
  useComputedColorScheme,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconInfoCircle,
  IconMoon,
  IconSearch,
  IconSun,
  IconTimeline,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace-state';
import { rememberLanguage, type Language } from '../../i18n';
import { FileMenu } from './FileMenu';
import classes from './Shell.module.css';
import { shortcutLabel } from './shortcuts';
import type { Command } from './use-commands';
import type { CommandId } from '../../commands/commands';
import type { WorkspaceActions } from './use-workspace-actions';

export function workspaceTitle(
  info: { name: string; fileName: string | null; isDemo?: boolean } | null,
  t: (key: string) => string,
): string {
  if (!info) return t('app.loading');
  // Electron gives a full path; the title shows the file's name.
  if (info.fileName) return info.fileName.replace(/^.*[\\/]/, '');
  if (info.isDemo) return t('app.demo');
  return info.name || t('app.untitled');
}

export function Header({
  commands,
  actions,
  navOpened,
  onToggleNav,
  onAbout,
}: {
  commands: Record<CommandId, Command>;
  actions: WorkspaceActions;
  navOpened: boolean;
  onToggleNav: () => void;
  onAbout: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { info } = useWorkspace();
  const scheme = useComputedColorScheme('light');
  const undo = commands['edit.undo'];
  const redo = commands['edit.redo'];
  const palette = commands['view.commandPalette'];
  const fileCommands = Object.values(commands).filter((command) => command.menu === 'file');
  const title = workspaceTitle(info, t);

  return (
    // AppShell.Header is the page's <header> landmark already.
    <div className={classes.header}>
      <Burger
        opened={navOpened}
        onClick={onToggleNav}
        hiddenFrom="sm"
        size="sm"
        aria-label={t('shell.toggleNavigation')}
      />
      <div className={classes.brand}>
        <span className={classes.brandMark} aria-hidden>
          <IconTimeline size={18} stroke={2.2} />
        </span>
        <span>{t('app.name')}</span>
      </div>
      <Divider orientation="vertical" my="md" />
      <FileMenu commands={fileCommands} onOpenRecent={(path) => void actions.openRecent(path)} />

      <div className={classes.workspaceName}>
        <Text fw={600} truncate="end" data-testid="workspace-name">
          {title}
        </Text>
        {info?.dirty && (
          <Tooltip label={t('app.unsaved')}>
            <span
              className={classes.dirty}
              data-testid="dirty-marker"
              aria-label={t('shell.unsavedMarker')}
              role="img"
            >
              •
            </span>
          </Tooltip>
        )}
      </div>

      <Group gap={4} wrap="nowrap">
        <Tooltip
          label={`${t('commands.view.commandPalette')} (${shortcutLabel(palette.shortcut)})`}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('commands.view.commandPalette')}
            onClick={palette.run}
            data-testid="open-palette"
          >
            <IconSearch size={20} />
          </ActionIcon>
        </Tooltip>
        <Tooltip
          label={
            info?.undoLabel
              ? `${t('shell.undoWith', { label: info.undoLabel })} (${shortcutLabel(undo.shortcut)})`
              : t('shell.nothingToUndo')
          }
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('commands.edit.undo')}
            disabled={!undo.enabled}
            onClick={undo.run}
            data-testid="undo"
          >
            <IconArrowBackUp size={20} />
          </ActionIcon>
        </Tooltip>
        <Tooltip
          label={
            info?.redoLabel
              ? `${t('shell.redoWith', { label: info.redoLabel })} (${shortcutLabel(redo.shortcut)})`
              : t('shell.nothingToRedo')
          }
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('commands.edit.redo')}
            disabled={!redo.enabled}
            onClick={redo.run}
            data-testid="redo"
          >
            <IconArrowForwardUp size={20} />
          </ActionIcon>
        </Tooltip>
        <Divider orientation="vertical" mx={6} />
        <SegmentedControl
          size="xs"
          aria-label={t('shell.language')}
          value={i18n.language === 'en' ? 'en' : 'nl'}
          onChange={(value) => {
            rememberLanguage(value as Language);
            void i18n.changeLanguage(value);
          }}
          data={[
            { value: 'nl', label: 'NL' },
            { value: 'en', label: 'EN' },
          ]}
          data-testid="language-switch"
        />
        <Tooltip label={scheme === 'dark' ? t('shell.themeToLight') : t('shell.themeToDark')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={scheme === 'dark' ? t('shell.themeToLight') : t('shell.themeToDark')}
            onClick={commands['view.toggleTheme'].run}
            data-testid="theme-toggle"
          >
            {scheme === 'dark' ? <IconSun size={20} /> : <IconMoon size={20} />}
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('shell.about')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('shell.about')}
            onClick={onAbout}
          >
            <IconInfoCircle size={20} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
}
