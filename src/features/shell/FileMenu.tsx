import { Button, Menu, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconDeviceFloppy,
  IconFile,
  IconFileImport,
  IconFilePlus,
  IconFolderOpen,
  IconHistory,
  IconSchool,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../app/core-context';
import type { CommandId } from '../../commands/commands';
import type { RecentFile } from '../../host/host';
import { intlLocale } from '../../i18n';
import { shortcutLabel } from './shortcuts';
import type { Command } from './use-commands';

const ICONS: Partial<Record<CommandId, ReactNode>> = {
  'file.new': <IconFilePlus size={16} />,
  'file.openDemo': <IconSchool size={16} />,
  'file.open': <IconFolderOpen size={16} />,
  'file.save': <IconDeviceFloppy size={16} />,
  'file.saveAs': <IconDeviceFloppy size={16} />,
  'file.import': <IconFileImport size={16} />,
};

/** Bestand: the file commands from the registry, with the recent files after "Openen…". */
export function FileMenu({
  commands,
  onOpenRecent,
}: {
  commands: Command[];
  onOpenRecent: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const dateTime = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'short',
    timeStyle: 'short',
  });

  return (
    <Menu
      position="bottom-start"
      width={300}
      shadow="md"
      onOpen={() => void host.recentFiles().then(setRecent)}
      trigger="click"
      // Mantine's hidden focus placeholder is a div inside role="menu", which ARIA forbids (axe
      // aria-required-children); without it the first item takes focus, as in a native menu.
      withInitialFocusPlaceholder={false}
    >
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          rightSection={<IconChevronDown size={14} />}
          data-testid="file-menu"
        >
          {t('shell.fileMenu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {commands.map((command) => (
          <MenuCommand key={command.id} command={command}>
            {command.id === 'file.open' && (
              <>
                <Menu.Label>
                  <IconHistory size={12} style={{ verticalAlign: -1 }} /> {t('shell.recentFiles')}
                </Menu.Label>
                {recent.length === 0 && (
                  <Menu.Item disabled leftSection={<IconFile size={16} />}>
                    {t('shell.noRecentFiles')}
                  </Menu.Item>
                )}
                {recent.map((file) => (
                  <Menu.Item
                    key={file.path}
                    leftSection={<IconFile size={16} />}
                    onClick={() => onOpenRecent(file.path)}
                    data-testid="recent-file"
                    rightSection={
                      <Text size="xs" c="dimmed">
                        {dateTime.format(new Date(file.openedAt))}
                      </Text>
                    }
                  >
                    {file.name}
                  </Menu.Item>
                ))}
              </>
            )}
          </MenuCommand>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function MenuCommand({ command, children }: { command: Command; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {command.separatorBefore && <Menu.Divider />}
      <Menu.Item
        leftSection={ICONS[command.id]}
        rightSection={
          command.shortcut ? (
            <Text size="xs" c="dimmed">
              {shortcutLabel(command.shortcut)}
            </Text>
          ) : undefined
        }
        disabled={!command.enabled}
        onClick={command.run}
        data-command={command.id}
      >
        {t(`commands.${command.id}`)}
      </Menu.Item>
      {children}
    </>
  );
}
