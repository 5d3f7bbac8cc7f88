import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppPath,
} from '../../../electron/main/protocol';

const ROOT = '/app/out/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['app://pijlerplan/', `${ROOT}/index.html`],
    ['app://pijlerplan/index.html', `${ROOT}/index.html`],
    ['app://pijlerplan/assets/index-abc.js', `${ROOT}/assets/index-abc.js`],
    ['app://pijlerplan/assets/sql-wasm.wasm?v=1#x', `${ROOT}/assets/sql-wasm.wasm`],
    ['app://pijlerplan/assets/gemeenten%20lijst.csv', `${ROOT}/assets/gemeenten lijst.csv`],
  ])('serves %s from %s', (url, expected) => {
    expect(resolveAppPath(ROOT, url)).toBe(path.resolve(expected));
  });

  it.each([
    ['plain dot-dot', 'app://pijlerplan/assets/../../etc/passwd'],
    ['dot segment', 'app://pijlerplan/./index.html'],
    ['encoded dot-dot', 'app://pijlerplan/assets/%2e%2e/%2e%2e/etc/passwd'],
    ['encoded dot-dot, upper case', 'app://pijlerplan/%2E%2E/secret'],
    ['encoded slash and dot-dot', 'app://pijlerplan/assets%2f..%2f..%2fsecret'],
    ['backslash', 'app://pijlerplan/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://pijlerplan/assets\\..\\..\\secret'],
    ['NUL byte', 'app://pijlerplan/index.html%00.png'],
    ['bad percent-encoding', 'app://pijlerplan/%E0%A4%A'],
    ['drive letter', 'app://pijlerplan/C:/Windows/win.ini'],
    ['another host', 'app://elders/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['not a URL', 'geen url'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  it('applies the same rules to a Windows root', () => {
    const root = 'C:\\Program Files\\Pijlerplan\\resources\\out\\renderer';
    expect(resolveAppPath(root, 'app://pijlerplan/assets/a.js', path.win32)).toBe(
      `${root}\\assets\\a.js`,
    );
    expect(resolveAppPath(root, 'app://pijlerplan/..%5csecret', path.win32)).toBeNull();
    expect(resolveAppPath(root, 'app://pijlerplan/%2e%2e/secret', path.win32)).toBeNull();
    expect(resolveAppPath(root, 'app://pijlerplan/D:%2fsecret', path.win32)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['index-abc.js', 'text/javascript; charset=utf-8'],
    ['style.CSS', 'text/css; charset=utf-8'],
    ['sql-wasm.wasm', 'application/wasm'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['gemeenten.csv', 'text/csv; charset=utf-8'],
    ['onbekend.xyz', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map<string, string>([
    [path.resolve(ROOT, 'index.html'), '<!doctype html>'],
    [path.resolve(ROOT, 'assets/sql-wasm.wasm'), '\0asm'],
  ]);
  const handler = createAppProtocolHandler(ROOT, async (file) => {
    const content = files.get(file);
    if (content === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return new TextEncoder().encode(content);
  });

  it('serves a file with its MIME type and a strict CSP', async () => {
    const response = await handler(new Request('app://pijlerplan/assets/sql-wasm.wasm'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('\0asm');
  });

  it('serves index.html for the root', async () => {
    const response = await handler(new Request('app://pijlerplan/'));
    expect(await response.text()).toBe('<!doctype html>');
  });

  it.each([
    ['a missing file', 'app://pijlerplan/ontbreekt.js'],
    ['a traversal attempt', 'app://pijlerplan/%2e%2e/%2e%2e/etc/passwd'],
  ])('answers 404 for %s', async (_label, url) => {
    expect((await handler(new Request(url))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://pijlerplan/index.html', { method: 'POST' }));
    expect(response.status).toBe(405);
  });
});
