import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportToFile,
  type ExportOutcome,
} from '../../../src/components/export-menu/export-to-file';
import type { ExportFile } from '../../../src/host/host';
import { openFileSink } from '../../../src/node/file-sink';
import { startCore } from '../core/workspace-fixture';

/**
 * The app's export path without the UI: the host opens a file (here the CLI's file sink, the
 * same one Electron's main process uses), the core streams the workbook into it through the
 * job's output, and only a finished job is committed. A cancelled job leaves nothing behind.
 */
let core: Awaited<ReturnType<typeof startCore>>['core'];

beforeAll(async () => {
  core = (await startCore()).core;
  const opened = await core.call('workspace.openDemo', undefined);
  if (!opened.ok) throw new Error(opened.error.message);
}, 120_000);

async function hostFile(dir: string, name: string): Promise<ExportFile & { writes: number[] }> {
  const sink = await openFileSink(join(dir, name));
  const writes: number[] = [];
  return {
    name,
    writes,
    async write(chunk) {
      writes.push(chunk.length);
      await sink.write(chunk);
    },
    async commit() {
      await sink.commit();
      return { ok: true, value: name };
    },
    abort: () => sink.abort(),
  };
}

const ROWS_SQL = (n: number) =>
  `WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < ${n})
   SELECT i AS id, 'Persoon ' || i AS naam, i * 0.25 AS vte FROM r`;

let jobs = 0;
/** Runs a job like the app's export menu does, cancelling at `cancelAt` progress events. */
function run(
  file: ExportFile,
  name: 'export.report' | 'export.table',
  args: object,
  cancelAt?: number,
): Promise<ExportOutcome> {
  const jobId = `job-${++jobs}`;
  let events = 0;
  return exportToFile(
    file,
    (options) =>
      core.call(name, args as never, options.onProgress, options.jobId, options.output) as never,
    {
      jobId,
      onProgress: () => {
        if (++events === cancelAt) core.cancel(jobId);
      },
    },
  );
}

describe('an export streamed into the host’s file', () => {
  it('a table export arrives in pieces of at most 1 MB and reads back row for row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pijlerplan-stream-'));
    const file = await hostFile(dir, 'rijen.xlsx');
    const outcome = await run(file, 'export.table', {
      source: { kind: 'sql', sql: ROWS_SQL(150_000) },
      format: 'xlsx',
    });
    expect(outcome).toEqual({ kind: 'saved', name: 'rijen.xlsx', rows: 150_000 });
    expect(file.writes.length).toBeGreaterThan(1);
    expect(Math.max(...file.writes)).toBeLessThanOrEqual(1 << 20);
    expect(readdirSync(dir)).toEqual(['rijen.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'rijen.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(150_001);
    expect(sheet.getRow(150_001).values).toEqual([undefined, 150_000, 'Persoon 150000', 37_500]);
  }, 120_000);

  it('the report, committed, has all its sheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pijlerplan-stream-'));
    const file = await hostFile(dir, 'rapport.xlsx');
    const outcome = await run(file, 'export.report', { fileName: 'demo.pijlerplan' });
    expect(outcome).toMatchObject({ kind: 'saved', name: 'rapport.xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'rapport.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toContain('Scenariovergelijking');
  }, 120_000);

  it.each([
    ['the report, cancelled after its second sheet', 'export.report', {}, 3],
    [
      'a 300,000-row table, cancelled after bytes reached the file',
      'export.table',
      { source: { kind: 'sql', sql: ROWS_SQL(300_000) }, format: 'xlsx' },
      30,
    ],
  ] as const)(
    '%s: reported as cancelled, no file and no partial file left',
    async (_, name, args, at) => {
      const dir = mkdtempSync(join(tmpdir(), 'pijlerplan-stream-'));
      const file = await hostFile(dir, 'weg.xlsx');
      // The partial file exists while the job runs…
      expect(readdirSync(dir)).toEqual(['weg.xlsx.part']);
      const outcome = await run(file, name, args, at);
      expect(outcome).toEqual({ kind: 'cancelled' });
      if (name === 'export.table') expect(file.writes.length).toBeGreaterThan(0);
      // …and is gone after the cancel; nothing took the chosen name.
      expect(readdirSync(dir)).toEqual([]);
    },
    120_000,
  );
});
