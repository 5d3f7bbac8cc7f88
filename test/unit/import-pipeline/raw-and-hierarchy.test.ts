import { describe, expect, it } from 'vitest';
import { csv, planFile, rows, scalar, snapshot, startCore, unwrap, xlsx } from './helpers';

describe('positions: reporting lines must make a tree', () => {
  const setup = async () => {
    const core = await startCore();
    core.session.db.run(
      "INSERT INTO org_unit (code, name, kind) VALUES ('AGII', 'AgII', 'agency')",
    );
    return core;
  };

  it.each([
    [
      'a cycle',
      [
        ['F1', 'Hoofd', 'F3'],
        ['F2', 'Coach', 'F1'],
        ['F3', 'Begeleider', 'F2'],
        ['F4', 'Los', null],
      ],
      [
        {
          row: 2,
          reason:
            'Kring in de rapporteringslijnen: F1 (rij 2) → F3 (rij 4) → F2 (rij 3) → F1 (rij 2)',
        },
        {
          row: 3,
          reason:
            'Kring in de rapporteringslijnen: F1 (rij 2) → F3 (rij 4) → F2 (rij 3) → F1 (rij 2)',
        },
        {
          row: 4,
          reason:
            'Kring in de rapporteringslijnen: F1 (rij 2) → F3 (rij 4) → F2 (rij 3) → F1 (rij 2)',
        },
      ],
    ],
    [
      'a missing manager, and the rows under it',
      [
        ['F1', 'Hoofd', null],
        ['F2', 'Coach', 'F9'],
        ['F3', 'Begeleider', 'F2'],
      ],
      [
        {
          row: 3,
          reason:
            "Rapporteert aan 'F9', maar die functie bestaat niet (niet in het bestand, niet in de werkruimte)",
        },
        { row: 4, reason: 'Hangt af van rij 3, die afgekeurd is' },
      ],
    ],
    [
      'a position reporting to itself',
      [['F1', 'Hoofd', 'F1']],
      [{ row: 2, reason: 'Een functie kan niet aan zichzelf rapporteren' }],
    ],
  ])('refuses %s, naming the rows', async (_name, data, expected) => {
    const core = await setup();
    const before = snapshot(core.session.db);
    const bytes = await xlsx({
      Organigram: [
        ['ID', 'Functie', 'Rapporteert aan', 'Eenheid'],
        ...data.map((r) => [...r, 'AGII']),
      ],
    });
    const { plan } = await planFile(core, 'organigram.xlsx', bytes, {
      target: { kind: 'entity', entity: 'position' },
    });
    expect(plan.issues.map(({ row, reason }) => ({ row, reason }))).toEqual(expected);
    expect(plan.issues.every((i) => i.column === 'Rapporteert aan (C)')).toBe(true);
    expect(
      await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }),
    ).toMatchObject({ ok: false });
    expect(snapshot(core.session.db)).toBe(before);
  });

  it('finds a cycle through positions already in the workspace', async () => {
    const core = await setup();
    const first = await xlsx({
      O: [
        ['ID', 'Functie', 'Rapporteert aan', 'Eenheid'],
        ['F1', 'Hoofd', null, 'AGII'],
        ['F2', 'Coach', 'F1', 'AGII'],
      ],
    });
    const a = await planFile(core, 'o.xlsx', first, {
      target: { kind: 'entity', entity: 'position' },
    });
    unwrap(await core.call('import.commit', { planId: a.plan.planId, acceptValidRows: false }));
    const second = await xlsx({
      O: [
        ['ID', 'Functie', 'Rapporteert aan', 'Eenheid'],
        ['F1', 'Hoofd', 'F2', 'AGII'],
      ],
    });
    const b = await planFile(core, 'o.xlsx', second, {
      target: { kind: 'entity', entity: 'position' },
    });
    expect(b.plan.issues).toEqual([
      expect.objectContaining({
        row: 2,
        reason: 'Kring in de rapporteringslijnen: F1 (rij 2) → F2 → F1 (rij 2)',
      }),
    ]);
  });

  it('org units: a missing parent is refused by row', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      E: [
        ['Code', 'Naam', 'Valt onder'],
        ['A', 'Agentschap', null],
        ['B', 'Afdeling', 'Bestaat niet'],
      ],
    });
    const { plan } = await planFile(core, 'e.xlsx', bytes, {
      target: { kind: 'entity', entity: 'org_unit' },
    });
    expect(plan.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Valt onder (C)',
        value: 'Bestaat niet',
        reason: expect.stringContaining('bestaat niet'),
      }),
    ]);
  });
});

describe('raw tables', () => {
  const belgianCsv = () =>
    csv(
      [
        'Rapport nieuwkomers;;;;',
        'Gemaakt op 3/02/2024;;;;',
        ';;;;',
        'NIS-code;Gemeente;Datum;Bedrag;Aandeel',
        '11001;Aartselaar;31/12/2021;"1.234,56";12,5 %',
        '11002;Antwerpen;1 januari 2021;€ 40.000;50%',
        '44021;"Gent, stad";31-12-21;7,5;100 %',
        'Totaal;;;"41.242,06";',
      ].join('\r\n') + '\r\n',
    );

  it('a CSV from a Belgian Excel becomes a typed SQL table with clean column names', async () => {
    const core = await startCore();
    const file = unwrap(
      await core.call('import.inspect', { fileName: 'Nieuwkomers 2021.csv', bytes: belgianCsv() }),
    );
    const preview = unwrap(
      await core.call('import.preview', { fileId: file.fileId, sheet: file.sheets[0]!.name }),
    );
    expect(preview.layout).toMatchObject({ headerRow: 3, firstDataRow: 4, lastDataRow: 6 });
    // NIS code + municipality name: it could be a municipality list; the analyst wants a table.
    expect(preview.suggestedTarget).toEqual({ kind: 'entity', entity: 'municipality' });
    const plan = unwrap(
      await core.call('import.plan', {
        fileId: file.fileId,
        sheet: preview.sheet,
        target: { kind: 'raw', table: 'nieuwkomers_2021' },
      }),
    );
    expect(plan).toMatchObject({ rowsRead: 3, validRows: 3, rawMode: 'create', issues: [] });
    expect(plan.columns?.map((c) => [c.name, c.type])).toEqual([
      ['nis_code', 'nis_code'],
      ['gemeente', 'text'],
      ['datum', 'date'],
      ['bedrag', 'currency'],
      ['aandeel', 'percent'],
    ]);
    const log = unwrap(
      await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }),
    );
    const db = core.session.db;
    expect(rows(db, 'SELECT * FROM nieuwkomers_2021')).toEqual([
      {
        nis_code: '11001',
        gemeente: 'Aartselaar',
        datum: '2021-12-31',
        bedrag: 1234.56,
        aandeel: 0.125,
      },
      {
        nis_code: '11002',
        gemeente: 'Antwerpen',
        datum: '2021-01-01',
        bedrag: 40000,
        aandeel: 0.5,
      },
      { nis_code: '44021', gemeente: 'Gent, stad', datum: '2021-12-31', bedrag: 7.5, aandeel: 1 },
    ]);
    expect(rows(db, 'SELECT table_name, import_id FROM dataset')).toEqual([
      { table_name: 'nieuwkomers_2021', import_id: log.id },
    ]);
    unwrap(await core.call('import.undo', { importId: log.id }));
    expect(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'nieuwkomers_2021'")).toBe(
      0,
    );
    expect(scalar(db, 'SELECT count(*) FROM dataset')).toBe(0);
  });

  it.each([
    ['pilot', 'import.reserved_table_name'],
    ['sqlite_x', 'import.reserved_table_name'],
    ['Mijn Tabel', 'import.bad_table_name'],
    ['1abc', 'import.bad_table_name'],
  ])('refuses the table name %j', async (table, code) => {
    const core = await startCore();
    const file = unwrap(
      await core.call('import.inspect', { fileName: 'x.csv', bytes: belgianCsv() }),
    );
    expect(
      await core.call('import.plan', {
        fileId: file.fileId,
        sheet: file.sheets[0]!.name,
        target: { kind: 'raw', table },
      }),
    ).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('re-import keyed by a column shows a diff; replace swaps the rows; both undo', async () => {
    const core = await startCore();
    const db = core.session.db;
    const first = await xlsx({
      Data: [
        ['Code', 'Naam', 'Aantal'],
        ['A', 'Alfa', 1],
        ['B', 'Bèta', 2],
        ['C', 'Gamma', 3],
      ],
    });
    const a = await planFile(core, 'data.xlsx', first, {
      target: { kind: 'raw', table: 'telling' },
    });
    unwrap(await core.call('import.commit', { planId: a.plan.planId, acceptValidRows: false }));
    const afterFirst = snapshot(db);

    const second = await xlsx({
      Data: [
        ['Code', 'Naam', 'Aantal', 'Extra'],
        ['A', 'Alfa', 1, 'nieuw'],
        ['B', 'Bèta', 20, null],
        ['D', 'Delta', 4, null],
      ],
    });
    const b = await planFile(core, 'data.xlsx', second, {
      target: { kind: 'raw', table: 'telling' },
      raw: { keyColumn: 'code' },
    });
    expect(b.plan.rawMode).toBe('merge');
    expect(b.plan.diff).toMatchObject({ added: 1, changed: 2, removed: 1, unchanged: 0 });
    expect(b.plan.diff.rows.find((r) => r.key === 'B')).toEqual({
      key: 'B',
      kind: 'changed',
      row: 3,
      changes: [{ field: 'aantal', before: 2, after: 20 }],
    });
    const merged = unwrap(
      await core.call('import.commit', {
        planId: b.plan.planId,
        acceptValidRows: false,
        applyRemovals: true,
      }),
    );
    expect(rows(db, 'SELECT code, naam, aantal, extra FROM telling ORDER BY code')).toEqual([
      { code: 'A', naam: 'Alfa', aantal: 1, extra: 'nieuw' },
      { code: 'B', naam: 'Bèta', aantal: 20, extra: null },
      { code: 'D', naam: 'Delta', aantal: 4, extra: null },
    ]);
    unwrap(await core.call('import.undo', { importId: merged.id }));
    expect(snapshot(db)).toBe(afterFirst);

    const c = await planFile(core, 'data.xlsx', second, {
      target: { kind: 'raw', table: 'telling' },
    });
    expect(c.plan).toMatchObject({ rawMode: 'replace', diff: { added: 3, removed: 3 } });
    const replaced = unwrap(
      await core.call('import.commit', { planId: c.plan.planId, acceptValidRows: false }),
    );
    expect(scalar(db, 'SELECT group_concat(code) FROM telling')).toBe('A,B,D');
    unwrap(await core.call('import.undo', { importId: replaced.id }));
    expect(snapshot(db)).toBe(afterFirst);
  });

  it('a cell that does not fit its column type is an issue; overriding the type to text accepts it', async () => {
    const core = await startCore();
    const data: (string | number)[][] = [['Code', 'Aantal']];
    for (let i = 1; i <= 30; i++) data.push([`K${i}`, i === 3 ? 'veel' : i]);
    const bytes = await xlsx({ D: data });
    const file = unwrap(await core.call('import.inspect', { fileName: 'd.xlsx', bytes }));
    const plan = unwrap(
      await core.call('import.plan', {
        fileId: file.fileId,
        sheet: 'D',
        target: { kind: 'raw', table: 'd' },
      }),
    );
    expect(plan.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'Aantal (B)', value: 'veel' }),
    ]);
    const asText = unwrap(
      await core.call('import.plan', {
        fileId: file.fileId,
        sheet: 'D',
        target: { kind: 'raw', table: 'd' },
        layout: { columnTypes: { 1: 'text' } },
      }),
    );
    expect(asText.issues).toEqual([]);
  });

  it('cancelling a plan stops it and writes nothing', async () => {
    const core = await startCore();
    const data: (string | number)[][] = [['Code', 'Waarde']];
    for (let i = 0; i < 20000; i++) data.push([`K${i}`, i]);
    const file = unwrap(
      await core.core.call('import.inspect', {
        fileName: 'groot.xlsx',
        bytes: await xlsx({ G: data }),
      }),
    );
    const phases: string[] = [];
    const running = core.core.call(
      'import.plan',
      { fileId: file.fileId, sheet: 'G', target: { kind: 'raw', table: 'groot' } },
      (p) => {
        phases.push(p.phase);
        if (p.phase === 'read') core.core.cancel('job-1');
      },
      'job-1',
    );
    expect(await running).toMatchObject({ ok: false, error: { code: 'import.cancelled' } });
    expect(phases[0]).toBe('read');
  });
});
