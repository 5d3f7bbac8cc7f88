import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/import/types';
import { checksum, streamedXlsx, type Written } from '../import-pipeline/fidelity-helpers';
import { open, rawXlsx, rowsOf, sheetXml } from './fixtures';

/**
 * Issue 6, "must be true" 1 and 2: workbooks from four different writers read back with the
 * same row count and checksum as was written; and exceljs's non-streaming reader as an
 * independent oracle, cell by cell, over 22 generated workbooks of varied shape.
 */

/** Our cell as the checksum's plain value: dates as their ISO text. */
const plain = (c: CellValue | undefined): unknown =>
  c === undefined ? null : c !== null && typeof c === 'object' ? c.date : c;

/** The rows up to the last non-empty one, each cut after its last non-empty cell. */
function trimmed(rows: readonly (readonly unknown[])[]): unknown[][] {
  const out = rows.map((r) => {
    const row = r.map((c) => (c === undefined || c === '' ? null : c));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

const TABLE: Written[][] = [
  ['nr', 'naam', 'bedrag', 'actief'],
  ...Array.from({ length: 1500 }, (_, i): Written[] => [
    i + 1,
    i % 7 === 0 ? `Œuvre “${i}” & <co>` : `Gemeente ${i} é`,
    Math.round(i * 1234.5678) / 100,
    i % 3 === 0,
  ]),
];

/** The minimal package: inline strings, no styles part, no dimension, no shared strings. */
function handWritten(rows: Written[][]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xml = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (typeof v === 'string')
            return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
          return `<c r="${ref}"><v>${String(v)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return rawXlsx({ sheets: [{ name: 'Blad1', xml: sheetXml(xml) }] });
}

async function exceljsWorkbook(rows: Written[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(
  (p) => spawnSync(p, ['--version'], { encoding: 'utf8' }).status === 0,
);

/** LibreOffice headless re-saves an exceljs workbook with its own writer. */
async function libreOffice(rows: Written[][]): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pijlerplan-lo-'));
  try {
    const input = path.join(dir, 'in', 'tabel.xlsx');
    execFileSync('mkdir', ['-p', path.dirname(input)]);
    writeFileSync(input, await exceljsWorkbook(rows));
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        input,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return new Uint8Array(readFileSync(path.join(dir, 'tabel.xlsx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('four writers: every row and cell read back as written', () => {
  if (!soffice)
    console.log(
      'LET OP: soffice (LibreOffice) niet gevonden; de vierde schrijver wordt overgeslagen. Installeer libreoffice-calc-nogui.',
    );
  it.each<[string, (rows: Written[][]) => Promise<Uint8Array>, boolean]>([
    ['exceljs Workbook (with <dimension>)', exceljsWorkbook, true],
    ['exceljs streaming WorkbookWriter (without)', (rows) => streamedXlsx(rows), true],
    [
      'hand-written minimal package (inline strings, no styles)',
      (rows) => Promise.resolve(handWritten(rows)),
      true,
    ],
    ['LibreOffice headless conversion', libreOffice, soffice !== undefined],
  ])(
    '%s',
    async (_label, write, available) => {
      if (!available) return;
      const bytes = await write(TABLE);
      const rows = await rowsOf(await open(bytes, 'tabel.xlsx'));
      const got = trimmed(rows.map((r) => r.map(plain)));
      expect(got).toHaveLength(TABLE.length);
      expect(checksum(got)).toBe(checksum(TABLE));
    },
    180_000,
  );
});

// --- The oracle -----------------------------------------------------------------------------

/** A small deterministic PRNG (mulberry32), so a failing workbook can be made again. */
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

type Shape = {
  rows: number;
  cols: number;
  sparse: number;
  merges: number;
  emptyRows: boolean;
  streaming: boolean;
  kinds: ('int' | 'dec' | 'text' | 'bool' | 'date' | 'datetime' | 'formula' | 'rich' | 'error')[];
};

const ALL_KINDS: Shape['kinds'] = [
  'int',
  'dec',
  'text',
  'bool',
  'date',
  'datetime',
  'formula',
  'rich',
  'error',
];
const SIZES = [0, 1, 2, 5, 17, 50, 199, 200, 201, 1000, 2500, 5000];

const SHAPES: Shape[] = Array.from({ length: 22 }, (_, k) => {
  const r = rng(1000 + k);
  return {
    rows: SIZES[k % SIZES.length]!,
    cols: 1 + Math.floor(r() * 12),
    sparse: k % 3 === 0 ? 0.5 : k % 3 === 1 ? 0.1 : 0,
    merges: k % 4 === 0 ? 3 : 0,
    emptyRows: k % 2 === 0,
    streaming: k % 3 === 2,
    kinds: k % 5 === 0 ? ['int', 'text'] : ALL_KINDS,
  };
});

function cellFor(
  kind: Shape['kinds'][number],
  r: () => number,
  row: number,
  col: number,
): ExcelJS.CellValue {
  switch (kind) {
    case 'int':
      return Math.floor(r() * 200_000) - 100_000;
    case 'dec':
      return Math.round(r() * 1e8) / 1e4;
    case 'text':
      return ['Gent', 'Sint-Niklaas', 'Œuvre & co', 'a<b>c', ' spatie ', 'ĳsland 🙂', "l'été"][
        Math.floor(r() * 7)
      ]!;
    case 'bool':
      return r() < 0.5;
    case 'date':
      return new Date(
        Date.UTC(1990 + Math.floor(r() * 40), Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      );
    case 'datetime':
      return new Date(
        Date.UTC(
          2024,
          Math.floor(r() * 12),
          1 + Math.floor(r() * 28),
          Math.floor(r() * 24),
          Math.floor(r() * 60),
          Math.floor(r() * 60),
        ),
      );
    case 'formula': {
      const n = Math.floor(r() * 1000);
      return { formula: `${n}+${row + col}`, result: n + row + col } as ExcelJS.CellFormulaValue;
    }
    case 'rich':
      return { richText: [{ text: 'vet ', font: { bold: true } }, { text: `deel ${row}` }] };
    case 'error':
      return { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  }
}

async function generate(shape: Shape, seed: number): Promise<Uint8Array> {
  const r = rng(seed);
  const colKinds = Array.from(
    { length: shape.cols },
    () => shape.kinds[Math.floor(r() * shape.kinds.length)]!,
  );
  const rows: ExcelJS.CellValue[][] = [];
  for (let i = 0; i < shape.rows; i++) {
    if (shape.emptyRows && i > 0 && i % 37 === 0) {
      rows.push([]);
      continue;
    }
    rows.push(colKinds.map((kind, c) => (r() < shape.sparse ? null : cellFor(kind, r, i, c))));
  }
  const merges: string[] = [];
  for (let m = 0; m < shape.merges && shape.rows > 4 && shape.cols > 1; m++) {
    const top = 1 + m * 2;
    merges.push(`A${top}:B${top}`);
  }
  const style = (ws: ExcelJS.Worksheet) => {
    colKinds.forEach((kind, c) => {
      if (kind === 'date') ws.getColumn(c + 1).numFmt = 'dd/mm/yyyy';
      if (kind === 'datetime') ws.getColumn(c + 1).numFmt = 'dd/mm/yyyy hh:mm:ss';
    });
  };
  if (shape.streaming) {
    const chunks: Buffer[] = [];
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useSharedStrings: seed % 2 === 0,
      useStyles: true,
    });
    const ws = wb.addWorksheet('Blad1');
    style(ws);
    for (const m of merges) ws.mergeCells(m);
    for (const row of rows) ws.addRow(row).commit();
    ws.commit();
    await wb.commit();
    return new Uint8Array(Buffer.concat(chunks));
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  style(ws);
  for (const row of rows) ws.addRow(row);
  for (const m of merges) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** exceljs's date as our reader gives it: the date, with the time when it is not midnight. */
function isoOf(d: Date): string {
  const iso = d.toISOString().slice(0, 19);
  return iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso;
}

/**
 * An exceljs cell as our reader would give it. The differences this explains are exceljs's
 * representation, not the file's content: a formula is {formula, result} (the file holds the
 * cached result), rich text is {richText} runs (the file's text is the runs joined), an error
 * is {error} (the file holds its text), a date is a JS Date (the file a serial with a date
 * format), and every cell of a merged range reports the top-left value (the file holds it only
 * in the top-left cell).
 */
function oracleValue(cell: ExcelJS.Cell): unknown {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v = cell.value as unknown;
  const norm = (x: unknown): unknown => {
    if (x === null || x === undefined) return null;
    if (x instanceof Date) return isoOf(x);
    if (typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ('richText' in o) return (o.richText as { text: string }[]).map((t) => t.text).join('');
      if ('formula' in o || 'sharedFormula' in o) return norm(o.result);
      if ('error' in o) return o.error;
      if ('text' in o) return o.text;
    }
    return x;
  };
  return norm(v);
}

describe('oracle: our reader against exceljs non-streaming reader, cell by cell', () => {
  it.each(SHAPES.map((shape, k) => [k, shape] as const))(
    'workbook %i',
    async (k, shape) => {
      const bytes = await generate(shape, 7000 + k);
      const ours = trimmed(
        (await rowsOf(await open(bytes, `oracle-${k}.xlsx`))).map((r) => r.map(plain)),
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const theirs: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: unknown[] = [];
        for (let c = 1; c <= Math.max(row.cellCount, shape.cols); c++)
          cells.push(oracleValue(row.getCell(c)));
        theirs[n - 1] = cells;
      });
      const expected = trimmed(Array.from(theirs, (r) => r ?? []));
      // Zero row-count differences.
      expect(ours.length).toBe(expected.length);
      // Every cell equal once exceljs's representation is explained away (see oracleValue).
      const differences: string[] = [];
      for (let r = 0; r < expected.length; r++) {
        const a = ours[r] ?? [];
        const b = expected[r] ?? [];
        for (let c = 0; c < Math.max(a.length, b.length); c++)
          if ((a[c] ?? null) !== (b[c] ?? null))
            differences.push(
              `${String.fromCharCode(65 + c)}${r + 1}: ours ${JSON.stringify(a[c])}, exceljs ${JSON.stringify(b[c])}`,
            );
      }
      expect(differences.slice(0, 10)).toEqual([]);
      // The comparison compared something: the workbook's filled cells, all of them.
      const filled = expected.flat().filter((v) => v !== null).length;
      if (shape.rows > 0 && shape.sparse < 1) expect(filled).toBeGreaterThan(0);
    },
    120_000,
  );
});
