import { describe, expect, it } from 'vitest';
import {
  buildChartTree,
  layoutChart,
  lensTotals,
  loadSnapshot,
  unitRollups,
  validateSnapshot,
} from '../../../src/core/org';
import { assertNoOverlap, startOrgCore } from './fixture';

const round = (n: number) => Math.round(n * 1000) / 1000;

describe('roll-ups per unit (hand-worked, see fixture.ts)', () => {
  it.each([
    // unit, positions, filled, vacant, headcount, total FTE, pillar-4 FTE, of which filled
    [1, 7, 5, 2, 3, 6.3, 2.0, 0.84],
    [2, 3, 3, 0, 2, 2.5, 1.6, 0.84],
    [3, 2, 2, 0, 2, 1.5, 1.4, 0.74],
    [4, 2, 1, 1, 1, 1.8, 0.4, 0],
    [5, 1, 0, 1, 0, 1.0, 0, 0],
  ])(
    'unit %i: %i positions, %i filled, %i vacant, %i people, %f FTE, %f pillar-4 (%f filled)',
    async (unitId, positions, filled, vacant, headcount, totalFte, p4, p4Filled) => {
      const { db } = await startOrgCore();
      const rollup = unitRollups(loadSnapshot(db, { date: '2026-06-01' })).get(unitId)!;
      expect(rollup).toMatchObject({ positions, filled, vacant, headcount });
      expect(round(rollup.totalFte)).toBe(totalFte);
      expect(round(rollup.pillar4Fte)).toBe(p4);
      expect(round(rollup.pillar4FilledFte)).toBe(p4Filled);
    },
  );
});

describe('the "Vierde pijler" lens totals (hand-worked)', () => {
  it.each([
    [
      'byDivision',
      [
        ['Divisie A', 3, 1.6, 0.84],
        ['Divisie B', 1, 0.4, 0],
      ],
    ],
    [
      'byRole',
      [
        ['Coach', 2, 1.4, 0.74],
        ['Zonder rol', 1, 0.4, 0],
        ['Leiding', 1, 0.2, 0.1],
      ],
    ],
    [
      'byRegion',
      [
        ['Regio Een', 2, 1.4, 0.74],
        ['Centraal (geen regio)', 2, 0.6, 0.1],
      ],
    ],
  ] as const)('%s', async (grouping, expected) => {
    const { db } = await startOrgCore();
    const lens = lensTotals(loadSnapshot(db));
    expect(lens.positions).toBe(4);
    expect(round(lens.fte)).toBe(2.0);
    expect(round(lens.filledFte)).toBe(0.84);
    expect(
      lens[grouping].map((g) => [g.label, g.positions, round(g.fte), round(g.filledFte)]),
    ).toEqual(expected);
  });
});

describe('validation names the positions, in Dutch, and the chart is still drawn', () => {
  it.each([
    {
      name: 'a reporting cycle',
      sql: 'UPDATE position SET reports_to_id = 4 WHERE id = 2',
      code: 'cycle',
      ids: [2, 4],
      text: ['kring', 'Hoofd A (A-1)', 'Coach 2 (A1-2)'],
    },
    {
      name: 'two roots',
      sql: 'UPDATE position SET reports_to_id = NULL WHERE id = 5',
      code: 'multiple-roots',
      ids: [1, 5],
      text: ['2 functies hebben geen leidinggevende', 'Directeur (AG-1)', 'Hoofd B (B-1)'],
    },
    {
      name: 'a reports-to that points to nothing',
      sql: 'PRAGMA foreign_keys = OFF; UPDATE position SET reports_to_id = 99 WHERE id = 6',
      code: 'dangling-reports-to',
      ids: [6],
      text: ['Analist (B-2) rapporteert aan functie 99', 'niet (meer) bestaat'],
    },
    {
      name: 'a person over their contract',
      sql: 'INSERT INTO assignment (position_id, person_id, fte) VALUES (7, 1, 0.5)',
      code: 'over-allocated',
      ids: [1, 7],
      text: ['Ann is voor 1,5 FTE ingezet', 'contract van 1,0 FTE', 'Stafmedewerker (S-1): 0,5'],
    },
  ])('$name', async ({ sql, code, ids, text }) => {
    const { db } = await startOrgCore();
    expect(validateSnapshot(loadSnapshot(db))).toEqual([]);
    db.exec(sql);
    const snapshot = loadSnapshot(db);
    const issues = validateSnapshot(snapshot);
    expect(issues.map((issue) => issue.code)).toEqual([code]);
    expect([...issues[0]!.positionIds].sort()).toEqual(ids);
    for (const part of text) expect(issues[0]!.message).toContain(part);
    // The rest stays usable: every unit and position still gets a card.
    const layout = layoutChart(buildChartTree(snapshot));
    expect(layout.cards.filter((c) => c.kind === 'position')).toHaveLength(7);
    expect(layout.cards.filter((c) => c.kind === 'unit')).toHaveLength(5);
  });

  it('a unit loop and a missing parent unit still draw every card', async () => {
    const { db } = await startOrgCore();
    db.exec('PRAGMA foreign_keys = OFF; UPDATE org_unit SET parent_id = 3 WHERE id = 2;');
    db.exec('UPDATE org_unit SET parent_id = 77 WHERE id = 5;');
    const layout = layoutChart(buildChartTree(loadSnapshot(db)));
    expect(layout.cards).toHaveLength(12);
  });
});

describe('the chart tree and its layout', () => {
  it('hangs positions under their manager inside a unit, the unit head under the unit', async () => {
    const { db } = await startOrgCore();
    const layout = layoutChart(buildChartTree(loadSnapshot(db)));
    const parent = (key: string) => layout.byKey.get(key)!.parentKey;
    expect([parent('u2'), parent('p2'), parent('p3'), parent('p6'), parent('p1')]).toEqual([
      'u1',
      'u2',
      'u3',
      'p5',
      'u1',
    ]);
  });

  it('stacks a wide level of leaves in columns and no two cards overlap', async () => {
    const { db } = await startOrgCore();
    const values = Array.from(
      { length: 15 },
      (_, i) => `(${100 + i}, 'L-${i}', 3, 'Begeleider ${i}', 1, 1, 0, NULL)`,
    );
    db.exec(
      `INSERT INTO position (id, code, unit_id, title, role_id, budget_fte, pillar4_share, reports_to_id) VALUES ${values.join(',')}`,
    );
    const layout = layoutChart(buildChartTree(loadSnapshot(db)));
    const leaves = layout.cards.filter((c) => c.key.startsWith('p1') && c.id >= 100);
    expect(leaves).toHaveLength(15);
    // 17 leaves under Team A1 (15 + Coach 1 + Coach 2): 3 columns, 6 rows.
    expect(new Set(leaves.map((c) => c.x)).size).toBe(3);
    const teamWidth =
      Math.max(...leaves.map((c) => c.x + c.w)) - Math.min(...leaves.map((c) => c.x));
    expect(teamWidth).toBeLessThan((17 * 224) / 4);
    assertNoOverlap(layout.cards);
  });

  it('collapsing a card hides its descendants, not the card', async () => {
    const { db } = await startOrgCore();
    const tree = buildChartTree(loadSnapshot(db));
    const layout = layoutChart(tree, new Set(['u2']));
    expect(layout.byKey.has('u2')).toBe(true);
    expect(layout.byKey.get('u2')!.collapsed).toBe(true);
    expect(['u3', 'p2', 'p3', 'p4'].filter((key) => layout.byKey.has(key))).toEqual([]);
    expect(layout.cards).toHaveLength(12 - 4);
  });
});
