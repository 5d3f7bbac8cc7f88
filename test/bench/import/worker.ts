import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'sql.js';
import { loadEngine } from '../../../src/core/db/engine';
import { createRowInserter } from '../../../src/core/import/pipeline/bulk-insert';
import { quoteIdent } from '../../../src/core/mutations/table-info';
import type { InsertStrategy } from '../../../src/core/import/pipeline/bulk-insert';
import { detectSheetLayout, readLayoutRows } from '../../../src/core/import/readers/layout';
import type { ColumnType, SqlValue } from '../../../src/core/import/types';
import { makeColumnParser, parseValue } from '../../../src/core/import/readers/values';
import { openWorkbook } from '../../../src/core/import/readers/workbook';
import { Checksum, COLUMNS } from './generate';
import type { Canonical } from './generate';

/**
 * One bench case in its own process (so peak RSS is per case). Prints one JSON line:
 * { ms, rssMB, rows, checksum, garbled, problems }.
 * Usage: node --import tsx worker.ts <real|ours|exceljs|insert-<strategy>> <file>
 * (real: the CLI's path through the handlers; ours: the readers + inserter alone)
 */

const SQL_TYPE: Record<ColumnType, string> = {
  text: 'TEXT',
  nis_code: 'TEXT',
  date: 'TEXT',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  decimal: 'REAL',
  percent: 'REAL',
  currency: 'REAL',
};

function tableChecksum(db: Database, table: string): string {
  const sum = new Checksum();
  const stmt = db.prepare(`SELECT * FROM ${quoteIdent(table)} ORDER BY rowid`);
  while (stmt.step()) sum.add(stmt.get() as Canonical[]);
  stmt.free();
  return sum.digest();
}

async function ours(file: string) {
  const t0 = performance.now();
  const bytes = readFileSync(file);
  const SQL = await loadEngine();
  const db = new SQL.Database();
  const opened = await openWorkbook(bytes, basename(file));
  if (!opened.ok) throw new Error(opened.error.message);
  const reader = opened.value;
  const sheet = (reader.sheets[0] as { name: string }).name;
  const detected = await detectSheetLayout(reader, sheet);
  if (!detected.ok) throw new Error(detected.error.message);
  const { layout } = detected.value;
  const columns = layout.columns;
  db.run(
    `CREATE TABLE t (${columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`,
  );
  db.run('BEGIN');
  const inserter = createRowInserter(
    db,
    't',
    columns.map((c) => c.name),
  );
  let problems = 0;
  const parsers = columns.map((c) => makeColumnParser(c, { date1904: reader.date1904 }));
  const indices = columns.map((c) => c.index);
  const read = await readLayoutRows(reader, sheet, layout, (rows) => {
    const out: SqlValue[][] = [];
    for (const row of rows) {
      if (row.length === 0) continue;
      const values: SqlValue[] = new Array<SqlValue>(columns.length);
      for (let k = 0; k < columns.length; k++) {
        const parsed = parsers[k]!(row[indices[k]!] ?? null);
        if (parsed.ok) values[k] = parsed.value;
        else {
          values[k] = null;
          problems++;
        }
      }
      out.push(values);
    }
    inserter.add(out);
  });
  if (!read.ok) throw new Error(read.error.message);
  inserter.finish();
  db.run('COMMIT');
  const ms = performance.now() - t0;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  return {
    ms,
    rssMB,
    rows: inserter.inserted,
    checksum: tableChecksum(db, 't'),
    problems,
    memory: Object.fromEntries(
      Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)]),
    ),
    types: columns.map((c) => `${c.name}:${c.type}`).join(' '),
  };
}

/**
 * Our import as the user gets it: the steps `npm run cli -- import <file> --into <ws>` takes
 * (open and hash the file, a new workspace, import.inspectSource → import.preview → import.run:
 * detection,
 * parsing, validation, diff counts and the inserts in one transaction, logged and undoable).
 * Writing the workspace file is timed on its own (`saveMs`), outside `ms` and `rssMB`.
 */
async function real(file: string) {
  // Module loading (tsx compiles the TypeScript on the fly) is start-up, outside the timing, as
  // for the other cases; loading the sql.js engine and the workspace schema are inside.
  const { startCliCore } = await import('../../../src/cli/core');
  const { writeWorkspaceFile } = await import('../../../src/node/workspace-files');
  const { openSpreadsheet, inflateWithNodeZlib } = await import('../../../src/cli/commands/import');
  const { rawTableName } = await import('../../../src/core/import/pipeline/mapping');
  const t0 = performance.now();
  inflateWithNodeZlib();
  const opened = await openSpreadsheet(file);
  if (!opened.ok) throw new Error(opened.error.message);
  const core = await startCliCore();
  const created = await core.call('workspace.new', { name: 'bench' });
  if (!created.ok) throw new Error(created.error.message);
  const inspected = await core.call('import.inspectSource', {
    fileName: basename(file),
    source: opened.value.source,
    sha256: opened.value.sha256,
  });
  if (!inspected.ok) throw new Error(inspected.error.message);
  const sheet = inspected.value.sheets[0]!.name;
  const preview = await core.call('import.preview', { fileId: inspected.value.fileId, sheet });
  if (!preview.ok) throw new Error(preview.error.message);
  const table = rawTableName(basename(file));
  const ran = await core.call('import.run', {
    fileId: inspected.value.fileId,
    sheet,
    target: { kind: 'raw', table },
    acceptValidRows: false,
  });
  if (!ran.ok) throw new Error(ran.error.message);
  if (!ran.value.committed.ok) throw new Error(ran.value.committed.error.message);
  const ms = performance.now() - t0;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  const s0 = performance.now();
  const exported = await core.call('workspace.export', undefined);
  const out = `${file}.bench.pijlerplan`;
  await writeWorkspaceFile(out, exported);
  const saveMs = performance.now() - s0;
  const session = await core.session();
  return {
    ms,
    rssMB,
    saveMs,
    saveRssMB: process.resourceUsage().maxRSS / 1024,
    rows: ran.value.committed.value.rowsInserted,
    checksum: tableChecksum(session.db, table),
    problems: ran.value.plan.issueCount ?? 0,
  };
}

/** The straightforward approach: exceljs streaming reader, known column types, prepared inserts. */
async function exceljs(file: string) {
  const t0 = performance.now();
  const SQL = await loadEngine();
  const db = new SQL.Database();
  db.run(
    `CREATE TABLE t (id INTEGER, nis_code TEXT, gemeente TEXT, naam TEXT, opmerking TEXT, datum TEXT, bedrag REAL, vte REAL, aantal INTEGER, actief INTEGER)`,
  );
  db.run('BEGIN');
  const stmt = db.prepare(`INSERT INTO t VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  let garbled = 0;
  let rows = 0;
  const text = (v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    const s =
      typeof v === 'object' && 'richText' in (v as object)
        ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
        : String(v);
    if (s.includes('\ufffd')) garbled++;
    return s;
  };
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue;
      const v = row.values as unknown[];
      const date = v[6];
      stmt.run([
        v[1] as number,
        String(v[2]).padStart(5, '0'),
        text(v[3]),
        text(v[4]),
        text(v[5]),
        date instanceof Date ? date.toISOString().slice(0, 10) : (date as number),
        v[7] as number,
        v[8] as number,
        v[9] as number,
        v[10] === true ? 1 : v[10] === false ? 0 : null,
      ]);
      rows++;
    }
  }
  stmt.free();
  db.run('COMMIT');
  const ms = performance.now() - t0;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  return { ms, rssMB, rows, checksum: tableChecksum(db, 't'), garbled };
}

/** Insert strategy comparison: the same parsed rows into sql.js three ways. */
async function insertOnly(file: string, strategy: InsertStrategy) {
  const bytes = readFileSync(file);
  const opened = await openWorkbook(bytes, basename(file));
  if (!opened.ok) throw new Error(opened.error.message);
  const reader = opened.value;
  const sheet = (reader.sheets[0] as { name: string }).name;
  const detected = await detectSheetLayout(reader, sheet);
  if (!detected.ok) throw new Error(detected.error.message);
  const { layout } = detected.value;
  const all: SqlValue[][] = [];
  await readLayoutRows(reader, sheet, layout, (rows) => {
    for (const row of rows)
      all.push(
        layout.columns.map((c) => {
          const p = parseValue(row[c.index] ?? null, c.type, { numberStyle: c.numberStyle });
          return p.ok ? p.value : null;
        }),
      );
  });
  const SQL = await loadEngine();
  const db = new SQL.Database();
  db.run(
    `CREATE TABLE t (${layout.columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`,
  );
  const t0 = performance.now();
  db.run('BEGIN');
  const inserter = createRowInserter(
    db,
    't',
    layout.columns.map((c) => c.name),
    strategy,
  );
  for (let i = 0; i < all.length; i += 5000) inserter.add(all.slice(i, i + 5000));
  inserter.finish();
  db.run('COMMIT');
  const ms = performance.now() - t0;
  return {
    ms,
    rssMB: process.resourceUsage().maxRSS / 1024,
    rows: inserter.inserted,
    checksum: tableChecksum(db, 't'),
  };
}

const cpu0 = process.cpuUsage();
const [mode, file] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: worker.ts <mode> <file>');
const result =
  mode === 'real'
    ? await real(file)
    : mode === 'ours'
      ? await ours(file)
      : mode === 'exceljs'
        ? await exceljs(file)
        : await insertOnly(file, mode.replace(/^insert-/, '') as InsertStrategy);
const cpu = process.cpuUsage(cpu0);
process.stdout.write(`${JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
