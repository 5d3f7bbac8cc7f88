import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { HostResult } from '../../src/host/host';
import { openFileSink } from '../../src/node/file-sink';
import { askExportPath, fileErrorMessage, type FileDialogs } from './workspace-files';

type Sink = Awaited<ReturnType<typeof openFileSink>>;

export type ExportStreams = {
  /** Asks where the export goes and opens "<file>.part" for it; null when cancelled. */
  begin(suggestedName: string): Promise<HostResult<{ id: string; name: string } | null>>;
  /** Appends a chunk (in order: the renderer awaits each write — that is the backpressure). */
  write(id: string, bytes: Uint8Array): Promise<HostResult<null>>;
  /** fsyncs and renames the finished file into place; its path. */
  commit(id: string): Promise<HostResult<string>>;
  /** Removes the partial file (cancelled or failed export). */
  abort(id: string): Promise<void>;
  /** Removes every unfinished export (the window closes). */
  abortAll(): Promise<void>;
};

const unknownExport = {
  ok: false as const,
  message: 'Deze export is al afgesloten of bestaat niet.',
};

/**
 * Large exports streamed from the renderer (which gets them chunk by chunk from the core
 * worker) to disk: only the chunk in transit is in memory, and only a complete file takes the
 * chosen name — a cancelled, failed or interrupted export leaves nothing under it.
 */
export function createExportStreams(deps: {
  dialogs: FileDialogs;
  defaultDir: string;
  openSink?: (file: string) => Promise<Sink>;
}): ExportStreams {
  const open = new Map<string, { sink: Sink; target: string }>();
  const openSink = deps.openSink ?? openFileSink;
  const abort = async (id: string) => {
    const entry = open.get(id);
    open.delete(id);
    await entry?.sink.abort().catch(() => undefined);
  };
  return {
    async begin(suggestedName) {
      const target = await askExportPath(deps.dialogs, deps.defaultDir, suggestedName);
      if (target === null) return { ok: true, value: null };
      try {
        const sink = await openSink(target);
        const id = randomUUID();
        open.set(id, { sink, target });
        return { ok: true, value: { id, name: path.basename(target) } };
      } catch (error) {
        return { ok: false, message: fileErrorMessage(error, target, 'write') };
      }
    },
    async write(id, bytes) {
      const entry = open.get(id);
      if (!entry) return unknownExport;
      try {
        await entry.sink.write(bytes);
        return { ok: true, value: null };
      } catch (error) {
        await abort(id);
        return { ok: false, message: fileErrorMessage(error, entry.target, 'write') };
      }
    },
    async commit(id) {
      const entry = open.get(id);
      if (!entry) return unknownExport;
      open.delete(id);
      try {
        await entry.sink.commit();
        return { ok: true, value: entry.target };
      } catch (error) {
        await entry.sink.abort().catch(() => undefined);
        return { ok: false, message: fileErrorMessage(error, entry.target, 'write') };
      }
    },
    abort,
    async abortAll() {
      await Promise.all([...open.keys()].map(abort));
    },
  };
}
