import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import { contentKey, exportWorkspaceDb, prepareConnection } from '../db/workspace-file';
import { err, ok, type Result } from '../result';
import { checkReadOnlySql, readRows, sqlFailed } from './read-only-sql';
import type { SqlQueryResult } from './types';

/**
 * An analyst's query runs on a copy of the workspace in a worker of its own (a Node worker
 * thread in the CLI, a nested Web Worker in the app). sql.js 1.16 exports neither
 * sqlite3_progress_handler nor sqlite3_interrupt, so the only way to stop a runaway recursive
 * CTE is to end the thread it runs in: the watchdog terminates the worker on the time limit or
 * on cancel, and the workspace itself — never touched by the query — stays usable.
 */

/** How long one page of an analyst's query may take by default. */
export const DEFAULT_SQL_TIMEOUT_MS = 30_000;

export type SandboxRequest = {
  id: number;
  /** contentKey() of the workspace the query is meant for. */
  key: string;
  /** The workspace bytes, sent only when the worker's copy is not `key`. */
  bytes?: Uint8Array;
  sql: string;
  offset: number;
  limit: number;
};

export type SandboxResponse =
  { id: number; result: Result<SqlQueryResult> } | { id: number; needBytes: true };

/** One worker, seen from the side that starts it. */
export type SandboxPort = {
  post(message: SandboxRequest, transfer: ArrayBuffer[]): void;
  onMessage(listener: (message: SandboxResponse) => void): void;
  /** The worker crashed or could not start (out of memory, a missing file). */
  onFailure(listener: (message: string) => void): void;
  terminate(): void;
};

export type SqlSandbox = {
  query(
    db: Database,
    request: { sql: string; offset: number; limit: number },
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<Result<SqlQueryResult>>;
  close(): void;
};

/** The worker's side: keeps one copy of the workspace and the last query's open cursor. */
export function createSandboxWorker(
  SQL: SqlJsStatic,
): (request: SandboxRequest) => SandboxResponse {
  let db: Database | null = null;
  let key: string | null = null;
  let cursor: {
    sql: string;
    position: number;
    statement: Statement;
    columns: string[];
    /** The row stepped to while finding out that more follow; the next page starts with it. */
    carried: SqlValue[] | null;
  } | null = null;
  const closeCursor = () => {
    cursor?.statement.free();
    cursor = null;
  };
  return (request) => {
    if (request.bytes) {
      closeCursor();
      db?.close();
      db = new SQL.Database(request.bytes);
      prepareConnection(db);
      key = request.key;
    }
    if (!db || key !== request.key) return { id: request.id, needBytes: true };
    try {
      // Paging on: the next page of the same query continues the open statement.
      if (!(cursor && cursor.sql === request.sql && cursor.position === request.offset)) {
        closeCursor();
        const checked = checkReadOnlySql(db, request.sql);
        if (!checked.ok) return { id: request.id, result: checked };
        const statement = db.prepare(request.sql);
        cursor = {
          sql: request.sql,
          position: 0,
          statement,
          columns: statement.getColumnNames(),
          carried: null,
        };
      }
      const open = cursor;
      const page = readRows(
        open.statement,
        request.offset - open.position,
        request.limit,
        Number.POSITIVE_INFINITY,
        open.carried,
      );
      open.carried = page.next;
      open.position = request.offset + page.rows.length;
      if (!page.truncated) closeCursor();
      return {
        id: request.id,
        result: ok({ columns: open.columns, rows: page.rows, truncated: page.truncated }),
      };
    } catch (error) {
      closeCursor();
      return { id: request.id, result: sqlFailed(error) };
    }
  };
}

/** The starting side: sends the workspace when it changed, and stops a query that runs away. */
export function createSqlSandbox(spawn: () => SandboxPort): SqlSandbox {
  let port: SandboxPort | null = null;
  let sentKey: string | null = null;
  let nextId = 1;
  let pending: { id: number; settle: (response: SandboxResponse | string) => void } | null = null;

  const start = (): SandboxPort => {
    const started = spawn();
    started.onMessage((message) => {
      if (pending?.id === message.id) pending.settle(message);
    });
    // A worker we terminated reports its exit later: only the current one's failure counts.
    started.onFailure((message) => {
      if (port !== started) return;
      stop();
      pending?.settle(message);
    });
    return started;
  };
  const stop = () => {
    port?.terminate();
    port = null;
    sentKey = null;
  };

  const send = (request: SandboxRequest): Promise<SandboxResponse | string> =>
    new Promise((resolve) => {
      port ??= start();
      pending = { id: request.id, settle: resolve };
      port.post(request, request.bytes ? [request.bytes.buffer as ArrayBuffer] : []);
    });

  return {
    async query(db, request, options) {
      const checked = checkReadOnlySql(db, request.sql); // fast answer for bad SQL, no copy
      if (!checked.ok) return checked;
      const id = nextId++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stopped = new Promise<Result<never>>((resolve) => {
        const halt = (result: Result<never>) => {
          stop();
          pending = null;
          resolve(result);
        };
        timer = setTimeout(
          () =>
            halt(
              err(
                'sql-timeout',
                `De query liep langer dan ${Math.round(options.timeoutMs / 1000)} s en is gestopt. De werkruimte is niet veranderd; beperk de query (WHERE, LIMIT) of geef meer tijd.`,
                { seconds: Math.round(options.timeoutMs / 1000) },
              ),
            ),
          options.timeoutMs,
        );
        options.signal?.addEventListener(
          'abort',
          () =>
            halt(err('sql-cancelled', 'De query is geannuleerd; de werkruimte is niet veranderd.')),
          { once: true },
        );
      });
      const ask = async (withBytes: boolean): Promise<Result<SqlQueryResult>> => {
        // export() reopens the connection, which changes the key: take it afterwards.
        const bytes = withBytes ? exportWorkspaceDb(db) : undefined;
        const key = contentKey(db);
        const response = await send({ id, key, ...request, ...(bytes ? { bytes } : {}) });
        if (typeof response === 'string') {
          return err('sql-failed', `De query kon niet uitgevoerd worden: ${response}`, {
            detail: response,
          });
        }
        if ('needBytes' in response) {
          return withBytes ? err('sql-failed', 'De query kon niet uitgevoerd worden.') : ask(true);
        }
        if (withBytes) sentKey = key;
        return response.result;
      };
      try {
        if (options.signal?.aborted) {
          return err('sql-cancelled', 'De query is geannuleerd; de werkruimte is niet veranderd.');
        }
        return await Promise.race([ask(sentKey !== contentKey(db)), stopped]);
      } finally {
        clearTimeout(timer);
        pending = null;
      }
    },
    close: stop,
  };
}
