import { err, ok } from '../../../result';
import type { Result } from '../../../result';
import { asResult, LIMITS, ReadError } from '../limits';
import { DEFAULT_BATCH_ROWS } from '../../types';
import type {
  ByteSource,
  MergedRange,
  ReadRowsOptions,
  SheetInfo,
  WorkbookReader,
} from '../../types';
import { streamDecoder } from '../dialect';
import {
  parseDateStyles,
  parseWorkbook,
  SharedStringsParser,
  sharedStringsOf,
  workbookPath,
} from './parts';
import type { SharedStrings } from './parts';
import type { WorkbookInfo } from './parts';
import { SheetScanner } from './sheet';
import type { ScanMode, SheetContext } from './sheet';
import {
  readEntry,
  readEntryFrom,
  readZipDirectory,
  readZipDirectoryFrom,
  streamEntry,
} from './zip';
import type { ZipEntry } from './zip';

/**
 * Our own streaming .xlsx/.xlsm reader: works on bytes in memory (worker and Node alike),
 * inflates one worksheet at a time as a stream, decodes UTF-8 with a streaming TextDecoder (so a
 * character split over two chunks is never garbled) and hands out rows in batches.
 */

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const NO_STRINGS = sharedStringsOf([]);

/**
 * Opens a workbook from its bytes, or from a byte source (the CLI: a file on disk), of which
 * only the central directory and the small parts are read whole; worksheets and the shared
 * strings are inflated from slices read as they are needed.
 */
export async function openXlsx(bytes: Uint8Array | ByteSource): Promise<Result<XlsxReader>> {
  let entries: Map<string, ZipEntry>;
  try {
    entries =
      bytes instanceof Uint8Array ? readZipDirectory(bytes) : await readZipDirectoryFrom(bytes);
  } catch (e) {
    return err(
      'import.corrupt_file',
      `Het bestand is geen geldige Excel-werkmap (beschadigd zip-bestand: ${(e as Error).message}).`,
    );
  }
  const part = async (name: string) => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    return text(
      bytes instanceof Uint8Array ? readEntry(bytes, entry) : await readEntryFrom(bytes, entry),
    );
  };
  let info: WorkbookInfo;
  try {
    const wbPath = workbookPath(await part('_rels/.rels'));
    const wbXml = await part(wbPath);
    if (wbXml === undefined) {
      if (entries.has('content.xml') || entries.has('mimetype')) return odsError();
      return err(
        'import.not_a_workbook',
        'Het bestand is een zip-archief maar geen Excel-werkmap (.xlsx).',
      );
    }
    const relsPath = `${wbPath.includes('/') ? wbPath.slice(0, wbPath.lastIndexOf('/') + 1) : ''}_rels/${wbPath.split('/').pop()}.rels`;
    info = parseWorkbook(wbXml, (await part(relsPath)) ?? '', wbPath);
  } catch (e) {
    return err('import.corrupt_file', `De Excel-werkmap is beschadigd (${(e as Error).message}).`);
  }
  if (info.sheets.length === 0)
    return err('import.no_sheets', 'De Excel-werkmap bevat geen werkbladen met cellen.');

  let dateStyles: boolean[] = [];
  try {
    const styles = info.styles ? await part(info.styles) : undefined;
    if (styles) dateStyles = parseDateStyles(styles);
  } catch {
    // Without styles dates come out as serial numbers; parseValue still reads them in date columns.
  }

  let sharedStrings: Promise<SharedStrings> | undefined;
  const loadSharedStrings = () =>
    (sharedStrings ??= (async () => {
      const entry = info.sharedStrings ? entries.get(info.sharedStrings) : undefined;
      if (!entry) return NO_STRINGS;
      const parser = new SharedStringsParser();
      const decoder = streamDecoder('utf-8');
      let inflated = 0;
      const fed = { bytes: 0 };
      await streamEntry(
        bytes,
        entry,
        (chunk) => {
          inflated += chunk.length;
          checkInflated(inflated, fed.bytes, 'de gedeelde tekstenlijst');
          parser.push(decoder.decode(chunk, { stream: true }));
        },
        undefined,
        fed,
      );
      parser.push(decoder.decode());
      parser.strings.trim();
      return parser.strings;
    })());

  const sheetEntry = (name: string) => {
    const sheet = info.sheets.find((s) => s.name === name);
    return sheet ? entries.get(sheet.path) : undefined;
  };

  const sheets: SheetInfo[] = info.sheets.map((s) => ({
    name: s.name,
    rowCount: null,
    ...(s.hidden ? { hidden: true } : {}),
  }));

  const mergeCache = new Map<string, MergedRange[]>();

  const scan = async (
    name: string,
    ctx: SheetContext,
    onBatch: (scanner: SheetScanner) => boolean | Promise<boolean>,
    mode: ScanMode = 'rows',
  ): Promise<Result<SheetScanner>> => {
    const entry = sheetEntry(name);
    if (!entry)
      return err('import.unknown_sheet', `Het werkblad ‘${name}’ bestaat niet in dit bestand.`, {
        sheet: name,
      });
    const scanner = new SheetScanner(ctx, mode);
    let decoder = streamDecoder('utf-8');
    // Merges: once in the cells, `</sheetData>` is looked for in the inflated bytes, which are
    // not decoded (decoding and searching 34 MB of cells cost as much CPU as inflating them).
    let skip: ByteSkip | undefined;
    // Inflate hands out small chunks; the scanner works best on ~256K characters at a time.
    let pending: string[] = [];
    let pendingLength = 0;
    let inflated = 0;
    const fed = { bytes: 0 };
    try {
      let stopped = false;
      await streamEntry(
        bytes,
        entry,
        async (chunk) => {
          inflated += chunk.length;
          checkInflated(inflated, fed.bytes, name);
          if (skip) {
            const rest = skip.past(chunk);
            if (!rest) return;
            // From the end tag on (ASCII, so a character boundary): decoded afresh.
            skip = undefined;
            decoder = streamDecoder('utf-8');
            chunk = rest;
          }
          const text = decoder.decode(chunk, { stream: true });
          pending.push(text);
          pendingLength += text.length;
          if (pendingLength < 256 * 1024) return;
          scanner.push(pending.length === 1 ? (pending[0] as string) : pending.join(''), false);
          pending = [];
          pendingLength = 0;
          if (!(await onBatch(scanner))) {
            stopped = true;
            return false;
          }
          const skipping = scanner.takeSkipTail();
          if (skipping) skip = new ByteSkip(skipping.endTag, skipping.tail);
        },
        undefined,
        fed,
      );
      if (!stopped) {
        pending.push(decoder.decode());
        scanner.push(pending.join(''), true);
      }
    } catch (e) {
      if (e instanceof ReadError)
        return err(e.appError.code, `Werkblad ‘${name}’: ${e.appError.message}`, undefined, {
          sheet: name,
          ...e.appError.location,
        });
      return err(
        'import.corrupt_file',
        `Het werkblad ‘${name}’ is beschadigd (${(e as Error).message}). Er is niets geïmporteerd. Open het bestand in Excel of LibreOffice, sla het opnieuw op als .xlsx en importeer dat bestand.`,
        { sheet: name },
      );
    }
    return ok(scanner);
  };

  // Row counts from each sheet's <dimension>: only the first chunk of each sheet is inflated.
  const countRows = async () => {
    for (const sheet of sheets) {
      const result = await scan(
        sheet.name,
        { sharedStrings: NO_STRINGS, dateStyles: [], date1904: false },
        (s) => {
          s.take();
          return s.dimensionRows === undefined;
        },
        'merges',
      );
      if (result.ok) sheet.rowCount = result.value.dimensionRows ?? null;
    }
  };

  const reader: WorkbookReader = {
    format: 'xlsx',
    sheets,
    date1904: info.date1904,
    knownMerges: (name) => mergeCache.get(name),
    async merges(name) {
      const cached = mergeCache.get(name);
      if (cached) return cached;
      // Merges come after the cells in the sheet XML, so the whole part is inflated, but the
      // cells are skipped (only `</sheetData>` is searched for).
      const result = await scan(
        name,
        { sharedStrings: NO_STRINGS, dateStyles: [], date1904: false },
        () => true,
        'merges',
      );
      const merges = result.ok ? result.value.merges : [];
      mergeCache.set(name, merges);
      return merges;
    },
    async readRows(name, onRows, options: ReadRowsOptions = {}) {
      const batchSize = options.batchSize ?? DEFAULT_BATCH_ROWS;
      const maxRows = options.maxRows ?? Infinity;
      let strings: SharedStrings;
      try {
        strings = await loadSharedStrings();
      } catch (e) {
        if (e instanceof ReadError) return asResult(e);
        return err(
          'import.corrupt_file',
          `De gedeelde tekstenlijst van de werkmap is beschadigd (${(e as Error).message}).`,
        );
      }
      let delivered = 0;
      let cancelled = false;
      const deliver = async (scanner: SheetScanner, all: boolean): Promise<boolean> => {
        while (scanner.rows.length >= batchSize || (all && scanner.rows.length > 0)) {
          if (options.signal?.aborted) {
            cancelled = true;
            return false;
          }
          let { rows } = scanner.take();
          const first = delivered;
          if (delivered + rows.length > maxRows) rows = rows.slice(0, maxRows - delivered);
          // Hand out at most batchSize rows per callback.
          for (let k = 0; k < rows.length; k += batchSize) {
            const batch = k === 0 && rows.length <= batchSize ? rows : rows.slice(k, k + batchSize);
            await onRows(batch, first + k);
          }
          delivered += rows.length;
          if (delivered >= maxRows) return false;
        }
        if (options.signal?.aborted) {
          cancelled = true;
          return false;
        }
        return true;
      };
      const result = await scan(
        name,
        { sharedStrings: strings, dateStyles, date1904: info.date1904 },
        (s) => deliver(s, false),
        options.countOnly ? 'count' : 'rows',
      );
      if (!result.ok) return result;
      if (cancelled) return err('import.cancelled', 'Het inlezen is geannuleerd.');
      if (delivered < maxRows) {
        await deliver(result.value, true);
        if (cancelled) return err('import.cancelled', 'Het inlezen is geannuleerd.');
        if (result.value.finishedData) mergeCache.set(name, result.value.merges);
      }
      return ok({ rowCount: delivered });
    },
  };
  return ok(Object.assign(reader, { countRows }));
}

/**
 * Finds an ASCII tag in a stream of UTF-8 bytes without decoding them: the bytes of an ASCII
 * character never occur inside another character's. The tag's rarest-looking byte (the `h` of
 * `sheetData`, absent from cell markup) is found with the native indexOf, then the rest compared.
 */
export class ByteSkip {
  private readonly tag: Uint8Array;
  private readonly anchorAt: number;
  private carry: Uint8Array;

  /** `tail`: the text just before the bytes to come, in which the tag may have begun. */
  constructor(tag: string, tail: string) {
    const encoder = new TextEncoder();
    this.tag = encoder.encode(tag);
    const h = tag.indexOf('h');
    this.anchorAt = h >= 0 ? h : this.tag.length - 1;
    this.carry = encoder.encode(tail.slice(-(tag.length - 1)));
  }

  /** The bytes from the tag on when it is in (carry +) `chunk`, else undefined. */
  past(chunk: Uint8Array): Uint8Array | undefined {
    const keep = this.tag.length - 1;
    if (this.carry.length > 0) {
      // A tag cut by the chunk boundary: only the carry and the chunk's first bytes are copied.
      const seam = new Uint8Array(this.carry.length + Math.min(keep, chunk.length));
      seam.set(this.carry);
      seam.set(chunk.subarray(0, seam.length - this.carry.length), this.carry.length);
      const at = this.find(seam);
      if (at >= 0) {
        const rest = new Uint8Array(
          seam.length - at + chunk.length - (seam.length - this.carry.length),
        );
        rest.set(seam.subarray(at));
        rest.set(chunk.subarray(seam.length - this.carry.length), seam.length - at);
        return rest;
      }
    }
    const at = this.find(chunk);
    if (at >= 0) return chunk.subarray(at);
    if (chunk.length >= keep) this.carry = chunk.slice(chunk.length - keep);
    else {
      const joined = new Uint8Array(this.carry.length + chunk.length);
      joined.set(this.carry);
      joined.set(chunk, this.carry.length);
      this.carry = joined.slice(Math.max(0, joined.length - keep));
    }
    return undefined;
  }

  private find(bytes: Uint8Array): number {
    const { tag, anchorAt } = this;
    const anchor = tag[anchorAt] as number;
    for (let i = bytes.indexOf(anchor, anchorAt); i >= 0; i = bytes.indexOf(anchor, i + 1)) {
      const start = i - anchorAt;
      if (start + tag.length > bytes.length) break;
      let k = 0;
      while (k < tag.length && bytes[start + k] === tag[k]) k++;
      if (k === tag.length) return start;
    }
    return -1;
  }
}

/**
 * A zip part that inflates beyond sane bounds (a "zip bomb": gigabytes from a few MB) is refused
 * as it streams, before it is held or scanned: memory and time stay bounded.
 */
function checkInflated(inflated: number, compressed: number, part: string): void {
  // `compressed`: the bytes fed to the inflater so far (it runs a few slices ahead).
  const tooBig = inflated > LIMITS.partBytes;
  const tooDense = inflated > LIMITS.ratioFrom && inflated > compressed * LIMITS.ratio;
  if (!tooBig && !tooDense) return;
  throw new ReadError({
    code: 'import.zip_bomb',
    message: `${part} pakt uit tot meer dan ${Math.round(inflated / (1024 * 1024))} MB uit ${Math.max(1, Math.round(compressed / 1024))} kB (meer dan ${LIMITS.ratio} keer zo groot): dat is geen gewone werkmap maar een bestand dat het geheugen wil opvullen. Er is niets geïmporteerd. Controleer waar het bestand vandaan komt; sla het zo nodig in Excel opnieuw op.`,
  });
}

export type XlsxReader = WorkbookReader & { countRows: () => Promise<void> };

function odsError(): Result<never> {
  return err(
    'import.ods_not_supported',
    'OpenDocument-rekenbladen (.ods) kunnen niet rechtstreeks ingelezen worden. Open het bestand in LibreOffice Calc of Excel en kies Bestand > Opslaan als > Excel-werkmap (.xlsx), en importeer dat bestand.',
  );
}

export { odsError };
