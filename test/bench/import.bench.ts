import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeCsv, writeXlsx } from './import/generate';

/**
 * Import speed, side by side in one run: our import as the user gets it ("ours (CLI path)": the
 * file on disk → import.inspect → import.preview → import.run into a workspace in memory, the
 * steps `npm run cli -- import` takes; writing the workspace file is reported apart), our readers
 * with the bulk inserter alone, against the straightforward approach (exceljs streaming reader + prepared inserts),
 * the sqlite3 CLI `.import` and pandas when installed. Every case runs in its own process so
 * peak memory is per case; content is verified with a checksum over all columns against the
 * generator's own.
 *
 * `npm run bench -- import` (the default) runs the CLI as a user does: see runCli.
 * BENCH_IMPORT_INPROCESS=1 runs the in-process cases instead (BENCH_IMPORT_QUICK=1: the 100k
 * cases only; BENCH_IMPORT_SKIP_BASELINES=1 leaves out exceljs/sqlite3/pandas).
 */

const here = dirname(fileURLToPath(import.meta.url));
const WORKER = join(here, 'import', 'worker.ts');
/** Bump when the generator's output changes, so cached files are rewritten. */
const GENERATOR_VERSION = 3;

export type ImportBenchRow = {
  case: string;
  rows: number | null;
  seconds: number | null;
  cpuSeconds: number | null;
  peakMB: number | null;
  content: string;
  target?: string;
  verdict?: 'ok' | 'MISSED';
  note?: string;
};

type Fixture = { path: string; checksum: string };

async function fixture(kind: 'xlsx' | 'csv', rows: number): Promise<Fixture> {
  const dir = join(tmpdir(), 'pijlerplan-bench-import');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `gegevens-${rows}-v${GENERATOR_VERSION}.${kind}`);
  const meta = `${path}.json`;
  if (existsSync(path) && existsSync(meta))
    return { path, checksum: JSON.parse(readFileSync(meta, 'utf8')).checksum };
  const started = performance.now();
  const partial = `${path}.part`;
  const checksum = kind === 'xlsx' ? await writeXlsx(partial, rows) : await writeCsv(partial, rows);
  renameSync(partial, path);
  writeFileSync(meta, JSON.stringify({ checksum }));
  console.log(`  generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { path, checksum };
}

type WorkerResult = {
  ms: number;
  cpuMs: number;
  rssMB: number;
  rows: number;
  checksum: string;
  garbled?: number;
  problems?: number;
  saveMs?: number;
  saveRssMB?: number;
};

function runWorker(mode: string, file: string): WorkerResult | { error: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', WORKER, mode, file], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    timeout: 15 * 60_000,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as WorkerResult;
  } catch {
    return {
      error: (child.stderr || child.stdout || String(child.error))
        .trim()
        .split('\n')
        .slice(-3)
        .join(' '),
    };
  }
}

/** A command's wall time, CPU and peak RSS from GNU time. */
function timed(
  command: string,
  args: string[],
): { seconds: number; cpuSeconds: number; peakMB: number } | null {
  if (!existsSync('/usr/bin/time')) return null;
  const child = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', command, ...args], {
    encoding: 'utf8',
  });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr);
  if (!m) return null;
  return {
    seconds: Number(m[1]),
    cpuSeconds: Number(m[2]) + Number(m[3]),
    peakMB: Number(m[4]) / 1024,
  };
}

function caseRow(
  name: string,
  fixtureInfo: Fixture,
  result: WorkerResult | { error: string },
  target?: { seconds?: number; peakMB?: number; label: string },
): ImportBenchRow {
  if ('error' in result)
    return {
      case: name,
      rows: null,
      seconds: null,
      cpuSeconds: null,
      peakMB: null,
      content: 'failed',
      note: result.error,
    };
  const contentOk = result.checksum === fixtureInfo.checksum;
  const row: ImportBenchRow = {
    case: name,
    rows: result.rows,
    seconds: result.ms / 1000,
    cpuSeconds: result.cpuMs / 1000,
    peakMB: result.rssMB,
    content: contentOk
      ? 'checksum ok'
      : `checksum MISMATCH${result.garbled ? ` (${result.garbled} garbled cells)` : ''}`,
  };
  const notes: string[] = [];
  if (result.problems) notes.push(`${result.problems} cells refused`);
  if (result.saveMs !== undefined)
    notes.push(
      `+ writing the workspace file ${(result.saveMs / 1000).toFixed(2)} s, peak then ${Math.round(result.saveRssMB ?? 0)} MB`,
    );
  if (notes.length > 0) row.note = notes.join('; ');
  if (target) {
    row.target = target.label;
    const fast = target.seconds === undefined || row.seconds! <= target.seconds;
    const lean = target.peakMB === undefined || row.peakMB! <= target.peakMB;
    row.verdict = fast && lean && contentOk ? 'ok' : 'MISSED';
  }
  return row;
}

const ROOT = join(here, '..', '..');

/**
 * `npm run cli -- import <file> --into <ws>` as a user runs it, process start included: the
 * built CLI (one bundled JS file, `node`), or the TypeScript sources through tsx (as before the
 * CLI was built). Content: the rows the workspace file holds, counted by sqlite3.
 */
function cliCase(name: string, fixtureInfo: Fixture, rows: number, built: boolean): ImportBenchRow {
  const dir = join(tmpdir(), 'pijlerplan-bench-import');
  const ws = join(dir, `cli-${built ? 'built' : 'tsx'}-${rows}.pijlerplan`);
  spawnSync('rm', ['-f', ws]);
  const args = built
    ? [join(ROOT, 'dist-cli', 'cli', 'pijlerplan.mjs')]
    : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
  const t = timed(process.execPath, [...args, 'import', fixtureInfo.path, '--into', ws]);
  if (!t)
    return {
      case: name,
      rows: null,
      seconds: null,
      cpuSeconds: null,
      peakMB: null,
      content: 'failed',
    };
  // The CLI names the table after the file; the dataset list says which it is.
  const table = spawnSync('/usr/bin/sqlite3', [ws, 'SELECT table_name FROM dataset LIMIT 1'], {
    encoding: 'utf8',
  }).stdout.trim();
  const count = spawnSync('/usr/bin/sqlite3', [ws, `SELECT count(*) FROM "${table}"`], {
    encoding: 'utf8',
  });
  const got = Number(count.stdout.trim());
  return {
    case: name,
    rows: Number.isFinite(got) ? got : null,
    ...t,
    content:
      got === rows ? `${rows} rows in the workspace` : `ROWS MISMATCH (${count.stdout.trim()})`,
    note: 'process start and writing the workspace file included',
  };
}

export async function run(): Promise<ImportBenchRow[]> {
  if (process.env.BENCH_IMPORT_INPROCESS !== '1') return runCli();
  return runInProcess();
}

/** BENCH_IMPORT_INPROCESS=1: the core in one process, no CLI start (where the time goes). */
async function runInProcess(): Promise<ImportBenchRow[]> {
  const quick = process.env.BENCH_IMPORT_QUICK === '1';
  const baselines = process.env.BENCH_IMPORT_SKIP_BASELINES !== '1';
  console.log(
    'Import bench: 10 columns (id, NIS code, Dutch text with accents/quotes/;, dates, decimals, ja/nee)',
  );
  const rows: ImportBenchRow[] = [];
  const push = (row: ImportBenchRow) => {
    rows.push(row);
    const f = (n: number | null, d = 2) => (n === null ? '—' : n.toFixed(d));
    console.log(
      `  ${row.case.padEnd(40)} ${f(row.seconds).padStart(7)} s  cpu ${f(row.cpuSeconds).padStart(7)} s  ${f(row.peakMB, 0).padStart(5)} MB  ${row.content}${row.target ? `  [${row.target}: ${row.verdict}]` : ''}${row.note ? `  (${row.note})` : ''}`,
    );
  };

  const x100 = await fixture('xlsx', 100_000);
  const x100Target = { seconds: 2, peakMB: 300, label: '≤ 2.0 s, ≤ 300 MB' };
  push(caseRow('ours (CLI path): 100k xlsx', x100, runWorker('real', x100.path), x100Target));
  push(caseRow('ours (readers + inserter): 100k xlsx', x100, runWorker('ours', x100.path)));
  if (baselines)
    push(caseRow('exceljs stream + prepared: 100k xlsx', x100, runWorker('exceljs', x100.path)));
  if (quick) return table(rows);

  const c1m = await fixture('csv', 1_000_000);
  let sqliteSeconds: number | undefined;
  if (baselines && existsSync('/usr/bin/sqlite3')) {
    const t = timed('/usr/bin/sqlite3', [
      ':memory:',
      '.mode csv',
      '.separator ;',
      `.import ${c1m.path} t`,
      'SELECT count(*) FROM t',
    ]);
    if (t) {
      sqliteSeconds = t.seconds;
      push({
        case: 'sqlite3 CLI .import: 1M csv',
        rows: 1_000_000,
        ...t,
        content: 'text only, no parsing',
      });
    }
  }
  const csvTarget = sqliteSeconds
    ? {
        seconds: sqliteSeconds * 1.5,
        peakMB: 400,
        label: `≤ 1.5× sqlite3 (${(sqliteSeconds * 1.5).toFixed(2)} s), ≤ 400 MB`,
      }
    : { peakMB: 400, label: '≤ 400 MB (sqlite3 not installed)' };
  push(caseRow('ours (CLI path): 1M csv', c1m, runWorker('real', c1m.path), csvTarget));
  push(caseRow('ours (readers + inserter): 1M csv', c1m, runWorker('ours', c1m.path)));

  const x1m = await fixture('xlsx', 1_000_000);
  const x1mTarget = { seconds: 20, peakMB: 500, label: '≤ 20 s, ≤ 500 MB' };
  push(caseRow('ours (CLI path): 1M xlsx', x1m, runWorker('real', x1m.path), x1mTarget));
  push(caseRow('ours (readers + inserter): 1M xlsx', x1m, runWorker('ours', x1m.path)));
  if (baselines) {
    push(caseRow('exceljs stream + prepared: 1M xlsx', x1m, runWorker('exceljs', x1m.path)));
    const pandas = spawnSync(PYTHON, ['-c', 'import pandas, openpyxl'], { encoding: 'utf8' });
    if (pandas.status === 0) {
      const t = timed(PYTHON, [
        '-c',
        `import pandas; pandas.read_excel(${JSON.stringify(x1m.path)})`,
      ]);
      if (t)
        push({
          case: 'pandas.read_excel: 1M xlsx',
          rows: 1_000_000,
          ...t,
          content: 'not verified',
        });
    } else
      push({
        case: 'pandas',
        rows: null,
        seconds: null,
        cpuSeconds: null,
        peakMB: null,
        content: 'not installed',
      });
  }
  return table(rows);
}

/** Debian's python3 (where `apt-get install python3-pandas` puts pandas), else the PATH's. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/**
 * What the pandas user does with the 1M-row CSV to get it into a database: read_csv with the
 * Belgian dialect (`;`, decimal comma, `.` thousands, UTF-8 with BOM), the dates parsed
 * (dd/mm/yyyy), then to_sql into a new SQLite file (sqlite3 module, one table, no index).
 */
const PANDAS_CSV = `
import sqlite3, sys, pandas as pd
df = pd.read_csv(sys.argv[1], sep=';', decimal=',', thousands='.', encoding='utf-8-sig')
df['datum'] = pd.to_datetime(df['datum'], format='%d/%m/%Y')
con = sqlite3.connect(sys.argv[2])
df.to_sql('gegevens', con, index=False)
con.commit()
print(con.execute('SELECT count(*) FROM gegevens').fetchone()[0])
`;

/** pandas.read_excel with openpyxl (the engine pandas uses for .xlsx): the rows in a DataFrame. */
const PANDAS_XLSX = `
import sys, warnings, pandas as pd
warnings.simplefilter('ignore')
print(len(pd.read_excel(sys.argv[1], engine='openpyxl')))
`;

/** A peer's run: GNU time around a command, the rows it printed checked against `rows`. */
function peerCase(
  name: string,
  command: string,
  args: string[],
  rows: number,
  content: string,
): ImportBenchRow {
  if (!existsSync('/usr/bin/time'))
    return {
      case: name,
      rows: null,
      seconds: null,
      cpuSeconds: null,
      peakMB: null,
      content: 'no /usr/bin/time',
    };
  const child = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(child.stderr);
  const printed = Number(child.stdout.trim().split('\n').pop());
  if (!m || child.status !== 0)
    return {
      case: name,
      rows: null,
      seconds: null,
      cpuSeconds: null,
      peakMB: null,
      content: 'failed',
      note: child.stderr.trim().split('\n').slice(-2).join(' '),
    };
  return {
    case: name,
    rows: printed,
    seconds: Number(m[1]),
    cpuSeconds: Number(m[2]) + Number(m[3]),
    peakMB: Number(m[4]) / 1024,
    content: printed === rows ? `${rows} rows (${content})` : `ROWS MISMATCH (${printed})`,
  };
}

/** The 100,000-row workbook of issue 6's case 1: exceljs's streaming writer, no <dimension>. */
async function exceljsStreamedFixture(rowCount: number): Promise<Fixture> {
  const dir = join(tmpdir(), 'pijlerplan-bench-import');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `exceljs-stream-${rowCount}-v${GENERATOR_VERSION}.xlsx`);
  if (existsSync(path)) return { path, checksum: '' };
  const started = performance.now();
  const { default: ExcelJS } = await import('exceljs');
  const { COLUMNS, canonical, rows } = await import('./import/generate');
  const partial = `${path}.part`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial });
  const sheet = workbook.addWorksheet('Gegevens');
  sheet.addRow([...COLUMNS]).commit();
  for (const row of rows(rowCount)) sheet.addRow(canonical(row)).commit();
  sheet.commit();
  await workbook.commit();
  renameSync(partial, path);
  console.log(`  generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { path, checksum: '' };
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/**
 * The default: `pijlerplan import <file> --into <ws>` as a user runs it — the built CLI (one
 * bundled JS file started with `node`, built first), process start and writing the workspace
 * file included — side by side with pandas (when Debian's python3-pandas is installed) and
 * sqlite3's `.import`. Targets: the 1M-row CSV below pandas' read_csv + to_sql; the 100k-row
 * .xlsx at most 0.25× pandas' read_excel. Each figure is wall and CPU time (GNU time: user +
 * sys) and peak RSS; the load average is printed, since wall times on a shared machine are not
 * the program's own. BENCH_IMPORT_TSX=1 adds the CLI through tsx (as it ran before it was built).
 */
async function runCli(): Promise<ImportBenchRow[]> {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools', 'build-cli.mjs')], {
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`cli:build failed: ${build.stderr}`);
  const tsx = process.env.BENCH_IMPORT_TSX === '1';
  const pandas =
    spawnSync(PYTHON, ['-c', 'import pandas, openpyxl'], { encoding: 'utf8' }).status === 0;
  const sqlite = existsSync('/usr/bin/sqlite3');
  console.log(
    `Import bench through the built CLI (node ${process.version}), load average ${load()} (1/5/15 min)`,
  );
  if (!pandas)
    console.log(
      `  NOTICE: pandas is not installed for ${PYTHON} (apt-get install python3-pandas); its cases are skipped.`,
    );
  if (!sqlite) console.log('  NOTICE: the sqlite3 CLI is not installed; its case is skipped.');
  const rows: ImportBenchRow[] = [];
  const push = (row: ImportBenchRow) => {
    rows.push(row);
    const f = (n: number | null, d = 2) => (n === null ? '—' : n.toFixed(d));
    console.log(
      `  ${row.case.padEnd(46)} ${f(row.seconds).padStart(7)} s  cpu ${f(row.cpuSeconds).padStart(7)} s  ${f(row.peakMB, 0).padStart(5)} MB  ${row.content}${row.target ? `  [${row.target}: ${row.verdict}]` : ''}`,
    );
  };
  /** Wall and CPU each against the peer's (a loaded machine inflates wall times unevenly). */
  const against = (
    row: ImportBenchRow,
    peer: ImportBenchRow | undefined,
    factor: number,
    label: string,
  ) => {
    if (!peer || peer.seconds === null || row.seconds === null) return row;
    const wallOk = row.seconds <= peer.seconds * factor;
    const cpuOk = (row.cpuSeconds ?? Infinity) <= (peer.cpuSeconds ?? 0) * factor;
    row.target = `${label}: wall ${(peer.seconds * factor).toFixed(2)} s ${wallOk ? 'ok' : 'MISSED'}, cpu ${((peer.cpuSeconds ?? 0) * factor).toFixed(2)} s ${cpuOk ? 'ok' : 'MISSED'}`;
    row.verdict = wallOk && cpuOk && !/MISMATCH|failed/.test(row.content) ? 'ok' : 'MISSED';
    return row;
  };
  const dir = join(tmpdir(), 'pijlerplan-bench-import');

  // 1M-row CSV.
  const c1m = await fixture('csv', 1_000_000);
  const pandasCsv = pandas
    ? (spawnSync('rm', ['-f', join(dir, 'pandas.sqlite')]),
      peerCase(
        'pandas read_csv + to_sql: 1M csv',
        PYTHON,
        ['-c', PANDAS_CSV, c1m.path, join(dir, 'pandas.sqlite')],
        1_000_000,
        'typed, into a SQLite file',
      ))
    : undefined;
  if (pandasCsv) push(pandasCsv);
  if (sqlite) {
    spawnSync('rm', ['-f', join(dir, 'sqlite3.sqlite')]);
    push(
      peerCase(
        'sqlite3 .import: 1M csv',
        '/usr/bin/sqlite3',
        [
          join(dir, 'sqlite3.sqlite'),
          '.mode csv',
          '.separator ;',
          `.import ${c1m.path} t`,
          'SELECT count(*) FROM t',
        ],
        1_000_000,
        'text only, no parsing, into a SQLite file',
      ),
    );
  }
  push(against(cliCase('ours, built CLI: 1M csv', c1m, 1_000_000, true), pandasCsv, 1, '< pandas'));
  if (tsx) push(cliCase('ours, CLI via tsx (before): 1M csv', c1m, 1_000_000, false));

  // 100k-row .xlsx.
  const x100 = await fixture('xlsx', 100_000);
  const pandasXlsx = pandas
    ? peerCase(
        'pandas read_excel (openpyxl): 100k xlsx',
        PYTHON,
        ['-c', PANDAS_XLSX, x100.path],
        100_000,
        'DataFrame in memory',
      )
    : undefined;
  if (pandasXlsx) push(pandasXlsx);
  push(
    against(
      cliCase('ours, built CLI: 100k xlsx', x100, 100_000, true),
      pandasXlsx,
      0.25,
      '≤ 0.25× pandas',
    ),
  );
  if (tsx) push(cliCase('ours, CLI via tsx (before): 100k xlsx', x100, 100_000, false));

  // The others: issue 6's exceljs-streamed workbook (no <dimension>) and the 1M-row .xlsx.
  const streamed = await exceljsStreamedFixture(100_000);
  push(cliCase('ours, built CLI: exceljs-streamed 100k xlsx', streamed, 100_000, true));
  if (process.env.BENCH_IMPORT_QUICK !== '1') {
    const x1m = await fixture('xlsx', 1_000_000);
    push(cliCase('ours, built CLI: 1M xlsx', x1m, 1_000_000, true));
  }
  console.log(`  load average at the end: ${load()}`);
  return table(rows);
}

/** The summary table: one line per case, the targets and whether they are met. */
function table(rows: ImportBenchRow[]): ImportBenchRow[] {
  const f = (n: number | null, d = 2) => (n === null ? '—' : n.toFixed(d));
  const head = ['case', 'wall s', 'CPU s', 'peak RSS MB', 'content', 'target', 'met?'];
  const body = rows.map((r) => [
    r.case,
    f(r.seconds),
    f(r.cpuSeconds),
    f(r.peakMB, 0),
    r.content,
    r.target ?? '',
    r.verdict ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  console.log(`\n${line(head)}`);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
