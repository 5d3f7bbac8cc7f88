/**
 * The renderer's Content-Security-Policy — one copy for the app:// response header (Electron)
 * and, if the web build wants it, the <meta> tag. 'wasm-unsafe-eval' lets sql.js compile its
 * WebAssembly (and nothing else: no 'unsafe-eval'); the core worker may start from a blob:
 * URL; styles need 'unsafe-inline' because Mantine injects CSS variables at run time. No
 * network origins: everything is bundled.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

/** For the HTTP header: `frame-ancestors` only works there. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** For a <meta http-equiv> tag, where browsers ignore (and warn about) frame-ancestors. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');
