import { Zip, ZipDeflate } from 'fflate';

/** Where a finished part of the file goes: a file on disk (CLI), a list of chunks (worker). */
export type ByteSink = { write(chunk: Uint8Array): void | Promise<void> };

/**
 * A zip archive written entry by entry with fflate: deflated bytes are queued as fflate hands
 * them out and passed to the sink on `drain()`, so the caller decides when to wait (as with a
 * Node stream's drain) and nothing but the current chunk is held.
 */
export class ZipStream {
  private readonly zip: Zip;
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private failure: Error | null = null;
  private ended = false;
  private entry: ZipDeflate | null = null;
  private readonly encoder = new TextEncoder();
  /** Compressed bytes handed to the sink so far. */
  written = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 3,
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
    this.entry = new ZipDeflate(name, { level: this.level });
    this.zip.add(this.entry);
  }

  /** Appends text (UTF-8) to the open entry. */
  push(text: string): void {
    if (!this.entry) throw new Error('zip: geen deel open');
    this.entry.push(this.encoder.encode(text), false);
    this.check();
  }

  close(): void {
    if (!this.entry) return;
    this.entry.push(new Uint8Array(0), true);
    this.entry = null;
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
    this.zip.end();
    this.check();
    await this.drain();
    if (!this.ended) throw new Error('zip: archief niet afgesloten');
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
