import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- export`: writing .xlsx, side by side in one run — our streaming writer
 * (src/core/export/xlsx) with Node's zlib injected (as the CLI runs it) and with its own fflate
 * deflate (the pure-JS fallback; the app's worker injects CompressionStream instead), exceljs's streaming WorkbookWriter as is and with a drain wait,
 * openpyxl write-only and XlsxWriter constant_memory when Debian's python3 has them. 100,000
 * rows × 10 columns styled (header style, FTE/euro/date/% formats, frozen pane, filter) and
 * 1,000,000 rows. Each case runs in its own process (peak RSS is its own). Our files are opened
 * in LibreOffice headless (converted to CSV) and their row count checked.
 *
 * BENCH_EXPORT_QUICK=1: 100k only; BENCH_EXPORT_SKIP_BASELINES=1: ours only;
 * BENCH_EXPORT_SKIP_SOFFICE=1: no LibreOffice check.
 */
const here = dirname(fileURLToPath(import.meta.url));
const WORKER = join(here, 'export', 'worker.ts');
const DIR = join(tmpdir(), 'pijlerplan-bench-export');

type Figures = { seconds: number; cpuSeconds: number; peakMB: number; bytes: number };

function runCase(mode: string, rows: number, out: string): Figures | { error: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', WORKER, mode, String(rows), out], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    timeout: 30 * 60_000,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Figures;
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

const python = (module: string) =>
  existsSync('/usr/bin/python3') &&
  spawnSync('/usr/bin/python3', ['-c', `import ${module}`]).status === 0;

/** Opens the file in LibreOffice (convert to CSV) and counts its lines: proof it opens whole. */
function opensInLibreOffice(file: string, rows: number): string {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return 'soffice ontbreekt';
  const outDir = join(DIR, 'soffice');
  mkdirSync(outDir, { recursive: true });
  const profile = join(DIR, 'soffice-profile');
  const started = performance.now();
  spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'csv',
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 20 * 60_000 },
  );
  const csv = join(
    outDir,
    file
      .split('/')
      .pop()!
      .replace(/\.xlsx$/, '.csv'),
  );
  if (!existsSync(csv)) return 'NIET geopend';
  const lines = readFileSync(csv, 'utf8')
    .split('\n')
    .filter((line) => line !== '').length;
  rmSync(csv);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return lines === rows + 1
    ? `opent (${lines} rijen, ${seconds} s)`
    : `MIST rijen: ${lines - 1} van ${rows}`;
}

export async function run(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const sizes = process.env.BENCH_EXPORT_QUICK ? [100_000] : [100_000, 1_000_000];
  const baselines = !process.env.BENCH_EXPORT_SKIP_BASELINES;
  const modes = ['ours', 'ours-fflate', ...(baselines ? ['exceljs', 'exceljs-drain'] : [])];
  if (baselines && python('openpyxl')) modes.push('openpyxl');
  if (baselines && python('xlsxwriter')) modes.push('xlsxwriter');
  const label: Record<string, string> = {
    ours: 'ours, node:zlib deflate (CLI)',
    'ours-fflate': 'ours, fflate deflate (pure JS)',
    exceljs: 'exceljs WorkbookWriter, as is',
    'exceljs-drain': 'exceljs WorkbookWriter + drain wait',
    openpyxl: 'openpyxl write_only',
    xlsxwriter: 'XlsxWriter constant_memory',
  };
  if (!python('xlsxwriter'))
    console.log('  (XlsxWriter niet geïnstalleerd: python3-xlsxwriter; overgeslagen)');
  const table: Record<string, string>[] = [];
  for (const rows of sizes) {
    for (const mode of modes) {
      const out = join(DIR, `${mode}-${rows}.xlsx`);
      const figures = runCase(mode, rows, out);
      const target = !mode.startsWith('ours')
        ? ''
        : rows === 100_000
          ? '≤ 2.5 s'
          : '≤ 25 s, ≤ 250 MB';
      const opens =
        mode === 'ours' && !process.env.BENCH_EXPORT_SKIP_SOFFICE
          ? opensInLibreOffice(out, rows)
          : '';
      table.push(
        'error' in figures
          ? { case: label[mode] ?? mode, rows: rows.toLocaleString('en'), error: figures.error }
          : {
              case: label[mode] ?? mode,
              rows: rows.toLocaleString('en'),
              'wall s': figures.seconds.toFixed(1),
              'cpu s': figures.cpuSeconds.toFixed(1),
              'peak MB': figures.peakMB.toFixed(0),
              'file MB': (figures.bytes / 1e6).toFixed(1),
              target,
              LibreOffice: opens,
            },
      );
      console.log(
        `  ${label[mode]} ${rows}: ${JSON.stringify(figures)}${opens ? ` — LibreOffice: ${opens}` : ''}`,
      );
      if (!mode.startsWith('ours')) rmSync(out, { force: true });
    }
  }
  console.table(table);
  console.log(
    `  (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} — wall time on a shared machine; cpu s is the process's own)`,
  );
}
