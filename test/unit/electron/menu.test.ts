import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, type CommandId } from '../../../src/commands/commands';
import { nl } from '../../../src/i18n/locales/nl';
import { buildMenuTemplate } from '../../../electron/main/menu';

const build = (platform: NodeJS.Platform, isDev = false) => {
  const sendCommand = vi.fn<(id: CommandId) => void>();
  const template = buildMenuTemplate({
    commands: COMMANDS,
    labels: nl,
    sendCommand,
    platform,
    isDev,
  });
  return { template, sendCommand };
};

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

const allItems = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((top) => submenu(top));

describe('buildMenuTemplate', () => {
  it('names the top-level menus in Dutch', () => {
    expect(build('win32').template.map((item) => item.label)).toEqual([
      'Bestand',
      'Bewerken',
      'Beeld',
    ]);
  });

  it.each(COMMANDS.map((command) => [command.id, command] as const))(
    'has %s with its Dutch label, its shortcut and its menu',
    (id, command) => {
      const { template } = build('linux');
      const top = template.find((item) => item.label === nl.menus[command.menu]);
      const item = submenu(top).find((entry) => entry.id === id);
      expect(item?.label).toBe(nl.commands[id]);
      expect(item?.accelerator).toBe(command.shortcut);
    },
  );

  it('keeps the registry order and its separators', () => {
    const file = submenu(build('win32').template[0]);
    expect(file.map((item) => item.id ?? item.type ?? item.role)).toEqual([
      'file.new',
      'file.openDemo',
      'file.open',
      'separator',
      'file.save',
      'file.saveAs',
      'separator',
      'file.import',
      'separator',
      'quit',
    ]);
  });

  it('spot-checks the Dutch labels and shortcuts users see', () => {
    const items = allItems(build('win32').template);
    const byId = (id: string) => items.find((item) => item.id === id);
    expect(byId('file.save')).toMatchObject({ label: 'Opslaan', accelerator: 'CmdOrCtrl+S' });
    expect(byId('file.saveAs')).toMatchObject({
      label: 'Opslaan als…',
      accelerator: 'CmdOrCtrl+Shift+S',
    });
    expect(byId('edit.undo')).toMatchObject({
      label: 'Ongedaan maken',
      accelerator: 'CmdOrCtrl+Z',
    });
  });

  it('sends the command id to the renderer when an item is clicked', () => {
    const { template, sendCommand } = build('win32');
    for (const item of allItems(template)) {
      if (item.id) (item.click as () => void)();
    }
    expect(sendCommand.mock.calls.map(([id]) => id)).toEqual(COMMANDS.map((command) => command.id));
  });

  it('keeps clipboard roles (with Dutch labels) so text fields can copy and paste', () => {
    const edit = submenu(build('win32').template[1]);
    expect(edit.filter((item) => item.role).map((item) => [item.role, item.label])).toEqual([
      ['cut', 'Knippen'],
      ['copy', 'Kopiëren'],
      ['paste', 'Plakken'],
      ['selectAll', 'Alles selecteren'],
    ]);
  });

  it('follows macOS conventions: app menu first, no Quit in Bestand, a window menu', () => {
    const { template } = build('darwin');
    expect(template[0]?.role).toBe('appMenu');
    expect(template.at(-1)?.role).toBe('windowMenu');
    expect(submenu(template[1]).some((item) => item.role === 'quit')).toBe(false);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      allItems(build('linux', isDev).template).map((item) => item.role);
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
  });
});

describe('Bestand › Recente bestanden', () => {
  const base = {
    commands: COMMANDS,
    labels: nl,
    sendCommand: () => {},
    platform: 'win32' as const,
    isDev: false,
  };
  const fileMenu = (template: ReturnType<typeof buildMenuTemplate>) =>
    template[0]?.submenu as Array<{ id?: string; label?: string; submenu?: unknown }>;

  it('sits right after Openen… and lists the recent workspaces, newest first', () => {
    const open = vi.fn();
    const template = buildMenuTemplate({
      ...base,
      recent: {
        files: [
          {
            name: 'plan & budget.pijlerplan',
            path: 'C:\\w\\plan & budget.pijlerplan',
            openedAt: '',
          },
          { name: 'oud.pijlerplan', path: 'C:\\w\\oud.pijlerplan', openedAt: '' },
        ],
        open,
      },
    });
    const items = fileMenu(template);
    const index = items.findIndex((item) => item.id === 'file.open');
    const recent = items[index + 1] as {
      label: string;
      submenu: Array<{ label: string; toolTip: string; click: () => void }>;
    };
    expect(recent.label).toBe('Recente bestanden');
    // An access key per entry; a literal & is doubled so it is not read as one.
    expect(recent.submenu.map((item) => item.label)).toEqual([
      '&1 plan && budget.pijlerplan',
      '&2 oud.pijlerplan',
    ]);
    expect(recent.submenu[1]?.toolTip).toBe('C:\\w\\oud.pijlerplan');
    recent.submenu[1]?.click();
    expect(open).toHaveBeenCalledWith('C:\\w\\oud.pijlerplan');
  });

  it('says so when there are none yet', () => {
    const items = fileMenu(buildMenuTemplate({ ...base, recent: { files: [], open: vi.fn() } }));
    const recent = items.find((item) => item.id === 'file.recent') as {
      submenu: Array<{ label: string; enabled: boolean }>;
    };
    expect(recent.submenu).toEqual([{ label: 'Nog geen recente bestanden', enabled: false }]);
  });
});
