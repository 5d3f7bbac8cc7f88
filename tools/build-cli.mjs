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

export async function buildCli() {
  // The query sandbox (src/node/sql-sandbox.ts) starts `./sql-sandbox-worker.js` beside the
  // bundle: a worker thread needs its own entry file.
  await build({
    entryPoints: [path.join(root, 'src', 'node', 'sql-sandbox-worker.ts')],
    outfile: path.join(path.dirname(CLI_BUNDLE), 'sql-sandbox-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`CLI gebouwd: ${path.relative(root, CLI_BUNDLE)}`);
}
