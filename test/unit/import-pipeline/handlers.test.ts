import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { undo } from '../../../src/core/mutations/history';
import { planFile, rows, scalar, snapshot, startCore, unwrap, xlsx } from './helpers';

describe('import handlers', () => {
  it('import.entities lists every entity with its fields, types, required and key flags', async () => {
    const core = await startCore();
    const entities = await core.call('import.entities', undefined);
    expect(entities.map((e) => e.name)).toEqual([
      'municipality',
      'pilot',
      'org_unit',
      'position',
      'allocation',
      'newcomer_forecast',
    ]);
    const position = entities.find((e) => e.name === 'position')!;
    expect(position.labelKey).toBe('import.entities.position');
    expect(position.fields.slice(0, 6)).toEqual([
      {
        key: 'code',
        labelKey: 'import.fields.position.code',
        type: 'text',
        required: true,
        isKey: true,
      },
      {
        key: 'person_name',
        labelKey: 'import.fields.position.person_name',
        type: 'text',
        required: false,
      },
      { key: 'title', labelKey: 'import.fields.position.title', type: 'text', required: true },
      {
        key: 'reports_to',
        labelKey: 'import.fields.position.reports_to',
        type: 'text',
        required: false,
      },
      { key: 'unit', labelKey: 'import.fields.position.unit', type: 'text', required: true },
      { key: 'fte', labelKey: 'import.fields.position.fte', type: 'decimal', required: false },
    ]);
  });

  it('import.inspect keeps the file (SHA-256, size, sheets); import.preview shows rows, layout, totals and a target', async () => {
    const core = await startCore();
    const data: (string | number | null)[][] = [
      ['Personeelsoverzicht 2024'],
      [null],
      ['ID', 'Naam', 'Functie', 'Rapporteert aan', 'Eenheid', 'VTE'],
    ];
    for (let i = 1; i <= 150; i++)
      data.push([`F${i}`, `Persoon ${i}`, 'Coach', i === 1 ? null : 'F1', 'AGII', 1]);
    data.push(['Totaal', null, null, null, null, 150]);
    const bytes = await xlsx({ Organigram: data, Leeg: [] });
    const file = unwrap(await core.call('import.inspect', { fileName: 'organigram.xlsx', bytes }));
    expect(file).toMatchObject({
      fileName: 'organigram.xlsx',
      fileSize: bytes.length,
      format: 'xlsx',
    });
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file.sheets.map((s) => s.name)).toEqual(['Organigram', 'Leeg']);
    const preview = unwrap(
      await core.call('import.preview', { fileId: file.fileId, sheet: 'Organigram' }),
    );
    expect(preview.rows).toHaveLength(100);
    expect(preview.rows[2]).toEqual(['ID', 'Naam', 'Functie', 'Rapporteert aan', 'Eenheid', 'VTE']);
    expect(preview.totalRows).toBe(154);
    expect(preview.layout).toMatchObject({
      headerRow: 2,
      headerRows: 1,
      firstDataRow: 3,
      lastDataRow: 152,
    });
    expect(preview.suggestedTarget).toEqual({ kind: 'entity', entity: 'position' });
    expect(preview.template).toBeUndefined();
    expect(
      await core.call('import.preview', { fileId: file.fileId, sheet: 'Bestaat niet' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'import.no_such_sheet' },
    });
    expect(
      await core.call('import.preview', { fileId: 'file-onbekend', sheet: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'import.file_expired' },
    });
  });

  it('the user can move the header row and the end of the data', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      D: [
        ['Code', 'Waarde'],
        ['eenheid', 'aantal'],
        ['A', 1],
        ['B', 2],
        ['C', 3],
        ['noot: voorlopig', null],
      ],
    });
    const file = unwrap(await core.call('import.inspect', { fileName: 'd.xlsx', bytes }));
    const preview = unwrap(
      await core.call('import.preview', {
        fileId: file.fileId,
        sheet: 'D',
        layout: { headerRow: 1, lastDataRow: 3 },
      }),
    );
    expect(preview.layout).toMatchObject({ headerRow: 1, firstDataRow: 2, lastDataRow: 3 });
    expect(preview.layout.columns.map((c) => [c.header, c.name])).toEqual([
      ['eenheid', 'eenheid'],
      ['aantal', 'aantal'],
    ]);
    const plan = unwrap(
      await core.call('import.plan', {
        fileId: file.fileId,
        sheet: 'D',
        layout: { headerRow: 1, lastDataRow: 3 },
        target: { kind: 'raw', table: 'd' },
      }),
    );
    expect(plan.rowsRead).toBe(2);
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    expect(rows(core.session.db, 'SELECT * FROM d')).toEqual([
      { eenheid: 'A', aantal: 1 },
      { eenheid: 'B', aantal: 2 },
    ]);
  });

  it('an entity plan refuses a mapping without its required fields', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      D: [
        ['NIS', 'Jaar'],
        [11001, 2025],
      ],
    });
    const file = unwrap(await core.call('import.inspect', { fileName: 'd.xlsx', bytes }));
    expect(
      await core.call('import.plan', {
        fileId: file.fileId,
        sheet: 'D',
        target: { kind: 'entity', entity: 'newcomer_forecast' },
        mapping: { nis_code: 0, year: 1, newcomers: null },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'import.mapping_incomplete', params: { fields: 'newcomers' } },
    });
  });

  it('undoing an import from the log is itself undoable (Ctrl+Z brings the import back)', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      D: [
        ['Code', 'Aantal'],
        ['A', 1],
        ['B', 2],
      ],
    });
    const { plan } = await planFile(core, 'd.xlsx', bytes, {
      target: { kind: 'raw', table: 'telling' },
    });
    const log = unwrap(
      await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }),
    );
    const imported = snapshot(core.session.db);
    unwrap(await core.call('import.undo', { importId: log.id }));
    expect(
      scalar(core.session.db, "SELECT count(*) FROM sqlite_master WHERE name = 'telling'"),
    ).toBe(0);
    unwrap(undo(core.session));
    expect(snapshot(core.session.db)).toBe(imported);
    expect((await core.call('import.history', undefined))[0]?.undoneAt).toBeNull();
  });
});

describe('plans and templates', () => {
  it('a plan is committed once; a saved template can be deleted', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      D: [
        ['Code', 'Aantal'],
        ['A', 1],
      ],
    });
    const { plan } = await planFile(core, 'd.xlsx', bytes, {
      target: { kind: 'raw', table: 'eenmaal' },
    });
    const log = unwrap(
      await core.call('import.commit', {
        planId: plan.planId,
        acceptValidRows: false,
        saveTemplateAs: 'Telling',
      }),
    );
    expect(
      await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'import.plan_used', params: { importId: log.id } },
    });
    const [template] = await core.call('import.templates', undefined);
    expect(template).toMatchObject({ name: 'Telling', target: { kind: 'raw', table: 'eenmaal' } });
    unwrap(await core.call('import.deleteTemplate', { id: template!.id }));
    expect(await core.call('import.templates', undefined)).toEqual([]);
  });
});
