import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, isIpcChannel } from '../../../electron/shared/ipc-channels';
import {
  IPC_PAYLOADS,
  IpcPayloadError,
  parseIpcPayload,
  type IpcHandlerMap,
} from '../../../electron/shared/ipc-contract';
import {
  createIpcHandlers,
  dispatchIpc,
  registerIpcHandlers,
} from '../../../electron/main/ipc-handlers';
import { createCloseGuard } from '../../../electron/main/close-guard';
import type { WorkspaceFiles } from '../../../electron/main/workspace-files';

const bytes = new Uint8Array([83, 81, 76]);

describe('the IPC contract', () => {
  it('has a payload schema for every channel and no more', () => {
    expect(Object.keys(IPC_PAYLOADS).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it.each([
    ['workspace:open', {}],
    ['workspace:openRecent', { path: '/w/plan.pijlerplan' }],
    ['workspace:save', { bytes, path: null, suggestedName: 'plan.pijlerplan' }],
    ['workspace:save', { bytes, path: '/w/plan.pijlerplan', suggestedName: 'plan.pijlerplan' }],
    ['export:save', { bytes, suggestedName: 'planning 2026.xlsx' }],
    ['window:setTitle', { title: 'Voorbeeldwerkruimte', dirty: true }],
  ] as const)('accepts a valid %s payload', (channel, payload) => {
    expect(parseIpcPayload(channel, payload)).toEqual(payload);
  });

  it.each([
    ['workspace:open', { extra: 1 }, '(payload)'],
    ['workspace:open', undefined, '(payload)'],
    ['workspace:openRecent', { path: '' }, 'path'],
    ['workspace:openRecent', { path: 42 }, 'path'],
    ['workspace:save', { bytes: [1, 2, 3], path: null, suggestedName: 'a' }, 'bytes'],
    ['workspace:save', { bytes, path: null, suggestedName: '../../.bashrc' }, 'suggestedName'],
    ['export:save', { bytes, suggestedName: 'C:\\Windows\\x.xlsx' }, 'suggestedName'],
    ['window:setTitle', { title: 'x', dirty: 'ja' }, 'dirty'],
    ['window:setTitle', { title: 'x'.repeat(501), dirty: false }, 'title'],
  ] as const)('rejects a bad %s payload, naming the field', (channel, payload, field) => {
    let error: unknown;
    try {
      parseIpcPayload(channel, payload);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IpcPayloadError);
    expect((error as Error).message).toContain(`'${channel}'`);
    expect((error as Error).message).toContain(field);
  });

  it('recognises only its own channel names', () => {
    expect(isIpcChannel('workspace:save')).toBe(true);
    expect(isIpcChannel('fs:readFile')).toBe(false);
    expect(isIpcChannel(42)).toBe(false);
  });
});

function fakeFiles(overrides: Partial<WorkspaceFiles> = {}): WorkspaceFiles {
  return {
    openWorkspace: vi.fn(async () => ({ ok: true as const, value: null })),
    openRecent: vi.fn(async (path: string) => ({
      ok: true as const,
      value: { name: 'plan.pijlerplan', path, bytes },
    })),
    openStartup: vi.fn(async () => ({ ok: true as const, value: null })),
    readCurrent: vi.fn(async (path: string) => ({
      ok: true as const,
      value: { name: 'plan.pijlerplan', path, bytes },
    })),
    takeOverLock: vi.fn(async (path: string) => ({
      ok: true as const,
      value: { name: 'plan.pijlerplan', path, bytes },
    })),
    releaseLock: vi.fn(async () => {}),
    releaseLockNow: vi.fn(),
    refreshLock: vi.fn(async () => true),
    openSpreadsheet: vi.fn(async () => ({ ok: true as const, value: null })),
    saveWorkspace: vi.fn(async (_b: Uint8Array, path: string | null) => ({
      ok: true as const,
      value: { name: 'plan.pijlerplan', path: path ?? '/w/plan.pijlerplan' },
    })),
    saveExport: vi.fn(async () => ({ ok: true as const, value: '/w/export.xlsx' })),
    recentFiles: vi.fn(async () => []),
    ...overrides,
  };
}

describe('dispatchIpc', () => {
  it('passes a valid payload to the channel’s handler', async () => {
    const files = fakeFiles();
    const handlers = createIpcHandlers({
      files,
      closeGuard: createCloseGuard(),
      setTitle: vi.fn(),
      printToPdf: vi.fn(async () => bytes),
      closeWindow: vi.fn(),
    });
    const result = await dispatchIpc(handlers, 'workspace:openRecent', { path: '/w/a.pijlerplan' });
    expect(result).toEqual({
      ok: true,
      value: { name: 'plan.pijlerplan', path: '/w/a.pijlerplan', bytes },
    });
  });

  it('rejects a bad payload before the handler runs', async () => {
    const files = fakeFiles();
    const handlers = createIpcHandlers({
      files,
      closeGuard: createCloseGuard(),
      setTitle: vi.fn(),
      printToPdf: vi.fn(async () => bytes),
      closeWindow: vi.fn(),
    });
    await expect(
      dispatchIpc(handlers, 'workspace:save', { bytes: 'SQLite', path: null, suggestedName: 'a' }),
    ).rejects.toThrow(/Ongeldige gegevens voor IPC-kanaal 'workspace:save': bytes/);
    expect(files.saveWorkspace).not.toHaveBeenCalled();
  });

  it('forwards title and dirty flag', async () => {
    const setTitle = vi.fn();
    const handlers = createIpcHandlers({
      files: fakeFiles(),
      closeGuard: createCloseGuard(),
      setTitle,
      printToPdf: vi.fn(async () => bytes),
      closeWindow: vi.fn(),
    });
    await dispatchIpc(handlers, 'window:setTitle', { title: 'plan', dirty: true });
    expect(setTitle).toHaveBeenCalledWith('plan', true);
  });
});

describe('save before close', () => {
  const setup = (saveResult: 'saved' | 'cancelled') => {
    vi.useFakeTimers();
    const closeGuard = createCloseGuard();
    const closeWindow = vi.fn();
    const files = fakeFiles({
      saveWorkspace: vi.fn(async () =>
        saveResult === 'saved'
          ? { ok: true as const, value: { name: 'a.pijlerplan', path: '/w/a.pijlerplan' } }
          : { ok: true as const, value: null },
      ),
    });
    const handlers = createIpcHandlers({
      files,
      closeGuard,
      setTitle: vi.fn(),
      printToPdf: vi.fn(async () => bytes),
      closeWindow,
    });
    closeGuard.setDirty(true);
    closeGuard.onCloseRequested();
    closeGuard.onPromptAnswered('save');
    return { handlers, closeWindow };
  };

  it('closes the window after the save the prompt asked for succeeds', async () => {
    const { handlers, closeWindow } = setup('saved');
    await dispatchIpc(handlers, 'workspace:save', { bytes, path: null, suggestedName: 'a' });
    vi.runAllTimers();
    expect(closeWindow).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });

  it('keeps the window when that save is cancelled', async () => {
    const { handlers, closeWindow } = setup('cancelled');
    await dispatchIpc(handlers, 'workspace:save', { bytes, path: null, suggestedName: 'a' });
    vi.runAllTimers();
    expect(closeWindow).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});

describe('registerIpcHandlers', () => {
  type Registered = (event: { senderFrame: { url: string } | null }, payload: unknown) => unknown;

  const register = () => {
    const registered = new Map<string, Registered>();
    const handlers = createIpcHandlers({
      files: fakeFiles(),
      closeGuard: createCloseGuard(),
      setTitle: vi.fn(),
      printToPdf: vi.fn(async () => bytes),
      closeWindow: vi.fn(),
    }) satisfies IpcHandlerMap;
    registerIpcHandlers(
      {
        handle: (channel: string, listener: Registered) => {
          registered.set(channel, listener);
        },
      } as never,
      handlers,
      (url) => url.startsWith('app://pijlerplan/'),
    );
    return registered;
  };

  it('registers every channel of the contract', () => {
    expect([...register().keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('answers the app’s own frame', async () => {
    const listener = register().get('recent:list');
    await expect(
      listener?.({ senderFrame: { url: 'app://pijlerplan/index.html' } }, {}),
    ).resolves.toEqual([]);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/' }],
    ['a destroyed frame', null],
  ])('refuses %s', (_label, senderFrame) => {
    const listener = register().get('recent:list');
    expect(() => listener?.({ senderFrame }, {})).toThrow(/geweigerd/);
  });
});
