import {
  createSqlSandbox,
  type SandboxResponse,
  type SqlSandbox,
} from '../core/tables/sql-sandbox';

/** The SQL sandbox as a nested Web Worker of the core worker (see core/tables/sql-sandbox). */
export function createWebSqlSandbox(): SqlSandbox {
  return createSqlSandbox(() => {
    const worker = new Worker(new URL('./sql-sandbox-worker.ts', import.meta.url), {
      type: 'module',
    });
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      onMessage: (listener) =>
        worker.addEventListener('message', (event: MessageEvent<SandboxResponse>) =>
          listener(event.data),
        ),
      onFailure: (listener) =>
        worker.addEventListener('error', (event) => listener(event.message || 'worker-fout')),
      terminate: () => worker.terminate(),
    };
  });
}
