import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/core/handlers/context';
import { buildDemoWorkspace } from '../../../src/core/demo/build-demo';
import { SourceError } from '../../../src/core/demo/source-table';
import { diskResources } from '../../../src/node/disk-resources';
import { emptyWorkspace, hashTables, patchedResources, rows, value } from './helpers';

const BASIS = 'Basis 2022–2026';
const DRAFT = 'Uitbreiding netwerkcoaches';

describe('buildDemoWorkspace', () => {
  let db: Database;
  const phases: Progress[] = [];
  beforeAll(async () => {
    db = await emptyWorkspace();
    await buildDemoWorkspace(db, diskResources, (p) => phases.push(p));
  });

  it('records the workspace facts from the sources', () => {
    expect(rows(db, 'SELECT key, value FROM meta ORDER BY key')).toEqual([
      ['created_at', '2022-11-30T09:00:00Z'],
      ['data_date', '2022-11-30'],
      ['is_demo', '1'],
      ['name', 'Voorbeeldwerkruimte'],
      ['planning_from', '2022-01'],
      ['planning_to', '2026-12'],
    ]);
  });

  it('reports progress through every phase, ending done', () => {
    expect(phases.map((p) => p.phase)).toContain('Referentiegegevens');
    expect(phases.map((p) => p.phase)).toContain('Personeelsinzet per maand');
    expect(phases.at(-1)).toEqual({ phase: 'Klaar', done: 12, total: 12 });
  });

  it('holds the reference data: 285 municipalities, 18 networks, 6 AgII regions', () => {
    expect(value(db, 'SELECT count(*) FROM municipality')).toBe(285);
    expect(value(db, "SELECT count(*) FROM region WHERE kind = 'network'")).toBe(18);
    expect(value(db, "SELECT count(*) FROM region WHERE kind = 'agii'")).toBe(6);
    expect(value(db, 'SELECT sum(inhabitants_2020) FROM municipality')).toBe(6_629_143);
  });

  describe('pilots', () => {
    it('has 26 pilots covering exactly 55 municipalities of the 2025 map', () => {
      expect(value(db, 'SELECT count(*) FROM pilot')).toBe(26);
      expect(value(db, 'SELECT count(DISTINCT nis_code) FROM pilot_municipality')).toBe(55);
      expect(value(db, 'SELECT count(*) FROM pilot_municipality')).toBe(55);
      expect(
        value(
          db,
          'SELECT count(*) FROM pilot_municipality WHERE nis_code NOT IN (SELECT nis_code FROM municipality)',
        ),
      ).toBe(0);
    });

    it('keeps budgets within the call: at most €40,000 each, €800,000 in all, co-financing inside', () => {
      expect(value(db, 'SELECT max(budget_eur) FROM pilot')).toBeLessThanOrEqual(40_000);
      expect(value(db, 'SELECT sum(budget_eur) FROM pilot')).toBeLessThanOrEqual(800_000);
      expect(value(db, 'SELECT count(*) FROM pilot WHERE cofinancing_eur > budget_eur')).toBe(0);
      expect(rows(db, 'SELECT DISTINCT start_date, end_date FROM pilot')).toEqual([
        ['2021-01-01', '2022-06-30'],
      ]);
    });

    it.each([
      ['Thuiskomen in je buurt', 40_000, ['Aartselaar', 'Boom', 'Hemiksem', 'Niel', 'Rumst']],
      ['STOEL4', null, ['Harelbeke', 'Menen', 'Wervik', 'Wevelgem']],
      ['Proeftuin Geraardsbergen', 40_000, ['Geraardsbergen']],
    ])('holds the known real pilot %s with its municipalities', (name, budget, municipalities) => {
      const pilot = rows(
        db,
        'SELECT id, is_fictional, budget_eur, source_note FROM pilot WHERE name = ?',
        [name],
      )[0];
      expect(pilot?.[1]).toBe(0);
      if (budget !== null) expect(pilot?.[2]).toBe(budget);
      expect(String(pilot?.[3])).toMatch(/illustratief/);
      const names = rows(
        db,
        `SELECT m.name FROM pilot_municipality pm JOIN municipality m USING (nis_code)
         WHERE pm.pilot_id = ? ORDER BY m.name`,
        [pilot?.[0] ?? null],
      ).flat();
      expect(names).toEqual(municipalities);
    });

    it('marks exactly the five known pilots as real, with Sterk Netwerk at 21 buddy pairs', () => {
      expect(value(db, 'SELECT count(*) FROM pilot WHERE is_fictional = 0')).toBe(5);
      expect(value(db, "SELECT reached_buddy_pairs FROM pilot WHERE name = 'Sterk Netwerk'")).toBe(
        21,
      );
      expect(
        value(db, "SELECT count(*) FROM pilot WHERE name = '2connectU' AND is_fictional = 0"),
      ).toBe(1);
    });

    it.each([
      ['Hasselt Verbindt', '71072', 'Hasselt'],
      ['Buren aan de Schelde', '44088', 'Merelbeke-Melle'],
      ['Tandem Tielt-regio', '37022', 'Tielt'],
      ['Pajot Participeert', '23106', 'Pajottegem'],
    ])('maps %s’s 2019–2024 codes onto the 2025 map (lead %s)', (name, nisCode, municipality) => {
      expect(
        rows(
          db,
          `SELECT p.lead_nis_code, m.name FROM pilot p JOIN municipality m ON m.nis_code = p.lead_nis_code
           WHERE p.name = ?`,
          [name],
        ),
      ).toEqual([[nisCode, municipality]]);
    });

    it('gives every pilot one lead, approaches, targets and both evaluations', () => {
      expect(value(db, "SELECT count(*) FROM pilot_municipality WHERE role = 'lead'")).toBe(26);
      expect(value(db, 'SELECT count(DISTINCT pilot_id) FROM pilot_approach')).toBe(26);
      expect(
        value(
          db,
          `SELECT count(*) FROM pilot WHERE target_participants > 0 AND reached_participants > 0
             AND length(interim_evaluation) > 40 AND length(final_evaluation) > 40`,
        ),
      ).toBe(26);
    });
  });

  describe('organigram', () => {
    it('has 80–150 positions with 10–15 % vacancies', () => {
      const positions = Number(value(db, 'SELECT count(*) FROM position'));
      const vacant = Number(
        value(
          db,
          'SELECT count(*) FROM position WHERE id NOT IN (SELECT position_id FROM assignment)',
        ),
      );
      expect(positions).toBeGreaterThanOrEqual(80);
      expect(positions).toBeLessThanOrEqual(150);
      expect(vacant / positions).toBeGreaterThanOrEqual(0.1);
      expect(vacant / positions).toBeLessThanOrEqual(0.15);
    });

    it('has one root, the administrateur-generaal, and every position reaches it without a cycle', () => {
      expect(rows(db, 'SELECT code, title FROM position WHERE reports_to_id IS NULL')).toEqual([
        ['AG', 'Administrateur-generaal'],
      ]);
      const reached = value(
        db,
        `WITH RECURSIVE chain(id, depth) AS (
           SELECT id, 0 FROM position WHERE reports_to_id IS NULL
           UNION ALL SELECT p.id, c.depth + 1 FROM position p JOIN chain c ON p.reports_to_id = c.id
             WHERE c.depth < 50)
         SELECT count(DISTINCT id) FROM chain`,
      );
      expect(reached).toBe(value(db, 'SELECT count(*) FROM position'));
    });

    it('has one agency at the top of the unit tree with the four divisions and six regional teams', () => {
      expect(rows(db, 'SELECT code FROM org_unit WHERE parent_id IS NULL')).toEqual([['AGII']]);
      expect(
        rows(db, "SELECT name FROM org_unit WHERE kind = 'division' ORDER BY name").flat(),
      ).toEqual(['HR', 'Operationele Diensten', 'Vorming', 'Zakelijke Diensten']);
      expect(
        rows(
          db,
          `SELECT u.region_code FROM org_unit u JOIN org_unit p ON p.id = u.parent_id
           WHERE u.kind = 'region_team' AND p.code = 'OD' ORDER BY 1`,
        ).flat(),
      ).toEqual(['AGII-ANT', 'AGII-BRU', 'AGII-LIM', 'AGII-OVL', 'AGII-VBR', 'AGII-WVL']);
    });

    it.each([
      'netwerkcoach',
      'regiocoordinator',
      'consulent_integratie',
      'trajectbegeleider',
      'teamleider',
    ])('has positions with the role %s', (role) => {
      expect(
        Number(
          value(
            db,
            'SELECT count(*) FROM position p JOIN role r ON r.id = p.role_id WHERE r.code = ?',
            [role],
          ),
        ),
      ).toBeGreaterThan(0);
    });

    it('gives a fourth-pillar share to fourth-pillar roles only where it belongs', () => {
      expect(
        value(
          db,
          `SELECT count(*) FROM position p JOIN role r ON r.id = p.role_id
           WHERE r.is_pillar4 = 1 AND p.pillar4_share = 0`,
        ),
      ).toBe(0);
      expect(
        Number(value(db, 'SELECT sum(budget_fte * pillar4_share) FROM position')),
      ).toBeGreaterThan(15);
    });

    it('lets some people hold two positions, never above their contract', () => {
      const overContract = rows(
        db,
        `SELECT pe.code FROM assignment a JOIN person pe ON pe.id = a.person_id
         GROUP BY pe.id HAVING sum(a.fte) > pe.contract_fte + 1e-9`,
      );
      expect(overContract).toEqual([]);
      const twoPositions = rows(
        db,
        'SELECT person_id FROM assignment GROUP BY person_id HAVING count(*) > 1',
      );
      expect(twoPositions.length).toBeGreaterThanOrEqual(2);
    });

    it('writes names with accents as they are, and finds them with fold()', () => {
      expect(value(db, "SELECT count(*) FROM person WHERE name LIKE 'Éléonore %'")).toBe(1);
      expect(
        value(db, "SELECT count(*) FROM person WHERE fold(name) LIKE '%ayse%'"),
      ).toBeGreaterThan(0);
    });

    it('draws cross-unit links, among them the fourth-pillar working group', () => {
      expect(
        Number(
          value(db, "SELECT count(*) FROM cross_unit_link WHERE label = 'werkgroep vierde pijler'"),
        ),
      ).toBeGreaterThanOrEqual(10);
      expect(
        Number(
          value(
            db,
            "SELECT count(*) FROM cross_unit_link WHERE label = 'functioneel aangestuurd door'",
          ),
        ),
      ).toBe(6);
    });
  });

  describe('planning', () => {
    it('has the approved Basis and a draft based on it, with the same named assumptions', () => {
      expect(
        rows(
          db,
          'SELECT s.name, s.status, b.name FROM scenario s LEFT JOIN scenario b ON b.id = s.based_on_id ORDER BY s.id',
        ),
      ).toEqual([
        [BASIS, 'approved', null],
        [DRAFT, 'draft', BASIS],
      ]);
      expect(
        rows(
          db,
          `SELECT a.key, a.value FROM scenario_assumption a JOIN scenario s ON s.id = a.scenario_id
           WHERE s.name = ? ORDER BY a.key`,
          [BASIS],
        ),
      ).toContainEqual(['share_obliged', 0.49]);
    });

    it('forecasts newcomers for all 285 municipalities over 2022–2026, most in the cities', () => {
      expect(
        rows(db, 'SELECT count(DISTINCT nis_code), min(year), max(year) FROM newcomer_forecast'),
      ).toEqual([[285, 2022, 2026]]);
      expect(value(db, 'SELECT sum(newcomers) FROM newcomer_forecast WHERE year = 2022')).toBe(
        17_000,
      );
      expect(
        value(
          db,
          'SELECT nis_code FROM newcomer_forecast WHERE year = 2022 ORDER BY newcomers DESC LIMIT 1',
        ),
      ).toBe('11002');
    });

    it('allocates every month from 2022-01 to 2026-12 in both scenarios', () => {
      expect(
        rows(
          db,
          'SELECT scenario_id, min(month), max(month), count(DISTINCT month) FROM allocation GROUP BY scenario_id',
        ),
      ).toEqual([
        [1, '2022-01', '2026-12', 60],
        [2, '2022-01', '2026-12', 60],
      ]);
    });

    it('never puts a person above their contract FTE in a month', () => {
      const breaches = rows(
        db,
        `SELECT a.scenario_id, pe.code, a.month, sum(a.fte) FROM allocation a
         JOIN person pe ON pe.id = a.person_id
         GROUP BY a.scenario_id, a.person_id, a.month HAVING sum(a.fte) > pe.contract_fte + 1e-9`,
      );
      expect(breaches).toEqual([]);
    });

    it('never allocates a position above its budget in a month', () => {
      const breaches = rows(
        db,
        `SELECT a.scenario_id, p.code, a.month, sum(a.fte) FROM allocation a
         JOIN position p ON p.id = a.position_id
         GROUP BY a.scenario_id, a.position_id, a.month HAVING sum(a.fte) > p.budget_fte + 1e-9`,
      );
      expect(breaches).toEqual([]);
    });

    it('plans vacancies without a person and filled positions with their holder', () => {
      expect(
        value(
          db,
          `SELECT count(*) FROM allocation a WHERE a.person_id IS NULL
             AND a.position_id IN (SELECT id FROM position WHERE code = 'OD-LIM-LBP-NC2')`,
        ),
      ).toBeGreaterThan(0);
      expect(
        value(
          db,
          `SELECT count(*) FROM allocation a JOIN assignment s ON s.position_id = a.position_id
           WHERE a.person_id IS NOT s.person_id AND a.month >= substr(s.valid_from, 1, 7)`,
        ),
      ).toBe(0);
    });

    it('ramps the fourth pillar up to its mandatory start in January 2023', () => {
      const pillar4 = (scenario: string, month: string): number =>
        Number(
          value(
            db,
            `SELECT round(sum(a.fte), 3) FROM allocation a JOIN scenario s ON s.id = a.scenario_id
             WHERE s.name = ? AND a.month = ? AND a.activity_code = 'pillar4'`,
            [scenario, month],
          ),
        );
      expect(pillar4(BASIS, '2022-01')).toBeLessThan(pillar4(BASIS, '2022-12'));
      expect(pillar4(BASIS, '2022-12')).toBeLessThan(pillar4(BASIS, '2023-01'));
      expect(pillar4(DRAFT, '2024-01')).toBeGreaterThan(pillar4(BASIS, '2024-01') + 2);
      expect(pillar4(DRAFT, '2022-06')).toBe(pillar4(BASIS, '2022-06'));
    });

    it('lets the draft differ from Basis only on the positions it replans', () => {
      const plans = new Map<string, string[]>();
      for (const [scenario, code, line] of rows(
        db,
        `SELECT a.scenario_id, p.code, a.activity_code || '/' || ifnull(a.region_code, '') || '/' || a.month || '/' || a.fte
         FROM allocation a JOIN position p ON p.id = a.position_id
         ORDER BY a.scenario_id, p.code, a.month, a.activity_code, a.region_code`,
      )) {
        const key = `${String(code)}#${String(scenario)}`;
        plans.set(key, [...(plans.get(key) ?? []), String(line)]);
      }
      const codes = new Set([...plans.keys()].map((key) => key.split('#')[0]));
      const differing = [...codes]
        .filter(
          (code) => (plans.get(`${code}#1`) ?? []).join() !== (plans.get(`${code}#2`) ?? []).join(),
        )
        .sort();
      expect(differing).toEqual([
        'OD-ANT-LBP-NC4',
        'OD-LIM-LBP-NC2',
        'OD-LIM-LBP-NC3',
        'OD-OVL-LBP-NC4',
        'OD-WVL-LBP-NC3',
      ]);
    });

    it('puts fourth-pillar work on networks and trajectory work on AgII regions', () => {
      expect(
        rows(
          db,
          `SELECT DISTINCT r.kind FROM allocation a JOIN region r ON r.code = a.region_code
           WHERE a.activity_code = 'pillar4'`,
        ),
      ).toEqual([['network']]);
      expect(
        rows(
          db,
          `SELECT DISTINCT r.kind FROM allocation a JOIN region r ON r.code = a.region_code
           WHERE a.activity_code = 'trajectory'`,
        ),
      ).toEqual([['agii']]);
    });
  });

  it('is deterministic: two builds give identical tables', async () => {
    const again = await emptyWorkspace();
    await buildDemoWorkspace(again, diskResources);
    expect(hashTables(again)).toBe(hashTables(db));
  });

  it('refuses to build into a workspace that already has data', async () => {
    await expect(buildDemoWorkspace(db, diskResources)).rejects.toThrow(/lege werkruimte/);
  });

  it.each([
    [
      'an unknown position code',
      'demo/allocation_plan.csv',
      (t: string) =>
        t.replace('Basis 2022–2026,AG,management', 'Basis 2022–2026,XX-NIEMAND,management'),
      /demo\/allocation_plan\.csv, rij 2: onbekende functie "XX-NIEMAND"/,
    ],
    [
      'a person planned above their contract',
      'demo/allocation_plan.csv',
      (t: string) => `${t}Basis 2022–2026,AG,other,,2024-01,2024-03,0.5\n`,
      /demo\/allocation_plan\.csv, rij \d+: functie AG komt in 2024-01 op 1\.5 VTE, meer dan 1/,
    ],
    [
      'a NIS code that is on no map',
      'demo/pilots.csv',
      (t: string) =>
        t.replace(
          'PT01,Thuiskomen in je buurt,11005,11005; 11001',
          'PT01,Thuiskomen in je buurt,11005,11005; 99999',
        ),
      /demo\/pilots\.csv, rij 2: kolom "Gemeenten \(D\)" \("11005; 99999[^"]*"\): Onbekende NIS-code/,
    ],
    [
      'a unit under a unit that does not exist',
      'demo/org_units.csv',
      (t: string) =>
        t.replace('STAF,Directie en staf,dienst,AGII', 'STAF,Directie en staf,dienst,NERGENS'),
      /demo\/org_units\.csv, rij 3: .*Bovenliggende eenheid 'NERGENS' bestaat niet/,
    ],
    [
      'a reporting cycle',
      'demo/positions.csv',
      (t: string) =>
        t.replace(
          'OD-AH,Afdelingshoofd Operationele Diensten,OD,AG,',
          'OD-AH,Afdelingshoofd Operationele Diensten,OD,OD-SEC,',
        ),
      /demo\/positions\.csv, rij 7: .*Kring in de rapporteringslijnen: OD-AH \(rij 7\) → OD-SEC \(rij 8\) → OD-AH/,
    ],
    [
      'a second root',
      'demo/positions.csv',
      (t: string) => t.replace('HR-AH,Afdelingshoofd HR,HR,AG,', 'HR-AH,Afdelingshoofd HR,HR,,'),
      /demo\/positions\.csv: verwacht precies één functie zonder "Rapporteert aan", gevonden: AG, HR-AH/,
    ],
    [
      'a holder above their contract',
      'demo/positions.csv',
      (t: string) =>
        t.replace(
          ',M002,Zoë Thys,0.9,zoe.thys@agii.example,2015-01-01,0.4,',
          ',M002,Zoë Thys,0.9,zoe.thys@agii.example,2015-01-01,0.5,',
        ),
      /demo\/positions\.csv, rij \d+: .*M002 komt op 1 VTE over de functies in dit bestand, meer dan het contract \(0\.9\)/,
    ],
    [
      'a negative forecast',
      'demo/newcomer_forecast.csv',
      (t: string) => t.replace('11001,Aartselaar,2022,29', '11001,Aartselaar,2022,-29'),
      /demo\/newcomer_forecast\.csv, rij 2: .*Het aantal nieuwkomers kan niet negatief zijn/,
    ],
  ])(
    'refuses %s, names file and row, and leaves the workspace empty',
    async (_, file, patch, message) => {
      const fresh = await emptyWorkspace();
      const build = buildDemoWorkspace(fresh, patchedResources({ [file]: patch }));
      await expect(build).rejects.toThrow(SourceError);
      await expect(build).rejects.toThrow(message);
      expect(
        value(
          fresh,
          'SELECT (SELECT count(*) FROM region) + (SELECT count(*) FROM meta) + (SELECT count(*) FROM position)',
        ),
      ).toBe(0);
    },
  );
});
