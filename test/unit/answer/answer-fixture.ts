import { dashboardSession } from '../dashboard/dashboard-fixture';

/**
 * The dashboard's hand-worked workspace (dashboard-fixture.ts: AgII › Afdeling Een › Team A,
 * Team B; AgII › Afdeling Twee › Team C in NW2; P1…P5, Ann, Bert, Cas, two pilots) with the
 * lines that make it an organigram, worked out by hand in answer.test.ts:
 *  - P6 Administrateur-generaal in AgII (Dirk), P7 Afdelingshoofd Een (Eva), P8 Afdelingshoofd
 *    Twee (vacant); Team D (7) under Afdeling Twee with P9 Medewerker D (Dirk, no fourth
 *    pillar); P10 Administratief medewerker A in Team A (no fourth pillar, under P1).
 *  - Solid lines: P7 → P6, P8 → P6, P5 → P7, P1 → P5, P4 → P1, P2 → P7, P3 → P8, P9 → P8,
 *    P10 → P1.
 *  - Dotted lines: 1 P1 ↔ P3 "werkgroep vierde pijler"; 2 Team B → Team D "afstemming";
 *    3 P7 → P9 "rapportering" (no fourth pillar at either end); 4 P4 → P2 "intervisie".
 *  - The allocation of the dashboard's fixture plus P3 (vacant) 0,5 on the fourth pillar in NW2
 *    every month. PL1 has an interim evaluation.
 */
export const ANSWER_SEED = /* sql */ `
  INSERT INTO org_unit (id, code, name, kind, parent_id, region_code, sort_order) VALUES
    (7, 'TD', 'Team D', 'team', 3, NULL, 3);
  INSERT INTO person (id, code, name, contract_fte) VALUES
    (4, 'DIRK', 'Dirk', 1.0), (5, 'EVA', 'Eva', 1.0);
  INSERT INTO position (id, code, unit_id, title, role_id, budget_fte, pillar4_share) VALUES
    (6, 'P6', 1, 'Administrateur-generaal', NULL, 1.0, 0),
    (7, 'P7', 2, 'Afdelingshoofd Een', NULL, 1.0, 0),
    (8, 'P8', 3, 'Afdelingshoofd Twee', NULL, 1.0, 0),
    (9, 'P9', 7, 'Medewerker D', NULL, 1.0, 0),
    (10, 'P10', 4, 'Administratief medewerker A', NULL, 1.0, 0);
  INSERT INTO assignment (position_id, person_id, fte) VALUES (6, 4, 0.5), (9, 4, 0.5), (7, 5, 1.0);
  UPDATE position SET reports_to_id = CASE id
    WHEN 7 THEN 6 WHEN 8 THEN 6 WHEN 5 THEN 7 WHEN 1 THEN 5 WHEN 4 THEN 1 WHEN 2 THEN 7
    WHEN 3 THEN 8 WHEN 9 THEN 8 WHEN 10 THEN 1 END;
  INSERT INTO cross_unit_link (id, from_position_id, from_unit_id, to_position_id, to_unit_id, label) VALUES
    (1, 1, NULL, 3, NULL, 'werkgroep vierde pijler'),
    (2, NULL, 5, NULL, 7, 'afstemming'),
    (3, 7, NULL, 9, NULL, 'rapportering'),
    (4, 4, NULL, 2, NULL, 'intervisie');
  UPDATE pilot SET interim_evaluation = 'Loopt goed.' WHERE id = 1;
`;

export async function answerSession() {
  const { core, session } = await dashboardSession();
  session.db.exec(ANSWER_SEED);
  const insert = session.db.prepare(
    `INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, month, fte)
     VALUES (1, 3, NULL, 'pillar4', 'NW2', ?, 0.5)`,
  );
  for (const month of ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'])
    insert.run([month]);
  insert.free();
  return { core, session };
}
