import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { streamCompression, type Compression } from '../../../src/core/export/xlsx/compression';
import { XlsxWriter } from '../../../src/core/export/xlsx/workbook';
import { fallbackCrc32 } from '../../../src/core/export/xlsx/zip-stream';
import { nodeCompression } from '../../../src/node/native-compression';
import { written } from './helpers';

/** 20,000 rows: several of the sheet writer's 64 KB pieces, so pieces are joined. */
const ROWS = 20_000;
const rowOf = (i: number) => [i + 1, `Persoon ${i + 1} — Éléonore & <co>`, (i % 97) / 4];

async function workbook(compression: Compression | undefined): Promise<Uint8Array> {
  return written(async (sink) => {
    const writer = new XlsxWriter(sink, { title: 'Proef' }, compression);
    const sheet = writer.addSheet('Gegevens', { columns: [{}, { width: 30 }, { style: 'fte' }] });
    sheet.row(['id', 'naam', 'vte']);
    for (let i = 0; i < ROWS; i++) {
      sheet.row(rowOf(i));
      if ((i & 255) === 0) await writer.maybeDrain();
    }
    writer.addSheet('Tweede').row(['nog een blad']);
    await writer.finish();
  });
}

const compressors: [string, Compression | undefined][] = [
  ['fflate (the core on its own)', undefined],
  ['node:zlib, pieces joined by sync flushes', nodeCompression()],
  ['CompressionStream, asynchronous (the worker)', streamCompression() ?? undefined],
];

describe('the deflate behind the .xlsx writer', () => {
  it('the fallback CRC-32 equals zlib’s, also continued over pieces', () => {
    const bytes = new TextEncoder().encode('Vierde pijler — rapport '.repeat(1000));
    expect(fallbackCrc32(bytes, 0)).toBe(crc32(bytes));
    const half = bytes.length >> 1;
    expect(fallbackCrc32(bytes.subarray(half), fallbackCrc32(bytes.subarray(0, half), 0))).toBe(
      crc32(bytes),
    );
  });

  it('CompressionStream exists here, so the asynchronous path is really tested', () => {
    expect(streamCompression()).not.toBeNull();
  });

  it.each(compressors)(
    '%s: a valid zip that exceljs reads back row for row',
    async (_, compression) => {
      const file = await workbook(compression);
      // fflate's unzip checks every entry's CRC and size against the directory.
      const parts = unzipSync(file);
      expect(Object.keys(parts)).toContain('xl/worksheets/sheet2.xml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Gegevens')!;
      expect(sheet.rowCount).toBe(ROWS + 1);
      for (const i of [0, 1, 4_999, 12_345, ROWS - 1]) {
        expect(sheet.getRow(i + 2).values).toEqual([undefined, ...rowOf(i)]);
      }
      expect(book.getWorksheet('Tweede')!.getCell('A1').value).toBe('nog een blad');
    },
  );
});
