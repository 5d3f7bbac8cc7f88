// The preload: one small, typed bridge and nothing else — no raw ipcRenderer, no Node APIs.
// It runs sandboxed, so it is bundled into one CommonJS file that only requires 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_EVENT, isIpcChannel, OPEN_FILE_EVENT } from '../shared/ipc-channels';
import type { PijlerplanBridge } from '../shared/ipc-contract';

const bridge: PijlerplanBridge = {
  invoke: (channel, payload) => {
    // Types keep honest callers to the contract; this check keeps out dishonest ones.
    if (!isIpcChannel(channel)) return Promise.reject(new Error(`Onbekend IPC-kanaal: ${channel}`));
    return ipcRenderer.invoke(channel, payload);
  },
  onCommand: (listener) => {
    const handler = (_event: IpcRendererEvent, commandId: unknown): void => {
      if (typeof commandId === 'string') listener(commandId);
    };
    ipcRenderer.on(COMMAND_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(COMMAND_EVENT, handler);
    };
  },
  onOpenFile: (listener) => {
    const handler = (_event: IpcRendererEvent, filePath: unknown): void => {
      if (typeof filePath === 'string' && filePath.length > 0) listener(filePath);
    };
    ipcRenderer.on(OPEN_FILE_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(OPEN_FILE_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('pijlerplan', bridge);
