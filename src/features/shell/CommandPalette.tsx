import { Kbd } from '@mantine/core';
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import { IconSearch, IconTerminal2 } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import type { CommandId } from '../../commands/commands';
import { NAV_ITEMS } from './nav-items';
import { shortcutLabel } from './shortcuts';
import type { Command } from './use-commands';

/** The palette does not list itself: choosing it would only close it again. */
const NOT_LISTED: ReadonlySet<CommandId> = new Set(['view.commandPalette']);

/**
 * Ctrl+K: every command of the registry and every screen, searchable by name, reachable with
 * the keyboard alone (arrows + Enter). The shortcut is bound by the command registry
 * ('view.commandPalette'), so the native menu, the in-app keys and this list agree.
 */
export function CommandPalette({ commands }: { commands: Record<CommandId, Command> }) {
  const { t } = useTranslation();

  const actions = useMemo((): SpotlightActionGroupData[] => {
    const commandActions = Object.values(commands)
      .filter((command) => !NOT_LISTED.has(command.id))
      .map((command) => ({
        id: command.id,
        label: t(`commands.${command.id}`),
        description: command.enabled ? undefined : t('palette.disabled'),
        disabled: !command.enabled,
        onClick: command.run,
        leftSection: <IconTerminal2 size={18} stroke={1.6} aria-hidden />,
        rightSection: command.shortcut ? (
          <Kbd size="xs">{shortcutLabel(command.shortcut)}</Kbd>
        ) : null,
        'data-command': command.id,
      }));
    const screenActions = NAV_ITEMS.map(({ id, icon: ScreenIcon }) => ({
      id: `go.${id}`,
      label: t('palette.goTo', { screen: t(`nav.${id}`) }),
      keywords: [t(`nav.${id}`), id],
      onClick: () => navigate(id),
      leftSection: <ScreenIcon size={18} stroke={1.6} aria-hidden />,
      'data-route': id,
    }));
    return [
      { group: t('palette.screens'), actions: screenActions },
      { group: t('palette.commands'), actions: commandActions },
    ];
  }, [commands, t]);

  return (
    <Spotlight
      actions={actions}
      // Bound through the command registry instead (see use-commands.ts).
      shortcut={null}
      nothingFound={t('palette.nothingFound')}
      highlightQuery
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} aria-hidden />,
        placeholder: t('palette.placeholder'),
        'aria-label': t('palette.searchLabel'),
      }}
      data-testid="command-palette"
    />
  );
}
