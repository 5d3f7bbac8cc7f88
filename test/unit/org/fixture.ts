import type { Database } from 'sql.js';
import type { HandlerArgs, HandlerName, HandlerValue } from '../../../src/core/handlers';
import type { Result } from '../../../src/core/result';
import { createCoreRuntime } from '../../../src/core/runtime';
import type { Session } from '../../../src/core/session';
import { diskResources } from '../../../src/node/disk-resources';

/**
 * A small organigram worked out by hand (the expected figures in the tests come from this
 * table, not from the code under test):
 *
 *   AG  Agentschap (agency)             1 Directeur        1.0 FTE  0 %   Ann 1.0
 *   ├ DA Divisie A (division)           2 Hoofd A          1.0      20 %  Carla 0.5
 *   │ └ TA Team A1 (team, regio R1)     3 Coach 1          1.0      100 % Carla 0.5
 *   │                                    4 Coach 2          0.5      80 %  Bert 0.3
 *   ├ DB Divisie B (division)           5 Hoofd B          1.0      0 %   Bert 0.5
 *   │                                    6 Analist          0.8      50 %  vacant
 *   └ ST Staf (service)                 7 Stafmedewerker   1.0      0 %   vacant
 *
 * Reporting: 2, 5, 7 → 1; 3, 4 → 2; 6 → 5. Contracts: Ann 1.0, Bert 0.8, Carla 1.0.
 */
export const FIXTURE_SQL = /* sql */ `
  INSERT INTO region (code, name, kind) VALUES ('R1', 'Regio Een', 'agii');
  INSERT INTO org_unit (id, code, name, kind, parent_id, region_code) VALUES
    (1, 'AG', 'Agentschap', 'agency', NULL, NULL),
    (2, 'DA', 'Divisie A', 'division', 1, NULL),
    (3, 'TA', 'Team A1', 'team', 2, 'R1'),
    (4, 'DB', 'Divisie B', 'division', 1, NULL),
    (5, 'ST', 'Staf', 'service', 1, NULL);
  INSERT INTO role (id, code, name, is_pillar4) VALUES (1, 'coach', 'Coach', 1), (2, 'leiding', 'Leiding', 0);
  INSERT INTO position (id, code, unit_id, title, role_id, budget_fte, pillar4_share, reports_to_id) VALUES
    (1, 'AG-1', 1, 'Directeur', 2, 1.0, 0, NULL),
    (2, 'A-1', 2, 'Hoofd A', 2, 1.0, 0.2, 1),
    (3, 'A1-1', 3, 'Coach 1', 1, 1.0, 1, 2),
    (4, 'A1-2', 3, 'Coach 2', 1, 0.5, 0.8, 2),
    (5, 'B-1', 4, 'Hoofd B', 2, 1.0, 0, 1),
    (6, 'B-2', 4, 'Analist', NULL, 0.8, 0.5, 5),
    (7, 'S-1', 5, 'Stafmedewerker', 2, 1.0, 0, 1);
  INSERT INTO person (id, code, name, contract_fte) VALUES
    (1, 'P1', 'Ann', 1.0), (2, 'P2', 'Bert', 0.8), (3, 'P3', 'Carla', 1.0);
  INSERT INTO assignment (id, position_id, person_id, fte) VALUES
    (1, 1, 1, 1.0), (2, 2, 3, 0.5), (3, 3, 3, 0.5), (4, 4, 2, 0.3), (5, 5, 2, 0.5);
  INSERT INTO scenario (id, name, created_at) VALUES (1, 'Plan', '2026-01-01'), (2, 'Plan bis', '2026-01-02');
  UPDATE scenario SET based_on_id = 1 WHERE id = 2;
`;

export async function startOrgCore(): Promise<{
  session: Session;
  db: Database;
  call: <K extends HandlerName>(name: K, args: HandlerArgs<K>) => Promise<HandlerValue<K>>;
}> {
  const core = createCoreRuntime({ resources: diskResources });
  const session = await core.session();
  session.db.exec(FIXTURE_SQL);
  return { session, db: session.db, call: (name, args) => core.call(name, args) };
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function scalar(db: Database, sql: string): unknown {
  return db.exec(sql)[0]?.values[0]?.[0] ?? null;
}

/** Every organigram table's rows, to check "undo brings it all back". */
export function orgTables(db: Database): string {
  return JSON.stringify(
    ['org_unit', 'position', 'assignment', 'cross_unit_link', 'scenario_position'].map(
      (table) => db.exec(`SELECT * FROM ${table} ORDER BY 1, 2`)[0]?.values ?? [],
    ),
  );
}

/** Throws naming the first two cards that overlap. */
export function assertNoOverlap(
  cards: { x: number; y: number; w: number; h: number; key: string }[],
) {
  const sorted = [...cards].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.w; j++) {
      const b = sorted[j]!;
      const overlaps = b.x < a.x + a.w && a.x < b.x + b.w && b.y < a.y + a.h && a.y < b.y + b.h;
      if (overlaps) throw new Error(`${a.key} overlapt ${b.key}`);
    }
  }
}
