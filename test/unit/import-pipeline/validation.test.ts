import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planFile, rows, scalar, snapshot, startCore, unwrap, xlsx } from './helpers';

const messyForecast = () =>
  xlsx({
    Prognose: [
      ['Prognose nieuwkomers per gemeente'],
      ['Gemeente (NIS)', 'Jaar', 'Nieuwkomers'],
      [11001, 2025, 12],
      ['1100', 2025, 5],
      [11004, 'vijfentwintig', 7],
      [11005, 2025, null],
      [11001, 2025, 3],
      [12345, 2025, 4],
      [11007, 2025, -2],
    ],
  });

describe('validation before writing', () => {
  it('lists every problem with sheet, Excel row, column, value and a Dutch reason', async () => {
    const core = await startCore();
    const { plan } = await planFile(core, 'prognose.xlsx', await messyForecast(), {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    expect(plan.rowsRead).toBe(7);
    expect(plan.validRows).toBe(1);
    expect(plan.rejectedRows).toBe(6);
    const issues = plan.issues.map(({ sheet, row, column, value, severity }) => ({
      sheet,
      row,
      column,
      value,
      severity,
    }));
    expect(issues).toEqual([
      { sheet: 'Prognose', row: 4, column: 'Gemeente (NIS) (A)', value: '1100', severity: 'error' },
      { sheet: 'Prognose', row: 5, column: 'Jaar (B)', value: 'vijfentwintig', severity: 'error' },
      { sheet: 'Prognose', row: 6, column: 'Nieuwkomers (C)', value: '', severity: 'error' },
      {
        sheet: 'Prognose',
        row: 7,
        column: 'Gemeente (NIS) (A)',
        value: '11001',
        severity: 'error',
      },
      {
        sheet: 'Prognose',
        row: 8,
        column: 'Gemeente (NIS) (A)',
        value: '12345',
        severity: 'error',
      },
      { sheet: 'Prognose', row: 9, column: 'Nieuwkomers (C)', value: '-2', severity: 'error' },
    ]);
    const reasons = plan.issues.map((i) => i.reason);
    expect(reasons[2]).toBe('Verplicht veld is leeg');
    expect(reasons[3]).toBe('Dubbele sleutel: dezelfde nis_code + year staat ook in rij 3');
    expect(reasons[5]).toBe('Het aantal nieuwkomers kan niet negatief zijn');
    // Row 11007 is Borsbeek (2024 map) → Antwerpen; the mapping is listed even for a rejected row.
    expect(plan.nisMappings).toEqual([
      { from: '11007', fromName: 'Borsbeek', to: '11002', toName: 'Antwerpen', rows: 1 },
    ]);
  });

  it('all or nothing: with errors and without "valid rows only" nothing is written', async () => {
    const core = await startCore();
    const before = snapshot(core.session.db);
    const { plan } = await planFile(core, 'prognose.xlsx', await messyForecast(), {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    const result = await core.call('import.commit', {
      planId: plan.planId,
      acceptValidRows: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'import.has_errors' } });
    expect(snapshot(core.session.db)).toBe(before);
    expect(scalar(core.session.db, 'SELECT count(*) FROM import_log')).toBe(0);
  });

  it('valid rows only: writes those and keeps the report in the import log', async () => {
    const core = await startCore();
    const { plan } = await planFile(core, 'prognose.xlsx', await messyForecast(), {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    const log = unwrap(
      await core.call('import.commit', { planId: plan.planId, acceptValidRows: true }),
    );
    expect(log).toMatchObject({ rowsRead: 7, rowsInserted: 1, rowsRejected: 6, issueCount: 6 });
    expect(
      rows(core.session.db, 'SELECT nis_code, year, newcomers FROM newcomer_forecast'),
    ).toEqual([{ nis_code: '11001', year: 2025, newcomers: 12 }]);
    const report = JSON.parse(
      String(scalar(core.session.db, 'SELECT report_json FROM import_log WHERE id = ?', [log.id])),
    ) as {
      issues: { row: number }[];
    };
    expect(report.issues.map((i) => i.row)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('a failure while writing rolls everything back (one transaction)', async () => {
    const core = await startCore();
    const db = core.session.db;
    // A pilot refers to Aartselaar: removing the municipality list must fail as a whole.
    db.run("INSERT INTO pilot (code, name, lead_nis_code) VALUES ('P1', 'Test', '11001')");
    const before = snapshot(db);
    const bytes = await xlsx({
      G: [
        ['NIS-code', 'Gemeente'],
        [11002, 'Antwerpen (stad)'],
      ],
    });
    const { plan } = await planFile(core, 'g.xlsx', bytes, {
      target: { kind: 'entity', entity: 'municipality' },
    });
    expect(plan.diff.removed).toBeGreaterThan(200);
    const result = await core.call('import.commit', {
      planId: plan.planId,
      acceptValidRows: false,
      applyRemovals: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'import.commit_failed' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^Er is niets geïmporteerd/);
    expect(snapshot(db)).toBe(before);
    expect(scalar(db, 'SELECT count(*) FROM import_log')).toBe(0);
  });

  it('exports the issues to Excel with a styled header and an autofilter', async () => {
    const core = await startCore();
    const { plan } = await planFile(core, 'prognose.xlsx', await messyForecast(), {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    const bytes = await core.call('import.exportIssues', { planId: plan.planId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Importfouten')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Blad',
      'Rij',
      'Kolom',
      'Waarde',
      'Reden',
      'Ernst',
    ]);
    // The shared writer styles the header cells (not a row style).
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('F1').font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Prognose',
      4,
      'Gemeente (NIS) (A)',
      '1100',
      expect.stringContaining('NIS-code'),
      'fout',
    ]);
  });
});

describe('NIS crosswalk 2024 → 2025', () => {
  it('maps old codes, lists each mapping with its row count, and sums forecasts of merged municipalities', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      Prognose: [
        ['NIS', 'Jaar', 'Nieuwkomers'],
        [44040, 2025, 10], // Melle → Merelbeke-Melle
        [44043, 2025, 20], // Merelbeke → Merelbeke-Melle
        [11007, 2025, 5], // Borsbeek → Antwerpen
        [11001, 2025, 3],
      ],
    });
    const { plan } = await planFile(core, 'prognose.xlsx', bytes, {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    expect(plan.nisMappings).toEqual([
      { from: '11007', fromName: 'Borsbeek', to: '11002', toName: 'Antwerpen', rows: 1 },
      { from: '44040', fromName: 'Melle', to: '44088', toName: 'Merelbeke-Melle', rows: 1 },
      { from: '44043', fromName: 'Merelbeke', to: '44088', toName: 'Merelbeke-Melle', rows: 1 },
    ]);
    expect(plan.issues).toEqual([expect.objectContaining({ row: 3, severity: 'warning' })]);
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    expect(
      rows(core.session.db, 'SELECT nis_code, newcomers FROM newcomer_forecast ORDER BY nis_code'),
    ).toEqual([
      { nis_code: '11001', newcomers: 3 },
      { nis_code: '11002', newcomers: 5 },
      { nis_code: '44088', newcomers: 30 },
    ]);
  });

  it('an unknown code is an error, never dropped silently', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      P: [
        ['NIS', 'Jaar', 'Nieuwkomers'],
        [11999, 2025, 1],
      ],
    });
    const { plan } = await planFile(core, 'p.xlsx', bytes, {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    expect(plan.issues).toEqual([
      expect.objectContaining({
        row: 2,
        value: '11999',
        reason: 'Onbekende NIS-code: geen gemeente op de kaart van 2025 of 2019–2024',
      }),
    ]);
  });
});
