import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/cli-harness';
import { xlsx } from './helpers';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
let dir: string;

async function query(workspace: string, sql: string): Promise<unknown[][]> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(await readFile(workspace));
  try {
    return db.exec(sql)[0]?.values ?? [];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-import-cli-'));
  await writeFile(
    path.join(dir, 'telling.csv'),
    'Telling per gemeente;;\r\nNIS-code;Gemeente;Aantal\r\n11001;Aartselaar;"1.234"\r\n11002;Antwerpen;17\r\nTotaal;;1251\r\n',
  );
  await writeFile(
    path.join(dir, 'prognose.xlsx'),
    await xlsx({
      Prognose: [
        ['Gemeente (NIS)', 'Jaar', 'Nieuwkomers'],
        [11001, 2025, 12],
        [11007, 2025, 5],
        [11999, 2025, 3],
      ],
    }),
  );
  await writeFile(path.join(dir, 'kapot.xlsx'), 'dit is geen werkmap');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli import', () => {
  it('imports a CSV as a raw table named after the file into a new workspace, written atomically', async () => {
    const ws = path.join(dir, 'a.pijlerplan');
    const result = await cli('import', path.join(dir, 'telling.csv'), '--into', ws);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'tabel telling: 2 rijen gelezen (gestopt bij totaalrij 5), 2 geldig, 0 afgekeurd.',
    );
    expect(result.out).toContain('--last-row');
    expect(result.out).toMatch(
      /Geïmporteerd \(import 1\): 2 nieuw, 0 gewijzigd, 0 verwijderd, 0 afgekeurd → nieuwe werkruimte/,
    );
    expect(await query(ws, 'SELECT nis_code, gemeente, aantal FROM telling')).toEqual([
      ['11001', 'Aartselaar', 1234],
      ['11002', 'Antwerpen', 17],
    ]);
    expect((await stat(ws)).size).toBeGreaterThan(0);
  });

  it('--last-row reads exactly to the row given, and says the sheet goes on', async () => {
    const ws = path.join(dir, 'last.pijlerplan');
    const result = await cli(
      'import',
      path.join(dir, 'telling.csv'),
      '--into',
      ws,
      '--last-row',
      '3',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      '1 rijen gelezen (gestopt bij de gekozen laatste rij 3; het blad gaat verder)',
    );
    expect(await query(ws, 'SELECT nis_code FROM telling')).toEqual([['11001']]);
  });

  it('--dry-run prints the validation report and the NIS mappings and writes nothing', async () => {
    const ws = path.join(dir, 'b.pijlerplan');
    expect((await cli('import', path.join(dir, 'telling.csv'), '--into', ws)).code).toBe(0);
    const before = await readFile(ws);
    const result = await cli(
      'import',
      path.join(dir, 'prognose.xlsx'),
      '--into',
      ws,
      '--target',
      'newcomer_forecast',
      '--dry-run',
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      '3 rijen gelezen (tot de laatste rij van het blad), 2 geldig, 1 afgekeurd',
    );
    expect(result.out).toContain('Prognose!rij 4, Gemeente (NIS) (A): 11999 — Onbekende NIS-code');
    expect(result.out).toContain('11007 Borsbeek → 11002 Antwerpen (1 rij)');
    expect(result.out).toContain(
      'Wijzigingen: 2 nieuw, 0 gewijzigd, 0 niet meer in het bestand, 0 ongewijzigd.',
    );
    expect(result.out).toContain('Proefdraai: er is niets geschreven.');
    expect(Buffer.compare(await readFile(ws), before)).toBe(0);
  });

  it('refuses a file with errors unless --accept-valid; then imports the valid rows', async () => {
    const ws = path.join(dir, 'c.pijlerplan');
    const refused = await cli(
      'import',
      path.join(dir, 'prognose.xlsx'),
      '--into',
      ws,
      '--target',
      'newcomer_forecast',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^Fout: Er is niets geïmporteerd: 1 fout\(en\) in 1 rij\(en\).*--accept-valid/,
    );
    const accepted = await cli(
      'import',
      path.join(dir, 'prognose.xlsx'),
      '--into',
      ws,
      '--target',
      'newcomer_forecast',
      '--accept-valid',
    );
    expect(accepted.code).toBe(0);
    expect(await query(ws, 'SELECT nis_code, newcomers FROM newcomer_forecast ORDER BY 1')).toEqual(
      [
        ['11001', 12],
        ['11002', 5],
      ],
    );
    expect(
      await query(ws, 'SELECT file_name, rows_inserted, rows_rejected FROM import_log'),
    ).toEqual([['prognose.xlsx', 2, 1]]);
  });

  it('applies a mapping template written as JSON with header names', async () => {
    const ws = path.join(dir, 'd.pijlerplan');
    const template = path.join(dir, 'sjabloon.json');
    await writeFile(
      template,
      JSON.stringify({
        target: 'newcomer_forecast',
        mapping: { nis_code: 'Gemeente (NIS)', year: 'Jaar', newcomers: 2 },
      }),
    );
    const result = await cli(
      'import',
      path.join(dir, 'prognose.xlsx'),
      '--into',
      ws,
      '--mapping',
      template,
      '--accept-valid',
    );
    expect(result.code).toBe(0);
    expect(await query(ws, 'SELECT count(*) FROM newcomer_forecast')).toEqual([[2]]);
  });

  it.each([
    ['a file that is not a workbook', ['kapot.xlsx'], /^Fout: .*kapot\.xlsx/],
    [
      'a file that does not exist',
      ['bestaat-niet.csv'],
      /^Fout: Het bestand .*bestaat-niet\.csv bestaat niet\.\n$/,
    ],
    [
      'an unknown sheet',
      ['prognose.xlsx', '--sheet', 'Nope'],
      /^Fout: .*geen blad "Nope"; wel: Prognose\.\n$/,
    ],
    [
      'an app table as raw table',
      ['telling.csv', '--table', 'municipality'],
      /^Fout: .*tabel van Pijlerplan zelf/,
    ],
  ])('exits non-zero with one clear line on %s', async (_name, args, message) => {
    const [file, ...rest] = args as [string, ...string[]];
    const result = await cli(
      'import',
      path.join(dir, file),
      '--into',
      path.join(dir, 'e.pijlerplan'),
      ...rest,
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  it('runs as `npm run cli -- import` in a real process', async () => {
    const ws = path.join(dir, 'f.pijlerplan');
    const { stdout } = await run(
      'npx',
      [
        'tsx',
        'src/cli/main.ts',
        'import',
        path.join(dir, 'telling.csv'),
        '--into',
        ws,
        '--table',
        'tellingen',
      ],
      { cwd: ROOT },
    );
    expect(stdout).toContain('tabel tellingen');
    const failed = await run(
      'npx',
      ['tsx', 'src/cli/main.ts', 'import', path.join(dir, 'kapot.xlsx'), '--into', ws],
      { cwd: ROOT },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^Fout: /);
  });
});
