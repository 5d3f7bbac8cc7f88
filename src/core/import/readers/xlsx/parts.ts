import { LIMITS, readError } from '../limits';
import { attr, elementBody, openTags, stringItemText } from './xml';

/** workbook.xml, its relationships, styles.xml and sharedStrings.xml. */

export type WorkbookSheet = { name: string; path: string; hidden: boolean };

export type WorkbookInfo = {
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
};

/** Resolve a relationship target against the folder of the part that holds the relationship. */
export function resolveTarget(baseFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (baseFolder ? baseFolder.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export type Relationship = { id: string; type: string; target: string; external: boolean };

export function parseRels(xml: string): Relationship[] {
  return openTags(xml, 'Relationship').map((tag) => ({
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    target: attr(tag, 'Target') ?? '',
    external: attr(tag, 'TargetMode') === 'External',
  }));
}

/** The officeDocument part named by `_rels/.rels` (normally `xl/workbook.xml`). */
export function workbookPath(rootRels: string | undefined): string {
  if (rootRels) {
    const rel = parseRels(rootRels).find((r) => /\/officeDocument$/.test(r.type));
    if (rel) return resolveTarget('', rel.target);
  }
  return 'xl/workbook.xml';
}

export function parseWorkbook(workbookXml: string, relsXml: string, path: string): WorkbookInfo {
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const rels = parseRels(relsXml);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: WorkbookSheet[] = [];
  for (const tag of openTags(workbookXml, 'sheet')) {
    // The relationship id attribute carries whatever prefix the writer bound to the
    // relationships namespace (nearly always `r:`).
    const idMatch = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(tag);
    const rel = idMatch ? byId.get(idMatch[1] as string) : undefined;
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    const state = attr(tag, 'state');
    sheets.push({
      name: attr(tag, 'name') ?? `Blad${sheets.length + 1}`,
      path: resolveTarget(folder, rel.target),
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  }
  const pr = openTags(workbookXml, 'workbookPr')[0];
  const date1904 = pr ? /^(1|true)$/i.test(attr(pr, 'date1904') ?? '') : false;
  const target = (suffix: string) => {
    const rel = rels.find((r) => r.type.endsWith(suffix));
    return rel ? resolveTarget(folder, rel.target) : undefined;
  };
  return { sheets, date1904, sharedStrings: target('/sharedStrings'), styles: target('/styles') };
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, incl. East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * Whether a custom format code shows a date/time: a d, m, y or h token outside quoted text,
 * `[...]` sections (colours, locales, elapsed `[h]`) and escaped characters.
 */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyh]/i.test(bare);
}

/** For each cell style index (`s` attribute), whether it formats numbers as dates. */
export function parseDateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const tag of openTags(elementBody(stylesXml, 'numFmts') ?? '', 'numFmt')) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = elementBody(stylesXml, 'cellXfs') ?? '';
  return openTags(cellXfs, 'xf').map((tag) => {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/**
 * Shared strings from the decoded text of sharedStrings.xml, fed in chunks so a 50 MB table
 * never exists as one string.
 */
/** Read access to a workbook's shared strings by index. */
export type SharedStrings = { get(index: number): string | undefined; readonly length: number };

const poolEncoder = new TextEncoder();
const poolDecoder = new TextDecoder();
const CACHE_SLOTS = 4096;
/** Up to this many characters a shared-string table is kept as plain strings (~16 MB at most). */
const SMALL_TABLE_CHARS = 8 * 1024 * 1024;

/**
 * Shared strings kept as one UTF-8 byte pool with offsets, decoded when a cell asks. As JS
 * strings the bench's million unique notes held 216 MB of heap (V8 slices keeping their parent
 * XML chunks alive; 160 MB once copied out, 62% of them two-byte for one ’ or Œ); as UTF-8 they
 * take ~70 MB. A small direct-mapped cache serves the strings a sheet repeats (municipality
 * names, ja/nee) without decoding them again.
 */
export class SharedStringPool implements SharedStrings {
  private bytes = new Uint8Array(1 << 16);
  private ends = new Uint32Array(1024);
  private used = 0;
  length = 0;
  private readonly cacheKeys = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cacheValues: string[] = new Array<string>(CACHE_SLOTS).fill('');
  /**
   * A table of up to SMALL_TABLE_CHARS stays plain strings: encoding each into the pool and
   * decoding it again per cell was ~40 ms of a 100,000-row sheet's 8 MB table, and the memory
   * the pool saves only matters for large tables. Past the limit the strings move to the pool.
   */
  private small: string[] | null = [];
  private smallChars = 0;

  push(text: string): void {
    if (this.small) {
      if (this.smallChars + text.length <= SMALL_TABLE_CHARS) {
        this.small.push(text);
        this.smallChars += text.length;
        this.length++;
        return;
      }
      const small = this.small;
      this.small = null;
      this.length = 0;
      for (const t of small) this.pushBytes(t);
    }
    this.pushBytes(text);
  }

  private pushBytes(text: string): void {
    if (this.length === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    if (this.bytes.length - this.used < text.length * 3) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + text.length * 3));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.used += poolEncoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.ends[this.length++] = this.used;
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    if (this.small) return this.small[index];
    const slot = index & (CACHE_SLOTS - 1);
    if (this.cacheKeys[slot] === index) return this.cacheValues[slot];
    const start = index === 0 ? 0 : (this.ends[index - 1] as number);
    const value = poolDecoder.decode(this.bytes.subarray(start, this.ends[index]));
    this.cacheKeys[slot] = index;
    this.cacheValues[slot] = value;
    return value;
  }

  /** Gives back the room reserved for growth once the table is complete. */
  trim(): void {
    if (this.small) return;
    this.bytes = this.bytes.slice(0, this.used);
    this.ends = this.ends.slice(0, this.length);
  }
}

/** Shared strings from plain strings (tests, empty tables). */
export function sharedStringsOf(strings: readonly string[]): SharedStrings {
  return { get: (i) => strings[i], length: strings.length };
}

export class SharedStringsParser {
  readonly strings = new SharedStringPool();
  private buffer = '';
  private prefix: string | undefined;

  push(text: string): void {
    this.buffer += text;
    if (this.prefix === undefined) {
      const m = /<([\w.-]+:)?sst[\s>]/.exec(this.buffer);
      if (!m) return;
      this.prefix = m[1] ?? '';
    }
    const open = `<${this.prefix}si`;
    const close = `</${this.prefix}si>`;
    const buf = this.buffer;
    const found: string[] = [];
    let from = 0;
    for (;;) {
      const i = buf.indexOf(open, from);
      if (i < 0) break;
      const gt = buf.indexOf('>', i);
      if (gt < 0) break;
      if (buf.charCodeAt(gt - 1) === 47) {
        this.strings.push(''); // <si/>
        from = gt + 1;
        continue;
      }
      const end = buf.indexOf(close, gt);
      if (end < 0) {
        from = i;
        break;
      }
      const text = stringItemText(buf.slice(gt + 1, end), this.prefix);
      if (text.length > LIMITS.cellChars)
        throw readError(
          'import.cell_too_long',
          `Tekst nummer ${this.strings.length + found.length + 1} in de gedeelde tekstenlijst heeft ${text.length.toLocaleString('nl-BE')} tekens; een cel mag er hoogstens ${LIMITS.cellChars.toLocaleString('nl-BE')} hebben (de grens van Excel). Er is niets geïmporteerd. Kort die tekst in en sla het bestand opnieuw op.`,
        );
      found.push(text);
      from = end + close.length;
    }
    this.buffer = from > 0 ? buf.slice(from) : buf;
    if (this.buffer.length > LIMITS.rowXmlChars)
      throw readError(
        'import.cell_too_long',
        `Tekst nummer ${this.strings.length + found.length + 1} in de gedeelde tekstenlijst is groter dan ${LIMITS.rowXmlChars / (1024 * 1024)} MB; een cel mag hoogstens ${LIMITS.cellChars.toLocaleString('nl-BE')} tekens hebben. Er is niets geïmporteerd. Kort die tekst in Excel in en sla het bestand opnieuw op.`,
      );
    for (const t of found) this.strings.push(t);
  }
}
