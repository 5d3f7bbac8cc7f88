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
  async call(name, args, onProgress, jobId, output) {
    // The host's export file lives in the renderer: each chunk (the core sends ~1 MB at a time)
    // is handed over, not copied, and awaited — the renderer's write is the backpressure.
    const sink = output && {
      write: (chunk: Uint8Array) =>
        output.write(
          chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength
            ? Comlink.transfer(chunk, [chunk.buffer])
            : chunk.slice(),
        ),
    };
    const value: unknown = await runtime.call(name, args, onProgress, jobId, sink);
    // Byte results (a saved workspace: 100 MB for a million rows, an exported workbook) are
    // freshly made for the caller: hand the buffer over instead of copying it.
    return (value instanceof Uint8Array ? Comlink.transfer(value, [value.buffer]) : value) as never;
  },
  cancel: (jobId) => runtime.cancel(jobId),
};

Comlink.expose(exposed);
