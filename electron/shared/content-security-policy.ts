/**
 * The renderer's Content-Security-Policy, sent by the app:// protocol as a response header.
 * 'wasm-unsafe-eval' lets sql.js compile its WebAssembly (and nothing else: no 'unsafe-eval');
 * the core worker may start from a blob: URL; styles need 'unsafe-inline' because Mantine
 * injects CSS variables at run time. No network origins: everything is bundled.
 */
export const CONTENT_SECURITY_POLICY = [
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
  "frame-ancestors 'none'",
].join('; ');
