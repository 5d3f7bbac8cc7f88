import { beforeEach, describe, expect, it } from 'vitest';
import {
  findScenario,
  findScenarioHead,
  listScenarios,
  scenarioHeads,
} from '../../../src/core/planning/scenarios';
import type { Session } from '../../../src/core/session';
import { planSession } from './planning-fixture';

let session: Session;
beforeEach(async () => {
  session = await planSession();
});

/**
 * scenarioHeads is what the dashboard reads on every filter change: the scenario list without
 * counting each scenario's allocation rows (on a million rows, ~40 ms a scenario).
 */
describe('scenario heads', () => {
  it('are the listed scenarios without their row counts', () => {
    const listed = listScenarios(session.db);
    expect(listed.map((s) => [s.name, s.allocationRows])).toEqual([
      ['Basis', 24],
      ['Leeg', 0],
    ]);
    expect(scenarioHeads(session.db)).toEqual(
      listed.map(({ allocationRows: _rows, ...head }) => head),
    );
    expect(scenarioHeads(session.db, 2)).toEqual(scenarioHeads(session.db).slice(1));
  });

  it('findScenarioHead finds what findScenario finds, and refuses a missing id the same way', () => {
    const head = findScenarioHead(session.db, 1);
    const full = findScenario(session.db, 1);
    if (!head.ok || !full.ok) throw new Error('scenario 1 not found');
    expect({ ...head.value, allocationRows: 24 }).toEqual(full.value);
    expect(findScenarioHead(session.db, 99)).toEqual(findScenario(session.db, 99));
    const missing = findScenarioHead(session.db, 99);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('scenario-not-found');
  });
});
