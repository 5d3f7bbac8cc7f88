import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src/core/result';
import { loadSnapshot } from '../../../src/core/org';
import { orgTables, scalar, startOrgCore, unwrap } from './fixture';

type Core = Awaited<ReturnType<typeof startOrgCore>>;
const reportsTo = (db: Core['db'], id: number) =>
  scalar(db, `SELECT reports_to_id || '/' || unit_id FROM position WHERE id = ${id}`);

describe('tree operations go through the mutation door and undo exactly', () => {
  it.each([
    {
      name: 'move under a manager in another unit (unit follows the manager)',
      run: (c: Core) => c.call('org.movePosition', { positionId: 4, reportsToId: 5 }),
      check: (c: Core) => expect(reportsTo(c.db, 4)).toBe('5/4'),
    },
    {
      name: 're-parent across units with an explicit unit',
      run: (c: Core) => c.call('org.movePosition', { positionId: 6, reportsToId: 1, unitId: 5 }),
      check: (c: Core) => expect(reportsTo(c.db, 6)).toBe('1/5'),
    },
    {
      name: 'delete with children: they move up to its manager, its assignment ends',
      run: (c: Core) => c.call('org.deletePosition', { positionId: 2 }),
      check: (c: Core) => {
        expect([reportsTo(c.db, 3), reportsTo(c.db, 4)]).toEqual(['1/3', '1/3']);
        expect(scalar(c.db, 'SELECT count(*) FROM position WHERE id = 2')).toBe(0);
        expect(scalar(c.db, 'SELECT count(*) FROM assignment WHERE position_id = 2')).toBe(0);
        expect(scalar(c.db, 'SELECT count(*) FROM person WHERE id = 3')).toBe(1);
      },
    },
    {
      name: 'rename a position',
      run: (c: Core) => c.call('org.updatePosition', { positionId: 7, title: 'Beleidsadviseur' }),
      check: (c: Core) =>
        expect(scalar(c.db, 'SELECT title FROM position WHERE id = 7')).toBe('Beleidsadviseur'),
    },
    {
      name: 'assign a person within their contract (a second, part-time position)',
      run: (c: Core) => {
        c.db.exec(
          "INSERT INTO person (id, code, name, contract_fte) VALUES (4, 'P4', 'Dirk', 0.8)",
        );
        return c.call('org.assignPerson', { positionId: 7, personId: 4, fte: 0.8 });
      },
      check: (c: Core) =>
        expect(
          scalar(
            c.db,
            'SELECT person_id || ' + "'@'" + ' || fte FROM assignment WHERE position_id = 7',
          ),
        ).toBe('4@0.8'),
    },
    {
      name: 'assign over the contract is refused, naming what they hold',
      run: (c: Core) => c.call('org.assignPerson', { positionId: 7, personId: 2, fte: 0.5 }),
      check: () => undefined,
      refused:
        'Bert zou voor 1,3 FTE ingezet worden, meer dan het contract van 0,8 FTE (al: Coach 2 (A1-2): 0,3; Hoofd B (B-1): 0,5)',
    },
    {
      name: 'a move that would close a loop is refused',
      run: (c: Core) => c.call('org.movePosition', { positionId: 2, reportsToId: 3 }),
      check: () => undefined,
      refused: 'Hoofd A (A-1) kan niet onder Coach 1 (A1-1) komen',
    },
    {
      name: 'a unit under its own sub-unit is refused',
      run: (c: Core) => c.call('org.moveUnit', { unitId: 2, parentId: 3 }),
      check: () => undefined,
      refused: 'Divisie A kan niet onder Team A1 komen',
    },
    {
      name: 'mark vacant',
      run: (c: Core) => c.call('org.markVacant', { positionId: 3 }),
      check: (c: Core) =>
        expect(scalar(c.db, 'SELECT count(*) FROM assignment WHERE position_id = 3')).toBe(0),
    },
    {
      name: 'add a cross-unit link between a position and a unit',
      run: (c: Core) =>
        c.call('org.addLink', {
          from: { kind: 'position', id: 6 },
          to: { kind: 'unit', id: 3 },
          label: 'werkgroep vierde pijler',
        }),
      check: (c: Core) =>
        expect(
          scalar(
            c.db,
            "SELECT from_position_id || '>' || to_unit_id || ' ' || label FROM cross_unit_link",
          ),
        ).toBe('6>3 werkgroep vierde pijler'),
    },
    {
      name: 'add a position (vacant, next free code)',
      run: (c: Core) => c.call('org.addPosition', { unitId: 3, title: 'Coach 3', reportsToId: 2 }),
      check: (c: Core) =>
        expect(
          scalar(c.db, "SELECT code || ' ' || unit_id FROM position WHERE title = 'Coach 3'"),
        ).toBe('TA-N1 3'),
    },
  ])('$name', async ({ run, check, refused }) => {
    const core = await startOrgCore();
    const before = orgTables(core.db);
    const result = await run(core);
    if (refused) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(refused);
      expect(orgTables(core.db)).toBe(before);
      return;
    }
    unwrap(result as Result<unknown>);
    check(core);
    expect(orgTables(core.db)).not.toBe(before);
    unwrap(await core.call('workspace.undo', undefined));
    expect(orgTables(core.db)).toBe(before);
  });

  it('the delete plan says what happens to children, people and links before it happens', async () => {
    const core = await startOrgCore();
    const plan = unwrap(await core.call('org.deletePlan', { positionId: 2 }));
    expect(plan.children.map((c) => c.code)).toEqual(['A1-1', 'A1-2']);
    expect(plan.newManager).toEqual({ id: 1, title: 'Directeur' });
    expect(plan.holders).toEqual([{ personId: 3, name: 'Carla', fte: 0.5 }]);
  });

  it('removing a link undoes too', async () => {
    const core = await startOrgCore();
    const id = unwrap(
      await core.call('org.addLink', {
        from: { kind: 'unit', id: 4 },
        to: { kind: 'unit', id: 2 },
        label: 'functioneel aangestuurd door',
      }),
    );
    const withLink = orgTables(core.db);
    unwrap(await core.call('org.removeLink', { linkId: id }));
    expect(scalar(core.db, 'SELECT count(*) FROM cross_unit_link')).toBe(0);
    unwrap(await core.call('workspace.undo', undefined));
    expect(orgTables(core.db)).toBe(withLink);
  });
});

describe('scenarios and dates: the baseline stays untouched, the diff lists what differs', () => {
  it('a scenario moves, adds, closes and re-budgets positions; the diff names each', async () => {
    const core = await startOrgCore();
    unwrap(await core.call('org.movePosition', { positionId: 6, reportsToId: 2, scenarioId: 1 }));
    const added = unwrap(
      await core.call('org.addPosition', {
        unitId: 3,
        title: 'Netwerkcoach',
        reportsToId: 2,
        budgetFte: 1,
        pillar4Share: 1,
        scenarioId: 1,
      }),
    );
    unwrap(
      await core.call('org.closePosition', { positionId: 7, scenarioId: 1, from: '2027-01-01' }),
    );
    unwrap(await core.call('org.updatePosition', { positionId: 5, budgetFte: 0.5, scenarioId: 1 }));

    // Baseline positions unchanged (the new one exists only for scenario 1).
    expect(scalar(core.db, 'SELECT reports_to_id FROM position WHERE id = 6')).toBe(5);
    expect(scalar(core.db, 'SELECT budget_fte FROM position WHERE id = 5')).toBe(1);
    expect(loadSnapshot(core.db).positions.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const diff = await core.call('org.diff', {
      before: { date: '2027-06-01' },
      after: { scenarioId: 1, date: '2027-06-01' },
    });
    expect(diff.changes.map((c) => `${c.kind} ${c.code}`).sort()).toEqual(
      ['added TA-N1', 'fte-changed B-1', 'moved B-2', 'removed S-1'].sort(),
    );
    // +1 (new) − 0.5 (Hoofd B) − 1 (Staf closed) = −0.5 FTE; pillar 4: +1.
    expect(diff.fteDelta).toBeCloseTo(-0.5, 9);
    expect(diff.pillar4FteDelta).toBeCloseTo(1, 9);
    const moved = diff.changes.find((c) => c.kind === 'moved')!;
    expect([moved.before, moved.after]).toEqual([
      { unitId: 4, reportsToId: 5 },
      { unitId: 2, reportsToId: 2 },
    ]);
    // Before the closing date the Staf position is still there in the scenario.
    const early = loadSnapshot(core.db, { scenarioId: 1, date: '2026-06-01' });
    expect(early.positions.some((p) => p.id === 7)).toBe(true);
    // A scenario based on scenario 1 inherits its changes.
    const child = loadSnapshot(core.db, { scenarioId: 2, date: '2027-06-01' });
    expect(child.positions.find((p) => p.id === 6)?.reportsToId).toBe(2);
    expect(child.positions.some((p) => p.id === added)).toBe(true);
  });

  it.each([
    { before: '2025-12-31', after: '2026-06-01', expected: ['added A1-9'] },
    { before: '2026-06-01', after: '2027-01-01', expected: ['removed A1-1'] },
    { before: '2025-12-31', after: '2027-01-01', expected: ['added A1-9', 'removed A1-1'] },
  ])('between $before and $after: $expected', async ({ before, after, expected }) => {
    const core = await startOrgCore();
    core.db.exec(`
      UPDATE position SET valid_to = '2026-12-31' WHERE id = 3;
      INSERT INTO position (id, code, unit_id, title, budget_fte, reports_to_id, valid_from)
        VALUES (9, 'A1-9', 3, 'Nieuw', 1, 2, '2026-01-01');
    `);
    const diff = await core.call('org.diff', { before: { date: before }, after: { date: after } });
    expect(diff.changes.map((c) => `${c.kind} ${c.code}`)).toEqual(expected);
  });
});
