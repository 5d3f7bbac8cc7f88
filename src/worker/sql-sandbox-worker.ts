/// <reference lib="webworker" />
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { loadEngine } from '../core/db/engine';
import { createSandboxWorker, type SandboxRequest } from '../core/tables/sql-sandbox';

/** The nested worker an analyst's query runs in; the core worker ends it on timeout or cancel. */
const handle = createSandboxWorker(await loadEngine(() => wasmUrl));
self.onmessage = (event: MessageEvent<SandboxRequest>) => self.postMessage(handle(event.data));
