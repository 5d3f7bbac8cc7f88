import type { Session } from '../session';

/** What a long job reports while it runs; the UI shows it as a progress bar. */
export type Progress = { phase: string; done: number; total?: number };

/** Everything a handler may use: the open workspace, a progress sink and a cancel signal. */
export type HandlerContext = {
  session: Session;
  progress: (progress: Progress) => void;
  /** Aborted when the user cancels; long loops check it and yield now and then. */
  signal: AbortSignal;
  /**
   * Where a file-producing job (an export) streams its bytes when the caller opened a file for
   * it (the app: the host's export file, through the worker); absent, the job returns them.
   */
  output?: { write(chunk: Uint8Array): void | Promise<void> };
};

/**
 * A named core operation. The UI, the CLI and the tests all call the core through these, so
 * every host sees the same list (Actual Budget's handler maps, one per domain module).
 */
export type Handler<Args, Value> = (args: Args, context: HandlerContext) => Promise<Value> | Value;

/** Helper that keeps a map's precise types while checking its shape. */
export function defineHandlers<const Map extends Record<string, Handler<never, unknown>>>(
  map: Map,
): Map {
  return map;
}
