import { open, rename, rm } from 'node:fs/promises';

/**
 * A sink that streams an export to disk: chunks go to "<file>.part" as they come (awaiting
 * each write is the backpressure), and only a complete file is renamed into place, so a
 * cancelled or failed export never leaves a half-written workbook under the real name.
 */
export async function openFileSink(path: string): Promise<{
  write(chunk: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}> {
  const partial = `${path}.part`;
  const handle = await open(partial, 'w');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    async write(chunk) {
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    },
    async commit() {
      await handle.sync();
      await close();
      await rename(partial, path);
    },
    async abort() {
      await close();
      await rm(partial, { force: true });
    },
  };
}
