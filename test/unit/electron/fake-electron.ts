import { vi } from 'vitest';
import type { ElectronApi } from '../../../electron/main/app';

type Listener = (...args: unknown[]) => unknown;

/** A tiny event emitter standing in for Electron's objects. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: Listener | undefined;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  /** Like Electron's: the page as PDF bytes; records the options it was called with. */
  readonly printToPDF = vi.fn(async (_options: Record<string, unknown>) =>
    Buffer.from('%PDF-1.7 fake page\n%%EOF'),
  );
}

export class FakeWindow extends Emitter {
  static instances: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  title = '';
  loadedUrl = '';
  destroyed = false;
  closeCount = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  minimized = false;
  focusCount = 0;
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focusCount++;
  }
  show(): void {}
  /** Like Electron: emits 'close' with a preventable event; closes unless prevented. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.closeCount++;
      this.destroyed = true;
    }
  }
}

export function createFakeElectron(
  options: { messageBoxResponse?: number; pathsRoot?: string } = {},
) {
  FakeWindow.instances = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: () => ready,
    getPath: (name: string) => `${options.pathsRoot ?? '/fake'}/${name}`,
    recentDocuments: [] as string[],
    addRecentDocument: vi.fn((filePath: string) => {
      app.recentDocuments.push(filePath);
    }),
    setJumpList: vi.fn(() => 'ok'),
    setAppUserModelId: vi.fn(),
  });
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const menus: unknown[] = [];
  const messageBoxes: Array<Record<string, unknown>> = [];
  const permissionHandlers: { request?: Listener; check?: Listener } = {};
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => menus.push(menu),
    },
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
      showMessageBox: vi.fn(async (_window: unknown, box: Record<string, unknown>) => {
        messageBoxes.push(box);
        return { response: options.messageBoxResponse ?? 2, checkboxChecked: false };
      }),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (permissionHandlers.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (permissionHandlers.check = handler),
      },
    },
    shell: { openExternal: vi.fn(async () => {}) },
  };
  return {
    // The fakes cover what the shell calls, not Electron's whole surface.
    electron: electron as unknown as ElectronApi,
    app,
    dialog: electron.dialog,
    protocol: electron.protocol,
    ipcHandlers,
    protocolHandlers,
    menus,
    messageBoxes,
    permissionHandlers,
    ready: async () => {
      resolveReady();
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}
