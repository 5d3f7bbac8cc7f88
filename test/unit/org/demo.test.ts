import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import {
  buildChartTree,
  layoutChart,
  lensTotals,
  loadSnapshot,
  unitRollups,
  validateSnapshot,
  type OrgSnapshot,
} from '../../../src/core/org';
import { createCoreRuntime } from '../../../src/core/runtime';
import { diskResources } from '../../../src/node/disk-resources';
import { assertNoOverlap } from './fixture';

let db: Database;
let snapshot: OrgSnapshot;
const DATE = '2026-06-01';

beforeAll(async () => {
  const core = createCoreRuntime({ resources: diskResources });
  await core.call('workspace.openDemo', undefined);
  db = (await core.session()).db;
  snapshot = loadSnapshot(db, { date: DATE });
}, 60_000);

const sql = (text: string): unknown[][] => db.exec(text)[0]?.values ?? [];

/** Each unit with all units below it, straight from org_unit (no core code involved). */
const SUBTREE = /* sql */ `
  WITH RECURSIVE below(root, id) AS (
    SELECT id, id FROM org_unit
    UNION ALL SELECT below.root, u.id FROM org_unit u JOIN below ON u.parent_id = below.id
  )`;
/** Held FTE per position. */
const HELD = `(SELECT coalesce(sum(a.fte), 0) FROM assignment a WHERE a.position_id = p.id)`;

describe('the demo organigram checked against direct SQL', () => {
  it('has 129 positions, 17 vacant, 41 with a fourth-pillar share, and no problems', () => {
    expect(snapshot.positions).toHaveLength(129);
    expect(snapshot.positions.filter((p) => p.holders.length === 0)).toHaveLength(17);
    expect(sql('SELECT count(*) FROM position WHERE pillar4_share > 0')[0]![0]).toBe(41);
    expect(validateSnapshot(snapshot)).toEqual([]);
  });

  it('lens totals equal Σ budget × share and Σ min(held, budget) × share in the database', () => {
    const lens = lensTotals(snapshot);
    const [fte, filled] = sql(
      `SELECT sum(budget_fte * pillar4_share), sum(min(${HELD}, budget_fte) * pillar4_share)
         FROM position p WHERE pillar4_share > 0`,
    )[0] as number[];
    expect(lens.fte).toBeCloseTo(fte!, 9);
    expect(lens.filledFte).toBeCloseTo(filled!, 9);
    expect(lens.positions).toBe(41);
  });

  it('lens totals by region equal a GROUP BY on the units region', () => {
    const expected = sql(
      `SELECT coalesce(r.name, 'Centraal (geen regio)'), count(*), round(sum(p.budget_fte * p.pillar4_share), 6)
         FROM position p JOIN org_unit u ON u.id = p.unit_id LEFT JOIN region r ON r.code = u.region_code
        WHERE p.pillar4_share > 0 GROUP BY 1 ORDER BY 3 DESC, 1`,
    );
    const actual = lensTotals(snapshot).byRegion.map((g) => [
      g.label,
      g.positions,
      Math.round(g.fte * 1e6) / 1e6,
    ]);
    expect(actual).toEqual(expected);
  });

  it('lens totals by role equal a GROUP BY on role', () => {
    const expected = sql(
      `SELECT coalesce(r.name, 'Zonder rol'), count(*), round(sum(p.budget_fte * p.pillar4_share), 6)
         FROM position p LEFT JOIN role r ON r.id = p.role_id
        WHERE p.pillar4_share > 0 GROUP BY 1 ORDER BY 3 DESC, 1`,
    );
    const actual = lensTotals(snapshot).byRole.map((g) => [
      g.label,
      g.positions,
      Math.round(g.fte * 1e6) / 1e6,
    ]);
    expect(actual).toEqual(expected);
  });

  it('roll-ups of all 32 units equal recursive SQL over org_unit', () => {
    const rollups = unitRollups(snapshot);
    const expected = sql(
      `${SUBTREE}
       SELECT below.root, count(p.id),
              sum(CASE WHEN ${HELD} > 0 THEN 1 ELSE 0 END),
              round(coalesce(sum(p.budget_fte), 0), 6),
              round(coalesce(sum(p.budget_fte * p.pillar4_share), 0), 6),
              (SELECT count(DISTINCT a.person_id) FROM assignment a JOIN position q ON q.id = a.position_id
                 WHERE q.unit_id IN (SELECT b2.id FROM below b2 WHERE b2.root = below.root))
         FROM below LEFT JOIN position p ON p.unit_id = below.id
        GROUP BY below.root ORDER BY below.root`,
    );
    expect(expected).toHaveLength(32);
    const actual = [...rollups.values()]
      .sort((a, b) => a.unitId - b.unitId)
      .map((r) => [
        r.unitId,
        r.positions,
        r.filled,
        Math.round(r.totalFte * 1e6) / 1e6,
        Math.round(r.pillar4Fte * 1e6) / 1e6,
        r.headcount,
      ]);
    expect(actual).toEqual(expected);
  });

  it('lays out every unit and position with no overlapping cards', () => {
    const layout = layoutChart(buildChartTree(snapshot));
    expect(layout.cards.filter((c) => c.kind === 'position')).toHaveLength(129);
    expect(layout.cards.filter((c) => c.kind === 'unit')).toHaveLength(32);
    assertNoOverlap(layout.cards);
  });
});
