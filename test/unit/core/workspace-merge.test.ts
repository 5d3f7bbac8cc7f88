import { beforeEach, describe, expect, it } from 'vitest';
import type { SqlValue } from 'sql.js';
import type { Session } from '../../../src/core/session';
import { scalar, seedWorkspace, startCore } from './workspace-fixture';

type Core = Awaited<ReturnType<typeof startCore>>['core'];
type Edit = (core: Core) => Promise<unknown>;

/** The shared file as both planners opened it. */
let shared: Uint8Array;
beforeEach(async () => {
  const { core, session } = await startCore();
  seedWorkspace(session.db);
  shared = await core.call('workspace.export', undefined);
});

async function planner(): Promise<{ core: Core; session: Session }> {
  const started = await startCore();
  const opened = await started.core.call('workspace.open', {
    bytes: shared,
    fileName: 'p.pijlerplan',
  });
  expect(opened.ok).toBe(true);
  return started;
}

const cell =
  (table: string, key: Record<string, SqlValue>, column: string, value: SqlValue): Edit =>
  async (core) => {
    const done = await core.call('tables.updateCell', { table, key, column, value });
    expect(done.ok).toBe(true);
  };
const insert =
  (table: string, values: Record<string, SqlValue>): Edit =>
  async (core) => {
    const done = await core.call('tables.insertRow', { table, values });
    expect(done.ok).toBe(true);
  };
const remove =
  (table: string, key: Record<string, SqlValue>): Edit =>
  async (core) => {
    const done = await core.call('tables.deleteRows', { table, keys: [key] });
    expect(done.ok).toBe(true);
  };

type Case = {
  name: string;
  anna: Edit[];
  bram: Edit[];
  /** SQL → the value expected after Bram's edits were re-applied onto Anna's saved file. */
  expect: Array<[string, SqlValue]>;
  conflicts: Array<{ kind: string; column: string | null; label: RegExp }>;
};

const cases: Case[] = [
  {
    name: 'different cells of one row: both kept',
    anna: [cell('pilot', { id: 1 }, 'budget_eur', 41_000)],
    bram: [cell('pilot', { id: 1 }, 'coordinator', 'Bram')],
    expect: [
      ['SELECT budget_eur FROM pilot WHERE id = 1', 41_000],
      ['SELECT coordinator FROM pilot WHERE id = 1', 'Bram'],
    ],
    conflicts: [],
  },
  {
    name: 'different rows and tables, an insert and a delete: all kept',
    anna: [cell('municipality', { nis_code: '11001' }, 'inhabitants_2020', 14_100)],
    bram: [
      cell('pilot', { id: 2 }, 'budget_eur', 39_000),
      insert('person', { id: 4, code: 'PER4', name: 'Nieuwe Collega' }),
      remove('pilot_approach', { pilot_id: 1, approach: 'buddy' }),
    ],
    expect: [
      ["SELECT inhabitants_2020 FROM municipality WHERE nis_code = '11001'", 14_100],
      ['SELECT budget_eur FROM pilot WHERE id = 2', 39_000],
      ["SELECT name FROM person WHERE code = 'PER4'", 'Nieuwe Collega'],
      ["SELECT count(*) FROM pilot_approach WHERE pilot_id = 1 AND approach = 'buddy'", 0],
      ['SELECT count(*) FROM pilot_approach', 2],
    ],
    conflicts: [],
  },
  {
    name: 'the same cell changed by both: listed, the saved value stays',
    anna: [cell('pilot', { id: 1 }, 'budget_eur', 41_000)],
    bram: [
      cell('pilot', { id: 1 }, 'budget_eur', 45_000),
      cell('pilot', { id: 2 }, 'budget_eur', 39_000),
    ],
    expect: [
      ['SELECT budget_eur FROM pilot WHERE id = 1', 41_000],
      ['SELECT budget_eur FROM pilot WHERE id = 2', 39_000],
    ],
    conflicts: [
      {
        kind: 'both-changed',
        column: 'budget_eur',
        label: /proeftuin 1, budget_eur: jij 45000.*41000/,
      },
    ],
  },
  {
    name: 'the same change by both: no conflict',
    anna: [cell('pilot', { id: 1 }, 'budget_eur', 41_000)],
    bram: [cell('pilot', { id: 1 }, 'budget_eur', 41_000)],
    expect: [['SELECT budget_eur FROM pilot WHERE id = 1', 41_000]],
    conflicts: [],
  },
  {
    name: 'a row one changed and the other deleted: listed',
    anna: [remove('person', { id: 3 })],
    bram: [cell('person', { id: 3 }, 'name', 'Eleni P.')],
    expect: [['SELECT count(*) FROM person WHERE id = 3', 0]],
    conflicts: [{ kind: 'they-deleted', column: null, label: /persoon 3/ }],
  },
  {
    name: 'a row one deleted and the other changed: listed, the changed row stays',
    anna: [cell('person', { id: 2 }, 'name', 'Jan Peeters-Claes')],
    bram: [remove('person', { id: 2 })],
    expect: [['SELECT name FROM person WHERE id = 2', 'Jan Peeters-Claes']],
    conflicts: [{ kind: 'i-deleted-they-changed', column: null, label: /persoon 2/ }],
  },
  {
    name: 'the same key added by both with other contents: listed',
    anna: [insert('person', { id: 4, code: 'PER4', name: 'Anna’s collega' })],
    bram: [insert('person', { id: 4, code: 'PER4B', name: 'Bram’s collega' })],
    expect: [['SELECT name FROM person WHERE id = 4', 'Anna’s collega']],
    conflicts: [{ kind: 'both-added', column: null, label: /persoon 4/ }],
  },
];

describe('re-applying edits onto a newer file (workspace.rebase)', () => {
  it.each(cases)('$name', async (testCase) => {
    const anna = await planner();
    const bram = await planner();
    for (const edit of testCase.anna) await edit(anna.core);
    for (const edit of testCase.bram) await edit(bram.core);
    const annaSaved = await anna.core.call('workspace.export', { forSave: true });

    const rebased = await bram.core.call('workspace.rebase', { bytes: annaSaved });
    expect(rebased.ok).toBe(true);
    if (!rebased.ok) return;
    expect(rebased.value.dirty).toBe(true);
    expect(rebased.value.conflicts.map(({ kind, column }) => ({ kind, column }))).toEqual(
      testCase.conflicts.map(({ kind, column }) => ({ kind, column })),
    );
    testCase.conflicts.forEach((conflict, index) =>
      expect(rebased.value.conflictLines[index]).toMatch(conflict.label),
    );
    for (const [sql, value] of testCase.expect)
      expect(scalar(bram.session.db, sql), sql).toBe(value);
    // Both planners' audit rows are there, plus the re-apply itself.
    const audit = bram.session.db.exec('SELECT action FROM audit_log ORDER BY id')[0]?.values ?? [];
    const actions = audit.map((row) => String(row[0]));
    expect(actions.at(-1)).toBe('workspace.rebase');
    expect(actions.filter((action) => action === 'edit')).toHaveLength(
      testCase.anna.length + testCase.bram.length,
    );
  });

  it('a second colleague save re-applies onto the newest version again (the base moved)', async () => {
    const anna = await planner();
    const bram = await planner();
    await cell('pilot', { id: 1 }, 'budget_eur', 41_000)(anna.core);
    await cell('pilot', { id: 2 }, 'budget_eur', 39_000)(bram.core);
    const first = await anna.core.call('workspace.export', { forSave: true });
    await anna.core.call('workspace.markSaved', { fileName: 'p.pijlerplan' });
    expect((await bram.core.call('workspace.rebase', { bytes: first })).ok).toBe(true);
    // Anna saves once more before Bram does: only her new edit is new to him.
    await cell('pilot', { id: 1 }, 'coordinator', 'Anna')(anna.core);
    const second = await anna.core.call('workspace.export', { forSave: true });
    const again = await bram.core.call('workspace.rebase', { bytes: second });
    expect(again.ok && again.value.conflicts).toEqual([]);
    expect(scalar(bram.session.db, 'SELECT budget_eur FROM pilot WHERE id = 1')).toBe(41_000);
    expect(scalar(bram.session.db, 'SELECT coordinator FROM pilot WHERE id = 1')).toBe('Anna');
    expect(scalar(bram.session.db, 'SELECT budget_eur FROM pilot WHERE id = 2')).toBe(39_000);
  });

  it('a new or demo workspace has no saved version to re-apply onto', async () => {
    const { core } = await startCore();
    const refused = await core.call('workspace.rebase', { bytes: shared });
    expect(refused).toMatchObject({ ok: false, error: { code: 'no-base' } });
  });
});

describe('read-only workspace (someone else has the file open)', () => {
  it('refuses every change with a Dutch reason, also writes that bypass the door; Save as lifts it', async () => {
    const bram = await planner();
    const info = await bram.core.call('workspace.setReadOnly', { readOnly: true });
    expect(info.readOnly).toBe(true);
    const edit = await bram.core.call('tables.updateCell', {
      table: 'pilot',
      key: { id: 1 },
      column: 'budget_eur',
      value: 1,
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'read-only' } });
    if (!edit.ok) expect(edit.error.message).toMatch(/alleen-lezen.*Opslaan als/);
    expect(() => bram.session.db.run('UPDATE pilot SET budget_eur = 1')).toThrow(/readonly/);
    // The recovery copy and Save as still export; export keeps the guard on.
    await bram.core.call('workspace.export', { forSave: true });
    expect(() => bram.session.db.run('UPDATE pilot SET budget_eur = 1')).toThrow(/readonly/);
    const saved = await bram.core.call('workspace.markSaved', { fileName: 'kopie.pijlerplan' });
    expect(saved.readOnly).toBe(false);
    const after = await bram.core.call('tables.updateCell', {
      table: 'pilot',
      key: { id: 1 },
      column: 'budget_eur',
      value: 1,
    });
    expect(after.ok).toBe(true);
  });
});
