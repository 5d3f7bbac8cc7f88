import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startCore, unwrap, rows, csv } from '../import-pipeline/helpers';
import { openpyxlAvailable, readWithOpenpyxl, tempFile } from './helpers';

type Core = Awaited<ReturnType<typeof startCore>>;

/** Imports a file as a raw SQL table through the app's own import (inspect → plan → commit). */
async function importRaw(
  core: Core,
  fileName: string,
  bytes: Uint8Array,
  table: string,
): Promise<void> {
  const file = unwrap(await core.call('import.inspect', { fileName, bytes }));
  const plan = unwrap(
    await core.call('import.plan', {
      fileId: file.fileId,
      sheet: file.sheets[0]!.name,
      target: { kind: 'raw', table },
    }),
  );
  unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
}

async function exportSql(
  core: Core,
  sql: string,
  format: 'xlsx' | 'csv',
  csvStyle?: 'belgian' | 'plain',
) {
  const result = unwrap(
    await core.call('export.table', { source: { kind: 'sql', sql }, format, csvStyle }),
  );
  return result.file as Uint8Array;
}

const INJECTIONS = [
  '=HYPERLINK("http://evil.example","klik")',
  "=cmd|' /C calc'!A0",
  '+1',
  '-1+1',
  '@SUM(A1:A2)',
];

describe('export → import round trip', () => {
  it.each(['xlsx', 'csv'] as const)(
    '%s: the pilots come back with the same rows and values',
    async (format) => {
      const core = await startCore();
      unwrap(await core.call('workspace.openDemo', undefined));
      const sql = `SELECT code, name, lead_nis_code, budget_eur, start_date, end_date, target_participants,
                        reached_participants, activity_hours, interim_evaluation FROM pilot ORDER BY code`;
      const bytes = await exportSql(core, sql, format);
      await importRaw(core, `proeftuinen.${format}`, bytes, 'proeftuinen_terug');
      const original = rows(core.session.db, sql);
      const back = rows(core.session.db, 'SELECT * FROM proeftuinen_terug ORDER BY code');
      expect(back).toEqual(original);
      expect(back.length).toBe(26);
    },
  );

  it('the read-only guard refuses a writing statement, and nothing is exported', async () => {
    const core = await startCore();
    const result = await core.call('export.table', {
      source: { kind: 'sql', sql: 'DELETE FROM pilot' },
      format: 'xlsx',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'sql-read-only' } });
  });
});

describe('formula injection from an imported CSV stays inert in every export', () => {
  async function withInjections(): Promise<Core> {
    const core = await startCore();
    const lines = [
      'nr;tekst',
      ...INJECTIONS.map((text, i) => `${i + 1};"${text.replace(/"/g, '""')}"`),
    ];
    await importRaw(core, 'aanval.csv', csv(lines.join('\r\n') + '\r\n'), 'aanval');
    expect(
      rows(core.session.db, 'SELECT tekst FROM aanval ORDER BY nr').map((r) => r.tekst),
    ).toEqual(INJECTIONS);
    return core;
  }

  it('xlsx: text cells (exceljs sees strings, not formulas)', async () => {
    const core = await withInjections();
    const bytes = await exportSql(core, 'SELECT * FROM aanval ORDER BY nr', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(INJECTIONS.map((_, i) => sheet.getCell(`B${i + 2}`).value)).toEqual(INJECTIONS);
    expect(INJECTIONS.map((_, i) => sheet.getCell(`B${i + 2}`).type)).toEqual(
      INJECTIONS.map(() => ExcelJS.ValueType.String),
    );
    expect(sheet.getCell('A2').value).toBe(1); // real numbers stay numbers
    if (openpyxlAvailable) {
      const book = readWithOpenpyxl(tempFile('aanval.xlsx', bytes));
      const cells = book.sheets['Gegevens']!.cells;
      expect(INJECTIONS.map((_, i) => cells[`B${i + 2}`]?.[1])).toEqual(INJECTIONS.map(() => 's'));
      expect(book.sheets['Gegevens']!.cached).toEqual({});
    }
  });

  it.each(['belgian', 'plain'] as const)(
    'csv (%s): a leading quote and quotes around the field',
    async (style) => {
      const core = await withInjections();
      const bytes = await exportSql(core, 'SELECT * FROM aanval ORDER BY nr', 'csv', style);
      const text = new TextDecoder().decode(bytes);
      const d = style === 'belgian' ? ';' : ',';
      INJECTIONS.forEach((injection, i) => {
        expect(text).toContain(`\r\n${i + 1}${d}"'${injection.replace(/"/g, '""')}"\r\n`);
      });
    },
  );

  it('the report too: a pilot named like a formula is a text cell', async () => {
    const core = await startCore();
    unwrap(await core.call('workspace.openDemo', undefined));
    core.session.db.run("UPDATE pilot SET name = ? WHERE code = 'PT01'", [INJECTIONS[1]!]);
    const report = unwrap(await core.call('export.report', {}));
    if (!openpyxlAvailable) return;
    const book = readWithOpenpyxl(tempFile('rapport.xlsx', report.file as Uint8Array));
    const cells = book.sheets['Proeftuinen']!.cells;
    expect(cells['B5']).toEqual([INJECTIONS[1], 's', 'General']);
  });
});
