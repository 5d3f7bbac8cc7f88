/**
 * How a zip entry's bytes are deflated. The core's own compressor is fflate (pure JS, runs
 * anywhere); a host with a native one injects it: Node's zlib in the CLI and tests
 * (src/node/native-compression.ts), CompressionStream('deflate-raw') in the app's worker. The
 * core cannot import node: modules or assume browser APIs, so this is the seam.
 */
export type DeflateStream = {
  /** Takes the next piece of the entry's bytes; may return a promise (backpressure). */
  write(data: Uint8Array): void | Promise<void>;
  /** Ends the entry; every compressed byte has been handed to `onData` once this settles. */
  end(): void | Promise<void>;
};

export type Compression = {
  /** Starts one entry's raw-DEFLATE stream (RFC 1951); compressed bytes go to `onData` in order. */
  deflate(onData: (chunk: Uint8Array) => void): DeflateStream;
  /** CRC-32 of `data` continuing from `previous` (0 at the start); fflate's when absent. */
  crc32?(data: Uint8Array, previous: number): number;
  /** Shown by the bench and tests. */
  name: string;
};

/**
 * fflate's settings when nothing native is injected: level 2 with a small hash table (`mem` 4)
 * costs about half the CPU of level 3 with the default table, for a file ~3 % bigger (measured
 * on the export bench's 100,000 rows).
 */
export const FFLATE_OPTIONS = { level: 2, mem: 4 } as const;

/**
 * CompressionStream('deflate-raw') as a Compression (Chromium ≥ 103, so the app's worker):
 * native zlib off the JS thread's hot loop. Null where the API is missing.
 */
export function streamCompression(): Compression | null {
  if (typeof CompressionStream === 'undefined') return null;
  try {
    new CompressionStream('deflate-raw');
  } catch {
    return null;
  }
  return {
    name: "CompressionStream('deflate-raw')",
    deflate(onData) {
      const stream = new CompressionStream('deflate-raw');
      const writer = stream.writable.getWriter();
      const reader = stream.readable.getReader();
      const pumped = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          onData(value);
        }
      })();
      return {
        write: (data) => writer.write(data as Uint8Array<ArrayBuffer>),
        async end() {
          await writer.close();
          await pumped;
        },
      };
    },
  };
}
