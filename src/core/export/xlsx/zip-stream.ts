import { Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { FFLATE_OPTIONS, type Compression, type DeflateStream } from './compression';

/** Where a finished part of the file goes: a file on disk (CLI), a list of chunks (worker). */
export type ByteSink = { write(chunk: Uint8Array): void | Promise<void> };

/** One entry deflated by an injected compressor: fflate's Zip writes its headers. */
type NativeEntry = ZipInputFile & {
  ondata: (error: Error | null, chunk: Uint8Array, final: boolean) => void;
  stream: DeflateStream;
};

/**
 * A zip archive written entry by entry with fflate: deflated bytes are queued as they come and
 * passed to the sink on `drain()`, so the caller decides when to wait (as with a Node stream's
 * drain) and nothing but the current chunk is held. The deflate itself is fflate's, or a
 * native one the host injects (see compression.ts).
 */
export class ZipStream {
  private readonly zip: Zip;
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private failure: Error | null = null;
  private ended = false;
  private entry: ZipDeflate | NativeEntry | null = null;
  /** The injected compressor's unfinished work (its writes and ends), in order. */
  private inFlight: Promise<void> = Promise.resolve();
  private outstanding = 0;
  private readonly encoder = new TextEncoder();
  /** Compressed bytes handed to the sink so far. */
  written = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly compression?: Compression,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else if (chunk.length > 0) {
        this.queue.push(chunk);
        this.queuedBytes += chunk.length;
      }
      if (final) this.ended = true;
    });
  }

  /** Bytes waiting for the sink; a caller drains when this grows. */
  get pending(): number {
    return this.queuedBytes;
  }

  /** Starts an entry; the previous one must be closed. */
  open(name: string): void {
    if (this.entry) throw new Error(`zip: ${name} geopend terwijl een ander deel nog open is`);
    if (!this.compression) {
      this.entry = new ZipDeflate(name, FFLATE_OPTIONS);
      this.zip.add(this.entry);
      return;
    }
    const entry = {
      filename: name,
      size: 0,
      crc: 0,
      compression: 8,
      // Assigned by zip.add below; a chunk cannot arrive before that.
      ondata: () => undefined,
    } as unknown as NativeEntry;
    this.zip.add(entry);
    entry.stream = this.compression.deflate((chunk) => entry.ondata(null, chunk, false));
    this.entry = entry;
  }

  /** Appends text (UTF-8) to the open entry. */
  push(text: string): void {
    this.pushBytes(this.encoder.encode(text));
  }

  /** Appends bytes to the open entry. */
  pushBytes(bytes: Uint8Array): void {
    const entry = this.entry;
    if (!entry) throw new Error('zip: geen deel open');
    if (entry instanceof ZipDeflate) entry.push(bytes, false);
    else {
      entry.size += bytes.length;
      entry.crc = this.crc(bytes, entry.crc);
      this.track(entry.stream.write(bytes));
    }
    this.check();
  }

  close(): void {
    const entry = this.entry;
    if (!entry) return;
    this.entry = null;
    if (entry instanceof ZipDeflate) entry.push(new Uint8Array(0), true);
    else {
      const finish = () => entry.ondata(null, new Uint8Array(0), true);
      const ended = entry.stream.end();
      if (ended instanceof Promise) this.track(ended.then(finish));
      else if (this.outstanding > 0) this.track(this.inFlight.then(finish));
      else finish();
    }
    this.check();
  }

  /** A whole small part in one go. */
  file(name: string, text: string): void {
    this.open(name);
    this.push(text);
    this.close();
  }

  /** Hands every queued chunk to the sink, waiting for it (backpressure). */
  async drain(): Promise<void> {
    await this.inFlight;
    this.check();
    while (this.queue.length > 0) {
      const chunk = this.queue.shift() as Uint8Array;
      this.queuedBytes -= chunk.length;
      this.written += chunk.length;
      await this.sink.write(chunk);
    }
  }

  /** Writes the central directory and drains everything. */
  async end(): Promise<void> {
    this.close();
    await this.inFlight;
    this.zip.end();
    this.check();
    await this.drain();
    if (!this.ended) throw new Error('zip: archief niet afgesloten');
  }

  private crc(bytes: Uint8Array, previous: number): number {
    const crc32 = this.compression?.crc32 ?? fallbackCrc32;
    return crc32(bytes, previous);
  }

  /** Keeps an asynchronous compressor's promises in order; a failure surfaces at the next check. */
  private track(work: void | Promise<void>): void {
    if (!(work instanceof Promise)) return;
    this.outstanding++;
    const settled = work.finally(() => {
      this.outstanding--;
    });
    this.inFlight = this.inFlight.then(
      () => settled,
      () => settled,
    );
    this.inFlight.catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? -306674912 ^ (c >>> 1) : c >>> 1;
    table[i] = c;
  }
  return table;
})();

/** CRC-32 (zip's polynomial) continuing from `previous`; for compressors without their own. */
export function fallbackCrc32(data: Uint8Array, previous: number): number {
  let crc = ~previous;
  for (let i = 0; i < data.length; i++)
    crc = CRC_TABLE[(crc ^ (data[i] as number)) & 255]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
