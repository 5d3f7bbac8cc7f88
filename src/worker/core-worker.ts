/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { createCoreRuntime } from '../core/runtime';
import { bundledResources } from './bundled-resources';

/**
 * The core runs here, off the UI thread, so a 100,000-row import or a big query never freezes
 * the window. The renderer talks to it through the typed client in ./core-client.
 */
const runtime = createCoreRuntime({ resources: bundledResources, locateWasm: () => wasmUrl });

Comlink.expose(runtime);
