import { describe, expect, it, vi } from 'vitest';
import type { IpcChannel } from '../../../electron/shared/ipc-channels';
import type { IpcHandlerMap, PijlerplanBridge } from '../../../electron/shared/ipc-contract';
import { dispatchIpc } from '../../../electron/main/ipc-handlers';
import { createElectronHost } from '../../../src/host/electron-host';

const bytes = new Uint8Array([1, 2, 3]);

/** A bridge wired straight to a handler map through the same validation main uses. */
function bridgeTo(handlers: Partial<IpcHandlerMap>): PijlerplanBridge & {
  emit: (id: string) => void;
} {
  const listeners = new Set<(id: string) => void>();
  return {
    invoke: (channel, payload) => {
      const handler = handlers[channel];
      if (!handler) return Promise.reject(new Error(`geen handler voor ${channel}`));
      return dispatchIpc({ ...handlers, [channel]: handler } as IpcHandlerMap, channel, payload);
    },
    onCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (id) => listeners.forEach((listener) => listener(id)),
  };
}

describe('createElectronHost', () => {
  it('is an electron host', () => {
    expect(createElectronHost(bridgeTo({})).kind).toBe('electron');
  });

  it('sends each Host call to its channel with a payload main accepts', async () => {
    const seen: Array<[IpcChannel, unknown]> = [];
    const record =
      <T>(channel: IpcChannel, value: T) =>
      (payload: unknown) => {
        seen.push([channel, payload]);
        return value;
      };
    const host = createElectronHost(
      bridgeTo({
        'workspace:open': record('workspace:open', { ok: true, value: null }),
        'workspace:openRecent': record('workspace:openRecent', {
          ok: true,
          value: { name: 'a', path: '/a', bytes },
        }),
        'workspace:startup': record('workspace:startup', { ok: true, value: null }),
        'spreadsheet:open': record('spreadsheet:open', { ok: true, value: null }),
        'workspace:save': record('workspace:save', { ok: true, value: { name: 'a', path: '/a' } }),
        'export:save': record('export:save', { ok: true, value: '/x.xlsx' }),
        'recent:list': record('recent:list', []),
        'window:setTitle': record('window:setTitle', undefined),
      }),
    );
    await host.openWorkspace();
    await host.openRecent('/a');
    await host.startupWorkspace();
    await host.openSpreadsheet();
    await host.saveWorkspace(bytes, null, 'plan.pijlerplan');
    await host.saveExport(bytes, 'x.xlsx');
    await host.recentFiles();
    host.setTitle('plan', true);
    await Promise.resolve();
    expect(seen).toEqual([
      ['workspace:open', {}],
      ['workspace:openRecent', { path: '/a' }],
      ['workspace:startup', {}],
      ['spreadsheet:open', {}],
      ['workspace:save', { bytes, path: null, suggestedName: 'plan.pijlerplan' }],
      ['export:save', { bytes, suggestedName: 'x.xlsx' }],
      ['recent:list', {}],
      ['window:setTitle', { title: 'plan', dirty: true }],
    ]);
  });

  it('turns a refused payload into a failed HostResult instead of a throw', async () => {
    const host = createElectronHost(bridgeTo({ 'export:save': () => ({ ok: true, value: null }) }));
    const result = await host.saveExport(bytes, 'map/x.xlsx');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('suggestedName') });
  });

  it('gives an empty recent list when main cannot answer', async () => {
    expect(await createElectronHost(bridgeTo({})).recentFiles()).toEqual([]);
  });

  it('delivers menu commands and stops after unsubscribe', () => {
    const bridge = bridgeTo({});
    const host = createElectronHost(bridge);
    const listener = vi.fn();
    const off = host.onCommand(listener);
    bridge.emit('file.save');
    off();
    bridge.emit('file.open');
    expect(listener.mock.calls).toEqual([['file.save']]);
  });
});
