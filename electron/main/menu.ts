import type { MenuItemConstructorOptions } from 'electron';
import type { CommandId, CommandSpec } from '../../src/commands/commands';
import type { RecentFile } from '../../src/host/host';
import { MAIN_STRINGS_NL } from './strings-nl';

export type MenuLabels = {
  menus: { file: string; edit: string; view: string; help: string };
  commands: Record<CommandId, string>;
};

export type MenuOptions = {
  commands: readonly CommandSpec[];
  labels: MenuLabels;
  /** Sends the chosen command id to the renderer, which runs it like its own menu would. */
  sendCommand: (id: CommandId) => void;
  platform: NodeJS.Platform;
  /** Adds reload and developer tools (development builds only). */
  isDev: boolean;
  /** The "Recente bestanden" submenu under Openen…; choosing one hands its path to `open`. */
  recent?: { files: readonly RecentFile[]; open: (filePath: string) => void };
};

/** Bestand › Recente bestanden: the workspaces opened or saved last, newest first. */
export function recentFilesSubmenu(options: MenuOptions): MenuItemConstructorOptions {
  const strings = MAIN_STRINGS_NL.menu;
  const files = options.recent?.files ?? [];
  return {
    id: 'file.recent',
    label: strings.recentFiles,
    submenu:
      files.length === 0
        ? [{ label: strings.noRecentFiles, enabled: false }]
        : files.map((file, index) => ({
            // &1 … &9: Alt+F, then the digit, opens it — as in Office's recent list.
            label: `${index < 9 ? `&${index + 1} ` : ''}${file.name.replace(/&/g, '&&')}`,
            toolTip: file.path,
            click: () => options.recent?.open(file.path),
          })),
  };
}

function commandItems(
  options: MenuOptions,
  menu: CommandSpec['menu'],
): MenuItemConstructorOptions[] {
  return options.commands
    .filter((command) => command.menu === menu)
    .flatMap((command): MenuItemConstructorOptions[] => {
      const item: MenuItemConstructorOptions = {
        id: command.id,
        label: options.labels.commands[command.id],
        click: () => options.sendCommand(command.id),
      };
      if (command.shortcut) item.accelerator = command.shortcut;
      const items: MenuItemConstructorOptions[] = command.separatorBefore
        ? [{ type: 'separator' }, item]
        : [item];
      if (command.id === 'file.open' && options.recent) items.push(recentFilesSubmenu(options));
      return items;
    });
}

/**
 * The native menu as a template, built from the same command registry and Dutch labels the
 * in-app menu uses; Electron's standard roles (clipboard, zoom, quit) are added around it so
 * text fields keep copy/paste and the OS conventions hold. Pure: the test reads it directly.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const strings = MAIN_STRINGS_NL.menu;
  const { menus } = options.labels;
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: menus.file,
    submenu: [
      ...commandItems(options, 'file'),
      // On macOS, Quit lives in the app menu.
      ...(isMac
        ? []
        : [
            { type: 'separator' } as const,
            { role: 'quit', label: strings.quit, accelerator: 'CmdOrCtrl+Q' } as const,
          ]),
    ],
  });
  template.push({
    label: menus.edit,
    submenu: [
      ...commandItems(options, 'edit'),
      { type: 'separator' },
      { role: 'cut', label: strings.cut },
      { role: 'copy', label: strings.copy },
      { role: 'paste', label: strings.paste },
      { role: 'selectAll', label: strings.selectAll },
    ],
  });
  template.push({
    label: menus.view,
    submenu: [
      ...commandItems(options, 'view'),
      { type: 'separator' },
      { role: 'zoomIn', label: strings.zoomIn },
      { role: 'zoomOut', label: strings.zoomOut },
      { role: 'resetZoom', label: strings.resetZoom },
      { role: 'togglefullscreen', label: strings.fullScreen },
      ...(options.isDev
        ? [
            { type: 'separator' } as const,
            { role: 'reload', label: strings.reload } as const,
            { role: 'toggleDevTools', label: strings.devTools } as const,
          ]
        : []),
    ],
  });
  if (isMac) template.push({ role: 'windowMenu', label: strings.window });
  return template;
}
