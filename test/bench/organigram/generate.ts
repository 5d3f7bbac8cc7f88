import type { Database } from 'sql.js';

/**
 * A generated organigram of about `positions` positions, shaped like AgII grown large: an
 * agency, divisions, regional teams, teams of 8–20 (mostly leaves), a head per unit, about a
 * third with a fourth-pillar share, about 12 % vacant. Deterministic (seeded).
 */
export function generateOrganigram(
  db: Database,
  positions: number,
): { units: number; positions: number } {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const units: [number, string, string, string, number | null][] = [];
  const rows: [number, string, number, string, number, number, number | null][] = [];
  const assignments: [number, number, number][] = [];
  let unitId = 0;
  let positionId = 0;
  let personId = 0;
  const addUnit = (name: string, kind: string, parent: number | null) => {
    unitId++;
    units.push([unitId, `U${unitId}`, name, kind, parent]);
    return unitId;
  };
  const addPosition = (unit: number, title: string, reportsTo: number | null, p4: number) => {
    positionId++;
    const budget = random() < 0.2 ? 0.5 : 1;
    rows.push([positionId, `F${positionId}`, unit, title, budget, p4, reportsTo]);
    if (random() > 0.12) {
      personId++;
      assignments.push([positionId, personId, budget]);
    }
    return positionId;
  };
  const agency = addUnit('Agentschap', 'agency', null);
  const top = addPosition(agency, 'Administrateur-generaal', null, 0);
  const divisions = Math.max(2, Math.round(Math.sqrt(positions / 40)));
  const teamsPerRegion = 2;
  // Positions per team ≈ 14; work out how many regions each division needs.
  const regionsPerDivision = Math.max(1, Math.round(positions / (divisions * teamsPerRegion * 15)));
  for (let d = 1; d <= divisions && positionId < positions; d++) {
    const division = addUnit(`Afdeling ${d}`, 'division', agency);
    const head = addPosition(division, `Afdelingshoofd ${d}`, top, 0);
    for (let r = 1; r <= regionsPerDivision && positionId < positions; r++) {
      const region = addUnit(`Regioteam ${d}.${r}`, 'region_team', division);
      const regionHead = addPosition(region, `Regioverantwoordelijke ${d}.${r}`, head, 0);
      for (let t = 1; t <= teamsPerRegion && positionId < positions; t++) {
        const team = addUnit(`Team ${d}.${r}.${t}`, 'team', region);
        const lead = addPosition(
          team,
          `Teamleider ${d}.${r}.${t}`,
          regionHead,
          random() < 0.3 ? 0.5 : 0,
        );
        const size = 8 + Math.floor(random() * 13);
        for (let m = 1; m <= size && positionId < positions; m++) {
          const p4 = random() < 0.33 ? [0.5, 0.8, 1][Math.floor(random() * 3)]! : 0;
          addPosition(
            team,
            `${p4 > 0 ? 'Netwerkcoach' : 'Trajectbegeleider'} ${d}.${r}.${t}.${m}`,
            lead,
            p4,
          );
        }
      }
    }
  }
  db.exec('BEGIN');
  const unitStatement = db.prepare(
    'INSERT INTO org_unit (id, code, name, kind, parent_id) VALUES (?, ?, ?, ?, ?)',
  );
  for (const unit of units) unitStatement.run(unit);
  unitStatement.free();
  const positionStatement = db.prepare(
    'INSERT INTO position (id, code, unit_id, title, budget_fte, pillar4_share, reports_to_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const row of rows) positionStatement.run(row);
  positionStatement.free();
  const personStatement = db.prepare(
    'INSERT INTO person (id, code, name, contract_fte) VALUES (?, ?, ?, 1)',
  );
  const assignmentStatement = db.prepare(
    'INSERT INTO assignment (position_id, person_id, fte) VALUES (?, ?, ?)',
  );
  for (const [position, person, fte] of assignments) {
    personStatement.run([person, `M${person}`, `Medewerker ${person}`]);
    assignmentStatement.run([position, person, fte]);
  }
  personStatement.free();
  assignmentStatement.free();
  db.exec("INSERT INTO meta (key, value) VALUES ('name', 'Benchmark-organigram')");
  db.exec('COMMIT');
  return { units: units.length, positions: rows.length };
}
