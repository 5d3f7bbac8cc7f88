import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

/**
 * Bench data: 10 columns of what our users' spreadsheets hold (ids, 5-digit NIS codes, Dutch
 * text with accents, quotes, `;` and `&`, dates, decimals, ja/nee), written fast as .xlsx (our
 * own zip writer over node:zlib, shared strings like Excel writes them) and as a Belgian
 * `;`-CSV. The generator computes a checksum over every value so a reader can be checked on
 * content, not only on row counts.
 */

export const COLUMNS = [
  'id',
  'nis_code',
  'gemeente',
  'naam',
  'opmerking',
  'datum',
  'bedrag',
  'vte',
  'aantal',
  'actief',
] as const;

export type Canonical = string | number | null;

const NIS = [
  11001, 11002, 11004, 11005, 12002, 12005, 13001, 13003, 21001, 21004, 21015, 23002, 23003, 24001,
  24007, 31003, 31005, 32003, 33011, 34002, 35002, 36007, 37002, 38002, 41002, 42003, 43002, 44021,
  44083, 45035, 46003, 71002, 71004, 71011, 72003, 73001, 73006, 73109, 44084, 46030,
];
const GEMEENTEN = [
  'Aartselaar',
  'Antwerpen',
  'Borsbeek',
  'Brussel',
  'Sint-Jans-Molenbeek',
  'Koekelberg',
  'Kortrijk',
  'Ieper',
  'Gent',
  'Sint-Niklaas',
  'Hasselt',
  'Genk',
  'Tongeren-Borgloon',
  'Zoë’s dorp',
  'Œudeghien',
  'Forêt',
  'Liège-Luik',
  'Schaerbeek-Schaarbeek',
  'Etterbeek',
  'Sint-Genesius-Rode',
  'Nazareth-De Pinte',
  'Kruisem',
  'Lievegem',
  'Deinze',
  'Bilzen-Hoeselt',
  'Pelt',
  'Oudsbergen',
  'Puurs-Sint-Amands',
  'Merksplas',
  'Hélécine',
];
const VOORNAMEN = [
  'Zoë',
  'Anaïs',
  'Chloé',
  'Noël',
  'José',
  'Inès',
  'Loïc',
  'Mohammed',
  'Ayşe',
  'Björn',
  'Léa',
  'Wout',
  'Renée',
  'Thaïs',
  'Ömer',
];
const FAMILIENAMEN = [
  'Van den Broeck',
  'Peeters',
  'Janssens',
  "D'Hondt",
  'Maes',
  'Dubois',
  'Vermeulen',
  'El Amrani',
  'Öztürk',
  'De Smet',
  'Willems',
  'Lefèvre',
  'Çelik',
];
const OPMERKINGEN = [
  'Eerste intake in het café "De Kroon"; daarna opvolging',
  'Begeleiding naar één loket — afspraak bevestigd',
  'Verhuisd naar Brussel & omgeving; dossier overgedragen',
  'Taalcursus niveau A2 ‘behaald’, attest volgt',
  'Geen reactie op 3 uitnodigingen; “heroproepen” in maart',
  'Buddy gekoppeld 🙂 — eerste ontmoeting gepland',
  'Werkt als kinderbegeleidster; ’s avonds cursus',
  'Noot: <voorlopig> bedrag, te bevestigen',
];

/** Deterministic PRNG (mulberry32) so every run writes the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GenRow = {
  id: number;
  nis: number;
  gemeente: string;
  naam: string;
  opmerking: string;
  /** Days since 1970-01-01. */
  day: number;
  cents: number;
  tenths: number;
  aantal: number;
  actief: boolean;
};

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)] as T;

export function* rows(count: number): Generator<GenRow> {
  const r = rng(20_260_101);
  const day0 = Date.UTC(2015, 0, 1) / 86_400_000;
  for (let id = 1; id <= count; id++) {
    yield {
      id,
      nis: pick(NIS, r()),
      gemeente: pick(GEMEENTEN, r()),
      naam: `${pick(VOORNAMEN, r())} ${pick(FAMILIENAMEN, r())}`,
      opmerking: `${pick(OPMERKINGEN, r())} (nr. ${id})`,
      day: day0 + Math.floor(r() * 4000),
      cents: Math.floor(r() * 10_000_000) - 100_000,
      tenths: 1 + Math.floor(r() * 10),
      aantal: Math.floor(r() * 500),
      actief: r() < 0.7,
    };
  }
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
export const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The values a faithful import stores, in column order. */
export const canonical = (row: GenRow): Canonical[] => [
  row.id,
  String(row.nis),
  row.gemeente,
  row.naam,
  row.opmerking,
  isoDay(row.day),
  row.cents / 100,
  row.tenths / 10,
  row.aantal,
  row.actief ? 1 : 0,
];

/** Order-sensitive checksum over canonical values (numbers rounded to 6 decimals). */
export class Checksum {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  rows = 0;
  add(values: readonly Canonical[]): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (const v of values) {
      const s =
        v === null ? '\u0000' : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : v;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 13);
      }
      h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
      h2 = Math.imul(h2 + 0x1f, 0x5bd1e995);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.rows++;
  }
  digest(): string {
    return `${(this.h1 >>> 0).toString(16).padStart(8, '0')}${(this.h2 >>> 0).toString(16).padStart(8, '0')}:${this.rows}`;
  }
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const belgianDecimal = (cents: number) => {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${whole},${pad2(abs % 100)}`;
};

const csvField = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function writeAll(out: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Write the `;`-separated CSV (UTF-8 with BOM, CRLF, Belgian numbers and dates). */
export async function writeCsv(path: string, count: number): Promise<string> {
  const out = createWriteStream(path);
  const sum = new Checksum();
  let buf = `\ufeff${COLUMNS.join(';')}\r\n`;
  for (const row of rows(count)) {
    sum.add(canonical(row));
    const d = new Date(row.day * 86_400_000);
    buf += `${row.id};${row.nis};${csvField(row.gemeente)};${csvField(row.naam)};${csvField(row.opmerking)};${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()};${belgianDecimal(row.cents)};${String(row.tenths / 10).replace('.', ',')};${row.aantal};${row.actief ? 'ja' : 'nee'}\r\n`;
    if (buf.length > 1 << 20) {
      await writeAll(out, buf);
      buf = '';
    }
  }
  await writeAll(out, buf);
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  return sum.digest();
}

// --- xlsx ----------------------------------------------------------------------------------

type ZipRecord = { name: Buffer; crc: number; size: number; csize: number; offset: number };

/** A streaming zip writer over node:zlib (zip64 not needed: our parts stay below 4 GB). */
class ZipWriter {
  private offset = 0;
  private readonly records: ZipRecord[] = [];
  constructor(private readonly out: WriteStream) {}

  private async raw(data: Uint8Array): Promise<void> {
    this.offset += data.length;
    await writeAll(this.out, data);
  }

  /**
   * Add an entry whose text is produced in chunks by `produce`. The compressed bytes are kept
   * until the end so the local header carries the real sizes, as Excel writes it.
   */
  async add(
    name: string,
    produce: (emit: (text: string) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    let crc = 0;
    let size = 0;
    const compressed: Buffer[] = [];
    const deflater = createDeflateRaw({
      level: 6,
      memLevel: 9,
      strategy: constants.Z_DEFAULT_STRATEGY,
    });
    deflater.on('data', (d: Buffer) => compressed.push(d));
    const ended = new Promise<void>((resolve, reject) => {
      deflater.once('end', resolve);
      deflater.once('error', reject);
    });
    await produce(async (text) => {
      const bytes = Buffer.from(text, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
    });
    deflater.end();
    await ended;
    const csize = compressed.reduce((n, b) => n + b.length, 0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(csize, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    await this.raw(header);
    await this.raw(nameBytes);
    for (const b of compressed) await this.raw(b);
    this.records.push({ name: nameBytes, crc: crc >>> 0, size, csize, offset });
  }

  async close(): Promise<void> {
    const start = this.offset;
    for (const r of this.records) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(r.crc, 16);
      h.writeUInt32LE(r.csize, 20);
      h.writeUInt32LE(r.size, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt32LE(r.offset, 42);
      await this.raw(h);
      await this.raw(r.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
    await new Promise<void>((resolve, reject) =>
      this.out.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
  }
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Gegevens" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** Serial of a day in Excel's 1900 system (all our days are after 1900-03-01). */
const serial = (day: number) => day + 25_569;

/** Write the .xlsx (one sheet "Gegevens", header row + `count` rows); returns the checksum. */
export async function writeXlsx(path: string, count: number): Promise<string> {
  const zip = new ZipWriter(createWriteStream(path));
  const sum = new Checksum();
  const small = async (name: string, text: string) => zip.add(name, (emit) => emit(text));
  await small('[Content_Types].xml', CONTENT_TYPES);
  await small('_rels/.rels', ROOT_RELS);
  await small('xl/workbook.xml', WORKBOOK);
  await small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  await small('xl/styles.xml', STYLES);

  // Shared strings: header labels, the repeating names and the unique notes, like Excel.
  const sst = new Map<string, number>();
  const sstList: string[] = [];
  const si = (s: string) => {
    let i = sst.get(s);
    if (i === undefined) {
      i = sstList.length;
      sst.set(s, i);
      sstList.push(s);
    }
    return i;
  };
  let references = 0;
  await zip.add('xl/worksheets/sheet1.xml', async (emit) => {
    let buf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:J${count + 1}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1">`;
    const letters = 'ABCDEFGHIJ';
    COLUMNS.forEach((c, i) => (buf += `<c r="${letters[i]}1" t="s"><v>${si(c)}</v></c>`));
    references += COLUMNS.length;
    buf += '</row>';
    let r = 1;
    for (const row of rows(count)) {
      r++;
      sum.add(canonical(row));
      buf += `<row r="${r}"><c r="A${r}"><v>${row.id}</v></c><c r="B${r}"><v>${row.nis}</v></c><c r="C${r}" t="s"><v>${si(row.gemeente)}</v></c><c r="D${r}" t="s"><v>${si(row.naam)}</v></c><c r="E${r}" t="s"><v>${si(row.opmerking)}</v></c><c r="F${r}" s="1"><v>${serial(row.day)}</v></c><c r="G${r}" s="2"><v>${row.cents / 100}</v></c><c r="H${r}"><v>${row.tenths / 10}</v></c><c r="I${r}"><v>${row.aantal}</v></c><c r="J${r}" t="b"><v>${row.actief ? 1 : 0}</v></c></row>`;
      references += 3;
      if (buf.length > 1 << 20) {
        await emit(buf);
        buf = '';
      }
    }
    buf +=
      '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    await emit(buf);
  });
  await zip.add('xl/sharedStrings.xml', async (emit) => {
    let buf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${references}" uniqueCount="${sstList.length}">`;
    for (const s of sstList) {
      buf += /^\s|\s$/.test(s)
        ? `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`
        : `<si><t>${xmlEscape(s)}</t></si>`;
      if (buf.length > 1 << 20) {
        await emit(buf);
        buf = '';
      }
    }
    await emit(`${buf}</sst>`);
  });
  await zip.close();
  return sum.digest();
}
