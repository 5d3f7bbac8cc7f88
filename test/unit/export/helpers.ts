import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectingSink } from '../../../src/core/export/handlers';
import type { ByteSink } from '../../../src/core/export/xlsx/workbook';

const here = dirname(fileURLToPath(import.meta.url));
export const PYTHON = '/usr/bin/python3';

/** Runs `write` against a sink and returns the file it wrote. */
export async function written(write: (sink: ByteSink) => Promise<unknown>): Promise<Uint8Array> {
  const sink = collectingSink();
  await write(sink);
  return sink.bytes();
}

export function tempFile(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pijlerplan-export-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const hasOpenpyxl =
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
if (!hasOpenpyxl) {
  console.warn(
    'Let op: /usr/bin/python3 met openpyxl ontbreekt: de openpyxl-controles worden overgeslagen.',
  );
}
export const openpyxlAvailable = hasOpenpyxl;

export type OpenpyxlSheet = {
  cells: Record<string, [unknown, string, string]>;
  cached: Record<string, unknown>;
  freeze: string | null;
  auto_filter: string | null;
  print_titles: string | null;
  landscape: string | null;
  fit_to_width: number | null;
  footer: string | null;
  outline: Record<string, number>;
  charts: number;
  max_row: number;
};
export type OpenpyxlBook = {
  title: string | null;
  creator: string | null;
  sheets: Record<string, OpenpyxlSheet>;
};

/** The workbook as openpyxl (an independent reader) sees it. */
export function readWithOpenpyxl(path: string): OpenpyxlBook {
  const run = spawnSync(PYTHON, [join(here, 'read_xlsx.py'), path], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (run.status !== 0) throw new Error(`openpyxl kon ${path} niet lezen: ${run.stderr}`);
  return JSON.parse(run.stdout) as OpenpyxlBook;
}

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) {
  console.warn(
    'Let op: soffice (LibreOffice) ontbreekt: de herberekeningstests worden overgeslagen (installeer libreoffice-calc-nogui).',
  );
}
export const sofficeAvailable = hasSoffice;

/**
 * Opens `path` in LibreOffice headless and saves it again as .xlsx, recalculating every
 * formula: the profile sets OOXMLRecalcMode to 0 (always), otherwise LibreOffice would keep
 * the file's cached values. soffice exits 0 even when it fails, so the output must exist.
 */
export function recalculateWithLibreOffice(path: string): string {
  const root = mkdtempSync(join(tmpdir(), 'pijlerplan-soffice-'));
  const profile = join(root, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>' +
      '</oor:items>\n',
  );
  const outDir = join(root, 'out');
  mkdirSync(outDir);
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      path,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const out = join(outDir, basename(path).replace(/\.[^.]+$/, '') + '.xlsx');
  if (!existsSync(out)) {
    throw new Error(
      `LibreOffice schreef geen ${out} (exit ${run.status}): ${run.stderr}${run.stdout}`,
    );
  }
  return out;
}

export const readBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
