import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type IpcChannel } from '../shared/ipc-channels';
import { parseIpcPayload, type IpcHandlerMap, type IpcResult } from '../shared/ipc-contract';
import type { CloseGuard } from './close-guard';
import type { ExportStreams } from './export-streams';
import type { WorkspaceFiles } from './workspace-files';
import type { RecoveryCopy } from '../../src/host/host';

export type IpcHandlerDeps = {
  files: WorkspaceFiles;
  closeGuard: Pick<CloseGuard, 'onSaveStarted' | 'onSaveFinished'>;
  setTitle(title: string, dirty: boolean): void;
  /** The main window's page as PDF bytes (webContents.printToPDF, landscape A4). */
  printToPdf(): Promise<Uint8Array>;
  /** Large exports streamed to disk chunk by chunk (export-streams.ts). */
  exports?: ExportStreams;
  /** Called when a save the close prompt waited for has succeeded. */
  closeWindow(): void;
  /** The crash-recovery copy in the app's own folder (src/node/recovery). */
  recovery?: {
    write(bytes: Uint8Array, info: { name: string; path: string | null }): Promise<void>;
    read(): Promise<RecoveryCopy | null>;
    clear(): Promise<void>;
  };
};

const noStreams = 'Exporteren naar een bestand is hier niet beschikbaar.';

/** The one handler map: every channel of the contract, each a few lines over its service. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlerMap {
  return {
    'workspace:open': () => deps.files.openWorkspace(),
    'workspace:openRecent': ({ path }) => deps.files.openRecent(path),
    'workspace:startup': () => deps.files.openStartup(),
    'workspace:save': async ({ bytes, path, suggestedName }) => {
      const forClose = deps.closeGuard.onSaveStarted();
      let result: IpcResult<'workspace:save'> = { ok: true, value: null };
      try {
        result = await deps.files.saveWorkspace(bytes, path, suggestedName);
        return result;
      } finally {
        const saved = result.ok && result.value !== null;
        if (forClose && deps.closeGuard.onSaveFinished(saved) === 'close') {
          // Let the renderer receive its answer (and mark itself clean) before the window goes.
          setTimeout(() => deps.closeWindow(), 0);
        }
      }
    },
    'workspace:readCurrent': ({ path }) => deps.files.readCurrent(path),
    'workspace:takeOver': ({ path }) => deps.files.takeOverLock(path),
    'workspace:release': () => deps.files.releaseLock(),
    'spreadsheet:open': () => deps.files.openSpreadsheet(),
    'export:save': ({ bytes, suggestedName }) => deps.files.saveExport(bytes, suggestedName),
    'export:printToPdf': async ({ suggestedName }) => {
      let bytes: Uint8Array;
      try {
        bytes = await deps.printToPdf();
      } catch (error) {
        return {
          ok: false,
          message: `De PDF kon niet gemaakt worden: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      return deps.files.saveExport(bytes, suggestedName);
    },
    'export:begin': ({ suggestedName }) =>
      deps.exports?.begin(suggestedName) ?? { ok: false, message: noStreams },
    'export:write': ({ id, bytes }) =>
      deps.exports?.write(id, bytes) ?? { ok: false, message: noStreams },
    'export:commit': ({ id }) => deps.exports?.commit(id) ?? { ok: false, message: noStreams },
    'export:abort': async ({ id }) => {
      await deps.exports?.abort(id);
    },
    'recent:list': () => deps.files.recentFiles(),
    'window:setTitle': ({ title, dirty }) => deps.setTitle(title, dirty),
    'recovery:write': async ({ bytes, name, path }) => {
      await deps.recovery?.write(bytes, { name, path });
    },
    'recovery:read': async () => (await deps.recovery?.read()) ?? null,
    'recovery:clear': async () => {
      await deps.recovery?.clear();
    },
  };
}

/** Validates a payload against its channel's schema, then runs the channel's handler. */
export async function dispatchIpc<C extends IpcChannel>(
  handlers: IpcHandlerMap,
  channel: C,
  payload: unknown,
): Promise<IpcResult<C>> {
  const valid = parseIpcPayload(channel, payload);
  const handler = handlers[channel] as (p: typeof valid) => IpcResult<C> | Promise<IpcResult<C>>;
  return handler(valid);
}

/**
 * Registers every channel with ipcMain.handle. A call from a frame that is not the app
 * itself (an injected iframe, a page navigated elsewhere) is refused before validation.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlerMap,
  isTrustedSender: (url: string) => boolean,
): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) {
        throw new Error(`IPC-kanaal '${channel}' geweigerd voor afzender ${url || '(onbekend)'}`);
      }
      return dispatchIpc(handlers, channel, payload);
    });
  }
}
