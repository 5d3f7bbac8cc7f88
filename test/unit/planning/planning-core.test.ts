import { beforeEach, describe, expect, it } from 'vitest';
import { redo, undo } from '../../../src/core/mutations/history';
import { setAssumption } from '../../../src/core/planning/assumptions';
import { findBreaches } from '../../../src/core/planning/breaches';
import { compareScenarios } from '../../../src/core/planning/compare';
import { demandByRegion, demandFormula } from '../../../src/core/planning/demand';
import { setCells } from '../../../src/core/planning/edits';
import { formatFte, parseFte } from '../../../src/core/planning/fte';
import {
  applyCellEdits,
  readPlanGrid,
  rollupBy,
  type LineKey,
} from '../../../src/core/planning/grid';
import { rollUp } from '../../../src/core/planning/months';
import {
  approveScenario,
  copyScenario,
  renameScenario,
} from '../../../src/core/planning/scenarios';
import type { Session } from '../../../src/core/session';
import { planSession, scalar } from './planning-fixture';

let session: Session;
beforeEach(async () => {
  session = await planSession();
});

const P1: LineKey = {
  positionId: 1,
  personId: 1,
  activityCode: 'pillar4',
  regionCode: 'NW1',
  nisCode: null,
};

function allRows(scenarioId: number): string {
  return JSON.stringify(
    session.db.exec(`SELECT * FROM allocation WHERE scenario_id = ${scenarioId} ORDER BY id`),
  );
}

describe('FTE as nl-BE text and integer thousandths', () => {
  it.each([
    ['0,8', 800],
    ['0.8', 800],
    [',5', 500],
    ['1', 1000],
    ['80%', 800],
    ['0,8 VTE', 800],
    ['', 0],
    ['0,3333', 333],
  ])('parses %s as %d milli-FTE', (text, milli) => {
    expect(parseFte(text)).toEqual({ ok: true, value: milli });
  });

  it.each([['abc'], ['-0,5'], ['12']])('refuses %s with a Dutch message', (text) => {
    const parsed = parseFte(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/VTE|negatief|te groot/);
  });

  it('formats milli-FTE the Belgian way', () => {
    expect(formatFte(800)).toBe('0,80');
    expect(formatFte(1250, 'en')).toBe('1.25');
  });
});

describe('roll-ups month → quarter → year', () => {
  it.each([
    // 1,0 in January and 0,5 in February and March: K1 averages 2,0 ÷ 3 months.
    [
      'quarter',
      ['2023-01', '2023-02', '2023-03', '2023-04'],
      [1000, 500, 500, 300],
      [
        ['2023-K1', 2000, 2000 / 3],
        ['2023-K2', 300, 300],
      ],
    ],
    [
      'year',
      ['2022-12', '2023-01'],
      [600, 900],
      [
        ['2022', 600, 600],
        ['2023', 900, 900],
      ],
    ],
    ['all', ['2023-01', '2023-02'], [600, 900], [['totaal', 1500, 750]]],
  ] as const)('%s', (grain, months, values, expected) => {
    expect(rollUp(months, values, grain).map((b) => [b.key, b.sumMilli, b.averageMilli])).toEqual(
      expected,
    );
  });

  it('the grid sums lines to totals per month, exactly', () => {
    const grid = readPlanGrid(session.db, 1);
    if (!grid.ok) throw new Error(grid.error.message);
    expect(grid.value.months).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
      '2023-06',
    ]);
    expect(grid.value.lines).toHaveLength(4);
    // 0,6 + 0,3 + 0,8 + 1,0 = 2,7; February 0,9 for Bert; March 0,5 on P2; May 1,2 on P3.
    expect(grid.value.totals).toEqual([2700, 2800, 2900, 2700, 2900, 2700]);
  });

  it.each([
    [
      'region',
      [
        ['', [1000, 1000, 1000, 1000, 1200, 1000]],
        ['NW1', [600, 600, 600, 600, 600, 600]],
        ['NW2', [1100, 1200, 1300, 1100, 1100, 1100]],
      ],
    ],
    [
      'activity',
      [
        ['management', [1000, 1000, 1000, 1000, 1200, 1000]],
        ['pillar4', [1700, 1800, 1900, 1700, 1700, 1700]],
      ],
    ],
  ] as const)('by %s', (by, expected) => {
    const rollup = rollupBy(session.db, 1, by);
    expect(rollup.groups.map((g) => [g.key ?? '', g.values])).toEqual(expected);
  });
});

describe('capacity breaches', () => {
  it('finds a person over contract in one month only, two positions over 100 %, a position over budget', () => {
    const breaches = findBreaches(session.db, 1).map((b) => [
      b.kind,
      b.code,
      b.month,
      b.totalMilli,
      b.limitMilli,
      b.positionIds,
    ]);
    expect(breaches).toEqual([
      ['person', 'BERT', '2023-02', 900, 800, [4]],
      ['person', 'ANN', '2023-03', 1100, 1000, [1, 2]],
      ['position', 'P3', '2023-05', 1200, 1000, [3]],
    ]);
    const ann = findBreaches(session.db, 1).find((b) => b.code === 'ANN');
    expect(ann?.reason).toBe(
      'Ann staat in 2023-03 op 2 functies samen 1,10 VTE, meer dan het contract van 1,00 VTE.',
    );
  });

  it('the grid finds the same breaches in memory as the SQL rule does', () => {
    setCells(session, { scenarioId: 1, cells: [{ line: P1, month: '2023-06', milli: 2000 }] });
    const grid = readPlanGrid(session.db, 1);
    if (!grid.ok) throw new Error(grid.error.message);
    expect(grid.value.breaches).toEqual(findBreaches(session.db, 1));
    expect(grid.value.breaches).toHaveLength(5); // + Ann and P1 in June
  });

  it('a vacancy counts as planned but not filled: unmet supply in the demand view', () => {
    // P3 (vacancy) is management, so no fourth-pillar vacancy; make P1's line a vacancy in NW1.
    session.db.run(
      "UPDATE allocation SET person_id = NULL WHERE position_id = 1 AND month = '2023-01'",
    );
    const demand = demandByRegion(session.db, { scenarioId: 1, grain: 'month' });
    if (!demand.ok) throw new Error(demand.error.message);
    const nw1 = demand.value.rows.filter((r) => r.regionCode === 'NW1');
    expect(nw1[0]).toMatchObject({ bucket: '2023-01', plannedMilli: 600, vacancyMilli: 600 });
    expect(nw1[1]).toMatchObject({ bucket: '2023-02', plannedMilli: 600, vacancyMilli: 0 });
  });
});

describe('demand model', () => {
  // By hand: NW1 gets 1.200 newcomers in 2023 = 100 a month. Mandated share 0,5 × 0,5 = 0,25;
  // participants = 100 × (0,25 + 0,75 × 0,2) = 40 a month. Guidance over 3 months: active =
  // 40, 80, 120, 120 …; hours = active × 6 ÷ 3 = 80, 160, 240 …; a month has 1.440 ÷ 12 = 120
  // productive hours, so 0,667, 1,333, 2,0 FTE; caseload 40 → 1, 2, 3 FTE.
  it('works out the hand-checked numbers month by month', () => {
    const values = {
      share_obliged: 0.5,
      share_obliged_not_working_studying: 0.5,
      uptake_optional: 0.2,
      mandatory_from_year: 2023,
      guidance_hours_per_newcomer: 6,
      spread_months: 3,
      productive_hours_per_fte_year: 1440,
      caseload_per_fte: 40,
      demand_method: 1,
    };
    const model = demandFormula(new Map([[2023, 1200]]), values, [
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
    ]);
    expect(model.map((m) => m.participants)).toEqual([40, 40, 40, 40]);
    expect(model.map((m) => m.active)).toEqual([40, 80, 120, 120]);
    expect(model.map((m) => m.hours)).toEqual([80, 160, 240, 240]);
    expect(model.map((m) => Number(m.fteByHours.toFixed(3)))).toEqual([0.667, 1.333, 2, 2]);
    expect(model.map((m) => m.fteByCaseload)).toEqual([1, 2, 3, 3]);
    // Before the mandatory year only the optional uptake counts: 100 × 0,2 = 20.
    const before = demandFormula(
      new Map([[2022, 1200]]),
      { ...values, mandatory_from_year: 2023 },
      ['2022-01'],
    );
    expect(before[0]?.participants).toBe(20);
  });

  it('required vs planned vs gap per network and quarter', () => {
    const demand = demandByRegion(session.db, { scenarioId: 1, grain: 'quarter' });
    if (!demand.ok) throw new Error(demand.error.message);
    const rows = demand.value.rows.map((r) => [
      r.regionCode,
      r.bucket,
      Number(r.requiredFte.toFixed(4)),
      r.plannedMilli,
      Number(r.gapFte.toFixed(4)),
    ]);
    // NW1 K1: (0,667 + 1,333 + 2) ÷ 3 = 1,3333 needed, 0,6 planned. NW2 (240 a year = 20 a month,
    // 8 participants): a fifth of NW1 → K1 0,2667, K2 0,4; planned (1,1 + 1,2 + 1,3) ÷ 3 = 1,2.
    expect(rows).toEqual([
      ['NW1', '2023-K1', 1.3333, 600, -0.7333],
      ['NW1', '2023-K2', 2, 600, -1.4],
      ['NW2', '2023-K1', 0.2667, 1200, 0.9333],
      ['NW2', '2023-K2', 0.4, 1100, 0.7],
    ]);
  });

  it('an edited assumption moves the requirement; switching to caseload uses it', () => {
    expect(setAssumption(session, { scenarioId: 1, key: 'demand_method', value: 2 }).ok).toBe(true);
    const demand = demandByRegion(session.db, { scenarioId: 1, grain: 'quarter' });
    if (!demand.ok) throw new Error(demand.error.message);
    // Caseload: K2 active 120 ÷ 40 = 3 FTE in NW1.
    expect(demand.value.rows[1]?.requiredFte).toBe(3);
    expect(
      scalar(session.db, "SELECT summary FROM audit_log WHERE action = 'planning.setAssumption'"),
    ).toMatch(/1 → 2/);
  });

  it.each([
    ['share_obliged', 1.5, /tussen 0 en 1/],
    ['nope', 1, /Onbekende aanname/],
  ])('refuses %s = %d', (key, value, message) => {
    const result = setAssumption(session, { scenarioId: 1, key, value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
});

describe('grid edits through the mutation door', () => {
  it('a paste of several cells is one undoable, audited step', () => {
    const before = allRows(1);
    const result = setCells(session, {
      scenarioId: 1,
      kind: 'paste',
      cells: [
        { line: P1, month: '2023-01', milli: 400 },
        { line: P1, month: '2023-02', milli: 0 },
        { line: { ...P1, regionCode: 'NW2' }, month: '2023-01', milli: 250 },
      ],
    });
    expect(result).toMatchObject({ ok: true, value: { changed: 3 } });
    expect(
      scalar(
        session.db,
        "SELECT fte FROM allocation WHERE position_id = 1 AND region_code = 'NW1' AND month = '2023-01'",
      ),
    ).toBe(0.4);
    expect(
      scalar(
        session.db,
        "SELECT count(*) FROM allocation WHERE position_id = 1 AND month = '2023-02'",
      ),
    ).toBe(0);
    expect(
      scalar(
        session.db,
        "SELECT fte FROM allocation WHERE position_id = 1 AND region_code = 'NW2'",
      ),
    ).toBe(0.25);
    const audit = JSON.parse(
      String(
        scalar(session.db, "SELECT details_json FROM audit_log WHERE action = 'planning.paste'"),
      ),
    );
    expect(audit.cells[0]).toMatchObject({ month: '2023-01', old: 0.6, new: 0.4 });
    expect(session.history.undo).toHaveLength(1);
    expect(undo(session).ok).toBe(true);
    expect(allRows(1)).toBe(before);
    expect(redo(session).ok).toBe(true);
    expect(
      scalar(
        session.db,
        "SELECT count(*) FROM allocation WHERE position_id = 1 AND month = '2023-02'",
      ),
    ).toBe(0);
  });

  it('patching the grid with an accepted edit gives what reading it again gives', () => {
    const before = readPlanGrid(session.db, 1);
    if (!before.ok) throw new Error(before.error.message);
    const cells = [
      { line: P1, month: '2023-04', milli: 900 },
      { line: P1, month: '2023-05', milli: 0 },
    ];
    const result = setCells(session, { scenarioId: 1, cells });
    if (!result.ok) throw new Error(result.error.message);
    const patched = applyCellEdits(before.value, cells, result.value);
    const reread = readPlanGrid(session.db, 1);
    if (!reread.ok) throw new Error(reread.error.message);
    expect(patched.totals).toEqual(reread.value.totals);
    expect(patched.lines).toEqual(reread.value.lines);
    expect(patched.breaches).toEqual(reread.value.breaches);
  });

  it('reports the breach an edit causes instead of clipping it', () => {
    const result = setCells(session, {
      scenarioId: 1,
      cells: [{ line: P1, month: '2023-04', milli: 900 }],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.breaches.map((b) => [b.code, b.month, b.totalMilli])).toEqual([
      ['ANN', '2023-04', 1200],
    ]);
    expect(
      scalar(session.db, "SELECT fte FROM allocation WHERE position_id = 1 AND month = '2023-04'"),
    ).toBe(0.9);
  });

  it('refuses an invalid value with nothing changed', () => {
    const before = allRows(1);
    const result = setCells(session, {
      scenarioId: 1,
      cells: [
        { line: P1, month: '2023-01', milli: 300 },
        { line: P1, month: '2023-13', milli: 1 },
      ],
    });
    expect(result.ok).toBe(false);
    expect(allRows(1)).toBe(before);
  });
});

describe('scenarios', () => {
  it('a copy is isolated: editing B leaves A unchanged', () => {
    const copy = copyScenario(session, 1, 'Kopie');
    if (!copy.ok) throw new Error(copy.error.message);
    expect(copy.value).toMatchObject({
      name: 'Kopie',
      status: 'draft',
      basedOnId: 1,
      allocationRows: 24,
    });
    expect(
      scalar(
        session.db,
        `SELECT count(*) FROM scenario_assumption WHERE scenario_id = ${copy.value.id}`,
      ),
    ).toBe(9);
    const a = allRows(1);
    expect(
      setCells(session, {
        scenarioId: copy.value.id,
        cells: [{ line: P1, month: '2023-01', milli: 100 }],
      }).ok,
    ).toBe(true);
    expect(allRows(1)).toBe(a);
    expect(
      scalar(
        session.db,
        `SELECT fte FROM allocation WHERE scenario_id = ${copy.value.id} AND position_id = 1 AND month = '2023-01'`,
      ),
    ).toBe(0.1);
    // Undo the edit, then the copy itself: the scenario is gone.
    expect(undo(session).ok).toBe(true);
    expect(undo(session).ok).toBe(true);
    expect(scalar(session.db, "SELECT count(*) FROM scenario WHERE name = 'Kopie'")).toBe(0);
    expect(scalar(session.db, 'SELECT count(*) FROM allocation')).toBe(24);
  });

  it.each([
    ['', /naam/],
    ['Leeg', /bestaat al/],
  ])('refuses the name "%s"', (name, message) => {
    const result = copyScenario(session, 1, name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('renames a draft (undoable)', () => {
    expect(renameScenario(session, 2, 'Nieuw').ok).toBe(true);
    expect(scalar(session.db, 'SELECT name FROM scenario WHERE id = 2')).toBe('Nieuw');
  });

  describe('approval lock', () => {
    beforeEach(() => {
      expect(approveScenario(session, 1).ok).toBe(true);
    });

    const snapshot = () =>
      JSON.stringify(
        ['allocation', 'scenario', 'scenario_assumption'].map((t) =>
          session.db.exec(`SELECT * FROM ${t} ORDER BY 1, 2`),
        ),
      );

    it.each([
      [
        'a cell edit',
        () =>
          setCells(session, { scenarioId: 1, cells: [{ line: P1, month: '2023-01', milli: 100 }] }),
      ],
      [
        'an assumption',
        () => setAssumption(session, { scenarioId: 1, key: 'uptake_optional', value: 0.3 }),
      ],
      ['a rename', () => renameScenario(session, 1, 'Anders')],
      ['approving again', () => approveScenario(session, 1)],
    ])('the core refuses %s with a Dutch message, nothing changed', (_what, write) => {
      const before = snapshot();
      const result = write();
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error.message).toBe(
          'Scenario "Basis" is goedgekeurd en daardoor vergrendeld: er kan niets meer aan wijzigen. Maak een kopie om verder te plannen.',
        );
      expect(snapshot()).toBe(before);
    });

    it.each([
      [
        'UPDATE allocation SET fte = 0.1 WHERE scenario_id = 1',
        /goedgekeurd en vergrendeld: de inzet/,
      ],
      [
        "INSERT INTO allocation (scenario_id, position_id, activity_code, month, fte) VALUES (1, 1, 'pillar4', '2023-01', 1)",
        /goedgekeurd en vergrendeld/,
      ],
      ['DELETE FROM allocation WHERE scenario_id = 1', /goedgekeurd en vergrendeld/],
      ['UPDATE scenario_assumption SET value = 0.9 WHERE scenario_id = 1', /de aannames/],
      ["UPDATE scenario SET name = 'X' WHERE id = 1", /naam en beschrijving/],
      ['DELETE FROM scenario WHERE id = 1', /verwijderd/],
    ])('the database refuses %s', (sql, message) => {
      const before = snapshot();
      expect(() => session.db.run(sql)).toThrow(message);
      expect(snapshot()).toBe(before);
    });

    it('undoing the approval reopens it (audited); a copy of it is a draft', () => {
      const copy = copyScenario(session, 1, 'Verder');
      expect(copy.ok && copy.value.status).toBe('draft');
      expect(undo(session).ok).toBe(true); // the copy
      expect(undo(session).ok).toBe(true); // the approval
      expect(scalar(session.db, 'SELECT status FROM scenario WHERE id = 1')).toBe('draft');
      expect(scalar(session.db, "SELECT count(*) FROM audit_log WHERE action = 'undo'")).toBe(2);
    });
  });
});

describe('compare', () => {
  it('Before / After / Δ per quarter and a list of changes by unit, region, activity, month', () => {
    const copy = copyScenario(session, 1, 'Meer');
    if (!copy.ok) throw new Error(copy.error.message);
    setCells(session, {
      scenarioId: copy.value.id,
      cells: [
        { line: P1, month: '2023-02', milli: 1000 },
        {
          line: {
            positionId: 3,
            personId: null,
            activityCode: 'management',
            regionCode: null,
            nisCode: null,
          },
          month: '2023-05',
          milli: 0,
        },
        { line: { ...P1, regionCode: 'NW2' }, month: '2023-06', milli: 300 },
      ],
    });
    const result = compareScenarios(session.db, {
      beforeId: 1,
      afterId: copy.value.id,
      grain: 'quarter',
    });
    if (!result.ok) throw new Error(result.error.message);
    // K1 before (2,7 + 2,8 + 2,9) ÷ 3 = 2,8; after +0,4 in Feb → 2,9333. K2 before 2,7667;
    // after −1,2 in May and +0,3 in June → (2,7 + 1,7 + 3,0) ÷ 3 = 2,4667.
    expect(
      result.value.totals.map((t) => [
        t.bucket,
        Math.round(t.beforeMilli),
        Math.round(t.afterMilli),
      ]),
    ).toEqual([
      ['2023-K1', 2800, 2933],
      ['2023-K2', 2767, 2467],
    ]);
    expect(result.value.changeCount).toBe(3);
    expect(
      result.value.changes.map((c) => [
        c.positionCode,
        c.regionCode,
        c.month,
        c.beforeMilli,
        c.afterMilli,
      ]),
    ).toEqual([
      ['P1', 'NW1', '2023-02', 600, 1000],
      ['P1', 'NW2', '2023-06', 0, 300],
      ['P3', null, '2023-05', 1200, 0],
    ]);
    expect(result.value.byActivity.map((g) => [g.key, g.afterMilli - g.beforeMilli])).toEqual([
      ['management', -1200],
      ['pillar4', 700],
    ]);
    expect(result.value.byRegion.map((g) => [g.label, g.afterMilli - g.beforeMilli])).toEqual([
      ['(geen regio)', -1200],
      ['Netwerk Een', 400],
      ['Netwerk Twee', 300],
    ]);
  });

  it.each([
    [
      'a vacancy filled: other person, same FTE',
      "UPDATE allocation SET person_id = 2 WHERE scenario_id = 2 AND position_id = 3 AND month = '2023-01'",
      [],
    ],
    [
      'one cell split over two rows with the same sum',
      "UPDATE allocation SET fte = 0.4 WHERE scenario_id = 2 AND position_id = 1 AND month = '2023-01'; INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, month, fte) VALUES (2, 1, NULL, 'pillar4', 'NW1', '2023-01', 0.2)",
      [],
    ],
    [
      // Identical duplicate rows are invisible to a set-wise anti-join: the monthly check
      // catches them and the grouped comparison answers.
      'an identical duplicate row',
      "INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, month, fte) SELECT 2, position_id, person_id, activity_code, region_code, month, fte FROM allocation WHERE scenario_id = 2 AND position_id = 4 AND month = '2023-04'",
      [['P4', '2023-04', 800, 1600]],
    ],
  ])('compare: %s', (_name, sql, expected) => {
    session.db.run(
      'INSERT INTO allocation (scenario_id, position_id, person_id, activity_code, region_code, nis_code, month, fte) SELECT 2, position_id, person_id, activity_code, region_code, nis_code, month, fte FROM allocation WHERE scenario_id = 1',
    );
    session.db.exec(sql);
    const result = compareScenarios(session.db, { beforeId: 1, afterId: 2 });
    if (!result.ok) throw new Error(result.error.message);
    expect(
      result.value.changes.map((c) => [c.positionCode, c.month, c.beforeMilli, c.afterMilli]),
    ).toEqual(expected);
    expect(result.value.changeCount).toBe(expected.length);
  });

  it('compares a scenario with an empty one', () => {
    const result = compareScenarios(session.db, { beforeId: 1, afterId: 2 });
    expect(result.ok && result.value.changeCount).toBe(24);
  });
});
