import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/cli-harness';
import { scalar, snapshot, startCore, unwrap } from './helpers';

/**
 * An .xlsx lists its merged cells after all its rows, so knowing them before an import means
 * reading the whole sheet once more. The CLI's import takes them from its own read instead
 * (`deferMerges`): the layout is checked against them at the end, and when merged header cells
 * change it, nothing is written ('import.layout_changed') and the CLI imports again with the
 * merges known. These tests hold both paths to the layout the merges give.
 */

/**
 * Two header rows with merged group labels over 5,000 rows (more than the preview's sample and
 * than one chunk of the sheet's XML, so the sample's read does not reach the merges at the end):
 * without the merges the headers read differently.
 */
async function groupedHeader(merged = true): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('VTE');
  ws.addRow(['Gemeente', 'Begroting', null, 'Realisatie', null]);
  ws.addRow([null, 'VTE', 'Bedrag', 'VTE', 'Bedrag']);
  ws.addRow(['Gent', 2.5, 40000, 2, 31500.5]);
  ws.addRow(['Genk', 1, 16000, 1.5, 24000]);
  for (let i = 0; i < 4998; i++) ws.addRow([`Gemeente ${i}`, 1.5, 100.5, 1.5, 100.5]);
  if (merged) {
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:C1');
    ws.mergeCells('D1:E1');
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A merged title above a plain header: the merge does not change the layout. */
async function mergedTitle(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Telling');
  ws.addRow(['Nieuwkomers per gemeente, 2025']);
  ws.addRow(['NIS-code', 'Gemeente', 'Aantal']);
  ws.addRow([44021, 'Gent', 120]);
  ws.addRow([71022, 'Hasselt', 35]);
  ws.mergeCells('A1:C1');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const GROUPED_COLUMNS = [
  'gemeente',
  'begroting_vte',
  'begroting_bedrag',
  'realisatie_vte',
  'realisatie_bedrag',
];

async function columnsOf(workspace: string, table: string): Promise<unknown[]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(await readFile(workspace));
  try {
    const info = db.exec(`PRAGMA table_info("${table}")`)[0]?.values ?? [];
    return info.map((r) => r[1]).filter((n) => !String(n).startsWith('_'));
  } finally {
    db.close();
  }
}

/** `import.run` of a sheet into a raw table with the merges deferred, as the CLI calls it. */
function runDeferred(
  call: Awaited<ReturnType<typeof startCore>>['call'],
  fileId: string,
  sheet: string,
  table: string,
) {
  return call('import.run', {
    fileId,
    sheet,
    target: { kind: 'raw', table },
    deferMerges: true,
    acceptValidRows: false,
  });
}

describe("'import.run' with the merges deferred", () => {
  it('writes nothing and says import.layout_changed when merged headers change the layout', async () => {
    const { call, session } = await startCore({ reference: false });
    const bytes = await groupedHeader();
    const file = unwrap(await call('import.inspect', { fileName: 'vte.xlsx', bytes }));
    const deferred = unwrap(
      await call('import.preview', { fileId: file.fileId, sheet: 'VTE', deferMerges: true }),
    );
    // Without its merges the sheet's first row is not yet read as a group header.
    expect(deferred.layout.columns.map((c) => c.name)).not.toEqual(GROUPED_COLUMNS);
    const before = snapshot(session.db);
    const ran = await runDeferred(call, file.fileId, 'VTE', 'vte');
    expect(ran.ok ? null : ran.error.code).toBe('import.layout_changed');
    expect(snapshot(session.db)).toBe(before);
    // The read found the merges: the next preview has them without deferring anything.
    const known = unwrap(
      await call('import.preview', { fileId: file.fileId, sheet: 'VTE', deferMerges: true }),
    );
    expect(known.layout.columns.map((c) => c.name)).toEqual(GROUPED_COLUMNS);
    const again = unwrap(await runDeferred(call, file.fileId, 'VTE', 'vte'));
    expect(again.committed.ok ? null : again.committed.error).toBe(null);
    expect(scalar(session.db, 'SELECT sum(begroting_bedrag) FROM vte')).toBe(56000 + 4998 * 100.5);
  });

  it('imports in one pass when the merges do not change the layout', async () => {
    const { call, session } = await startCore({ reference: false });
    const file = unwrap(
      await call('import.inspect', { fileName: 'telling.xlsx', bytes: await mergedTitle() }),
    );
    const ran = unwrap(await runDeferred(call, file.fileId, 'Telling', 'telling'));
    expect(ran.committed.ok).toBe(true);
    expect(ran.plan.layout?.headerRow).toBe(1);
    expect(scalar(session.db, 'SELECT sum(aantal) FROM telling')).toBe(155);
  });
});

describe('cli import of merged header cells', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-merges-'));
    await writeFile(path.join(dir, 'vte.xlsx'), await groupedHeader());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports with the headers the merges give, also in a dry run', async () => {
    const ws = path.join(dir, 'w.pijlerplan');
    const dry = await cli('import', path.join(dir, 'vte.xlsx'), '--into', ws, '--dry-run');
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toContain('begroting_vte (decimal)');
    const result = await cli('import', path.join(dir, 'vte.xlsx'), '--into', ws);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('5000 rijen gelezen');
    expect(await columnsOf(ws, 'vte')).toEqual(GROUPED_COLUMNS);
  });

  it('names only the template the final layout matched, once, when the merges make it import again', async () => {
    // "Los": the same two header rows without merges, which is how the merged file reads
    // before its merges are known. "Samengevoegd": the merged file itself.
    const ws = path.join(dir, 'sjablonen.pijlerplan');
    const loose = path.join(dir, 'los.xlsx');
    await writeFile(loose, await groupedHeader(false));
    const vte = path.join(dir, 'vte.xlsx');
    const saved = [
      await cli('import', loose, '--into', ws, '--table', 'los', '--save-template', 'Los'),
      await cli('import', vte, '--into', ws, '--table', 'vte', '--save-template', 'Samengevoegd'),
    ];
    expect(saved.map((r) => r.code)).toEqual([0, 0]);
    const dry = await cli('import', vte, '--into', ws, '--dry-run');
    expect(dry.code).toBe(0);
    const run = await cli('import', vte, '--into', ws, '--replace');
    expect(run.code).toBe(0);
    for (const result of [dry, run]) {
      expect(result.err).toBe('Sjabloon "Samengevoegd" toegepast (zelfde kolommen als eerder).\n');
      expect(result.out).toContain('5000 rijen gelezen');
    }
  });
});
