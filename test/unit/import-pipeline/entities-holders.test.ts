import { describe, expect, it } from 'vitest';
import { approachCode } from '../../../src/core/import/entities/pilot';
import { csv, planFile, rows, startCore, unwrap, xlsx } from './helpers';

type Core = Awaited<ReturnType<typeof startCore>>;

async function withUnitsAndRoles(core: Core): Promise<void> {
  core.session.db.run(
    `INSERT INTO org_unit (code, name, kind) VALUES ('AGII', 'Agentschap', 'agency'), ('RT', 'Regioteam Gent', 'region_team');
     INSERT INTO role (code, name, is_pillar4) VALUES ('netwerkcoach', 'Netwerkcoach', 1)`,
  );
}

const HEADER = [
  'Functie-ID',
  'Functie',
  'Eenheid',
  'Rapporteert aan',
  'VTE',
  'Personeelsnummer',
  'Naam medewerker',
  'Contract-VTE',
  'E-mail',
  'In dienst sinds',
  'VTE op deze functie',
  'In functie sinds',
];

describe('positions with their holders (an HR export)', () => {
  it('creates people with e-mail and start date, and assignments with their own FTE and start', async () => {
    const core = await startCore();
    await withUnitsAndRoles(core);
    const bytes = await xlsx({
      Bezetting: [
        HEADER,
        [
          'F1',
          'Directeur',
          'AGII',
          null,
          1,
          'M1',
          'Zoë Thys',
          1,
          'zoe@agii.example',
          '1/01/2015',
          1,
          '1/01/2015',
        ],
        [
          'F2',
          'Netwerkcoach',
          'RT',
          'F1',
          1,
          'M2',
          'Ayşe Demir',
          0.8,
          null,
          '2021-09-01',
          '0,5',
          '1/09/2021',
        ],
        [
          'F3',
          'Netwerkcoach',
          'RT',
          'F1',
          0.5,
          'M2',
          'Ayşe Demir',
          0.8,
          null,
          '2021-09-01',
          0.3,
          '1/03/2022',
        ],
        ['F4', 'Netwerkcoach', 'RT', 'F1', 1, null, 'vacature', null, null, null, null, null],
      ],
    });
    const { plan } = await planFile(core, 'bezetting.xlsx', bytes, {
      target: { kind: 'entity', entity: 'position' },
    });
    expect(plan.issues).toEqual([]);
    unwrap(await core.call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    const db = core.session.db;
    expect(
      rows(db, 'SELECT code, name, contract_fte, email, valid_from FROM person ORDER BY id'),
    ).toEqual([
      {
        code: 'M1',
        name: 'Zoë Thys',
        contract_fte: 1,
        email: 'zoe@agii.example',
        valid_from: '2015-01-01',
      },
      { code: 'M2', name: 'Ayşe Demir', contract_fte: 0.8, email: null, valid_from: '2021-09-01' },
    ]);
    expect(
      rows(
        db,
        `SELECT p.code, pe.code AS person, a.fte, a.valid_from FROM assignment a
         JOIN position p ON p.id = a.position_id JOIN person pe ON pe.id = a.person_id ORDER BY p.code`,
      ),
    ).toEqual([
      { code: 'F1', person: 'M1', fte: 1, valid_from: '2015-01-01' },
      { code: 'F2', person: 'M2', fte: 0.5, valid_from: '2021-09-01' },
      { code: 'F3', person: 'M2', fte: 0.3, valid_from: '2022-03-01' },
    ]);

    // The same file again: nothing changes; a holder's FTE that moves is a change, and applied.
    const again = await planFile(core, 'bezetting.xlsx', bytes, {
      target: { kind: 'entity', entity: 'position' },
    });
    expect(again.plan.diff).toMatchObject({ added: 0, changed: 0, unchanged: 4 });
    const moved = await planFile(
      core,
      'bezetting.csv',
      csv(`${HEADER.join(';')}\nF2;Netwerkcoach;RT;F1;1;M2;Ayşe Demir;0,8;;;0,4;1/01/2023\n`),
      { target: { kind: 'entity', entity: 'position' } },
    );
    expect(moved.plan.diff.rows[0]?.changes).toEqual([
      { field: 'assignment_fte', before: 0.5, after: 0.4 },
      { field: 'assignment_from', before: '2021-09-01', after: '2023-01-01' },
    ]);
    unwrap(await core.call('import.commit', { planId: moved.plan.planId, acceptValidRows: false }));
    expect(
      rows(
        db,
        "SELECT fte, valid_from FROM assignment WHERE position_id = (SELECT id FROM position WHERE code = 'F2')",
      ),
    ).toEqual([{ fte: 0.4, valid_from: '2023-01-01' }]);
  });

  it.each([
    [
      'a holder above the position’s budget',
      ['F2', 'Netwerkcoach', 'RT', null, 0.5, 'M2', 'Ayşe Demir', 1, null, null, 0.8, null],
      { column: 'VTE op deze functie (K)', reason: expect.stringContaining('meer dan het budget') },
    ],
    [
      'an assignment FTE above 1',
      ['F2', 'Netwerkcoach', 'RT', null, 1, 'M2', 'Ayşe Demir', 1, null, null, 1.5, null],
      {
        column: 'VTE op deze functie (K)',
        reason: 'De VTE op de functie moet tussen 0 en 1 liggen',
      },
    ],
  ])('refuses %s', async (_, row, issue) => {
    const core = await startCore();
    await withUnitsAndRoles(core);
    const { plan } = await planFile(core, 'bezetting.xlsx', await xlsx({ Blad1: [HEADER, row] }), {
      target: { kind: 'entity', entity: 'position' },
    });
    expect(plan.issues).toEqual([expect.objectContaining({ row: 2, severity: 'error', ...issue })]);
  });

  it('refuses a person whose positions in the file add up to more than their contract', async () => {
    const core = await startCore();
    await withUnitsAndRoles(core);
    const bytes = await xlsx({
      Blad1: [
        HEADER,
        ['F1', 'Directeur', 'AGII', null, 1, 'M1', 'Zoë Thys', 0.8, null, null, 0.5, null],
        ['F2', 'Netwerkcoach', 'RT', 'F1', 1, 'M1', 'Zoë Thys', 0.8, null, null, 0.5, null],
      ],
    });
    const { plan } = await planFile(core, 'bezetting.xlsx', bytes, {
      target: { kind: 'entity', entity: 'position' },
    });
    expect(plan.issues).toEqual([
      expect.objectContaining({
        row: 3,
        severity: 'error',
        reason: 'M1 komt op 1 VTE over de functies in dit bestand, meer dan het contract (0.8)',
      }),
    ]);
  });
});

describe('pilot approaches', () => {
  it.each([
    ['language_internship', 'language_internship'],
    ['care_home', 'care_home'],
    ['neighbourhood_centre', 'neighbourhood_centre'],
    ['Taalstage', 'language_internship'],
    ['kennismakingsstage', 'internship'],
    ['vrijetijdsvereniging', 'leisure_club'],
    ['Woonzorgcentrum', 'care_home'],
    ['buurtcentrum', 'neighbourhood_centre'],
    ['Buddywerking', 'buddy'],
  ])('reads "%s" as %s', (text, code) => {
    expect(approachCode(text)).toBe(code);
  });
});
