import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/cli-harness';

let dir: string;
let demo: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-cli-export-'));
  demo = path.join(dir, 'demo.pijlerplan');
  expect(await cli('demo', '--out', demo)).toMatchObject({ code: 0 });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli export', () => {
  it('--sql to .xlsx streams the rows to the file', async () => {
    const out = path.join(dir, 'gemeenten.xlsx');
    const run = await cli(
      'export',
      demo,
      '--sql',
      'SELECT nis_code, name, inhabitants_2020 FROM municipality ORDER BY nis_code',
      '--out',
      out,
    );
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(/gemeenten\.xlsx: 285 rijen op 1 blad\(en\) \(Gegevens\)/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Gegevens')!;
    expect(sheet.rowCount).toBe(286);
    expect(sheet.getCell('A2').value).toBe('11001');
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('--sql to .csv is Belgian by default, plain on request', async () => {
    const out = path.join(dir, 'p.csv');
    expect(
      await cli('export', demo, '--sql', "SELECT 1.5 AS fte, 'a;b' AS t", '--out', out),
    ).toMatchObject({ code: 0 });
    expect(await readFile(out, 'utf8')).toBe('\uFEFFfte;t\r\n1,5;"a;b"\r\n');
    expect(
      await cli(
        'export',
        demo,
        '--sql',
        "SELECT 1.5 AS fte, 'a;b' AS t",
        '--out',
        out,
        '--csv-style',
        'plain',
      ),
    ).toMatchObject({ code: 0 });
    expect(await readFile(out, 'utf8')).toBe('fte,t\r\n1.5,a;b\r\n');
  });

  it('--report rapport writes the report workbook for the chosen scenario', async () => {
    const out = path.join(dir, 'rapport.xlsx');
    const run = await cli(
      'export',
      demo,
      '--report',
      'rapport',
      '--scenario',
      'Uitbreiding netwerkcoaches',
      '--out',
      out,
    );
    expect(run).toMatchObject({ code: 0, err: '' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)[0]).toBe('Samenvatting');
    expect(String(workbook.getWorksheet('FTE-plan')!.getCell('A1').value)).toBe(
      'FTE-plan — Uitbreiding netwerkcoaches',
    );
  });

  it.each([
    [['export', 'x.pijlerplan', '--out', 'a.xlsx'], 2, /Kies --sql of --report/],
    [['export', 'x.pijlerplan', '--sql', 'SELECT 1', '--out', 'a.txt'], 2, /\.xlsx of \.csv/],
    [['export', 'x.pijlerplan', '--report', 'rapport', '--out', 'a.csv'], 2, /Excel-werkmap/],
  ])('refuses %j with exit %i', async (argv, code, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(code);
    expect(run.err).toMatch(message);
  });

  it('a writing statement is refused by the read-only guard and leaves no file', async () => {
    const out = path.join(dir, 'nee.xlsx');
    const run = await cli('export', demo, '--sql', 'DELETE FROM pilot', '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^Fout: Hier kan alleen gelezen worden/);
    expect(existsSync(out) || existsSync(`${out}.part`)).toBe(false);
  });

  it('an unknown scenario names the ones there are', async () => {
    const run = await cli(
      'export',
      demo,
      '--report',
      'rapport',
      '--scenario',
      'Bestaat niet',
      '--out',
      path.join(dir, 'r.xlsx'),
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /Scenario "Bestaat niet" bestaat niet\. Kies uit: Basis 2022–2026, Uitbreiding netwerkcoaches/,
    );
  });
});
