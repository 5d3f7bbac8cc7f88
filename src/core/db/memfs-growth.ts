/**
 * sql.js keeps the database as a file in Emscripten's in-memory file system (MEMFS). A file
 * there grows by reallocating its bytes: doubling up to 1 MB, then by only 12.5 % at a time, so
 * a workspace growing to 180 MB (a 1,000,000-row import) is copied some 45 times, ~1.6 GB of
 * fresh zeroed memory and copies. Measured, 1,000,000 ten-column rows inserted in one
 * transaction: 2.5–2.9 s CPU stock (a third of it the kernel handing out new pages), 1.8 s when
 * the file doubles; peak memory did not grow (~470 MB both).
 *
 * The growth policy is a constant in sql.js's generated JavaScript, so each host patches that
 * one expression when it loads sql.js: the Vite builds in a transform (vite.web.config.ts), Node
 * hosts when they compile the module (src/node/sql-engine.ts). A sql.js whose code no longer
 * holds the expression fails loudly (and test/unit/core/memfs-growth.test.ts with it) instead
 * of silently losing the gain.
 */
const GROWTH = /(\w+)\*\(\1<1048576\?2:1\.125\)>>>0/;

/** sql.js's own JavaScript with MEMFS files doubling as they grow. */
export function patchMemfsGrowth(code: string, file: string): string {
  if (!GROWTH.test(code))
    throw new Error(
      `sql.js (${file}): the MEMFS growth expression was not found; check src/core/db/memfs-growth.ts against this sql.js version.`,
    );
  return code.replace(GROWTH, '$1*2>>>0');
}

/** The sql.js files the Vite builds load (package "browser" and "main" entries). */
export const SQL_JS_FILE = /[\\/]sql\.js[\\/]dist[\\/]sql-wasm(-browser)?\.js$/;
