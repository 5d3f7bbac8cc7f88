import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { wasmTierFlag } from './wasm-tier';

/** Imported first by main.ts: the flag must be set before sql.js compiles (see ./wasm-tier). */
function fileSize(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

setFlagsFromString(wasmTierFlag(process.argv.slice(2), fileSize));
