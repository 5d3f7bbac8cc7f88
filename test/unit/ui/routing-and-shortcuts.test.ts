import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, parseHash, routeHref } from '../../../src/app/router';
import { COMMANDS } from '../../../src/commands/commands';
import { toHotkey } from '../../../src/features/shell/shortcuts';
import initSqlJs from 'sql.js';
import { createWorkspaceDb } from '../../../src/core/db/workspace-file';
import { en } from '../../../src/i18n/locales/en';
import { nl } from '../../../src/i18n/locales/nl';

describe('hash routes', () => {
  it.each([
    ['#/gemeenten', { id: 'municipalities', param: null }],
    ['#/proeftuinen', { id: 'pilots', param: null }],
    ['#/gegevens/pilot_overview', { id: 'data', param: 'pilot_overview' }],
    ['#/onbekend', { id: DEFAULT_ROUTE, param: null }],
    ['', { id: DEFAULT_ROUTE, param: null }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('round-trips a table name with odd characters', () => {
    expect(parseHash(routeHref('data', 'mijn tabel/2024'))).toEqual({
      id: 'data',
      param: 'mijn tabel/2024',
    });
  });
});

describe('shortcuts from the command registry', () => {
  it.each([
    ['CmdOrCtrl+Z', 'mod+Z'],
    ['CmdOrCtrl+Shift+S', 'mod+shift+S'],
    ['CmdOrCtrl+Y', 'mod+Y'],
  ])('%s → %s', (accelerator, hotkey) => {
    expect(toHotkey(accelerator)).toBe(hotkey);
  });

  it('every command has a Dutch and an English label, and no two share a shortcut', () => {
    for (const command of COMMANDS) {
      expect(nl.commands[command.id]).toBeTruthy();
      expect(en.commands[command.id]).toBeTruthy();
    }
    const shortcuts = COMMANDS.flatMap((command) => (command.shortcut ? [command.shortcut] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });
});

describe('locales', () => {
  /** Every key path of a locale object. */
  const paths = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([key, child]) => paths(child, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];

  it('English has exactly the Dutch keys', () => {
    expect(paths(en).sort()).toEqual(paths(nl).sort());
  });

  it('every table and view the app creates has a name in the Gegevens list', async () => {
    const SQL = await initSqlJs();
    const db = createWorkspaceDb(SQL);
    try {
      const names = (
        db.exec(
          "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%'",
        )[0]?.values ?? []
      ).map((row) => String(row[0]));
      expect(names.length).toBeGreaterThan(20);
      expect(names.filter((name) => !(name in nl.tables))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('no string is left empty', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];
    expect([...strings(nl), ...strings(en)].filter((text) => text.trim() === '')).toEqual([]);
  });
});
