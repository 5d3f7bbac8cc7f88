import { parentPort } from 'node:worker_threads';
import { loadEngine } from '../core/db/engine';
import { createSandboxWorker, type SandboxRequest } from '../core/tables/sql-sandbox';

/** The Node worker thread an analyst's query runs in (see core/tables/sql-sandbox). */
const handle = createSandboxWorker(await loadEngine());
parentPort?.on('message', (request: SandboxRequest) => parentPort?.postMessage(handle(request)));
