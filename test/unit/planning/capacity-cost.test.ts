import { beforeEach, describe, expect, it } from 'vitest';
import { undo } from '../../../src/core/mutations/history';
import { findBreaches } from '../../../src/core/planning/breaches';
import { personCapacity, setLeave } from '../../../src/core/planning/capacity';
import { planCost, setGradeCost } from '../../../src/core/planning/cost';
import { readPlanGrid } from '../../../src/core/planning/grid';
import { approveScenario, copyScenario } from '../../../src/core/planning/scenarios';
import type { Session } from '../../../src/core/session';
import { planSession, scalar } from './planning-fixture';

let session: Session;
beforeEach(async () => {
  session = await planSession();
});

const personBreaches = (scenarioId = 1) =>
  findBreaches(session.db, scenarioId)
    .filter((breach) => breach.kind === 'person')
    .map((breach) => [breach.code, breach.month, breach.totalMilli, breach.limitMilli]);

describe('leave lowers a person’s capacity in a month', () => {
  // Ann: contract 1,0, planned 0,6 + 0,3 = 0,9 a month (1,1 in March). Bert: 0,8 contract,
  // 0,9 in February.
  it('0,2 leave in Jan–Feb makes 0,9 planned a breach there: capacity 0,8', () => {
    expect(personBreaches()).toEqual([
      ['BERT', '2023-02', 900, 800],
      ['ANN', '2023-03', 1100, 1000],
    ]);
    const result = setLeave(session, {
      scenarioId: 1,
      personId: 1,
      from: '2023-01',
      to: '2023-02',
      fte: '0,2',
      note: 'ouderschapsverlof',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(
      result.value.months
        .slice(0, 3)
        .map((m) => [
          m.month,
          m.contractMilli,
          m.leaveMilli,
          m.capacityMilli,
          m.plannedMilli,
          m.freeMilli,
        ]),
    ).toEqual([
      ['2023-01', 1000, 200, 800, 900, -100],
      ['2023-02', 1000, 200, 800, 900, -100],
      ['2023-03', 1000, 0, 1000, 1100, -100],
    ]);
    expect(personBreaches()).toEqual([
      ['ANN', '2023-01', 900, 800],
      ['ANN', '2023-02', 900, 800],
      ['BERT', '2023-02', 900, 800],
      ['ANN', '2023-03', 1100, 1000],
    ]);
    const reason = findBreaches(session.db, 1).find((b) => b.code === 'ANN')!.reason;
    expect(reason).toBe(
      'Ann staat in 2023-01 op 2 functies samen 0,90 VTE, meer dan de 0,80 VTE die na 0,20 VTE verlof overblijft van het contract van 1,00 VTE.',
    );
    // The grid's in-memory rule gives the same answer as the query.
    const grid = readPlanGrid(session.db, 1);
    expect(grid.ok && grid.value.breaches).toEqual(findBreaches(session.db, 1));
    // One undo step takes the two months of leave back.
    expect(undo(session).ok).toBe(true);
    expect(scalar(session.db, 'SELECT count(*) FROM scenario_leave')).toBe(0);
    expect(personBreaches()).toHaveLength(2);
  });

  it.each([
    [{ fte: '1,2' }, /meer dan het contract van Ann/],
    [{ fte: 'veel' }, /geen VTE-waarde/],
    [{ from: '2023-05', to: '2023-02' }, /vóór de beginmaand/],
    [{ from: '2023-5' }, /JJJJ-MM/],
  ])('refuses %j with a Dutch message and writes nothing', (patch, message) => {
    const result = setLeave(session, {
      scenarioId: 1,
      personId: 1,
      from: '2023-01',
      to: '2023-02',
      fte: '0,2',
      ...patch,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(scalar(session.db, 'SELECT count(*) FROM scenario_leave')).toBe(0);
  });

  it('belongs to the scenario: copied with it, edited apart, locked when approved', () => {
    setLeave(session, { scenarioId: 1, personId: 2, from: '2023-03', to: '2023-03', fte: '0,5' });
    const copy = copyScenario(session, 1, 'Met verlof');
    if (!copy.ok) throw new Error(copy.error.message);
    expect(
      scalar(session.db, `SELECT fte FROM scenario_leave WHERE scenario_id = ${copy.value.id}`),
    ).toBe(0.5);
    setLeave(session, {
      scenarioId: copy.value.id,
      personId: 2,
      from: '2023-03',
      to: '2023-03',
      fte: '0',
    });
    expect(scalar(session.db, 'SELECT count(*) FROM scenario_leave WHERE scenario_id = 1')).toBe(1);
    expect(approveScenario(session, 1).ok).toBe(true);
    const refused = setLeave(session, {
      scenarioId: 1,
      personId: 2,
      from: '2023-04',
      to: '2023-04',
      fte: '0,1',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/goedgekeurd en daardoor vergrendeld/);
    // Below the core too: the database's trigger refuses a direct write.
    expect(() =>
      session.db.run(
        "INSERT INTO scenario_leave (scenario_id, person_id, month, fte) VALUES (1, 1, '2023-06', 0.1)",
      ),
    ).toThrow(/goedgekeurd en vergrendeld: het verlof/);
    const capacity = personCapacity(session.db, 1, 2);
    expect(capacity.ok && capacity.value.months[2]!.capacityMilli).toBe(300);
  });
});

describe('cost per FTE by grade → the plan’s budget', () => {
  beforeEach(() => {
    // A1: P1 (1,0 budget, € 60.000) and P2 (0,5, € 60.000) → default € 120.000 ÷ 1,5 = € 80.000
    // per FTE a year; P4 is A1 without a cost of its own. P3 is B1 with no cost anywhere.
    session.db.exec(`
      UPDATE position SET grade = 'A1', annual_cost = 60000 WHERE id IN (1, 2);
      UPDATE position SET grade = 'A1' WHERE id = 4;
      UPDATE position SET grade = 'B1' WHERE id = 3;
    `);
  });

  it('costs FTE-months at the grade’s rate ÷ 12, and says what has no rate', () => {
    const cost = planCost(session.db, 1);
    if (!cost.ok) throw new Error(cost.error.message);
    // A1 FTE-months: P1 0,6 × 6 = 3,6; P2 0,3 × 5 + 0,5 = 2,0; P4 0,8 × 5 + 0,9 = 4,9 → 10,5
    // × € 80.000 ÷ 12 = € 70.000. P3 (B1) 1,0 × 5 + 1,2 = 6,2 FTE-months without a rate.
    expect(cost.value.years).toEqual(['2023']);
    expect(cost.value.total[0]).toBeCloseTo(70000, 6);
    expect(cost.value.unpricedMilli).toBe(6200);
    expect(cost.value.grades.map((g) => [g.grade, g.annualCostPerFte, g.isSet])).toEqual([
      ['A1', 80000, false],
      ['B1', null, false],
    ]);
  });

  it('a scenario’s own rate, by activity, region and scenario; undo; locked when approved', () => {
    const set = setGradeCost(session, { scenarioId: 1, grade: 'B1', annualCostPerFte: 48000 });
    expect(set.ok).toBe(true);
    const cost = planCost(session.db, 1);
    if (!cost.ok) throw new Error(cost.error.message);
    // P3: 6,2 FTE-months × € 4.000 = € 24.800; NW1 = P1 3,6 × € 6.666,67 = € 24.000;
    // NW2 = (2,0 + 4,9) × € 6.666,67 = € 46.000.
    expect(cost.value.total[0]).toBeCloseTo(94800, 6);
    expect(cost.value.unpricedMilli).toBe(0);
    const euros = (groups: { label: string; euros: number[] }[]) =>
      groups.map((g) => [g.label, Math.round(g.euros[0]!)]);
    expect(euros(cost.value.byActivity)).toEqual([
      ['Vierde pijler', 70000],
      ['Management', 24800],
    ]);
    expect(euros(cost.value.byRegion)).toEqual([
      ['Netwerk Twee', 46000],
      ['(geen regio)', 24800],
      ['Netwerk Een', 24000],
    ]);
    expect(euros(cost.value.byScenario)).toEqual([
      ['Basis', 94800],
      ['Leeg', 0],
    ]);
    expect(undo(session).ok).toBe(true);
    expect(scalar(session.db, 'SELECT count(*) FROM scenario_grade_cost')).toBe(0);
    approveScenario(session, 1);
    const refused = setGradeCost(session, { scenarioId: 1, grade: 'B1', annualCostPerFte: 1 });
    expect(refused.ok).toBe(false);
    expect(scalar(session.db, 'SELECT count(*) FROM scenario_grade_cost')).toBe(0);
  });

  it('refuses a negative cost with a Dutch message', () => {
    const result = setGradeCost(session, { scenarioId: 1, grade: 'A1', annualCostPerFte: -5 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/graad "A1" moet tussen/);
  });
});
