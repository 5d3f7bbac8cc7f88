import { describe, expect, it } from 'vitest';
import { csv, planFile, rows, scalar, startCore, unwrap, xlsx } from './helpers';

type Core = Awaited<ReturnType<typeof startCore>>;

/** Org units and roles the position and allocation imports refer to, imported the user's way. */
async function withOrganisation(core: Core): Promise<void> {
  const units = await xlsx({
    Eenheden: [
      ['Code', 'Naam', 'Soort', 'Valt onder'],
      ['AGII', 'Agentschap Integratie en Inburgering', 'agentschap', null],
      ['OPS', 'Operationele Diensten', 'afdeling', 'AGII'],
      ['RT-GENT', 'Regioteam Oost-Vlaanderen', 'regioteam', 'Operationele Diensten'],
    ],
  });
  const { plan } = await planFile(core, 'eenheden.xlsx', units, {
    target: { kind: 'entity', entity: 'org_unit' },
  });
  expect(plan.issues).toEqual([]);
  unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
  core.session.db.run(
    "INSERT INTO role (code, name, is_pillar4) VALUES ('NWC', 'Netwerkcoach', 1), ('TB', 'Trajectbegeleider', 0)",
  );
}

describe('entity imports', () => {
  it('municipalities: keyed by NIS code, numbers kept as 5-digit text, title and totals ignored', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      Gemeenten: [
        ['Overzicht gemeenten 2024'],
        ['Bron: Statbel, 1 januari 2020'],
        [],
        ['NIS-code', 'Gemeente', 'Inwoners', 'Referentieregio'],
        [11001, 'Aartselaar', '14.500', 'REFREG01'],
        ['11002', 'Antwerpen', 530000, 'Regio Antwerpen'],
        [46999, 'Nieuwdorp', 1200, null],
        ['Totaal', null, 545700, null],
      ],
    });
    const { plan } = await planFile(core, 'gemeenten.xlsx', bytes, {
      target: { kind: 'entity', entity: 'municipality' },
      mapping: { nis_code: 0, name: 1, inhabitants_2020: 2, reference_region_code: 3 },
    });
    expect(plan.rowsRead).toBe(3);
    expect(plan.diff).toMatchObject({ added: 1, changed: 2 });
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    expect(
      rows(
        core.session.db,
        "SELECT nis_code, name, inhabitants_2020, reference_region_code FROM municipality WHERE nis_code IN ('11001', '11002', '46999') ORDER BY 1",
      ),
    ).toEqual([
      {
        nis_code: '11001',
        name: 'Aartselaar',
        inhabitants_2020: 14500,
        reference_region_code: 'REFREG01',
      },
      {
        nis_code: '11002',
        name: 'Antwerpen',
        inhabitants_2020: 530000,
        reference_region_code: 'REFREG01',
      },
      { nis_code: '46999', name: 'Nieuwdorp', inhabitants_2020: 1200, reference_region_code: null },
    ]);
  });

  it('pilots with their lead and partner municipalities (codes or names, old names too) and approaches', async () => {
    const core = await startCore();
    const bytes = await xlsx({
      Proeftuinen: [
        ['Code', 'Proeftuin', 'Trekker', 'Partnergemeenten', 'Aanpak', 'Budget', 'Start', 'Einde'],
        [
          'P01',
          'Thuiskomen in je buurt',
          11001,
          'Boom, Hemiksem; Niel en Rumst',
          'Buddywerking, vrijwilligerswerk',
          '€ 40.000',
          '1/01/2021',
          '30/06/2022',
        ],
        [
          'P02',
          'STOEL4',
          'Menen',
          'Harelbeke / Wervik / Wevelgem',
          'taalstage',
          '€ 39.500,50',
          '01-01-21',
          '30-06-22',
        ],
        ['P03', 'Sterk Netwerk', '13040', 'Borsbeek', 'stage', 35000, null, null],
      ],
    });
    const { plan } = await planFile(core, 'proeftuinen.xlsx', bytes, {
      target: { kind: 'entity', entity: 'pilot' },
      mapping: {
        code: 0,
        name: 1,
        lead_nis_code: 2,
        municipalities: 3,
        approaches: 4,
        budget_eur: 5,
        start_date: 6,
        end_date: 7,
      },
    });
    expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Trekker (C)',
        value: 'Menen',
        reason: expect.stringContaining('NIS-code'),
      }),
    ]);
    // Borsbeek merged into Antwerpen in 2025: mapped, and the mapping is listed.
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: true }));
    const db = core.session.db;
    expect(
      rows(
        db,
        'SELECT code, budget_eur, start_date, end_date, is_fictional FROM pilot ORDER BY code',
      ),
    ).toEqual([
      {
        code: 'P01',
        budget_eur: 40000,
        start_date: '2021-01-01',
        end_date: '2022-06-30',
        is_fictional: 0,
      },
      { code: 'P03', budget_eur: 35000, start_date: null, end_date: null, is_fictional: 0 },
    ]);
    expect(
      rows(
        db,
        "SELECT nis_code, role FROM pilot_municipality pm JOIN pilot p ON p.id = pm.pilot_id WHERE p.code = 'P01' ORDER BY nis_code",
      ),
    ).toEqual([
      { nis_code: '11001', role: 'lead' },
      { nis_code: '11005', role: 'partner' },
      { nis_code: '11018', role: 'partner' },
      { nis_code: '11030', role: 'partner' },
      { nis_code: '11037', role: 'partner' },
    ]);
    expect(
      rows(
        db,
        "SELECT approach FROM pilot_approach pa JOIN pilot p ON p.id = pa.pilot_id WHERE p.code = 'P01' ORDER BY 1",
      ),
    ).toEqual([{ approach: 'buddy' }, { approach: 'volunteering' }]);
    expect(
      rows(
        db,
        "SELECT nis_code FROM pilot_municipality pm JOIN pilot p ON p.id = pm.pilot_id WHERE p.code = 'P03' ORDER BY 1",
      ),
    ).toEqual([{ nis_code: '11002' }, { nis_code: '13040' }]);
  });

  it('organisation units: a tree with parents by code or name', async () => {
    const core = await startCore();
    await withOrganisation(core);
    expect(
      rows(
        core.session.db,
        'SELECT u.code, u.kind, p.code AS parent FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id ORDER BY u.id',
      ),
    ).toEqual([
      { code: 'AGII', kind: 'agency', parent: null },
      { code: 'OPS', kind: 'division', parent: 'AGII' },
      { code: 'RT-GENT', kind: 'region_team', parent: 'OPS' },
    ]);
  });

  it('positions from a Visio-style sheet: people found or created, assignments, reporting lines, vacancies', async () => {
    const core = await startCore();
    await withOrganisation(core);
    const bytes = await xlsx({
      Organigram: [
        [
          'ID',
          'Naam',
          'Functie',
          'Rapporteert aan',
          'Eenheid',
          'VTE',
          'Rol',
          'Aandeel vierde pijler',
        ],
        ['F1', 'Éléonore Dubois', 'Administrateur-generaal', null, 'AGII', 1, null, null],
        ['F2', 'Jan Peeters', 'Afdelingshoofd', 'F1', 'Operationele Diensten', '1', null, '0'],
        [
          'F3',
          'Vacature',
          'Netwerkcoach',
          'Jan Peeters',
          'RT-GENT',
          '0,8',
          'Netwerkcoach',
          '100 %',
        ],
        ['F4', 'Eleni Papadopoulos', 'Trajectbegeleider', 'F2', 'rt-gent', '0,5', 'TB', '25%'],
      ],
    });
    const { plan } = await planFile(core, 'organigram.xlsx', bytes, {
      target: { kind: 'entity', entity: 'position' },
    });
    expect(plan.issues).toEqual([]);
    expect(plan.diff.added).toBe(4);
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    const db = core.session.db;
    expect(
      rows(
        db,
        `SELECT p.code, p.title, u.code AS unit, m.code AS manager, p.budget_fte, r.code AS role, p.pillar4_share
                FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN position m ON m.id = p.reports_to_id
                LEFT JOIN role r ON r.id = p.role_id ORDER BY p.code`,
      ),
    ).toEqual([
      {
        code: 'F1',
        title: 'Administrateur-generaal',
        unit: 'AGII',
        manager: null,
        budget_fte: 1,
        role: null,
        pillar4_share: 0,
      },
      {
        code: 'F2',
        title: 'Afdelingshoofd',
        unit: 'OPS',
        manager: 'F1',
        budget_fte: 1,
        role: null,
        pillar4_share: 0,
      },
      {
        code: 'F3',
        title: 'Netwerkcoach',
        unit: 'RT-GENT',
        manager: 'F2',
        budget_fte: 0.8,
        role: 'NWC',
        pillar4_share: 1,
      },
      {
        code: 'F4',
        title: 'Trajectbegeleider',
        unit: 'RT-GENT',
        manager: 'F2',
        budget_fte: 0.5,
        role: 'TB',
        pillar4_share: 0.25,
      },
    ]);
    expect(
      rows(
        db,
        'SELECT p.code, pe.name, a.fte FROM assignment a JOIN position p ON p.id = a.position_id JOIN person pe ON pe.id = a.person_id ORDER BY p.code',
      ),
    ).toEqual([
      { code: 'F1', name: 'Éléonore Dubois', fte: 1 },
      { code: 'F2', name: 'Jan Peeters', fte: 1 },
      { code: 'F4', name: 'Eleni Papadopoulos', fte: 0.5 },
    ]);
    expect(scalar(db, 'SELECT count(*) FROM person')).toBe(3);
  });

  it('allocations by scenario, position, activity and month (month as text, date or serial)', async () => {
    const core = await startCore();
    await withOrganisation(core);
    const db = core.session.db;
    db.run(
      "INSERT INTO activity (code, name, is_pillar4) VALUES ('P4', 'Vierde pijler', 1), ('TB', 'Trajectbegeleiding', 0)",
    );
    db.run("INSERT INTO scenario (name, created_at) VALUES ('Basis', '2024-01-01')");
    db.run(
      "INSERT INTO position (code, unit_id, title) VALUES ('F3', (SELECT id FROM org_unit WHERE code = 'RT-GENT'), 'Netwerkcoach')",
    );
    const bytes = await xlsx({
      Inzet: [
        ['Scenario', 'Functie', 'Activiteit', 'Regio', 'Maand', 'VTE'],
        ['Basis', 'F3', 'Vierde pijler', 'REFREG01', '2023-01', '0,5'],
        ['Basis', 'F3', 'P4', 'REFREG01', new Date(Date.UTC(2023, 1, 1)), 0.5],
        ['Groei', 'F3', 'TB', null, 'maart 2023', 0.25],
        ['Basis', 'F3', 'P4', 'REFREG01', '13/2023', 0.25],
      ],
    });
    const { plan } = await planFile(core, 'inzet.xlsx', bytes, {
      target: { kind: 'entity', entity: 'allocation' },
    });
    expect(plan.issues).toEqual([
      expect.objectContaining({
        row: 4,
        severity: 'warning',
        reason: "Nieuw scenario 'Groei' wordt aangemaakt",
      }),
      expect.objectContaining({ row: 5, column: 'Maand (E)', value: '13/2023', severity: 'error' }),
    ]);
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: true }));
    expect(
      rows(
        db,
        'SELECT s.name AS scenario, a.activity_code, a.region_code, a.month, a.fte FROM allocation a JOIN scenario s ON s.id = a.scenario_id ORDER BY a.month',
      ),
    ).toEqual([
      {
        scenario: 'Basis',
        activity_code: 'P4',
        region_code: 'REFREG01',
        month: '2023-01',
        fte: 0.5,
      },
      {
        scenario: 'Basis',
        activity_code: 'P4',
        region_code: 'REFREG01',
        month: '2023-02',
        fte: 0.5,
      },
      { scenario: 'Groei', activity_code: 'TB', region_code: null, month: '2023-03', fte: 0.25 },
    ]);
  });

  it('newcomer forecasts from a Belgian CSV (;, Windows-1252, decimal commas)', async () => {
    const core = await startCore();
    const text =
      'NIS-code;Gemeente;Jaar;Verwachte nieuwkomers;Bron\r\n11001;Aartselaar;2025;12,5;Prognose AgII\r\n44021;Gent;2025;1.234,5;Prognose AgII\r\n';
    const bytes = new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    const { file, plan } = await planFile(core, 'prognose.csv', bytes, {
      target: { kind: 'entity', entity: 'newcomer_forecast' },
      mapping: { nis_code: 0, year: 2, newcomers: 3, source: 4 },
    });
    expect(file.dialect).toMatchObject({ delimiter: ';' });
    expect(plan.issues).toEqual([]);
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    expect(rows(core.session.db, 'SELECT * FROM newcomer_forecast ORDER BY nis_code')).toEqual([
      { nis_code: '11001', year: 2025, newcomers: 12.5, source: 'Prognose AgII' },
      { nis_code: '44021', year: 2025, newcomers: 1234.5, source: 'Prognose AgII' },
    ]);
    void csv;
  });
});
