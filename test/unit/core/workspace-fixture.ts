import type { Database } from 'sql.js';
import { createCoreRuntime } from '../../../src/core/runtime';
import type { Session } from '../../../src/core/session';
import { diskResources } from '../../../src/node/disk-resources';

/** A runtime as the worker has it, plus its session for direct checks. */
export async function startCore(): Promise<{
  core: ReturnType<typeof createCoreRuntime>;
  session: Session;
}> {
  const core = createCoreRuntime({ resources: diskResources });
  return { core, session: await core.session() };
}

/**
 * A small, known workspace written straight into the database (set-up, not an edit under
 * test): two networks, four municipalities (one with accents), two pilots, three people.
 */
export function seedWorkspace(db: Database): void {
  db.exec(`
    INSERT INTO meta (key, value) VALUES ('name', 'Testwerkruimte');
    INSERT INTO region (code, name, kind) VALUES
      ('RR01', 'Kempen', 'network'), ('RR02', 'Westhoek', 'network'), ('AG01', 'Antwerpen', 'agii');
    INSERT INTO municipality (nis_code, name, province, network_code, agii_region_code, inhabitants_2020) VALUES
      ('11001', 'Aartselaar', 'Antwerpen', 'RR01', 'AG01', 14000),
      ('11002', 'Antwerpen', 'Antwerpen', 'RR01', 'AG01', 530000),
      ('13040', 'Turnhout', 'Antwerpen', 'RR01', 'AG01', 45000),
      ('38025', 'Veurne', 'West-Vlaanderen', 'RR02', NULL, 11800),
      ('99999', 'Ère-sur-Mer', NULL, NULL, NULL, NULL);
    INSERT INTO pilot (id, code, name, lead_nis_code, budget_eur) VALUES
      (1, 'P01', 'Thuiskomen in je buurt', '11001', 40000),
      (2, 'P02', 'Sterk Netwerk', '13040', 38000);
    INSERT INTO pilot_municipality (pilot_id, nis_code, role) VALUES
      (1, '11001', 'lead'), (1, '11002', 'partner'), (2, '13040', 'lead');
    INSERT INTO pilot_approach (pilot_id, approach) VALUES (1, 'buddy'), (1, 'vrijwilligerswerk'), (2, 'buddy');
    INSERT INTO person (id, code, name) VALUES
      (1, 'PER1', 'Éléonore Dubois'), (2, 'PER2', 'Jan Peeters'), (3, 'PER3', 'Eleni Papadopoulos');
  `);
}

export function scalar(db: Database, sql: string): unknown {
  return db.exec(sql)[0]?.values[0]?.[0];
}
