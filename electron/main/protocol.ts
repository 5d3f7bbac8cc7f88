import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

/** The renderer is served from app://pijlerplan/… — a standard, secure origin, not file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pijlerplan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged (before app ready): `standard` gives
 * the scheme real origins and relative URLs, `secure` makes it a secure context, and
 * `supportFetchAPI` lets sql.js fetch its .wasm. No `bypassCSP`, no `corsEnabled` needed.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // Without this exact type WebAssembly.instantiateStreaming refuses sql.js's engine.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function hasDotSegment(rawUrl: string): boolean {
  const afterScheme = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const rawPath = afterScheme.split(/[?#]/, 1)[0] ?? '';
  return rawPath.split(/[/\\]|%2f|%5c/i).some((segment) => {
    const folded = segment.replace(/%2e/gi, '.');
    return folded === '.' || folded === '..';
  });
}

type PathModule = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'join' | 'sep'>;

/**
 * Maps an app:// URL to a file inside `root`, or null when it must not be served: another
 * host, an undecodable path, a NUL byte or backslash (Windows separators smuggled past URL
 * parsing), a `..` segment (also when percent-encoded as %2e%2e or %2f), or anything that
 * resolves outside `root`. `/` serves index.html. `pathModule` lets tests check Windows rules.
 */
export function resolveAppPath(
  root: string,
  requestUrl: string,
  pathModule: PathModule = path,
): string | null {
  // The URL parser quietly folds "..", "%2e%2e" and "./" segments; a request that contains
  // them was crafted, not produced by the app, so refuse it instead of guessing what it meant.
  if (hasDotSegment(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  // A drive letter ("C:") as a segment would make join/resolve jump to another drive.
  if (segments.some((segment) => /^[a-zA-Z]:/.test(segment))) return null;
  const relative = segments.length === 0 ? 'index.html' : pathModule.join(...segments);
  const resolvedRoot = pathModule.resolve(root);
  const resolved = pathModule.resolve(resolvedRoot, relative);
  const fromRoot = pathModule.relative(resolvedRoot, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || pathModule.isAbsolute(fromRoot)) return null;
  return resolved;
}

/** Headers on every renderer response: the CSP, and no MIME sniffing. */
export function responseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export type ReadAppFile = (filePath: string) => Promise<Uint8Array>;

/**
 * The protocol.handle callback: serves files from the built renderer folder, 404 for anything
 * outside it or missing. Uses the standard Fetch Response, so it runs in Node tests as is.
 */
export function createAppProtocolHandler(
  root: string,
  readFile: ReadAppFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const filePath = resolveAppPath(root, request.url);
    if (filePath === null) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: responseHeaders(filePath),
    });
  };
}
