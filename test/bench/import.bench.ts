import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
 * `npx tsx test/bench/import.bench.ts` runs it alone; BENCH_IMPORT_QUICK=1 runs the 100k cases
 * only; BENCH_IMPORT_SKIP_BASELINES=1 leaves out exceljs/sqlite3/pandas.
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
  if (process.env.BENCH_IMPORT_CLI_ONLY === '1') return runCliOnly();
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
    const pandas = spawnSync('python3', ['-c', 'import pandas, openpyxl'], { encoding: 'utf8' });
    if (pandas.status === 0) {
      const t = timed('python3', [
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

/**
 * BENCH_IMPORT_CLI_ONLY=1: the CLI as the user runs it, built vs tsx, side by side with
 * sqlite3's .import and pandas where installed. Builds the CLI first.
 */
async function runCliOnly(): Promise<ImportBenchRow[]> {
  spawnSync(process.execPath, [join(ROOT, 'tools', 'build-cli.mjs')], { stdio: 'inherit' });
  const rows: ImportBenchRow[] = [];
  const push = (row: ImportBenchRow) => {
    rows.push(row);
    console.log(`  ${row.case.padEnd(44)} ${row.seconds?.toFixed(2) ?? '—'} s  ${row.content}`);
  };
  const x100 = await fixture('xlsx', 100_000);
  push(cliCase('CLI built (node): 100k xlsx', x100, 100_000, true));
  push(cliCase('CLI via tsx (before): 100k xlsx', x100, 100_000, false));
  const c1m = await fixture('csv', 1_000_000);
  push(cliCase('CLI built (node): 1M csv', c1m, 1_000_000, true));
  push(cliCase('CLI via tsx (before): 1M csv', c1m, 1_000_000, false));
  if (existsSync('/usr/bin/sqlite3')) {
    const t = timed('/usr/bin/sqlite3', [
      ':memory:',
      '.mode csv',
      '.separator ;',
      `.import ${c1m.path} t`,
      'SELECT count(*) FROM t',
    ]);
    if (t)
      push({ case: 'sqlite3 CLI .import: 1M csv', rows: 1_000_000, ...t, content: 'text only' });
  }
  const pandas = spawnSync('python3', ['-c', 'import pandas'], { encoding: 'utf8' });
  if (pandas.status === 0) {
    const csvT = timed('python3', [
      '-c',
      `import pandas; pandas.read_csv(${JSON.stringify(c1m.path)}, sep=';')`,
    ]);
    if (csvT)
      push({ case: 'pandas.read_csv: 1M csv', rows: 1_000_000, ...csvT, content: 'not verified' });
    const xT = timed('python3', [
      '-c',
      `import pandas; pandas.read_excel(${JSON.stringify(x100.path)})`,
    ]);
    if (xT)
      push({ case: 'pandas.read_excel: 100k xlsx', rows: 100_000, ...xT, content: 'not verified' });
  } else
    push({
      case: 'pandas',
      rows: null,
      seconds: null,
      cpuSeconds: null,
      peakMB: null,
      content: 'not installed',
    });
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
