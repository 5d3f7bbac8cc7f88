import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { runInThisContext } from 'node:vm';
import type initSqlJs from 'sql.js';
import { patchMemfsGrowth } from '../core/db/memfs-growth';

type InitSqlJs = typeof initSqlJs;

/**
 * sql.js for a Node host, compiled from its own file with MEMFS growth patched (see
 * core/db/memfs-growth): the CommonJS module wrapper by hand, so `require`, `__dirname` (where
 * sql.js finds its .wasm) and `module.exports` are sql.js's own.
 */
export function patchedSqlJs(): InitSqlJs {
  const file = createRequire(import.meta.url).resolve('sql.js');
  const code = patchMemfsGrowth(readFileSync(file, 'utf8'), file);
  const wrapper = runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
    { filename: file },
  ) as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const mod: { exports: unknown } = { exports: {} };
  wrapper(mod.exports as object, createRequire(file), mod, file, dirname(file));
  const init = mod.exports as InitSqlJs | { default: InitSqlJs };
  return typeof init === 'function' ? init : init.default;
}
