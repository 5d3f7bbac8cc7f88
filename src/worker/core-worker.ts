/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { streamCompression } from '../core/export/xlsx/compression';
import { createCoreRuntime, type CoreRuntime } from '../core/runtime';
import { bundledResources } from './bundled-resources';
import { createWebSqlSandbox } from './sql-sandbox';

/**
 * The core runs here, off the UI thread, so a 100,000-row import or a big query never freezes
 * the window. The renderer talks to it through the typed client in ./core-client.
 */
const runtime = createCoreRuntime({
  resources: bundledResources,
  locateWasm: () => wasmUrl,
  sqlSandbox: createWebSqlSandbox(),
  // Chromium's native deflate; fflate where CompressionStream is missing.
  compression: streamCompression() ?? undefined,
});

const exposed: CoreRuntime = {
  async call(name, args, onProgress, jobId) {
    const value: unknown = await runtime.call(name, args, onProgress, jobId);
    // Byte results (a saved workspace: 100 MB for a million rows, an exported workbook) are
    // freshly made for the caller: hand the buffer over instead of copying it.
    return (value instanceof Uint8Array ? Comlink.transfer(value, [value.buffer]) : value) as never;
  },
  cancel: (jobId) => runtime.cancel(jobId),
};

Comlink.expose(exposed);
