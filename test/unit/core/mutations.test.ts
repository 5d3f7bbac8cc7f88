import { beforeEach, describe, expect, it } from 'vitest';
import { exportWorkspaceDb } from '../../../src/core/db/workspace-file';
import { runCommands } from '../../../src/core/mutations/commands';
import { HISTORY_LIMIT, pushHistory, redo, undo } from '../../../src/core/mutations/history';
import { mutate } from '../../../src/core/mutations/mutate';
import type { Session } from '../../../src/core/session';
import { scalar, seedWorkspace, startCore } from './workspace-fixture';

let session: Session;

beforeEach(async () => {
  ({ session } = await startCore());
  seedWorkspace(session.db);
});

/** Everything in the tables edits touch, to prove a failed write left nothing behind. */
function snapshot(): string {
  const tables = [
    'region',
    'municipality',
    'pilot',
    'pilot_municipality',
    'pilot_approach',
    'person',
    'audit_log',
  ];
  return JSON.stringify(
    tables.map((table) => session.db.exec(`SELECT * FROM ${table} ORDER BY 1, 2`)),
  );
}

describe('mutate: the one door', () => {
  it('inserts, updates and deletes by primary key, with generated and natural keys', () => {
    const result = mutate(session, 'Nieuwe persoon en gemeente', (writer) => {
      const person = writer.insert('person', { code: 'PER9', name: 'Noor Claes' });
      writer.insert('municipality', {
        nis_code: '44021',
        name: 'Gent',
        province: 'Oost-Vlaanderen',
      });
      writer.update('municipality', { nis_code: '11001' }, { inhabitants_2020: 14500 });
      writer.delete('pilot_approach', { pilot_id: 1, approach: 'buddy' });
      return person;
    });
    expect(result).toEqual({ ok: true, value: { id: 4 } });
    expect(scalar(session.db, 'SELECT name FROM person WHERE id = 4')).toBe('Noor Claes');
    expect(scalar(session.db, "SELECT name FROM municipality WHERE nis_code = '44021'")).toBe(
      'Gent',
    );
    expect(
      scalar(session.db, "SELECT inhabitants_2020 FROM municipality WHERE nis_code = '11001'"),
    ).toBe(14500);
    expect(scalar(session.db, 'SELECT count(*) FROM pilot_approach WHERE pilot_id = 1')).toBe(1);
    expect(session.dirty).toBe(true);
    expect(session.history.undo.map((entry) => entry.label)).toEqual([
      'Nieuwe persoon en gemeente',
    ]);
  });

  it.each([
    {
      name: 'CHECK',
      write: () =>
        mutate(session, 'x', (w) =>
          w.update('municipality', { nis_code: '11001' }, { inhabitants_2020: -3 }),
        ),
      code: 'constraint-check',
      message: 'De waarde -3 is niet toegestaan in kolom inhabitants_2020 (gemeente 11001).',
    },
    {
      name: 'NOT NULL',
      write: () => mutate(session, 'x', (w) => w.update('pilot', { id: 2 }, { name: null })),
      code: 'constraint-not-null',
      message: 'Kolom name mag niet leeg zijn (proeftuin 2).',
    },
    {
      name: 'UNIQUE',
      write: () =>
        mutate(session, 'x', (w) => w.insert('person', { code: 'PER1', name: 'Dubbel' })),
      code: 'constraint-unique',
      message:
        'De waarde "PER1" bestaat al in kolom code van persoon; ze moet uniek zijn (nieuwe persoon).',
    },
    {
      name: 'FOREIGN KEY on update',
      write: () =>
        mutate(session, 'x', (w) =>
          w.update('municipality', { nis_code: '38025' }, { network_code: 'RR99' }),
        ),
      code: 'constraint-foreign-key',
      message:
        'De waarde "RR99" in kolom network_code verwijst naar een regio die niet bestaat (gemeente 38025).',
    },
    {
      name: 'FOREIGN KEY on delete',
      write: () => mutate(session, 'x', (w) => w.delete('region', { code: 'RR02' })),
      code: 'constraint-foreign-key',
      message: 'Regio RR02 kan niet verwijderd worden: er verwijst nog minstens één gemeente naar.',
    },
    {
      name: 'CHECK on a 5-digit NIS code',
      write: () =>
        mutate(session, 'x', (w) => w.insert('municipality', { nis_code: '1100', name: 'Kort' })),
      code: 'constraint-check',
      message: 'De waarde "1100" is niet toegestaan in kolom nis_code (gemeente 1100).',
    },
    {
      name: 'unknown column',
      write: () => mutate(session, 'x', (w) => w.update('pilot', { id: 1 }, { colour: 'rood' })),
      code: 'unknown-column',
      message: 'De kolom colour bestaat niet in proeftuin.',
    },
    {
      name: 'missing row',
      write: () => mutate(session, 'x', (w) => w.update('pilot', { id: 77 }, { name: 'Weg' })),
      code: 'row-not-found',
      message: 'De rij proeftuin 77 bestaat niet (meer).',
    },
  ])(
    'refuses a $name violation, changes nothing and says so in Dutch',
    ({ write, code, message }) => {
      const before = snapshot();
      const result = write();
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toBe(message);
      expect(snapshot()).toBe(before);
      expect(session.history.undo).toHaveLength(0);
      expect(session.dirty).toBe(false);
    },
  );

  it('rolls back earlier writes of the same mutation when a later one fails', () => {
    const before = snapshot();
    const result = mutate(session, 'Twee stappen', (writer) => {
      writer.update('pilot', { id: 1 }, { budget_eur: 1 });
      writer.update('pilot', { id: 2 }, { budget_eur: -1 });
    });
    expect(result.ok).toBe(false);
    expect(snapshot()).toBe(before);
  });

  it('treats a thrown error in the work as a failure and rolls back', () => {
    const before = snapshot();
    const result = mutate(session, 'Stuk', (writer) => {
      writer.update('pilot', { id: 1 }, { budget_eur: 1 });
      throw new Error('kapot');
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'mutation-failed', message: '"Stuk" is mislukt: kapot' },
    });
    expect(snapshot()).toBe(before);
  });

  it('records no step for an update that changes nothing', () => {
    const result = mutate(session, 'Zelfde', (w) =>
      w.update('pilot', { id: 1 }, { budget_eur: 40000 }),
    );
    expect(result.ok).toBe(true);
    expect(session.history.undo).toHaveLength(0);
    expect(session.dirty).toBe(false);
    expect(scalar(session.db, 'SELECT count(*) FROM audit_log')).toBe(0);
  });

  it('writes one audit row per mutation, with action, summary and the rows touched', () => {
    runCommands(session, [
      {
        kind: 'updateCell',
        table: 'municipality',
        key: { nis_code: '11001' },
        column: 'inhabitants_2020',
        value: 15000,
      },
    ]);
    mutate(
      session,
      'Budget bijgesteld',
      (w) => w.update('pilot', { id: 2 }, { budget_eur: 39000 }),
      {
        action: 'pilot.budget',
        details: { reason: 'test' },
      },
    );
    const rows =
      session.db.exec('SELECT action, summary, details_json, at FROM audit_log ORDER BY id')[0]
        ?.values ?? [];
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['edit', 'inhabitants_2020 van gemeente 11001 gewijzigd in 15000'],
      ['pilot.budget', 'Budget bijgesteld'],
    ]);
    expect(JSON.parse(String(rows[1]?.[2]))).toEqual({
      reason: 'test',
      count: 1,
      rows: [{ op: 'update', table: 'pilot', key: { id: 2 }, columns: ['budget_eur'] }],
    });
    expect(String(rows[0]?.[3])).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('works on a raw table without a declared key, addressing rows by rowid', () => {
    session.db.exec(
      "CREATE TABLE budget_2024 (gemeente TEXT, bedrag REAL); INSERT INTO budget_2024 VALUES ('Gent', 10), ('Brugge', 20)",
    );
    const key = mutate(session, 'Rij', (w) =>
      w.insert('budget_2024', { gemeente: 'Leuven', bedrag: 30 }),
    );
    expect(key).toEqual({ ok: true, value: { rowid: 3 } });
    mutate(session, 'Wijzig', (w) => w.update('budget_2024', { rowid: 1 }, { bedrag: 11 }));
    mutate(session, 'Weg', (w) => w.delete('budget_2024', { rowid: 2 }));
    expect(session.db.exec('SELECT rowid, * FROM budget_2024')[0]?.values).toEqual([
      [1, 'Gent', 11],
      [3, 'Leuven', 30],
    ]);
    undo(session);
    undo(session);
    undo(session);
    expect(session.db.exec('SELECT rowid, * FROM budget_2024')[0]?.values).toEqual([
      [1, 'Gent', 10],
      [2, 'Brugge', 20],
    ]);
  });
});

describe('undo and redo', () => {
  const state = () =>
    session.db.exec(
      "SELECT (SELECT inhabitants_2020 FROM municipality WHERE nis_code = '11001'), (SELECT count(*) FROM person), (SELECT name FROM pilot WHERE id = 2)",
    )[0]?.values[0];

  it('walks back and forth across several steps, exactly', () => {
    const s0 = state();
    mutate(session, 'stap 1', (w) =>
      w.update('municipality', { nis_code: '11001' }, { inhabitants_2020: 1 }),
    );
    const s1 = state();
    mutate(session, 'stap 2', (w) => w.insert('person', { code: 'PER4', name: 'Lotte' }));
    const s2 = state();
    mutate(session, 'stap 3', (w) =>
      w.update('pilot', { id: 2 }, { name: 'Sterk Netwerk Kempen' }),
    );
    const s3 = state();
    expect(s3).toEqual([1, 4, 'Sterk Netwerk Kempen']);

    expect(undo(session)).toEqual({ ok: true, value: 'stap 3' });
    expect(state()).toEqual(s2);
    expect(undo(session)).toEqual({ ok: true, value: 'stap 2' });
    expect(state()).toEqual(s1);
    expect(undo(session)).toEqual({ ok: true, value: 'stap 1' });
    expect(state()).toEqual(s0);
    expect(undo(session)).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });

    expect(redo(session)).toEqual({ ok: true, value: 'stap 1' });
    expect(redo(session)).toEqual({ ok: true, value: 'stap 2' });
    expect(state()).toEqual(s2);
    expect(redo(session)).toEqual({ ok: true, value: 'stap 3' });
    expect(state()).toEqual(s3);
    expect(redo(session)).toMatchObject({ ok: false, error: { code: 'nothing-to-redo' } });
  });

  it('brings back rows a cascading delete took along', () => {
    mutate(session, 'Proeftuin weg', (w) => w.delete('pilot', { id: 1 }));
    expect(scalar(session.db, 'SELECT count(*) FROM pilot_municipality')).toBe(1);
    expect(scalar(session.db, 'SELECT count(*) FROM pilot_approach')).toBe(1);
    undo(session);
    expect(scalar(session.db, 'SELECT count(*) FROM pilot_municipality')).toBe(3);
    expect(scalar(session.db, 'SELECT count(*) FROM pilot_approach')).toBe(3);
    redo(session);
    expect(scalar(session.db, 'SELECT count(*) FROM pilot_municipality')).toBe(1);
  });

  it('undoes a change of a row key', () => {
    mutate(session, 'NIS-code', (w) =>
      w.update('municipality', { nis_code: '99999' }, { nis_code: '99998' }),
    );
    expect(scalar(session.db, "SELECT name FROM municipality WHERE nis_code = '99998'")).toBe(
      'Ère-sur-Mer',
    );
    undo(session);
    expect(scalar(session.db, "SELECT name FROM municipality WHERE nis_code = '99999'")).toBe(
      'Ère-sur-Mer',
    );
    redo(session);
    expect(scalar(session.db, "SELECT count(*) FROM municipality WHERE nis_code = '99999'")).toBe(
      0,
    );
  });

  it('still works after an export (sql.js reopens the connection)', () => {
    mutate(session, 'voor export', (w) => w.update('pilot', { id: 1 }, { budget_eur: 1000 }));
    exportWorkspaceDb(session.db);
    mutate(session, 'na export', (w) => w.update('pilot', { id: 1 }, { budget_eur: 2000 }));
    exportWorkspaceDb(session.db);
    undo(session);
    exportWorkspaceDb(session.db);
    undo(session);
    expect(scalar(session.db, 'SELECT budget_eur FROM pilot WHERE id = 1')).toBe(40000);
    redo(session);
    expect(scalar(session.db, 'SELECT budget_eur FROM pilot WHERE id = 1')).toBe(1000);
    // Foreign keys are on again after the reopen: the door still refuses a dangling reference.
    expect(
      mutate(session, 'x', (w) => w.update('pilot', { id: 1 }, { lead_nis_code: '00000' })).ok,
    ).toBe(false);
  });

  it('audits undo and redo and marks the workspace dirty', () => {
    mutate(session, 'stap', (w) => w.update('pilot', { id: 1 }, { budget_eur: 1 }));
    session.dirty = false;
    undo(session);
    expect(session.dirty).toBe(true);
    redo(session);
    expect(session.db.exec('SELECT action, summary FROM audit_log ORDER BY id')[0]?.values).toEqual(
      [
        ['edit', 'stap'],
        ['undo', 'Ongedaan gemaakt: stap'],
        ['redo', 'Opnieuw gedaan: stap'],
      ],
    );
  });

  it('clears redo on a new change and keeps at most the history limit', () => {
    mutate(session, 'a', (w) => w.update('pilot', { id: 1 }, { budget_eur: 1 }));
    undo(session);
    expect(session.history.redo).toHaveLength(1);
    mutate(session, 'b', (w) => w.update('pilot', { id: 1 }, { budget_eur: 2 }));
    expect(session.history.redo).toHaveLength(0);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      mutate(session, `stap ${i}`, (w) => w.update('pilot', { id: 1 }, { budget_eur: 100 + i }));
    }
    expect(session.history.undo).toHaveLength(HISTORY_LIMIT);
    expect(session.history.undo[0]?.label).toBe('stap 5');
  });

  it('takes entries pushed by big operations, and keeps the stacks when an undo fails', () => {
    session.db.exec('CREATE TABLE imported (x INTEGER)');
    pushHistory(session, {
      label: 'Import van imported',
      undo: (db) => db.run('DROP TABLE imported'),
      redo: (db) => db.run('CREATE TABLE imported (x INTEGER)'),
    });
    expect(undo(session)).toEqual({ ok: true, value: 'Import van imported' });
    expect(scalar(session.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'imported'")).toBe(
      0,
    );
    expect(redo(session).ok).toBe(true);
    expect(scalar(session.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'imported'")).toBe(
      1,
    );

    pushHistory(session, {
      label: 'Kapotte stap',
      undo: (db) => {
        db.run("UPDATE pilot SET name = 'half' WHERE id = 1");
        throw new Error('mislukt');
      },
      redo: () => undefined,
    });
    const failed = undo(session);
    expect(failed).toMatchObject({ ok: false, error: { code: 'undo-failed' } });
    expect(scalar(session.db, 'SELECT name FROM pilot WHERE id = 1')).toBe(
      'Thuiskomen in je buurt',
    );
    expect(session.history.undo.at(-1)?.label).toBe('Kapotte stap');
  });
});
