import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkspaceDb } from '../../../src/core/db/workspace-file';
import { cli } from '../cli/cli-harness';
import { answerSession } from './answer-fixture';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pijlerplan-answer-'));
  file = path.join(dir, 'answer.pijlerplan');
  const { session } = await answerSession();
  await writeFile(file, exportWorkspaceDb(session.db));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The figures are worked out by hand in answer.test.ts (same workspace, 15 March 2023).
describe('answer', () => {
  it('prints the draft text for a scenario and day', async () => {
    const result = await cli('answer', file, '--scenario', 'Basis', '--date', '2023-03-15');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain(
      'Vierde pijler in cijfers — Testwerkruimte, scenario “Basis”, peildatum 2023-03-15',
    );
    expect(result.out).toContain(
      'Op 15 maart 2023 zijn binnen AgII 2,6 VTE ingezet voor de vierde pijler',
    );
    expect(result.out).toContain('Hoe wordt de transversale werking gegarandeerd?');
  });

  it('--json hands out the Answer itself', async () => {
    const result = await cli('answer', file, '--date', '2023-03-15', '--json');
    const answer = JSON.parse(result.out) as { howMany: { planned: { value: number } } };
    expect(Math.round(answer.howMany.planned.value * 1000) / 1000).toBe(2.6);
  });

  it('--out answer.md writes the text with the same numbers', async () => {
    const out = path.join(dir, 'antwoord.md');
    const result = await cli('answer', file, '--date', '2023-03-15', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/antwoord\.md: \d+ kB/);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('2,6 VTE');
    expect(text).toContain('Op 15 maart 2023 zijn binnen AgII 2,6 VTE ingezet');
  });

  it('--out .xlsx, .docx and .pdf go through the same answer.export as the screen', async () => {
    for (const [extension, magic] of [
      ['xlsx', 'PK'],
      ['docx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      const out = path.join(dir, `antwoord.${extension}`);
      expect((await cli('answer', file, '--date', '2023-03-15', '--out', out)).code).toBe(0);
      const bytes = await readFile(out);
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    // The workbook holds the planned total as a number (read back by exceljs, not by our code).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'antwoord.xlsx'));
    const numbers: number[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value;
          if (typeof value === 'number') numbers.push(value);
          else if (value && typeof value === 'object' && 'result' in value)
            numbers.push(Number(value.result));
        }),
      ),
    );
    expect(numbers.some((n) => Math.abs(n - 2.6) < 1e-9)).toBe(true);
  });

  it('refuses what it cannot do, in Dutch, with the usage', async () => {
    expect(await cli('answer', file, '--out', path.join(dir, 'x.txt'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('--out moet eindigen op .xlsx, .md, .docx, .pdf'),
    });
    expect(await cli('answer', file, '--scenario', 'Niet')).toMatchObject({
      code: 1,
      err: expect.stringContaining('Scenario "Niet" bestaat niet'),
    });
    expect(await cli('answer', file, '--date', '31/12/2023')).toMatchObject({
      code: 1,
      err: expect.stringContaining('JJJJ-MM-DD'),
    });
    expect(await cli('answer')).toMatchObject({ code: 2 });
  });
});
