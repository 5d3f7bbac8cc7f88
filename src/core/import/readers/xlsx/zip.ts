import { Inflate, inflateSync } from 'fflate';
import { ReadError } from '../limits';
import type { ByteSource } from '../../types';

/**
 * A minimal zip reader over bytes already in memory: the central directory tells where each
 * part is, so a worksheet can be inflated as a stream (chunks of decompressed bytes) instead
 * of materialising a 200 MB XML string for a 1M-row sheet. Small parts inflate in one go.
 */

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  headerOffset: number;
  encrypted: boolean;
};

export class ZipError extends Error {}

const u16 = (b: Uint8Array, o: number) => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number) =>
  ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16)) +
  (b[o + 3] as number) * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

/**
 * The zip's central directory. `bytes` may be only the end of the file, from offset `base` (a
 * byte source: see readZipDirectoryFrom).
 */
export function readZipDirectory(bytes: Uint8Array, base = 0): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('geen zip-centrale map gevonden');
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    // Zip64: the locator just before the end record points to the zip64 end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw new ZipError('zip64-locator ontbreekt');
    const z = u64(bytes, loc + 8) - base;
    if (z < 0) throw new DirectoryBefore(u64(bytes, loc + 8));
    if (u32(bytes, z) !== 0x06064b50) throw new ZipError('zip64-eindrecord ontbreekt');
    count = u64(bytes, z + 32);
    offset = u64(bytes, z + 48);
  }
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  if (offset < base) throw new DirectoryBefore(offset);
  let p = offset - base;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50)
      throw new ZipError('beschadigde zip-centrale map');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let headerOffset = u32(bytes, p + 42);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (size === 0xffffffff || compressedSize === 0xffffffff || headerOffset === 0xffffffff) {
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (headerOffset === 0xffffffff) headerOffset = u64(bytes, q);
        }
        e += 4 + len;
      }
    }
    entries.set(name.replace(/^\/+/, ''), {
      name,
      method,
      compressedSize,
      size,
      headerOffset,
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The central directory starts before the bytes given: read from `offset`. */
class DirectoryBefore extends ZipError {
  constructor(readonly offset: number) {
    super('zip-centrale map ligt vroeger in het bestand');
  }
}

/** The central directory of a zip read in pieces: its end first, then from where it starts. */
export async function readZipDirectoryFrom(source: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(source.size, 65_557 + 20 + 56);
  const base = source.size - tailLength;
  try {
    return readZipDirectory(await source.read(base, tailLength), base);
  } catch (e) {
    if (!(e instanceof DirectoryBefore)) throw e;
    return readZipDirectory(await source.read(e.offset, source.size - e.offset), e.offset);
  }
}

/** Where an entry's compressed data is in a zip read in pieces (after its local header). */
async function dataStart(source: ByteSource, entry: ZipEntry): Promise<number> {
  const h = entry.headerOffset;
  const header = await source.read(h, 30);
  if (header.length < 30 || u32(header, 0) !== 0x04034b50)
    throw new ZipError(`beschadigd zip-onderdeel ${entry.name}`);
  const start = h + 30 + u16(header, 26) + u16(header, 28);
  if (start + entry.compressedSize > source.size)
    throw new ZipError(`afgebroken zip-onderdeel ${entry.name}`);
  return start;
}

/** A whole (small) part of a zip read in pieces. */
export async function readEntryFrom(source: ByteSource, entry: ZipEntry): Promise<Uint8Array> {
  checkEntry(entry);
  const data = await source.read(await dataStart(source, entry), entry.compressedSize);
  if (entry.method === 0) return data;
  return inflateSync(data, { out: new Uint8Array(entry.size) });
}

/** Compressed data in memory or read from a source, in slices. */
type Compressed = { length: number; slice(from: number, to: number): Promise<Uint8Array> };

async function compressedOf(input: Uint8Array | ByteSource, entry: ZipEntry): Promise<Compressed> {
  if (input instanceof Uint8Array) {
    const data = compressedData(input, entry);
    return { length: data.length, slice: (from, to) => Promise.resolve(data.subarray(from, to)) };
  }
  const start = await dataStart(input, entry);
  return {
    length: entry.compressedSize,
    slice: (from, to) => input.read(start + from, to - from),
  };
}

/** Compressed bytes handed to the inflater so far, per stream (for the ratio check). */
export type Fed = { bytes: number };

async function* slicesOf(
  data: Compressed,
  sliceBytes: number,
  fed?: Fed,
): AsyncGenerator<Uint8Array> {
  for (let p = 0; p < data.length; p += sliceBytes) {
    const slice = await data.slice(p, Math.min(data.length, p + sliceBytes));
    if (fed) fed.bytes += slice.length;
    yield slice;
  }
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const h = entry.headerOffset;
  if (u32(bytes, h) !== 0x04034b50) throw new ZipError(`beschadigd zip-onderdeel ${entry.name}`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + entry.compressedSize > bytes.length)
    throw new ZipError(`afgebroken zip-onderdeel ${entry.name}`);
  return bytes.subarray(start, start + entry.compressedSize);
}

function checkEntry(entry: ZipEntry): void {
  if (entry.encrypted) throw new ZipError(`versleuteld zip-onderdeel ${entry.name}`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipError(`onbekende compressiemethode ${entry.method} in ${entry.name}`);
}

/** A whole (small) part. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  checkEntry(entry);
  const data = compressedData(bytes, entry);
  if (entry.method === 0) return data;
  return inflateSync(data, { out: new Uint8Array(entry.size) });
}

/**
 * Inflate a part as a stream. `onChunk` gets decompressed bytes; return `false` from it to
 * stop early (e.g. after the sheet's `<dimension>` or a preview's rows). Compressed input goes
 * in slices so at most a few MB of output are alive at once.
 */
export async function streamEntry(
  input: Uint8Array | ByteSource,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean | void | Promise<boolean | void>,
  sliceBytes = 256 * 1024,
  fed: Fed = { bytes: 0 },
): Promise<void> {
  checkEntry(entry);
  const data = await compressedOf(input, entry);
  if (entry.method === 0) {
    for (let p = 0; p < data.length || p === 0; p += sliceBytes * 4) {
      const end = Math.min(data.length, p + sliceBytes * 4);
      if ((await onChunk(await data.slice(p, end), end >= data.length)) === false) return;
      if (end >= data.length) return;
    }
    return;
  }
  if (platformInflate) {
    await streamPlatform(platformInflate, slicesOf(data, sliceBytes, fed), entry, onChunk);
    return;
  }
  if (nativeInflate()) {
    await streamNative(data, entry, onChunk, sliceBytes, fed);
    return;
  }
  let out: Uint8Array[] = [];
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    out.push(chunk);
    if (final) ended = true;
  });
  for (let p = 0; p < data.length; p += sliceBytes) {
    const end = Math.min(data.length, p + sliceBytes);
    inflater.push(await data.slice(p, end), end >= data.length);
    fed.bytes = end;
    const ready = out;
    out = [];
    for (let i = 0; i < ready.length; i++) {
      const last = ended && i === ready.length - 1;
      if ((await onChunk(ready[i] as Uint8Array, last)) === false) return;
    }
  }
  if (!ended) throw new ZipError(`afgebroken zip-onderdeel ${entry.name}`);
}

/** Inflates raw-deflate data as a stream of chunks (the host's own, e.g. node:zlib). */
export type InflateStream = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

let platformInflate: InflateStream | undefined;

/**
 * Lets a host give its own inflate (the CLI: node:zlib with 256 KB chunks). Node's
 * DecompressionStream hands out 16 KB per round trip to the thread pool: finding the merges
 * after a 1M-row sheet's cells took 3.5 s, mostly waiting. `undefined` goes back to the default.
 */
export function setPlatformInflate(inflate: InflateStream | undefined): void {
  platformInflate = inflate;
}

async function streamPlatform(
  inflate: InflateStream,
  data: AsyncIterable<Uint8Array>,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean | void | Promise<boolean | void>,
): Promise<void> {
  const chunks = inflate(data)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      if ((await onChunk(next.value, false)) === false) return;
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ZipError(`beschadigd zip-onderdeel ${entry.name}: ${(e as Error).message}`);
  } finally {
    await chunks.return?.();
  }
}

let native: boolean | undefined;

/**
 * The platform's own inflate (DecompressionStream 'deflate-raw': Chromium ≥ 103, Node ≥ 20) is
 * about 3× faster than fflate's JS inflate on a worksheet (34 MB sheet: 201–235 ms vs 598–865
 * ms); fflate stays as the fallback.
 */
function nativeInflate(): boolean {
  if (native === undefined) {
    try {
      new DecompressionStream('deflate-raw');
      native = true;
    } catch {
      native = false;
    }
  }
  return native;
}

/** For tests: force the fflate path (false), the platform path (true) or detect (undefined). */
export function useNativeInflate(value: boolean | undefined): void {
  native = value;
}

async function streamNative(
  data: Compressed,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean | void | Promise<boolean | void>,
  sliceBytes: number,
  fed: Fed,
): Promise<void> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let feedError: unknown;
  const feeding = (async () => {
    for await (const slice of slicesOf(data, sliceBytes, fed))
      await writer.write(slice as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch((e: unknown) => {
    feedError = e;
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if ((await onChunk(value, false)) === false) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        return;
      }
    }
  } catch (e) {
    // Cancel the readable side first: a writer blocked on backpressure never settles its abort.
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    if (e instanceof ReadError) throw e;
    throw new ZipError(`beschadigd zip-onderdeel ${entry.name}: ${(e as Error).message}`);
  }
  await feeding;
  if (feedError) throw new ZipError(`beschadigd zip-onderdeel ${entry.name}`);
}
