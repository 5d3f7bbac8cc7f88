import { err, ok } from '../../result';
import type { Result } from '../../result';
import {
  detectDelimiter,
  detectEncoding,
  isValidUtf8,
  streamDecoder,
  utf8CompleteLength,
} from './dialect';
import { asResult, cellTooLong, columnLetters, LIMITS, lineTooLong, readError } from './limits';
import { ReadError } from './limits';
import { DEFAULT_BATCH_ROWS } from '../types';
import type { ByteSource, CellValue, CsvDialect, ReadRowsOptions } from '../types';

/**
 * RFC 4180 parsing of delimited text: quoted fields, doubled quotes, delimiters and newlines
 * inside quotes, CRLF or LF. Empty fields are ''. A trailing newline does not make an extra row.
 */
export function parseCsvText(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const d = delimiter.charCodeAt(0);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += text[i];
    } else if (c === 34 && field === '') inQuotes = true;
    else if (c === d) {
      row.push(field);
      field = '';
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += text[i];
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Incremental CSV parser for big files: text arrives in decoded chunks; complete rows come out,
 * an incomplete last row waits for the next chunk. Empty fields are null (the reader contract);
 * a blank line is an empty row so row numbers stay true to the file.
 */
export class CsvChunkParser {
  private rest = '';
  private readonly d: number;
  /** Rows handed out so far (the next row is row `rows + 1` of the file). */
  private rows = 0;

  constructor(delimiter: string) {
    this.d = delimiter.charCodeAt(0);
  }

  /** Parse `text` (after what came before); push complete rows into `out`. */
  push(text: string, final: boolean, out: CellValue[][]): void {
    if (this.rest.length === 0) {
      this.parse(text, 0, final, out);
      return;
    }
    // The row left unfinished by the last chunk is completed with this one's first line and
    // parsed on its own, so the chunk is read in place: joined onto the rest it would be copied
    // (a MB each time), and read as a ConsString every charCodeAt would go through the cons.
    const nl = text.indexOf('\n');
    if (nl >= 0) {
      const head = this.rest + text.slice(0, nl + 1);
      this.rest = '';
      this.parse(head, 0, final && nl + 1 === text.length, out);
      if (this.rest.length === 0) {
        if (nl + 1 < text.length) this.parse(text, nl + 1, final, out);
        return;
      }
      text = text.slice(nl + 1); // the row goes on: a quoted field with a line break in it
    }
    const joined = [this.rest, text].join('');
    this.rest = '';
    this.parse(joined, 0, final, out);
  }

  /** Parse `s` from `from` on; complete rows go into `out`, an unfinished one into `rest`. */
  private parse(s: string, from: number, final: boolean, out: CellValue[][]): void {
    const n = s.length;
    const d = this.d;
    let i = from;
    let rowStart = 0;
    while (i < n) {
      // Start of a row.
      rowStart = i;
      let c = s.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 13) {
          if (i + 1 >= n && !final) break;
          i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else i++;
        out.push([]);
        this.rows++;
        continue;
      }
      const row: CellValue[] = [];
      let complete = false;
      for (;;) {
        // Start of a field at i (i may equal n after a trailing delimiter).
        if (i < n && s.charCodeAt(i) === 34) {
          let value = '';
          let j = i + 1;
          let segment = j;
          let closed = false;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0) break;
            if (q + 1 >= n && !final) break; // the next chunk may start with a second quote
            if (s.charCodeAt(q + 1) === 34) {
              value += s.slice(segment, q + 1);
              j = q + 2;
              segment = j;
              continue;
            }
            value += s.slice(segment, q);
            i = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) break;
            throw this.unclosedQuote(s, i, row.length);
          }
          // Text after a closing quote (`"a"b`) is kept, as spreadsheet programs do.
          const after = i;
          while (i < n) {
            c = s.charCodeAt(i);
            if (c === d || c === 10 || c === 13) break;
            i++;
          }
          if (i > after) value += s.slice(after, i);
          if (value.length > LIMITS.cellChars) throw this.tooLong(row.length, value.length);
          row.push(value === '' ? null : value);
        } else {
          const j0 = i;
          while (i < n) {
            c = s.charCodeAt(i);
            if (c === d || c === 10 || c === 13) break;
            i++;
          }
          if (i - j0 > LIMITS.cellChars) throw this.tooLong(row.length, i - j0);
          row.push(i > j0 ? s.slice(j0, i) : null);
        }
        if (i >= n) {
          complete = final;
          break;
        }
        c = s.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        if (c === 13) {
          if (i + 1 >= n && !final) break;
          i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else i++;
        complete = true;
        break;
      }
      if (!complete) {
        // An unfinished row waits for the next chunk; one this long is no table row. The cap
        // also bounds the re-scan of a long row (at most lineChars / chunk times), so parsing
        // stays linear in the file's size.
        if (n - rowStart > LIMITS.lineChars) throw lineTooLong(this.rows + 1);
        this.rest = s.slice(rowStart);
        return;
      }
      out.push(row);
      this.rows++;
    }
    if (i < n) this.rest = s.slice(rowStart);
  }

  private tooLong(column: number, length: number): ReadError {
    return cellTooLong(`${columnLetters(column)}${this.rows + 1}`, this.rows + 1, length);
  }

  /** A quote that opens a field and is never closed: the field would swallow the rest. */
  private unclosedQuote(s: string, at: number, column: number): ReadError {
    const row = this.rows + 1;
    let lines = 0;
    for (let k = s.indexOf('\n', at); k >= 0; k = s.indexOf('\n', k + 1)) lines++;
    if (s.endsWith('\n')) lines--; // the file's last line break ends a line, it starts none
    const cell = `${columnLetters(column)}${row}`;
    return readError(
      'import.unclosed_quote',
      `Rij ${row}, cel ${cell}: een aanhalingsteken (") opent een veld dat nergens gesloten wordt, zodat dat veld de rest van het bestand opslokt (${lines.toLocaleString('nl-BE')} regels). Er is niets geïmporteerd. Verwijder het aanhalingsteken in rij ${row} of sluit het veld met een tweede ", en importeer opnieuw.`,
      { row, column: columnLetters(column), value: s.slice(at, at + 40) },
    );
  }
}

/**
 * Rows in a delimited file, counted on the bytes (newlines outside quotes), with the native
 * `indexOf` doing the scanning. Old-Mac files that end lines with a lone CR are counted on CR.
 */
export function countCsvRows(
  bytes: Uint8Array,
  encoding: CsvDialect['encoding'],
  start: number,
): number {
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  const n = bytes.length;
  if (n <= start) return 0;
  const hasLf = bytes.indexOf(10, start) >= 0;
  const eol = hasLf ? 10 : 13;
  // In UTF-16 the ASCII byte sits at even (LE) or odd (BE) offsets from the start; a match at
  // the other parity is half of some other character.
  const parity = encoding === 'utf-16be' ? (start + 1) & 1 : start & 1;
  const isChar = (i: number) =>
    !wide || ((i & 1) === parity && bytes[encoding === 'utf-16be' ? i - 1 : i + 1] === 0);
  let rows = 0;
  let inQuotes = false;
  let quote = bytes.indexOf(34, start);
  let newline = bytes.indexOf(eol, start);
  while (newline >= 0) {
    if (quote >= 0 && quote < newline) {
      if (isChar(quote)) inQuotes = !inQuotes;
      quote = bytes.indexOf(34, quote + 1);
      continue;
    }
    if (!inQuotes && isChar(newline)) rows++;
    newline = bytes.indexOf(eol, newline + 1);
  }
  // A last line without a line break is a row too.
  const hi = bytes[n - 1] as number;
  const lo = bytes[n - 2] as number;
  const last = !wide ? hi : encoding === 'utf-16le' ? lo | (hi << 8) : (lo << 8) | hi;
  if (last !== 10 && last !== 13) rows++;
  return rows;
}

export type CsvSource = {
  dialect: CsvDialect;
  /** Bytes of the BOM to skip. */
  start: number;
  rowCount: number;
};

/** Detect (or take the overridden) encoding and delimiter of a delimited file. */
export function openCsv(
  bytes: Uint8Array,
  fileName: string,
  options: { encoding?: CsvDialect['encoding']; delimiter?: CsvDialect['delimiter'] } = {},
): CsvSource {
  const detected = detectEncoding(bytes);
  const encoding = options.encoding ?? detected.encoding;
  // The BOM is skipped only when it matches the encoding used.
  const start = options.encoding && options.encoding !== detected.encoding ? 0 : detected.bomLength;
  let delimiter = options.delimiter;
  if (!delimiter) {
    const sample = streamDecoder(encoding).decode(bytes.subarray(start, start + 64 * 1024));
    const fallback = /\.tsv$/i.test(fileName) ? '\t' : ';';
    delimiter = detectDelimiter(sample, fallback);
  }
  return {
    dialect: { encoding, delimiter, bom: start > 0 },
    start,
    rowCount: countCsvRows(bytes, encoding, start),
  };
}

/**
 * Chunk read and parsed at a time. 256 KB rather than 1 MB: fewer parsed rows alive at once, so
 * fewer survive each young-generation GC (1M-row CSV: CPU 5.40 → 5.22 s, wall the same).
 */
const CHUNK_BYTES = 1 << 18;

/** Bytes a source is sniffed on (BOM, UTF-16, delimiter). */
const HEAD_BYTES = 64 * 1024;

/**
 * Opens a delimited file from a byte source without holding it: the encoding and delimiter from
 * its head, then one pass over all of it in 256 KB pieces that counts the rows (newlines outside
 * quotes) and, for UTF-8 without a BOM, checks every byte is UTF-8 (else Windows-1252, as for
 * bytes in memory). UTF-16 files give null: the caller reads them whole (rare, and small).
 */
export async function openCsvSource(
  source: ByteSource,
  fileName: string,
  options: { encoding?: CsvDialect['encoding']; delimiter?: CsvDialect['delimiter'] } = {},
): Promise<CsvSource | null> {
  const rawHead = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const complete = rawHead.length >= source.size;
  const head = complete ? rawHead : rawHead.subarray(0, utf8CompleteLength(rawHead));
  const detected = detectEncoding(head);
  let encoding = options.encoding ?? detected.encoding;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
  const start = options.encoding && options.encoding !== detected.encoding ? 0 : detected.bomLength;
  const validate = !complete && !options.encoding && encoding === 'utf-8' && !detected.bom;
  let valid = true;
  let rows = 0;
  let inQuotes = false;
  let eol = -1;
  let last = -1;
  for (let pos = start; pos < source.size;) {
    const piece = await source.read(pos, Math.min(CHUNK_BYTES, source.size - pos));
    if (piece.length === 0) break;
    const final = pos + piece.length >= source.size;
    let used = piece.length;
    if (validate && valid) {
      used = final ? piece.length : utf8CompleteLength(piece);
      if (used === 0) used = piece.length;
      valid = isValidUtf8(piece.subarray(0, used));
    }
    const part = piece.subarray(0, used);
    if (eol < 0) {
      if (part.indexOf(10) >= 0) eol = 10;
      else if (part.indexOf(13) >= 0) eol = 13;
    }
    const lineEnd = eol < 0 ? 10 : eol;
    let quote = part.indexOf(34);
    let newline = part.indexOf(lineEnd);
    while (newline >= 0) {
      if (quote >= 0 && quote < newline) {
        inQuotes = !inQuotes;
        quote = part.indexOf(34, quote + 1);
        continue;
      }
      if (!inQuotes) rows++;
      newline = part.indexOf(lineEnd, newline + 1);
    }
    // Quotes after the last newline still flip the state for the next piece.
    for (; quote >= 0; quote = part.indexOf(34, quote + 1)) inQuotes = !inQuotes;
    if (used > 0) last = part[used - 1] as number;
    pos += used;
  }
  if (!valid) encoding = 'windows-1252';
  if (last !== -1 && last !== 10 && last !== 13) rows++;
  let delimiter = options.delimiter;
  if (!delimiter) {
    const sample = streamDecoder(encoding).decode(head.subarray(start));
    delimiter = detectDelimiter(sample, /\.tsv$/i.test(fileName) ? '\t' : ';');
  }
  return { dialect: { encoding, delimiter, bom: start > 0 }, start, rowCount: rows };
}

/** Stream the rows of a delimited file (in memory, or from a byte source) in batches. */
export async function readCsvRows(
  bytes: Uint8Array | ByteSource,
  source: CsvSource,
  onRows: (rows: CellValue[][], firstRowIndex: number) => void | Promise<void>,
  options: ReadRowsOptions = {},
): Promise<Result<{ rowCount: number }>> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_ROWS;
  const maxRows = options.maxRows ?? Infinity;
  const decoder = streamDecoder(source.dialect.encoding);
  const parser = new CsvChunkParser(source.dialect.delimiter);
  let pending: CellValue[][] = [];
  let delivered = 0;
  const size = bytes instanceof Uint8Array ? bytes.length : bytes.size;
  for (let pos = source.start; ; pos += CHUNK_BYTES) {
    if (options.signal?.aborted) return err('import.cancelled', 'Het inlezen is geannuleerd.');
    const end = Math.min(pos + CHUNK_BYTES, size);
    const final = end >= size;
    const piece =
      bytes instanceof Uint8Array ? bytes.subarray(pos, end) : await bytes.read(pos, end - pos);
    const text = decoder.decode(piece, { stream: !final });
    try {
      parser.push(text, final, pending);
    } catch (e) {
      if (e instanceof ReadError) return asResult(e);
      throw e;
    }
    while (
      pending.length >= batchSize ||
      (final && pending.length > 0) ||
      delivered + pending.length >= maxRows
    ) {
      const room = maxRows - delivered;
      const take = Math.min(batchSize, room, pending.length);
      const batch = take === pending.length ? pending : pending.slice(0, take);
      pending = take === pending.length ? [] : pending.slice(take);
      if (batch.length > 0) await onRows(batch, delivered);
      delivered += batch.length;
      if (delivered >= maxRows) return ok({ rowCount: delivered });
      if (pending.length === 0) break;
    }
    if (final) break;
  }
  return ok({ rowCount: delivered });
}
