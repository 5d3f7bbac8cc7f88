import path from 'node:path';
import type { App, JumpListCategory } from 'electron';
import type { RecentFile } from '../../src/host/host';
import type { RecentFilesStore } from '../../src/node/recent-files';

/**
 * Windows groups windows, taskbar pins and the jump list by this id; it must equal the
 * installer's appId (electron-builder.json — the packaging test compares them).
 */
export const APP_USER_MODEL_ID = 'be.integratie-inburgering.pijlerplan';

export type RecentDocumentsApp = Pick<
  App,
  'addRecentDocument' | 'setJumpList' | 'setAppUserModelId'
>;

export type RecentDocumentsDeps = {
  app: RecentDocumentsApp;
  store: RecentFilesStore;
  platform: NodeJS.Platform;
  /** Rebuilds the native menu with this list (its "Recente bestanden" submenu). */
  onChange(recent: RecentFile[]): void;
  log(message: string): void;
};

export type RecentDocuments = {
  /**
   * The store the file services write to, decorated: every add also reaches the OS
   * (`app.addRecentDocument`: the Windows jump list and Explorer's recent items, macOS's Open
   * Recent) and the native menu.
   */
  store: RecentFilesStore;
  /** Reads the stored list once at start: fills the menu and re-announces it to the OS. */
  init(): Promise<void>;
};

export function createRecentDocuments(deps: RecentDocumentsDeps): RecentDocuments {
  const { app, store } = deps;
  const announce = (recent: RecentFile[]): void => {
    deps.onChange(recent);
  };
  const safely = (what: string, action: () => unknown): void => {
    try {
      action();
    } catch (error) {
      deps.log(`${what}: ${String(error)}`);
    }
  };

  const decorated: RecentFilesStore = {
    ...store,
    list: () => store.list(),
    has: (filePath) => store.has(filePath),
    async add(filePath) {
      const recent = await store.add(filePath);
      safely('addRecentDocument', () => app.addRecentDocument(path.resolve(filePath)));
      announce(recent);
      return recent;
    },
  };

  return {
    store: decorated,
    async init() {
      if (deps.platform === 'win32') {
        safely('setAppUserModelId', () => app.setAppUserModelId(APP_USER_MODEL_ID));
        // The "Recent" category lists what addRecentDocument adds, for files whose type is
        // registered to the app (the installer's .pijlerplan association).
        const categories: JumpListCategory[] = [{ type: 'recent' }];
        safely('setJumpList', () => {
          const result = app.setJumpList(categories);
          if (result !== 'ok') deps.log(`jump list: ${result}`);
        });
      }
      const recent = await store.list().catch(() => []);
      // Oldest first, so the most recent ends on top of the OS list too.
      for (const file of [...recent].reverse()) {
        safely('addRecentDocument', () => app.addRecentDocument(file.path));
      }
      announce(recent);
    },
  };
}
