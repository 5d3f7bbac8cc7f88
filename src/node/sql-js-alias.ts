import type initSqlJs from 'sql.js';
import { patchedSqlJs } from './sql-engine';

/**
 * What `import initSqlJs from 'sql.js'` means in the bundled CLI (tools/build-cli.mjs aliases the
 * package to this file). Node's ESM loader imports a CommonJS package only after scanning its
 * source for export names; with sql.js, fflate and d3-flextree that scan cost ~40 ms of every CLI
 * call, and sql.js was then loaded a second time, patched, by src/node/sql-engine.ts. The CLI
 * core already passes the patched sql.js; this default is the same one.
 */
const init = Object.assign((config?: Parameters<typeof initSqlJs>[0]) => patchedSqlJs()(config), {
  get default() {
    return init;
  },
}) as typeof initSqlJs;
// eslint-disable-next-line no-restricted-syntax -- it stands in for sql.js, whose export is a default
export default init;
