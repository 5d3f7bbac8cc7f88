import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_USER_MODEL_ID, createRecentDocuments } from '../../../electron/main/recent-documents';
import type { RecentFile } from '../../../src/host/host';
import type { RecentFilesStore } from '../../../src/node/recent-files';

/** An in-memory recent list with the real store's order: newest first, no duplicates. */
function memoryStore(initial: string[] = []): RecentFilesStore {
  let files: RecentFile[] = initial.map((filePath, index) => ({
    name: path.basename(filePath),
    path: filePath,
    openedAt: new Date(Date.UTC(2026, 0, 10 - index)).toISOString(),
  }));
  return {
    list: async () => files,
    has: async (filePath) => files.some((file) => file.path === filePath),
    add: async (filePath) => {
      files = [
        { name: path.basename(filePath), path: filePath, openedAt: new Date().toISOString() },
        ...files.filter((file) => file.path !== filePath),
      ];
      return files;
    },
  };
}

function fakeApp() {
  const added: string[] = [];
  return {
    added,
    addRecentDocument: vi.fn((filePath: string) => {
      added.push(filePath);
    }),
    setJumpList: vi.fn((): string => 'ok'),
    setAppUserModelId: vi.fn(),
  };
}
let app = fakeApp();

const setup = (platform: NodeJS.Platform, initial: string[] = []) => {
  app = fakeApp();
  const menus: string[][] = [];
  const log = vi.fn();
  const recent = createRecentDocuments({
    app: app as never,
    store: memoryStore(initial),
    platform,
    onChange: (files) => menus.push(files.map((file) => file.name)),
    log,
  });
  return { recent, menus, log };
};

describe('createRecentDocuments', () => {
  it('on Windows: sets the app id the installer uses and a jump list with recent files', async () => {
    const { recent } = setup('win32');
    await recent.init();
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_USER_MODEL_ID);
    expect(app.setJumpList).toHaveBeenCalledWith([{ type: 'recent' }]);
  });

  it('elsewhere: no Windows-only calls', async () => {
    const { recent } = setup('linux');
    await recent.init();
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
    expect(app.setJumpList).not.toHaveBeenCalled();
  });

  it('at start, re-announces the stored list to the OS oldest first and fills the menu', async () => {
    const { recent, menus } = setup('win32', ['/w/nieuw.pijlerplan', '/w/oud.pijlerplan']);
    await recent.init();
    expect(app.added).toEqual(['/w/oud.pijlerplan', '/w/nieuw.pijlerplan']);
    expect(menus).toEqual([['nieuw.pijlerplan', 'oud.pijlerplan']]);
  });

  it('every open or save reaches the OS list and rebuilds the menu, newest first', async () => {
    const { recent, menus } = setup('win32', ['/w/a.pijlerplan']);
    await recent.store.add('/w/b.pijlerplan');
    await recent.store.add('/w/a.pijlerplan');
    expect(app.added).toEqual([path.resolve('/w/b.pijlerplan'), path.resolve('/w/a.pijlerplan')]);
    expect(menus).toEqual([
      ['b.pijlerplan', 'a.pijlerplan'],
      ['a.pijlerplan', 'b.pijlerplan'],
    ]);
    expect(await recent.store.has('/w/b.pijlerplan')).toBe(true);
  });

  it('a failing OS call is logged; the recent list still works', async () => {
    const { recent, log, menus } = setup('win32');
    app.addRecentDocument.mockImplementation(() => {
      throw new Error('geen shell');
    });
    app.setJumpList.mockReturnValue('fileTypeRegistrationMissing');
    await recent.init();
    await recent.store.add('/w/c.pijlerplan');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('geen shell'));
    expect(log).toHaveBeenCalledWith('jump list: fileTypeRegistrationMissing');
    expect(menus.at(-1)).toEqual(['c.pijlerplan']);
  });
});
