import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportPlan, ImportPreview } from '../../../src/core/import/api-types';
import type { AppError } from '../../../src/core/result';
import { startCore } from './helpers';

/** One cell as a writer was given it, for checksums: numbers, text, booleans, ISO dates. */
export type Written = string | number | boolean | Date | null;

/**
 * A checksum over all cells of a table, the same for what a writer was given and what the
 * workspace holds: every value as text (dates as YYYY-MM-DD, booleans as 1/0, null as ''),
 * cells joined by \x1f, rows by \x1e, hashed with FNV-1a (64-bit as two 32-bit halves).
 */
export function checksum(rows: readonly (readonly unknown[])[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
    }
  };
  for (const row of rows) {
    for (const v of row) {
      feed(cellText(v));
      feed('\x1f');
    }
    feed('\x1e');
  }
  return `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return String(v);
  return String(v);
}

/** A workbook written by exceljs's streaming WorkbookWriter: it writes no <dimension>. */
export async function streamedXlsx(
  rows: Iterable<Written[]>,
  sheet = 'Blad1',
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

export type Imported = {
  preview?: ImportPreview;
  plan?: ImportPlan;
  error?: AppError;
  /** The table's rows as the workspace holds them, in rowid order. */
  rows: unknown[][];
  columns: string[];
};

/** inspect → preview → run (the CLI's path) into a raw table 't'; never throws on a refusal. */
export async function importRaw(
  fileName: string,
  bytes: Uint8Array,
  options: { acceptValidRows?: boolean } = {},
): Promise<Imported> {
  const { call, session } = await startCore({ reference: false });
  const file = await call('import.inspect', { fileName, bytes });
  if (!file.ok) return { error: file.error, rows: [], columns: [] };
  const sheet = file.value.sheets[0]!.name;
  const preview = await call('import.preview', { fileId: file.value.fileId, sheet });
  if (!preview.ok) return { error: preview.error, rows: [], columns: [] };
  const run = await call('import.run', {
    fileId: file.value.fileId,
    sheet,
    target: { kind: 'raw', table: 't' },
    acceptValidRows: options.acceptValidRows ?? false,
  });
  if (!run.ok) return { preview: preview.value, error: run.error, rows: [], columns: [] };
  const { plan, committed } = run.value;
  if (!committed.ok)
    return { preview: preview.value, plan, error: committed.error, rows: [], columns: [] };
  const result = session.db.exec('SELECT * FROM t ORDER BY rowid')[0];
  const columns = (session.db.exec('PRAGMA table_info(t)')[0]?.values ?? []).map((r) =>
    String(r[1]),
  );
  return { preview: preview.value, plan, rows: result?.values ?? [], columns };
}
