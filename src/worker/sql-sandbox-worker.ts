/// <reference lib="webworker" />
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { loadEngine } from '../core/db/engine';
import { createSandboxWorker, type SandboxRequest } from '../core/tables/sql-sandbox';

/**
 * The nested worker an analyst's query runs in; the core worker ends it on timeout or cancel.
 * The listener is installed at once and waits for the engine itself: a module worker that
 * awaited the engine first (top-level await) lost the query posted to it meanwhile, so every
 * query in the browser build ran into the time limit.
 */
const handler = loadEngine(() => wasmUrl).then(createSandboxWorker);
self.onmessage = async (event: MessageEvent<SandboxRequest>) => {
  const handle = await handler;
  self.postMessage(handle(event.data));
};
