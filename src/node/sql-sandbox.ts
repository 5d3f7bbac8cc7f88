import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  createSqlSandbox,
  type SandboxResponse,
  type SqlSandbox,
} from '../core/tables/sql-sandbox';

/**
 * Starts the worker thread. From source (the CLI runs through tsx, tests through vitest) the
 * worker is TypeScript: Node 20 does not apply `--import tsx` to a worker's first module, so a
 * two-line bootstrap registers tsx's loader and then imports it. A compiled build runs the .js.
 */
function startWorker(): Worker {
  const entry = new URL(
    import.meta.url.endsWith('.ts') ? './sql-sandbox-worker.ts' : './sql-sandbox-worker.js',
    import.meta.url,
  );
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/index\.cjs$/, 'index.mjs');
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => {
    tsx.register();
    return import(${JSON.stringify(entry.href)});
  });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * The SQL sandbox on a Node worker thread; it is unref'd so a finished CLI run exits without closing it first, while the
 * watchdog's timer keeps the process alive as long as a query is pending.
 */
export function createNodeSqlSandbox(): SqlSandbox {
  return createSqlSandbox(() => {
    const worker = startWorker();
    worker.unref();
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      onMessage: (listener) =>
        worker.on('message', (message: SandboxResponse) => listener(message)),
      onFailure: (listener) => {
        worker.on('error', (error) => listener(error.message));
        worker.on('exit', (code) => {
          if (code !== 0) listener(`de query-thread stopte (code ${code})`);
        });
      },
      terminate: () => void worker.terminate(),
    };
  });
}
