import type { Database } from 'sql.js';
import { createCoreRuntime } from '../../../src/core/runtime';
import type { Session } from '../../../src/core/session';
import { diskResources } from '../../../src/node/disk-resources';

/**
 * A small plan worked out by hand (horizon 2023-01 … 2023-06):
 *  - Ann (contract 1,0) holds P1 (budget 1,0) and P2 (budget 0,5): 0,6 + 0,3 every month, but
 *    0,6 + 0,5 = 1,1 in 2023-03 — two positions together over 100 %.
 *  - Bert (contract 0,8) holds P4: 0,8 every month, 0,9 in 2023-02 only.
 *  - P3 is a vacancy (no person), 1,0 on management, 1,2 in 2023-05 (over its budget of 1,0).
 *  - Networks NW1 (Aartselaar + Antwerpen, 600 + 600 newcomers in 2023) and NW2 (Veurne, 240).
 *  Scenario 1 "Basis" (draft) carries the demand assumptions; scenario 2 "Leeg" has no rows.
 */
export function seedPlan(db: Database): void {
  db.exec(`
    INSERT INTO meta (key, value) VALUES ('name', 'Plan'), ('planning_from', '2023-01'), ('planning_to', '2023-06');
    INSERT INTO region (code, name, kind, sort_order) VALUES
      ('NW1', 'Netwerk Een', 'network', 1), ('NW2', 'Netwerk Twee', 'network', 2), ('AG1', 'AgII Een', 'agii', 1);
    INSERT INTO municipality (nis_code, name, network_code, agii_region_code) VALUES
      ('11001', 'Aartselaar', 'NW1', 'AG1'), ('11002', 'Antwerpen', 'NW1', 'AG1'), ('38025', 'Veurne', 'NW2', 'AG1');
    INSERT INTO newcomer_forecast (nis_code, year, newcomers) VALUES
      ('11001', 2023, 600), ('11002', 2023, 600), ('38025', 2023, 240);
    INSERT INTO activity (code, name, is_pillar4, sort_order) VALUES
      ('pillar4', 'Vierde pijler', 1, 1), ('management', 'Management', 0, 2);
    INSERT INTO org_unit (id, code, name, kind) VALUES (1, 'T1', 'Team Een', 'team');
    INSERT INTO person (id, code, name, contract_fte) VALUES (1, 'ANN', 'Ann', 1.0), (2, 'BERT', 'Bert', 0.8);
    INSERT INTO position (id, code, unit_id, title, budget_fte) VALUES
      (1, 'P1', 1, 'Netwerkcoach', 1.0), (2, 'P2', 1, 'Consulent', 0.5),
      (3, 'P3', 1, 'Teamleider', 1.0), (4, 'P4', 1, 'Netwerkcoach', 1.0);
    INSERT INTO assignment (position_id, person_id, fte) VALUES (1, 1, 1.0), (2, 1, 0.5), (4, 2, 0.8);
    INSERT INTO scenario (id, name, status, created_at) VALUES (1, 'Basis', 'draft', '2023-01-01'), (2, 'Leeg', 'draft', '2023-01-01');
    INSERT INTO scenario_assumption (scenario_id, key, value) VALUES
      (1, 'share_obliged', 0.5), (1, 'share_obliged_not_working_studying', 0.5), (1, 'uptake_optional', 0.2),
      (1, 'mandatory_from_year', 2023), (1, 'guidance_hours_per_newcomer', 6), (1, 'spread_months', 3),
      (1, 'productive_hours_per_fte_year', 1440), (1, 'caseload_per_fte', 40), (1, 'demand_method', 1);
  `);
  const months = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
  const insert = db.prepare(
    `INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, month, fte)
     VALUES (1, ?, ?, ?, ?, ?, ?)`,
  );
  for (const month of months) {
    insert.run([1, 1, 'pillar4', 'NW1', month, 0.6]);
    insert.run([2, 1, 'pillar4', 'NW2', month, month === '2023-03' ? 0.5 : 0.3]);
    insert.run([4, 2, 'pillar4', 'NW2', month, month === '2023-02' ? 0.9 : 0.8]);
    insert.run([3, null, 'management', null, month, month === '2023-05' ? 1.2 : 1.0]);
  }
  insert.free();
}

export async function planSession(): Promise<Session> {
  const core = createCoreRuntime({ resources: diskResources });
  const session = await core.session();
  seedPlan(session.db);
  return session;
}

export function scalar(db: Database, sql: string): unknown {
  return db.exec(sql)[0]?.values[0]?.[0];
}
