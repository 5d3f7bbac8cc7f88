import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

/**
 * sql.js is loaded once per host. Node finds the wasm file beside the package; a browser or
 * worker host passes `locateFile` with the URL its bundler gave the wasm asset. A Node host may
 * pass its own `init` (src/node/sql-engine.ts: sql.js with MEMFS growth patched; the Vite
 * builds patch the imported module itself).
 */
let engine: Promise<SqlJsStatic> | undefined;

export function loadEngine(
  locateWasm?: () => string,
  init: typeof initSqlJs = initSqlJs,
): Promise<SqlJsStatic> {
  engine ??= init(locateWasm ? { locateFile: locateWasm } : undefined);
  return engine;
}
