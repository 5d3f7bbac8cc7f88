import { describe, expect, it, vi } from 'vitest';
import type { IpcChannel } from '../../../electron/shared/ipc-channels';
import type { IpcHandlerMap, PijlerplanBridge } from '../../../electron/shared/ipc-contract';
import { dispatchIpc } from '../../../electron/main/ipc-handlers';
import { createElectronHost, isEditingText } from '../../../src/host/electron-host';

const bytes = new Uint8Array([1, 2, 3]);

/** A bridge wired straight to a handler map through the same validation main uses. */
function bridgeTo(handlers: Partial<IpcHandlerMap>): PijlerplanBridge & {
  emit: (id: string) => void;
  emitOpenFile: (path: string) => void;
} {
  const listeners = new Set<(id: string) => void>();
  const fileListeners = new Set<(path: string) => void>();
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
    onOpenFile: (listener) => {
      fileListeners.add(listener);
      return () => fileListeners.delete(listener);
    },
    emit: (id) => listeners.forEach((listener) => listener(id)),
    emitOpenFile: (path) => fileListeners.forEach((listener) => listener(path)),
  };
}

describe('createElectronHost', () => {
  it('is an electron host', () => {
    expect(createElectronHost(bridgeTo({})).kind).toBe('electron');
  });

  it('passes workspaces handed over by main to the listener, until unsubscribed', () => {
    const bridge = bridgeTo({});
    const host = createElectronHost(bridge);
    const seen: string[] = [];
    const off = host.onOpenFile?.((path) => seen.push(path));
    bridge.emitOpenFile('C:\\plan.pijlerplan');
    off?.();
    bridge.emitOpenFile('C:\\later.pijlerplan');
    expect(seen).toEqual(['C:\\plan.pijlerplan']);
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

  it.each([
    ['edit.undo', 'undo'],
    ['edit.redo', 'redo'],
  ])('sends %s to the focused text field instead of the workspace', (id, action) => {
    const bridge = bridgeTo({});
    const textEdit = vi.fn();
    const host = createElectronHost(bridge, { isEditingText: () => true, textEdit });
    const listener = vi.fn();
    host.onCommand(listener);
    bridge.emit(id);
    bridge.emit('file.save');
    expect(textEdit.mock.calls).toEqual([[action]]);
    expect(listener.mock.calls).toEqual([['file.save']]);
  });

  it('passes undo to the workspace when no text field has focus', () => {
    const bridge = bridgeTo({});
    const textEdit = vi.fn();
    const host = createElectronHost(bridge, { isEditingText: () => false, textEdit });
    const listener = vi.fn();
    host.onCommand(listener);
    bridge.emit('edit.undo');
    expect(listener.mock.calls).toEqual([['edit.undo']]);
    expect(textEdit).not.toHaveBeenCalled();
  });
});

describe('isEditingText', () => {
  const docWith = (element: { tagName: string; type?: string } | null) =>
    ({
      activeElement: element && {
        tagName: element.tagName,
        getAttribute: (name: string) => (name === 'type' ? (element.type ?? null) : null),
      },
    }) as unknown as Document;

  it.each([
    [null, false],
    [{ tagName: 'BODY' }, false],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'INPUT' }, true],
    [{ tagName: 'INPUT', type: 'search' }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'BUTTON' }, false],
  ])('%j → %s', (element, expected) => {
    expect(isEditingText(docWith(element))).toBe(expected);
  });
});
