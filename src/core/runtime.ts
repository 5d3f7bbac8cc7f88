import { loadEngine } from './db/engine';
import { createWorkspaceDb } from './db/workspace-file';
import type { HandlerContext, Progress } from './handlers/context';
import { callHandler, type HandlerArgs, type HandlerName, type HandlerValue } from './handlers';
import type { ResourceLoader } from './resources';
import { createSession, type Session } from './session';
import type { Compression } from './export/xlsx/compression';
import type { SqlSandbox } from './tables/sql-sandbox';

/**
 * One host's core: the session plus the jobs in flight. The worker exposes it over Comlink; the
 * CLI and tests use it directly. Calls are serialised (one at a time, like Actual's mutator):
 * sql.js is single-threaded and a write must never interleave with another.
 */
export type CoreRuntime = {
  call<K extends HandlerName>(
    name: K,
    args: HandlerArgs<K>,
    onProgress?: (progress: Progress) => void,
    jobId?: string,
    /** Where an export streams its file (HandlerContext.output). */
    output?: HandlerContext['output'],
  ): Promise<HandlerValue<K>>;
  /** Cancels the job started with this id; its handler stops at its next check. */
  cancel(jobId: string): void;
};

export function createCoreRuntime(options: {
  resources: ResourceLoader;
  locateWasm?: () => string;
  /** Where analysts' queries run with a time limit (tables.userSql); see tables/sql-sandbox. */
  sqlSandbox?: SqlSandbox;
  /** Native deflate for the .xlsx writer; fflate when absent. */
  compression?: Compression;
  /** How this host loads sql.js (src/node/sql-engine.ts for Node); the package's own when absent. */
  sqlJs?: Parameters<typeof loadEngine>[1];
}): CoreRuntime & {
  session(): Promise<Session>;
} {
  const sessionReady: Promise<Session> = loadEngine(options.locateWasm, options.sqlJs).then(
    (SQL) => {
      const session = createSession(SQL, createWorkspaceDb(SQL), options.resources);
      if (options.sqlSandbox) session.sqlSandbox = options.sqlSandbox;
      if (options.compression) session.compression = options.compression;
      return session;
    },
  );
  const jobs = new Map<string, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();

  return {
    session: () => sessionReady,
    call<K extends HandlerName>(
      name: K,
      args: HandlerArgs<K>,
      onProgress?: (progress: Progress) => void,
      jobId?: string,
      output?: HandlerContext['output'],
    ): Promise<HandlerValue<K>> {
      const controller = new AbortController();
      if (jobId) jobs.set(jobId, controller);
      const run = async (): Promise<HandlerValue<K>> => {
        const session = await sessionReady;
        try {
          return await callHandler(name, args, {
            session,
            progress: (progress) => onProgress?.(progress),
            signal: controller.signal,
            output,
          });
        } finally {
          if (jobId) jobs.delete(jobId);
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    cancel(jobId) {
      jobs.get(jobId)?.abort();
    },
  };
}
