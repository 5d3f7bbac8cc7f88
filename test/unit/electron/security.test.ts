import { describe, expect, it, vi } from 'vitest';
import {
  applyPermissionPolicy,
  EXTERNAL_HOSTS,
  hardenWebContents,
  isExternalLink,
  isPermissionAllowed,
  isTrustedUrl,
  MAIN_WINDOW_FRAME,
  trustedOrigins,
} from '../../../electron/main/security';

describe('MAIN_WINDOW_FRAME', () => {
  it('waits for ready-to-show instead of flashing an empty window', () => {
    expect(MAIN_WINDOW_FRAME.show).toBe(false);
  });

  it('carries no webPreferences: those are written in the constructor (app.ts)', () => {
    expect(MAIN_WINDOW_FRAME).not.toHaveProperty('webPreferences');
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
    ['https://statbel.fgov.be/nl/open-data', true],
    ['https://www.integratie-inburgering.be/', true],
    ['https://sqlite.org/datatype3.html', true],
    // https, but not a site the app links to: a link in imported data goes nowhere.
    ['https://example.com/', false],
    ['https://statbel.fgov.be.evil.example/', false],
    ['https://evil.example/?https://statbel.fgov.be', false],
    ['https://user:pw@statbel.fgov.be/', false],
    ['https://statbel.fgov.be:8443/', false],
    ['http://statbel.fgov.be/', false],
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

  it('lists only https hosts, no wildcards', () => {
    for (const host of EXTERNAL_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
  });

  it('denies every new window and opens allow-listed https links in the browser', () => {
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
    expect(
      fake.emit('will-navigate', 'https://statbel.fgov.be/nl').preventDefault,
    ).toHaveBeenCalled();
    // Only the allow-listed link reaches the browser.
    expect(openExternal.mock.calls).toEqual([['https://statbel.fgov.be/nl']]);
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

describe('permission policy', () => {
  const origins = ['app://pijlerplan'];

  it.each([
    ['clipboard-read', 'app://pijlerplan/index.html', true],
    ['clipboard-sanitized-write', 'app://pijlerplan/index.html', true],
    ['clipboard-read', 'app://pijlerplan', true],
    // Another origin (an injected frame, a page navigated elsewhere) gets nothing.
    ['clipboard-read', 'https://evil.example/', false],
    ['clipboard-read', 'app://elders/index.html', false],
    ['clipboard-read', undefined, false],
    // The app's own origin gets nothing else.
    ['media', 'app://pijlerplan/index.html', false],
    ['geolocation', 'app://pijlerplan/index.html', false],
    ['notifications', 'app://pijlerplan/index.html', false],
    ['openExternal', 'app://pijlerplan/index.html', false],
  ])('%s for %s → %s', (permission, url, expected) => {
    expect(isPermissionAllowed(permission, url, origins)).toBe(expected);
  });

  it('answers requests and checks through the session handlers, by requesting origin', () => {
    type Request = (
      wc: unknown,
      permission: string,
      cb: (ok: boolean) => void,
      details: { requestingUrl?: string },
    ) => void;
    type Check = (wc: unknown, permission: string, origin: string) => boolean;
    let request: Request | undefined;
    let check: Check | undefined;
    applyPermissionPolicy(
      {
        setPermissionRequestHandler: (handler: Request) => {
          request = handler;
        },
        setPermissionCheckHandler: (handler: Check) => {
          check = handler;
        },
      } as never,
      origins,
    );
    const answer = (permission: string, requestingUrl: string): boolean | undefined => {
      let granted: boolean | undefined;
      request?.({}, permission, (ok) => (granted = ok), { requestingUrl });
      return granted;
    };
    expect(answer('clipboard-read', 'app://pijlerplan/index.html')).toBe(true);
    expect(answer('clipboard-read', 'https://evil.example/')).toBe(false);
    expect(answer('media', 'app://pijlerplan/index.html')).toBe(false);
    expect(check?.({}, 'clipboard-read', 'app://pijlerplan')).toBe(true);
    expect(check?.({}, 'clipboard-read', 'https://evil.example')).toBe(false);
    expect(check?.({}, 'geolocation', 'app://pijlerplan')).toBe(false);
  });
});
