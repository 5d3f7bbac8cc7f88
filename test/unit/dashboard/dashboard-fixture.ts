import { createCoreRuntime } from '../../../src/core/runtime';
import { diskResources } from '../../../src/node/disk-resources';

/**
 * A small workspace worked out by hand (horizon 2023-01 … 2023-06, six months):
 *  - AgII (1) › Afdeling Een (2) › Team A (4), Team B (5); AgII › Afdeling Twee (3) › Team C (6).
 *  - P1 Netwerkcoach in Team A (Ann): 0,6 on the fourth pillar in NW1 every month.
 *  - P2 Consulent in Team B (Ann): 0,3 in NW2, 0,5 in 2023-03.
 *  - P4 Consulent in Team A (Bert): 0,8 in NW2 on Veurne (38025) every month.
 *  - P5 Netwerkcoach in Afdeling Een itself (Cas): 0,2 in NW1 in 2023-01 … 03 only.
 *  - P3 Netwerkcoach in Team C: vacant, share 0,5, 1,0 on management (not fourth pillar).
 *  - Scenario 2 "Meer" has P1 at 1,0 every month.
 *  - Pilots: PL1 led by Aartselaar (Antwerpen) with Antwerpen as partner, buddy + volunteering,
 *    € 40.000 + € 20.000, 40 of 50 reached, 2021-01-01 … 2023-02-28; PL2 led by Veurne
 *    (West-Vlaanderen), buddy, € 30.000 + € 10.000, 25 of 20, 2023-01-01 … 2023-12-31. The pilots
 *    came in through a logged import of "proeftuinen.xlsx".
 */
export const SEED = /* sql */ `
  INSERT INTO meta (key, value) VALUES ('name', 'Testwerkruimte'), ('data_date', '2023-06-30'),
    ('planning_from', '2023-01'), ('planning_to', '2023-06');
  INSERT INTO region (code, name, kind, sort_order) VALUES
    ('NW1', 'Netwerk Een', 'network', 1), ('NW2', 'Netwerk Twee', 'network', 2), ('AG1', 'AgII Een', 'agii', 1);
  INSERT INTO municipality (nis_code, name, province, network_code, agii_region_code) VALUES
    ('11001', 'Aartselaar', 'Antwerpen', 'NW1', 'AG1'), ('11002', 'Antwerpen', 'Antwerpen', 'NW1', 'AG1'),
    ('38025', 'Veurne', 'West-Vlaanderen', 'NW2', 'AG1');
  INSERT INTO newcomer_forecast (nis_code, year, newcomers) VALUES
    ('11001', 2023, 600), ('11002', 2023, 600), ('38025', 2023, 240);
  INSERT INTO activity (code, name, is_pillar4, sort_order) VALUES
    ('pillar4', 'Vierde pijler', 1, 1), ('management', 'Management', 0, 2);
  INSERT INTO org_unit (id, code, name, kind, parent_id, region_code, sort_order) VALUES
    (1, 'AG', 'AgII', 'agency', NULL, NULL, 0), (2, 'D1', 'Afdeling Een', 'division', 1, NULL, 1),
    (3, 'D2', 'Afdeling Twee', 'division', 1, NULL, 2), (4, 'TA', 'Team A', 'team', 2, NULL, 1),
    (5, 'TB', 'Team B', 'team', 2, NULL, 2), (6, 'TC', 'Team C', 'team', 3, 'NW2', 1);
  INSERT INTO role (id, code, name, is_pillar4) VALUES (1, 'nc', 'Netwerkcoach', 1), (2, 'ci', 'Consulent', 1);
  INSERT INTO person (id, code, name, contract_fte) VALUES (1, 'ANN', 'Ann', 1.0), (2, 'BERT', 'Bert', 0.8), (3, 'CAS', 'Cas', 1.0);
  INSERT INTO position (id, code, unit_id, title, role_id, budget_fte, pillar4_share) VALUES
    (1, 'P1', 4, 'Netwerkcoach A', 1, 1.0, 1), (2, 'P2', 5, 'Consulent B', 2, 0.5, 1),
    (3, 'P3', 6, 'Netwerkcoach C', 1, 1.0, 0.5), (4, 'P4', 4, 'Consulent A', 2, 1.0, 1),
    (5, 'P5', 2, 'Netwerkcoach afdeling', 1, 1.0, 0.2);
  INSERT INTO assignment (position_id, person_id, fte) VALUES (1, 1, 0.6), (2, 1, 0.4), (4, 2, 0.8), (5, 3, 1.0);
  INSERT INTO scenario (id, name, status, created_at) VALUES (1, 'Basis', 'draft', '2023-01-01'), (2, 'Meer', 'draft', '2023-01-01');
  INSERT INTO scenario_assumption (scenario_id, key, value) VALUES
    (1, 'share_obliged', 0.5), (1, 'share_obliged_not_working_studying', 0.5), (1, 'uptake_optional', 0.2),
    (1, 'mandatory_from_year', 2023), (1, 'guidance_hours_per_newcomer', 6), (1, 'spread_months', 3),
    (1, 'productive_hours_per_fte_year', 1440), (1, 'caseload_per_fte', 40), (1, 'demand_method', 1);
  INSERT INTO pilot (id, code, name, lead_nis_code, budget_eur, cofinancing_eur, start_date, end_date,
                     target_participants, reached_participants) VALUES
    (1, 'PL1', 'Buren', '11001', 40000, 20000, '2021-01-01', '2023-02-28', 50, 40),
    (2, 'PL2', 'Kust', '38025', 30000, 10000, '2023-01-01', '2023-12-31', 20, 25);
  INSERT INTO pilot_municipality (pilot_id, nis_code, role) VALUES (1, '11001', 'lead'), (1, '11002', 'partner'), (2, '38025', 'lead');
  INSERT INTO pilot_approach (pilot_id, approach) VALUES (1, 'buddy'), (1, 'volunteering'), (2, 'buddy');
  INSERT INTO import_log (id, started_at, file_name, file_sha256, file_size, sheet, target_kind, target, undo_json)
  VALUES (7, '2023-06-30T10:00:00Z', 'proeftuinen.xlsx', 'ab12', 1000, 'Proeftuinen', 'entity', 'pilot',
    '[{"op":"insert","table":"pilot","pk":{"id":1},"after":{}},{"op":"insert","table":"pilot","pk":{"id":2},"after":{}}]');
`;

export async function dashboardSession() {
  const core = createCoreRuntime({ resources: diskResources });
  const session = await core.session();
  session.db.exec(SEED);
  const months = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
  const insert = session.db.prepare(
    `INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, nis_code, month, fte)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  months.forEach((month, index) => {
    insert.run([1, 1, 1, 'pillar4', 'NW1', null, month, 0.6]);
    insert.run([1, 2, 1, 'pillar4', 'NW2', null, month, month === '2023-03' ? 0.5 : 0.3]);
    insert.run([1, 4, 2, 'pillar4', 'NW2', '38025', month, 0.8]);
    if (index < 3) insert.run([1, 5, 3, 'pillar4', 'NW1', null, month, 0.2]);
    insert.run([1, 3, null, 'management', null, null, month, 1.0]);
    insert.run([2, 1, 1, 'pillar4', 'NW1', null, month, 1.0]);
  });
  insert.free();
  return { core, session };
}
