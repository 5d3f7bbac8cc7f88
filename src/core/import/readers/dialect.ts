import type { CsvDialect } from '../types';

/**
 * CSV dialect detection: encoding from the byte-order mark, else UTF-8 when the bytes are valid
 * UTF-8, else Windows-1252 (what a Belgian Excel writes with "CSV (gescheiden door
 * lijstscheidingsteken)"). Delimiter from the consistency of its count outside quotes.
 */

export type DetectedEncoding = {
  encoding: CsvDialect['encoding'];
  bom: boolean;
  bomLength: number;
};

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
    return { encoding: 'utf-8', bom: true, bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bom: true, bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bom: true, bomLength: 2 };
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return { encoding: utf16, bom: false, bomLength: 0 };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', bom: false, bomLength: 0 };
}

/** UTF-16 without a BOM shows as text with a zero byte in every other position. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 2000) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8 validation without building strings: 4 bytes at a time while they are ASCII,
 * byte by byte through multi-byte sequences. A sequence cut off at the end is invalid: a
 * Windows-1252 file ending in "Café" must not pass for UTF-8.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  // Word-aligned ASCII fast path.
  const align = (4 - (bytes.byteOffset & 3)) & 3;
  const words = new Uint32Array(
    bytes.buffer,
    bytes.byteOffset + align,
    Math.max(0, (n - align) >> 2),
  );
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (i >= align && ((i - align) & 3) === 0) {
        let w = (i - align) >> 2;
        const wn = words.length;
        while (w < wn && ((words[w] as number) & 0x80808080) === 0) w++;
        const next = align + w * 4;
        i = next > i ? next : i + 1;
      } else i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    if (i + need > n - 1) return false;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

const CANDIDATES: CsvDialect['delimiter'][] = [';', ',', '\t', '|'];

/**
 * The delimiter whose count outside quotes is the same (and not zero) on the most of the first
 * lines. Ties go to `;` first: Belgian Excel writes it, and `,` is also the decimal mark there.
 */
export function detectDelimiter(
  sample: string,
  fallback: CsvDialect['delimiter'] = ';',
): CsvDialect['delimiter'] {
  const lines = splitLogicalLines(sample, 60);
  if (lines.length === 0) return fallback;
  let best: CsvDialect['delimiter'] = fallback;
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, d.charCodeAt(0)));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    let modeLines = 0;
    let mode = 0;
    for (const [count, times] of frequency)
      if (times > modeLines || (times === modeLines && count > mode)) {
        modeLines = times;
        mode = count;
      }
    // Lines agreeing on the count matter most; more columns break ties between candidates.
    const score = modeLines * 1000 + Math.min(mode, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Up to `max` lines, keeping quoted newlines inside their line; a cut-off last line is dropped. */
function splitLogicalLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || c === 13)) {
      const line = text.slice(start, i);
      if (line.trim() !== '') lines.push(line);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (lines.length === 0 && text.trim() !== '') lines.push(text);
  return lines;
}

function countOutsideQuotes(line: string, code: number): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === code && !inQuotes) n++;
  }
  return n;
}

/** Windows-1252 bytes 0x80–0x9F (where it differs from Latin-1); undefined bytes stay C1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;
const fixCp1252 = (text: string) =>
  C1.test(text) ? text.replace(C1, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] as string) : text;

export type StreamDecoder = { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string };

/**
 * A streaming decoder: `decode(chunk, {stream: true})` keeps a character split over two chunks
 * whole (exceljs's reader garbles exactly those). The BOM is skipped by the caller; inside the
 * text U+FEFF is content and must stay.
 * UTF-8 goes through `utf8ChunkDecoder`: Node's TextDecoder decodes ASCII twice as fast in one
 * whole-buffer call as with `stream: true` (34 MB of sheet XML in 256 KB chunks: 23–26 vs
 * 46–61 ms), but text with accents and emoji slower (the 137 MB bench CSV in 1 MB chunks:
 * 343–361 vs 285–287 ms).
 * Node 20's 'windows-1252' decoder is really Latin-1 (0x80 → U+0080 instead of €), so those
 * 32 code points are mapped afterwards; browsers already decode them right.
 */
export function streamDecoder(encoding: CsvDialect['encoding']): StreamDecoder {
  if (encoding === 'utf-8') return utf8ChunkDecoder();
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  if (encoding !== 'windows-1252') return decoder;
  return { decode: (bytes, options) => fixCp1252(decoder.decode(bytes, options)) };
}

/**
 * How many of `bytes` end on a character boundary: all of them unless the last 1–3 bytes are
 * the start of a UTF-8 sequence that continues in the next chunk. Invalid bytes count as
 * complete (the decoder turns them into U+FFFD, as a streaming decoder does).
 */
export function utf8CompleteLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: its lead byte is further back
    if (b < 0xc0) return n; // ASCII
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > back ? n - back : n;
  }
  return n;
}

/**
 * UTF-8 by whole-buffer decodes while the text is ASCII (a sheet's XML, most CSVs of numbers):
 * each chunk up to its last complete character, the 1–3 bytes of a character cut by the chunk's
 * end carried over to the next. From the first chunk with other characters on, a streaming
 * decoder, which is faster on those. Same text as `stream: true` throughout.
 */
function utf8ChunkDecoder(): StreamDecoder {
  const whole = new TextDecoder('utf-8', { ignoreBOM: true });
  let streaming: TextDecoder | undefined;
  let carry: Uint8Array | undefined;
  return {
    decode(bytes = new Uint8Array(0), options) {
      if (streaming) return streaming.decode(bytes, options);
      let input = bytes;
      if (carry) {
        input = new Uint8Array(carry.length + bytes.length);
        input.set(carry);
        input.set(bytes, carry.length);
        carry = undefined;
      }
      if (!options?.stream) return whole.decode(input);
      const complete = utf8CompleteLength(input);
      if (complete < input.length) carry = input.slice(complete);
      const text = whole.decode(input.subarray(0, complete));
      if (text.length !== complete) {
        // Not ASCII: the streaming decoder from here on, the cut character first.
        streaming = new TextDecoder('utf-8', { ignoreBOM: true });
        if (carry) streaming.decode(carry, { stream: true });
        carry = undefined;
      }
      return text;
    },
  };
}
