import { describe, expect, it } from 'vitest';
import { CappedIssueSink } from '../../../src/core/import/pipeline/raw-table';
import { csv, rows, scalar, snapshot, startCore, unwrap } from './helpers';

/**
 * Raw imports stream: the plan keeps counts, a capped issue list and the first diff rows; the
 * commit reads the stored file again and writes while reading, in one transaction; the CLI's
 * 'import.run' does both in one pass and rolls back on errors unless valid rows are accepted.
 */

/** A `;`-CSV with `n` rows; the rows in `bad` get a date that is not a date. */
function bigCsv(n: number, bad: ReadonlySet<number> = new Set()): Uint8Array {
  const lines = ['nr;gemeente;bedrag;datum'];
  for (let i = 1; i <= n; i++) {
    const datum = bad.has(i) ? 'geen datum' : `${String((i % 28) + 1).padStart(2, '0')}/03/2024`;
    lines.push(`${i};Gemeente ${i} é;${i},50;${datum}`);
  }
  return csv(`${lines.join('\r\n')}\r\n`);
}

async function inspect(call: Awaited<ReturnType<typeof startCore>>['call'], bytes: Uint8Array) {
  const file = unwrap(await call('import.inspect', { fileName: 'gegevens.csv', bytes }));
  return { file, sheet: file.sheets[0]!.name };
}

describe('raw imports without rows in memory between plan and commit', () => {
  it('a plan lists the first 2,000 added rows and counts all; the commit writes every row', async () => {
    const { call, session } = await startCore({ reference: false });
    const { file, sheet } = await inspect(call, bigCsv(5000));
    const plan = unwrap(
      await call('import.plan', {
        fileId: file.fileId,
        sheet,
        target: { kind: 'raw', table: 'gegevens' },
      }),
    );
    expect(plan).toMatchObject({ rowsRead: 5000, validRows: 5000, rejectedRows: 0 });
    expect(plan.diff).toMatchObject({ added: 5000, changed: 0, removed: 0, truncated: true });
    expect(plan.diff.rows).toHaveLength(2000);
    expect(plan.diff.rows[0]).toMatchObject({
      kind: 'added',
      row: 2,
      values: { nr: 1, bedrag: 1.5 },
    });
    // Nothing written by the plan.
    expect(scalar(session.db, "SELECT count(*) FROM sqlite_master WHERE name = 'gegevens'")).toBe(
      0,
    );

    const log = unwrap(
      await call('import.commit', { planId: plan.planId, acceptValidRows: false }),
    );
    expect(log).toMatchObject({ rowsRead: 5000, rowsInserted: 5000, rowsRejected: 0 });
    expect(scalar(session.db, 'SELECT count(*) FROM gegevens')).toBe(5000);
    expect(rows(session.db, 'SELECT * FROM gegevens WHERE nr IN (1, 5000) ORDER BY nr')).toEqual([
      { nr: 1, gemeente: 'Gemeente 1 é', bedrag: 1.5, datum: '2024-03-02' },
      { nr: 5000, gemeente: 'Gemeente 5000 é', bedrag: 5000.5, datum: '2024-03-17' },
    ]);
  });

  it('accepting valid rows writes exactly those; without accepting nothing is written', async () => {
    const { call, session } = await startCore({ reference: false });
    const { file, sheet } = await inspect(call, bigCsv(3000, new Set([7, 2500])));
    const plan = unwrap(
      await call('import.plan', {
        fileId: file.fileId,
        sheet,
        target: { kind: 'raw', table: 'gegevens' },
      }),
    );
    expect(plan).toMatchObject({ rowsRead: 3000, validRows: 2998, rejectedRows: 2, issueCount: 2 });
    expect(plan.issues.map((i) => i.row)).toEqual([8, 2501]);
    const before = snapshot(session.db);
    const refused = await call('import.commit', { planId: plan.planId, acceptValidRows: false });
    expect(refused.ok ? '' : refused.error.code).toBe('import.has_errors');
    expect(snapshot(session.db)).toBe(before);
    unwrap(await call('import.commit', { planId: plan.planId, acceptValidRows: true }));
    expect(scalar(session.db, 'SELECT count(*) FROM gegevens')).toBe(2998);
    expect(scalar(session.db, 'SELECT count(*) FROM gegevens WHERE nr IN (7, 2500)')).toBe(0);
  });

  it('commits from the file the plan holds, even after newer files pushed it out of the store', async () => {
    const { call, session } = await startCore({ reference: false });
    const { file, sheet } = await inspect(call, bigCsv(300));
    const plan = unwrap(
      await call('import.plan', {
        fileId: file.fileId,
        sheet,
        target: { kind: 'raw', table: 'gegevens' },
      }),
    );
    for (let i = 0; i < 5; i++) await inspect(call, bigCsv(2));
    expect((await call('import.preview', { fileId: file.fileId, sheet })).ok).toBe(false);
    unwrap(await call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    expect(scalar(session.db, 'SELECT count(*) FROM gegevens')).toBe(300);
  });

  it('refuses a plan whose table appeared since, writing nothing', async () => {
    const { call, session } = await startCore({ reference: false });
    const a = await inspect(call, bigCsv(20));
    const b = await inspect(call, bigCsv(30));
    const target = { kind: 'raw', table: 'gegevens' } as const;
    const planA = unwrap(
      await call('import.plan', { fileId: a.file.fileId, sheet: a.sheet, target }),
    );
    const planB = unwrap(
      await call('import.plan', { fileId: b.file.fileId, sheet: b.sheet, target }),
    );
    unwrap(await call('import.commit', { planId: planA.planId, acceptValidRows: false }));
    const before = snapshot(session.db);
    const stale = await call('import.commit', { planId: planB.planId, acceptValidRows: false });
    expect(stale.ok ? '' : stale.error.code).toBe('import.plan_expired');
    expect(snapshot(session.db)).toBe(before);
    expect(scalar(session.db, 'SELECT count(*) FROM gegevens')).toBe(20);
  });

  it('undo drops the table and redo brings every row back (kept only once undone)', async () => {
    const { call, session } = await startCore({ reference: false });
    const { file, sheet } = await inspect(call, bigCsv(1200));
    const plan = unwrap(
      await call('import.plan', {
        fileId: file.fileId,
        sheet,
        target: { kind: 'raw', table: 'gegevens' },
      }),
    );
    unwrap(await call('import.commit', { planId: plan.planId, acceptValidRows: false }));
    const entry = session.history.undo.at(-1)!;
    entry.undo(session.db);
    expect(scalar(session.db, "SELECT count(*) FROM sqlite_master WHERE name = 'gegevens'")).toBe(
      0,
    );
    entry.redo(session.db);
    expect(scalar(session.db, 'SELECT count(*), sum(nr) FROM gegevens')).toBe(1200);
    expect(scalar(session.db, 'SELECT sum(nr) FROM gegevens')).toBe((1200 * 1201) / 2);
  });

  it('a merge by key re-read at commit: added, changed and (when asked) removed rows', async () => {
    const { call, session } = await startCore({ reference: false });
    const first = await inspect(call, bigCsv(10));
    const plan1 = unwrap(
      await call('import.plan', {
        fileId: first.file.fileId,
        sheet: first.sheet,
        target: { kind: 'raw', table: 'gegevens' },
      }),
    );
    unwrap(await call('import.commit', { planId: plan1.planId, acceptValidRows: false }));
    const text = [
      'nr;gemeente;bedrag;datum',
      '1;Gemeente 1 é;99,00;02/03/2024',
      '11;Nieuw;1,00;01/01/2025',
    ].join('\r\n');
    const second = await inspect(call, csv(text));
    const plan2 = unwrap(
      await call('import.plan', {
        fileId: second.file.fileId,
        sheet: second.sheet,
        target: { kind: 'raw', table: 'gegevens' },
        raw: { keyColumn: 'nr' },
      }),
    );
    expect(plan2.diff).toMatchObject({ added: 1, changed: 1, removed: 9, unchanged: 0 });
    expect(plan2.diff.rows[0]).toMatchObject({
      kind: 'changed',
      key: '1',
      changes: [{ field: 'bedrag', before: 1.5, after: 99 }],
    });
    const log = unwrap(
      await call('import.commit', {
        planId: plan2.planId,
        acceptValidRows: false,
        applyRemovals: true,
      }),
    );
    expect(log).toMatchObject({ rowsInserted: 1, rowsUpdated: 1, rowsDeleted: 9 });
    expect(rows(session.db, 'SELECT nr, bedrag FROM gegevens ORDER BY nr')).toEqual([
      { nr: 1, bedrag: 99 },
      { nr: 11, bedrag: 1 },
    ]);
  });
});

describe("'import.run': the CLI's single pass", () => {
  it.each([
    { accept: false, written: 0, code: 'import.has_errors' },
    { accept: true, written: 1999, code: null },
  ])(
    'with errors and acceptValidRows $accept: $written rows written',
    async ({ accept, written, code }) => {
      const { call, session } = await startCore({ reference: false });
      const { file, sheet } = await inspect(call, bigCsv(2000, new Set([1500])));
      const before = snapshot(session.db);
      const ran = unwrap(
        await call('import.run', {
          fileId: file.fileId,
          sheet,
          target: { kind: 'raw', table: 'gegevens' },
          acceptValidRows: accept,
        }),
      );
      expect(ran.plan).toMatchObject({ rowsRead: 2000, validRows: 1999, rejectedRows: 1 });
      expect(ran.committed.ok ? null : ran.committed.error.code).toBe(code);
      if (written === 0) {
        expect(snapshot(session.db)).toBe(before);
        expect(scalar(session.db, 'SELECT count(*) FROM import_log')).toBe(0);
      } else {
        expect(scalar(session.db, 'SELECT count(*) FROM gegevens')).toBe(written);
        expect(scalar(session.db, 'SELECT rows_inserted FROM import_log')).toBe(written);
      }
    },
  );
});

describe('CappedIssueSink', () => {
  it('counts every issue and rejected row but keeps only the first ones', () => {
    const sink = new CappedIssueSink('Blad1', 3);
    for (let row = 2; row < 12; row++) {
      sink.add(row, 'A', 'x', 'fout');
      sink.add(row, 'B', 'y', 'fout');
    }
    sink.add(12, 'C', 'z', 'let op', 'warning');
    expect(sink).toMatchObject({ count: 21, errorCount: 20, rejectedRowCount: 10 });
    expect(sink.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'A'],
      [2, 'B'],
      [3, 'A'],
    ]);
  });
});
