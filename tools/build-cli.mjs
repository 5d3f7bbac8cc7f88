// @ts-check
import { statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The CLI as one bundled JS file run with `node`: no tsx start-up and no TypeScript compiled at
 * every call (that was 1.2 s of each import). Packages stay external (node_modules beside it).
 * The bundle sits two folders below the root so `src/node/disk-resources.ts`'s
 * `../../../resources` still finds the repository's resources.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(root, 'dist-cli', 'cli', 'pijlerplan.mjs');
const SOURCES = path.join(root, 'src');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/** True when the bundle is missing or older than a source file. */
export function cliIsStale() {
  try {
    return statSync(CLI_BUNDLE).mtimeMs < newest(SOURCES);
  } catch {
    return true;
  }
}

/** What both bundles share. */
const common = {
  bundle: true,
  platform: /** @type {const} */ ('node'),
  format: /** @type {const} */ ('esm'),
  target: 'node20',
  // Small CommonJS packages go into the bundle: Node's ESM loader scans an external one's
  // whole source for its export names at every start (~40 ms CPU with sql.js, fflate and
  // d3-flextree). The big ones, loaded only by the exports that need them, stay outside.
  external: ['exceljs', 'pdf-lib'],
  alias: { 'sql.js': path.join(root, 'src', 'node', 'sql-js-alias.ts') },
  logLevel: /** @type {const} */ ('warning'),
};

export async function buildCli() {
  // The query sandbox (src/node/sql-sandbox.ts) starts `./sql-sandbox-worker.js` beside the
  // bundle: a worker thread needs its own entry file.
  await build({
    ...common,
    entryPoints: [path.join(root, 'src', 'node', 'sql-sandbox-worker.ts')],
    outfile: path.join(path.dirname(CLI_BUNDLE), 'sql-sandbox-worker.js'),
  });
  await build({
    ...common,
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outfile: CLI_BUNDLE,
    sourcemap: 'linked',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`CLI gebouwd: ${path.relative(root, CLI_BUNDLE)}`);
}
