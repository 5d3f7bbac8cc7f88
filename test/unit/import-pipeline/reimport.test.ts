import { describe, expect, it } from 'vitest';
import { undo, redo } from '../../../src/core/mutations/history';
import { planFile, rows, scalar, snapshot, startCore, unwrap, xlsx } from './helpers';

type Core = Awaited<ReturnType<typeof startCore>>;

const forecast = (values: [number, number, number | string][]) =>
  xlsx({
    Prognose: [['NIS-code', 'Jaar', 'Nieuwkomers', 'Bron'], ...values.map((v) => [...v, 'AgII'])],
  });

async function importForecast(
  core: Core,
  values: [number, number, number | string][],
  commit: { applyRemovals?: boolean; saveTemplateAs?: string } = {},
) {
  const { plan } = await planFile(core, 'prognose.xlsx', await forecast(values), {
    target: { kind: 'entity', entity: 'newcomer_forecast' },
  });
  const log = unwrap(
    await core.call('import.commit', { planId: plan.planId, acceptValidRows: false, ...commit }),
  );
  return { plan, log };
}

describe('re-import diff', () => {
  it('lists added, changed (old → new per field), removed and unchanged rows; removes only when asked', async () => {
    const core = await startCore();
    await importForecast(core, [
      [11001, 2025, 10],
      [11002, 2025, 500],
      [11004, 2025, 7],
    ]);
    const bytes = await forecast([
      [11001, 2025, 10],
      [11002, 2025, 525.5],
      [11005, 2025, 9],
    ]);
    const { plan } = await planFile(core, 'prognose.xlsx', bytes, {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    expect(plan.diff).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1 });
    expect(plan.diff.rows).toEqual([
      {
        key: '11002|2025',
        kind: 'changed',
        row: 3,
        changes: [{ field: 'newcomers', before: 500, after: 525.5 }],
      },
      {
        key: '11005|2025',
        kind: 'added',
        row: 4,
        values: { nis_code: '11005', year: 2025, newcomers: 9, source: 'AgII' },
      },
      { key: '11004|2025', kind: 'removed' },
    ]);
    const log = unwrap(
      await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }),
    );
    expect(log).toMatchObject({ rowsInserted: 1, rowsUpdated: 1, rowsDeleted: 0 });
    expect(
      scalar(core.session.db, "SELECT count(*) FROM newcomer_forecast WHERE nis_code = '11004'"),
    ).toBe(1);

    const again = await planFile(core, 'prognose.xlsx', bytes, {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
    });
    expect(again.plan.diff).toMatchObject({ added: 0, changed: 0, removed: 1, unchanged: 3 });
    const removal = unwrap(
      await core.call('import.commit', {
        planId: again.plan.planId,
        acceptValidRows: false,
        applyRemovals: true,
      }),
    );
    expect(removal.rowsDeleted).toBe(1);
    expect(
      rows(core.session.db, 'SELECT nis_code, newcomers FROM newcomer_forecast ORDER BY 1'),
    ).toEqual([
      { nis_code: '11001', newcomers: 10 },
      { nis_code: '11002', newcomers: 525.5 },
      { nis_code: '11005', newcomers: 9 },
    ]);
  });
});

describe('import log and undo', () => {
  it('logs file name, SHA-256, size, sheet, target, mapping, counts, user and times', async () => {
    const core = await startCore();
    core.session.userName = 'analist';
    const { log } = await importForecast(core, [[11001, 2025, 10]]);
    const history = await core.call('import.history', undefined);
    expect(history).toEqual([log]);
    expect(log).toMatchObject({
      fileName: 'prognose.xlsx',
      sheet: 'Prognose',
      targetKind: 'entity',
      target: 'newcomer_forecast',
      mapping: { nis_code: 0, year: 1, newcomers: 2, source: 3 },
      rowsRead: 1,
      rowsInserted: 1,
      userName: 'analist',
      undoneAt: null,
    });
    expect(log.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(log.fileSize).toBeGreaterThan(1000);
    expect(Date.parse(log.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(log.startedAt));
    expect(scalar(core.session.db, "SELECT count(*) FROM audit_log WHERE action = 'import'")).toBe(
      1,
    );
  });

  it('import.undo puts the workspace back, also for an import from an earlier session', async () => {
    const core = await startCore();
    await importForecast(core, [
      [11001, 2025, 10],
      [11002, 2025, 500],
    ]);
    const before = snapshot(core.session.db);
    const { log } = await importForecast(
      core,
      [
        [11001, 2025, 11],
        [11004, 2025, 3],
      ],
      { applyRemovals: true },
    );
    expect(snapshot(core.session.db)).not.toBe(before);
    // A later session: no in-memory history, only the log.
    core.session.history = { undo: [], redo: [] };
    const undone = unwrap(await core.call('import.undo', { importId: log.id }));
    expect(undone.undoneAt).not.toBeNull();
    expect(snapshot(core.session.db)).toBe(before);
    expect(await core.call('import.undo', { importId: log.id })).toMatchObject({
      ok: false,
      error: { code: 'import.already_undone' },
    });
  });

  it('refuses to undo an import that a later import into the same target built on', async () => {
    const core = await startCore();
    const first = await importForecast(core, [[11001, 2025, 10]]);
    await importForecast(core, [[11001, 2025, 12]]);
    expect(await core.call('import.undo', { importId: first.log.id })).toMatchObject({
      ok: false,
      error: { code: 'import.undo_later_first' },
    });
  });

  it('Ctrl+Z undoes an import in the session and Ctrl+Y does it again', async () => {
    const core = await startCore();
    const before = snapshot(core.session.db);
    const { log } = await importForecast(core, [[11001, 2025, 10]]);
    const after = snapshot(core.session.db);
    unwrap(undo(core.session));
    expect(snapshot(core.session.db)).toBe(before);
    expect(
      scalar(core.session.db, 'SELECT undone_at IS NOT NULL FROM import_log WHERE id = ?', [
        log.id,
      ]),
    ).toBe(1);
    unwrap(redo(core.session));
    expect(snapshot(core.session.db)).toBe(after);
    expect(
      scalar(core.session.db, 'SELECT undone_at FROM import_log WHERE id = ?', [log.id]),
    ).toBeNull();
  });

  it('undoes a position import: people, assignments and reporting lines go too', async () => {
    const core = await startCore();
    const db = core.session.db;
    db.run("INSERT INTO org_unit (code, name, kind) VALUES ('AGII', 'AgII', 'agency')");
    const before = snapshot(db);
    const bytes = await xlsx({
      O: [
        ['ID', 'Naam', 'Functie', 'Rapporteert aan', 'Eenheid', 'VTE'],
        ['F1', 'An', 'Hoofd', null, 'AGII', 1],
        ['F2', 'Bart', 'Coach', 'F1', 'AGII', 0.8],
      ],
    });
    const { plan } = await planFile(core, 'o.xlsx', bytes, {
      target: { kind: 'entity', entity: 'position' },
    });
    const log = unwrap(
      await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }),
    );
    expect(scalar(db, 'SELECT count(*) FROM assignment')).toBe(2);
    unwrap(await core.call('import.undo', { importId: log.id }));
    expect(snapshot(db)).toBe(before);
  });
});

describe('templates', () => {
  it('a saved mapping comes back for a file with the same headers', async () => {
    const core = await startCore();
    const headers = ['Code gem.', 'Prognosejaar', 'Instroom', 'Opmerking'];
    const first = await xlsx({
      Blad1: [['Maandrapport januari'], headers, [11001, 2025, 10, 'x']],
    });
    const file = unwrap(await core.call('import.inspect', { fileName: 'jan.xlsx', bytes: first }));
    const mapping = { nis_code: 0, year: 1, newcomers: 2, source: null };
    const plan = unwrap(
      await core.call('import.plan', {
        fileId: file.fileId,
        sheet: 'Blad1',
        target: { kind: 'entity', entity: 'newcomer_forecast' },
        mapping,
      }),
    );
    unwrap(
      await core.call('import.commit', {
        planId: plan.planId,
        acceptValidRows: false,
        saveTemplateAs: 'Maandelijkse prognose',
      }),
    );

    // Next month: an extra title row, and the table starts one column further right.
    const second = await xlsx({
      Blad1: [
        ['Maandrapport februari'],
        ['Extra titelrij'],
        [null, ...headers],
        [null, 11002, 2025, 20, 'y'],
      ],
    });
    const shifted = { nis_code: 1, year: 2, newcomers: 3, source: null };
    const file2 = unwrap(
      await core.call('import.inspect', { fileName: 'feb.xlsx', bytes: second }),
    );
    const preview = unwrap(
      await core.call('import.preview', { fileId: file2.fileId, sheet: 'Blad1' }),
    );
    expect(preview.template).toMatchObject({
      name: 'Maandelijkse prognose',
      target: { kind: 'entity', entity: 'newcomer_forecast' },
      mapping: shifted,
    });
    expect(preview.suggestedTarget).toEqual({ kind: 'entity', entity: 'newcomer_forecast' });
    expect(
      await core.call('import.suggestMapping', {
        fileId: file2.fileId,
        sheet: 'Blad1',
        target: { kind: 'entity', entity: 'newcomer_forecast' },
      }),
    ).toEqual(shifted);
    const plan2 = unwrap(
      await core.call('import.plan', {
        fileId: file2.fileId,
        sheet: 'Blad1',
        target: preview.suggestedTarget,
        mapping: preview.template!.mapping,
      }),
    );
    expect(plan2).toMatchObject({ validRows: 1, issues: [] });
    expect(await core.call('import.templates', undefined)).toHaveLength(1);
  });
});
