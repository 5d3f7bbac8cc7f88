import type { IpcChannel } from '../../electron/shared/ipc-channels';
import type { IpcPayload, IpcResult, PijlerplanBridge } from '../../electron/shared/ipc-contract';
import type { ExportFile, Host, HostFile, HostResult } from './host';

declare global {
  interface Window {
    /** The preload's bridge; present only inside the Electron app. */
    pijlerplan?: PijlerplanBridge;
  }
}

/** Whether the page runs inside the Electron shell (the preload exposed its bridge). */
export const hasElectronBridge = (): boolean =>
  typeof window !== 'undefined' && window.pijlerplan !== undefined;

/**
 * Whether the keyboard focus is in a text field. The native menu's Ctrl+Z reaches us as the
 * `edit.undo` command even while the user types; there it must undo the typing, not the last
 * data edit (the renderer's own hotkeys make the same distinction).
 */
export function isEditingText(doc: Document | undefined = globalThis.document): boolean {
  const element = doc?.activeElement;
  if (!element) return false;
  if ((element as Partial<HTMLElement>).isContentEditable === true) return true;
  if (element.tagName === 'TEXTAREA') return true;
  if (element.tagName !== 'INPUT') return false;
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
    type,
  );
}

const TEXT_EDIT_COMMANDS: Readonly<Record<string, 'undo' | 'redo'>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
};

export type ElectronHostOptions = {
  /** Where the focus is; replaceable in tests. */
  isEditingText?: () => boolean;
  /** Undo/redo inside the focused text field. */
  textEdit?: (action: 'undo' | 'redo') => void;
};

function failure(error: unknown): { ok: false; message: string } {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/**
 * The Host on Electron: every call goes through the preload bridge to the main process,
 * which shows native dialogs, writes atomically, keeps backups and the recent list. The
 * bridge is a parameter so tests can run this against a fake main.
 */
export function createElectronHost(
  bridge: PijlerplanBridge,
  options: ElectronHostOptions = {},
): Host & {
  /** The workspace passed on the command line (or opened from the OS), if any. */
  startupWorkspace(): Promise<HostResult<HostFile | null>>;
} {
  /** Rejections (a refused payload, a crashed handler) become a HostResult, not a throw. */
  const call = async <C extends IpcChannel>(
    channel: C,
    payload: IpcPayload<C>,
  ): Promise<IpcResult<C> | { ok: false; message: string }> => {
    try {
      return await bridge.invoke(channel, payload);
    } catch (error) {
      return failure(error);
    }
  };

  return {
    kind: 'electron',
    openWorkspace: () => call('workspace:open', {}),
    openRecent: (path) => call('workspace:openRecent', { path }),
    startupWorkspace: () => call('workspace:startup', {}),
    openSpreadsheet: () => call('spreadsheet:open', {}),
    readCurrent: (path) => call('workspace:readCurrent', { path }),
    takeOverLock: (path) => call('workspace:takeOver', { path }),
    releaseLock: async () => {
      await bridge.invoke('workspace:release', {}).catch(() => undefined);
    },
    saveWorkspace: (bytes, path, suggestedName) =>
      call('workspace:save', { bytes, path, suggestedName }),
    saveExport: (bytes, suggestedName) => call('export:save', { bytes, suggestedName }),
    printToPdf: (suggestedName) => call('export:printToPdf', { suggestedName }),
    async createExportFile(suggestedName) {
      const begun = await call('export:begin', { suggestedName });
      if (!begun.ok || begun.value === null) return begun as HostResult<null>;
      const { id, name } = begun.value;
      const file: ExportFile = {
        name,
        async write(bytes) {
          const written = await call('export:write', { id, bytes });
          if (!written.ok) throw new Error(written.message);
        },
        commit: () => call('export:commit', { id }),
        abort: async () => {
          await call('export:abort', { id });
        },
      };
      return { ok: true, value: file };
    },
    recentFiles: async () => {
      try {
        return await bridge.invoke('recent:list', {});
      } catch {
        return [];
      }
    },
    writeRecovery: async (bytes, info) => {
      await bridge.invoke('recovery:write', { bytes, ...info }).catch(() => undefined);
    },
    readRecovery: () => bridge.invoke('recovery:read', {}).catch(() => null),
    clearRecovery: async () => {
      await bridge.invoke('recovery:clear', {}).catch(() => undefined);
    },
    setTitle: (title, dirty) => {
      // Also tells main whether closing needs the "unsaved changes" question.
      bridge.invoke('window:setTitle', { title, dirty }).catch(() => undefined);
    },
    onCommand: (listener) =>
      bridge.onCommand((commandId) => {
        const textAction = TEXT_EDIT_COMMANDS[commandId];
        if (textAction && (options.isEditingText ?? isEditingText)()) {
          // execCommand is deprecated but remains the only way to drive a field's own undo
          // stack, which is exactly what the user expects here.
          (options.textEdit ?? ((action) => document.execCommand(action)))(textAction);
          return;
        }
        listener(commandId);
      }),
    onOpenFile: (listener) => bridge.onOpenFile(listener),
    setCloseGuard: () => {
      // Main asks the question itself (a native dialog) from the dirty flag sent with
      // setTitle; a beforeunload handler here would make Electron cancel the close silently.
    },
  };
}

/** The Electron host on `window.pijlerplan`, or null outside Electron. */
export function electronHostFromWindow(): ReturnType<typeof createElectronHost> | null {
  return typeof window !== 'undefined' && window.pijlerplan
    ? createElectronHost(window.pijlerplan)
    : null;
}
