import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../../src/core/import/types';
import { openWorkbook, readAllRows } from '../../../src/core/import/readers/workbook';

/**
 * Issue 6, case 7: hostile sizes are refused with a clear message, in bounded memory and time,
 * measured in this process (peak RSS growth and elapsed time), not asserted as a speed.
 */

const MB = 1024 * 1024;
const enc = new TextEncoder();

/** A byte source made up as it is read: a 200 MB file without 200 MB in memory. */
function madeUp(head: string, fill: number | string, size: number, tail = ''): ByteSource {
  const h = enc.encode(head);
  const t = enc.encode(tail);
  const unit = typeof fill === 'number' ? Uint8Array.of(fill) : enc.encode(fill);
  // The fill as one block a whole number of units long, copied out in slices.
  const block = new Uint8Array(Math.ceil(MB / unit.length) * unit.length * 2);
  for (let i = 0; i < block.length; i++) block[i] = unit[i % unit.length]!;
  const period = block.length / 2;
  const total = h.length + size + t.length;
  return {
    size: total,
    read(offset, length) {
      const out = new Uint8Array(Math.max(0, Math.min(length, total - offset)));
      let p = offset;
      let o = 0;
      while (o < out.length) {
        if (p < h.length) {
          const n = Math.min(h.length - p, out.length - o);
          out.set(h.subarray(p, p + n), o);
          o += n;
          p += n;
        } else if (p < h.length + size) {
          const at = (p - h.length) % period;
          const n = Math.min(period, h.length + size - p, out.length - o);
          out.set(block.subarray(at, at + n), o);
          o += n;
          p += n;
        } else {
          const n = Math.min(total - p, out.length - o);
          out.set(t.subarray(p - h.length - size, p - h.length - size + n), o);
          o += n;
          p += n;
        }
      }
      return Promise.resolve(out);
    },
  };
}

/**
 * Raw deflate of `prefix + 'A' × (segments × 8 MB) + suffix` without doing the work: after the
 * first full-flushed segment the window is all 'A', so every next segment compresses to the
 * same bytes, repeated.
 */
async function bomb(
  prefix: string,
  segments: number,
  suffix: string,
  fill = 'A',
): Promise<Uint8Array> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const take = () => Buffer.concat(out.splice(0));
  const flush = () =>
    new Promise<Buffer>((resolve) =>
      deflate.flush(zlib.constants.Z_FULL_FLUSH, () => resolve(take())),
    );
  const unit = Buffer.from(fill);
  const segment = Buffer.alloc(Math.floor((8 * MB) / unit.length) * unit.length, unit);
  deflate.write(Buffer.concat([Buffer.from(prefix), segment]));
  const first = await flush();
  deflate.write(segment);
  const second = await flush();
  deflate.write(segment);
  const third = await flush();
  expect(third.equals(second)).toBe(true);
  deflate.end(Buffer.from(suffix));
  await new Promise((resolve) => deflate.on('end', resolve));
  const last = take();
  return Buffer.concat([first, ...Array.from({ length: segments - 1 }, () => second), last]);
}

/** A zip from parts, each deflated (or given deflated with its inflated size). */
function zip(
  parts: { name: string; text?: string; deflated?: Uint8Array; size?: number }[],
): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = part.deflated ?? zlib.deflateRawSync(Buffer.from(part.text ?? ''));
    const size = part.size ?? Buffer.byteLength(part.text ?? '');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(data));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size >>> 0, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function workbookParts(sheet: { deflated: Uint8Array; size: number }) {
  return zip([
    { name: '[Content_Types].xml', text: '<Types/>' },
    {
      name: '_rels/.rels',
      text: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ]);
}

/** Runs `work`, measuring peak RSS growth (MB) and elapsed seconds in this process. */
async function bounded<T>(
  work: () => Promise<T>,
): Promise<{ value: T; peakMB: number; seconds: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMB: (peak - before) / MB, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(sampler);
  }
}

async function readSheet(input: Uint8Array | ByteSource, name: string) {
  const opened = await openWorkbook(input, name);
  if (!opened.ok) return opened;
  return readAllRows(opened.value, opened.value.sheets[0]!.name);
}

/** Reads every row without keeping them (as the import does), counting. */
async function countSheet(input: Uint8Array | ByteSource, name: string) {
  const opened = await openWorkbook(input, name);
  if (!opened.ok) return opened;
  let rows = 0;
  const read = await opened.value.readRows(opened.value.sheets[0]!.name, (batch) => {
    rows += batch.length;
  });
  return read.ok ? { ok: true as const, value: rows } : read;
}

describe('hostile sizes: refused clearly, in bounded memory and time', () => {
  it.each<[string, () => Promise<Uint8Array | ByteSource>, string, string, RegExp]>([
    [
      'a 2.2 GB one-cell "zip bomb" in an .xlsx',
      async () => {
        const segments = 275; // 275 × 8 MB = 2.2 GB of one cell
        const prefix = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
        const suffix = '</t></is></c></row></sheetData></worksheet>';
        const deflated = await bomb(prefix, segments, suffix);
        expect(deflated.length).toBeLessThan(12 * MB);
        return workbookParts({ deflated, size: 0xffffffff });
      },
      'bom.xlsx',
      'import.row_too_large',
      /Rij 1 van het werkblad is groter dan 16 MB/,
    ],
    [
      'a 2.2 GB sheet of small rows squeezed beyond 500×',
      async () => {
        const prefix = `<worksheet xmlns="${NS}"><sheetData>`;
        // Rows of one 30,000-character cell each: every row and cell within Excel's limits, but
        // a ratio no workbook has.
        const deflated = await bomb(
          prefix,
          275,
          '</sheetData></worksheet>',
          `<row><c t="inlineStr"><is><t>${'A'.repeat(30_000)}</t></is></c></row>`,
        );
        return workbookParts({ deflated, size: 0xffffffff });
      },
      'dicht.xlsx',
      'import.zip_bomb',
      /meer dan 500 keer zo groot/,
    ],
    [
      'more rows than Excel allows (2.2 GB of empty rows)',
      async () => {
        const prefix = `<worksheet xmlns="${NS}"><sheetData>`;
        // Row after row without cells: tiny rows, a huge ratio, never one large row.
        const deflated = await bomb(prefix, 275, '</sheetData></worksheet>', '<row/>');
        return workbookParts({ deflated, size: 0xffffffff });
      },
      'rijen.xlsx',
      'import.too_many_rows',
      /meer dan 1\.048\.576 rijen/,
    ],
    [
      'a 200 MB single CSV field',
      () => Promise.resolve(madeUp('nr;tekst\n1;"', 0x78, 200 * MB, '"\n')),
      'veld.csv',
      'import.line_too_long',
      /Regel 2 is langer dan 8 MB/,
    ],
    [
      'a 200 MB line',
      () => Promise.resolve(madeUp('nr;tekst\n1;', 'x;', 200 * MB, '\n')),
      'regel.csv',
      'import.line_too_long',
      /Regel 2 is langer dan 8 MB/,
    ],
    [
      'a cell over 32,767 characters',
      () => Promise.resolve(madeUp('nr;tekst\n1;', 0x78, 40_000, '\n2;b\n')),
      'cel.csv',
      'import.cell_too_long',
      /Cel B2 \(rij 2\) bevat 40\.000 tekens/,
    ],
  ])(
    '%s',
    async (_label, make, name, code, message) => {
      const input = await make();
      const { value, peakMB, seconds } = await bounded(() => countSheet(input, name));
      expect(value.ok).toBe(false);
      if (value.ok) return;
      expect(value.error.code).toBe(code);
      expect(value.error.message).toMatch(message);
      expect(value.error.message).toMatch(/Er is niets geïmporteerd/);
      // Bounded: far below the 2-3 GB and minutes these took before.
      expect(peakMB).toBeLessThan(400);
      expect(seconds).toBeLessThan(60);
    },
    120_000,
  );

  it('rows of 1 MB and 4 MB (many fields, across the 1 MB read chunks) parse whole', async () => {
    const sizes = [1, 4].map((m) => m * MB);
    const rowsOf = async (size: number) => {
      const result = await readSheet(
        madeUp('a;b\n1;', 0x78, 0, `${'x;'.repeat(size / 2)}\n2;y\n`),
        'lang.csv',
      );
      return result.ok ? result.value : [];
    };
    for (const size of sizes) {
      const rows = await rowsOf(size);
      expect(rows).toHaveLength(3);
      expect(rows[1]!.length).toBe(size / 2 + 2);
    }
  }, 120_000);
});
