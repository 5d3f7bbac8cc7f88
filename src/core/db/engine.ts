import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

/**
 * sql.js is loaded once per host. Node finds the wasm file beside the package; a browser or
 * worker host passes `locateFile` with the URL its bundler gave the wasm asset.
 */
let engine: Promise<SqlJsStatic> | undefined;

export function loadEngine(locateWasm?: () => string): Promise<SqlJsStatic> {
  engine ??= initSqlJs(locateWasm ? { locateFile: locateWasm } : undefined);
  return engine;
}
