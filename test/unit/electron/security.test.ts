import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  hardenWebContents,
  isExternalLink,
  isTrustedUrl,
  mainWindowOptions,
  trustedOrigins,
} from '../../../electron/main/security';

describe('mainWindowOptions', () => {
  it('turns on every isolation switch and points at the preload', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('waits for ready-to-show instead of flashing an empty window', () => {
    expect(mainWindowOptions('/p').show).toBe(false);
  });
});

describe('trusted origins', () => {
  const origins = trustedOrigins('http://localhost:5173/');
  it.each([
    ['app://pijlerplan/index.html', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['http://localhost:5174/', false],
    ['app://elders/index.html', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['', false],
  ])('%s trusted: %s', (url, trusted) => {
    expect(isTrustedUrl(url, origins)).toBe(trusted);
  });

  it('trusts only app:// without a dev server', () => {
    expect(trustedOrigins(undefined)).toEqual(['app://pijlerplan']);
  });
});

describe('isExternalLink', () => {
  it.each([
    ['https://statbel.fgov.be/nl', true],
    ['http://example.com', false],
    ['file:///C:/x', false],
    ['javascript:alert(1)', false],
    ['mailto:x@y.be', false],
  ])('%s → %s', (url, expected) => {
    expect(isExternalLink(url)).toBe(expected);
  });
});

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    contents: {
      on: (name: string, listener: Listener) => {
        listeners.set(name, listener);
      },
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    },
    emit(name: string, url?: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, url);
      return event;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('hardenWebContents', () => {
  const setup = () => {
    const fake = fakeContents();
    const openExternal = vi.fn(async () => {});
    hardenWebContents(fake.contents as never, {
      origins: ['app://pijlerplan'],
      openExternal,
    });
    return { fake, openExternal };
  };

  it('denies every new window and opens https links in the browser', () => {
    const { fake, openExternal } = setup();
    expect(fake.open('https://statbel.fgov.be')).toEqual({ action: 'deny' });
    expect(fake.open('http://evil.example')).toEqual({ action: 'deny' });
    expect(fake.open('app://pijlerplan/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://statbel.fgov.be']]);
  });

  it('blocks navigation away from the app', () => {
    const { fake, openExternal } = setup();
    expect(fake.emit('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(fake.emit('will-navigate', 'https://x.example').preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://x.example');
    expect(
      fake.emit('will-navigate', 'app://pijlerplan/index.html').preventDefault,
    ).not.toHaveBeenCalled();
    expect(fake.emit('will-redirect', 'https://x.example').preventDefault).toHaveBeenCalled();
  });

  it('refuses <webview> tags', () => {
    const { fake } = setup();
    expect(fake.emit('will-attach-webview').preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof request) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler: typeof check) => {
        check = handler;
      },
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
  });
});
