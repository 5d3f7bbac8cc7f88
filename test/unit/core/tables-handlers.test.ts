import { beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/core/db/schema';
import type { Session } from '../../../src/core/session';
import { scalar, seedWorkspace, startCore } from './workspace-fixture';

let core: Awaited<ReturnType<typeof startCore>>['core'];
let session: Session;

beforeEach(async () => {
  ({ core, session } = await startCore());
  seedWorkspace(session.db);
});

async function query(args: Parameters<typeof core.call<'tables.query'>>[1]) {
  const result = await core.call('tables.query', args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('tables.list', () => {
  it('lists domain tables, views and imported datasets with counts, columns and kind', async () => {
    session.db.exec(`
      INSERT INTO import_log (id, started_at, file_name, file_sha256, file_size, target_kind, target)
        VALUES (1, '2025-01-01', 'budget.xlsx', 'abc', 10, 'raw', 'budget_2024');
      CREATE TABLE budget_2024 (gemeente TEXT, bedrag REAL);
      INSERT INTO budget_2024 VALUES ('Gent', 10);
      INSERT INTO dataset (table_name, label, import_id, created_at) VALUES ('budget_2024', 'Budget 2024', 1, '2025-01-01');
    `);
    const tables = await core.call('tables.list', undefined);
    const byName = new Map(tables.map((table) => [table.name, table]));
    expect(byName.get('municipality')).toMatchObject({
      kind: 'domain',
      rowCount: 5,
      keyColumns: ['nis_code'],
      editable: true,
    });
    expect(byName.get('audit_log')).toMatchObject({ kind: 'domain', editable: false });
    expect(byName.get('municipality_overview')).toMatchObject({
      kind: 'view',
      rowCount: 5,
      keyColumns: ['nis_code'],
      editable: true,
    });
    expect(byName.get('budget_2024')).toMatchObject({
      kind: 'dataset',
      label: 'Budget 2024',
      rowCount: 1,
      keyColumns: ['rowid'],
    });
    expect(byName.get('pilot')?.columns.find((column) => column.name === 'id')).toEqual({
      name: 'id',
      type: 'INTEGER',
      notNull: false,
      primaryKey: true,
      editable: true,
    });
    expect(tables.map((table) => table.kind)).toEqual(
      [...tables.map((table) => table.kind)].sort(
        (a, b) =>
          ['domain', 'view', 'dataset'].indexOf(a) - ['domain', 'view', 'dataset'].indexOf(b),
      ),
    );
  });
});

describe('tables.query', () => {
  it('pages with a stable order and a total', async () => {
    const first = await query({
      table: 'municipality',
      sort: [{ column: 'province', direction: 'asc' }],
      offset: 0,
      limit: 2,
    });
    const second = await query({
      table: 'municipality',
      sort: [{ column: 'province', direction: 'asc' }],
      offset: 2,
      limit: 10,
    });
    expect(first.total).toBe(5);
    expect(first.keys).toEqual([{ nis_code: '99999' }, { nis_code: '11001' }]);
    expect(second.keys).toEqual([
      { nis_code: '11002' },
      { nis_code: '13040' },
      { nis_code: '38025' },
    ]);
    expect(first.columns.map((column) => column.name)).toContain('inhabitants_2020');
  });

  it.each([
    {
      sort: { column: 'inhabitants_2020', direction: 'desc' as const },
      names: ['Antwerpen', 'Turnhout', 'Aartselaar', 'Veurne', 'Ère-sur-Mer'],
    },
    // Accents sort with their letter: Ère-sur-Mer between Antwerpen and Turnhout, not after Veurne.
    {
      sort: { column: 'name', direction: 'asc' as const },
      names: ['Aartselaar', 'Antwerpen', 'Ère-sur-Mer', 'Turnhout', 'Veurne'],
    },
  ])('sorts by $sort.column $sort.direction', async ({ sort, names }) => {
    const page = await query({ table: 'municipality', sort: [sort], offset: 0, limit: 10 });
    const nameIndex = page.columns.findIndex((column) => column.name === 'name');
    expect(page.rows.map((row) => row[nameIndex])).toEqual(names);
  });

  it.each([
    { search: 'eleonore', table: 'person', expected: ['Éléonore Dubois'] },
    { search: 'ÉLÉONORE', table: 'person', expected: ['Éléonore Dubois'] },
    { search: 'ele', table: 'person', expected: ['Eleni Papadopoulos', 'Éléonore Dubois'] },
    { search: 'dubois eleo', table: 'person', expected: ['Éléonore Dubois'] },
    { search: 'ere-sur', table: 'municipality', expected: ['Ère-sur-Mer'] },
    { search: '13040', table: 'municipality', expected: ['Turnhout'] },
    { search: '100%', table: 'person', expected: [] },
  ])(
    'finds "$search" in $table, ignoring accents and case',
    async ({ search, table, expected }) => {
      const page = await query({
        table,
        search,
        sort: [{ column: 'name', direction: 'asc' }],
        offset: 0,
        limit: 10,
      });
      const nameIndex = page.columns.findIndex((column) => column.name === 'name');
      expect(page.rows.map((row) => row[nameIndex])).toEqual(expected);
      expect(page.total).toBe(expected.length);
    },
  );

  it.each([
    { filter: { column: 'province', op: 'eq' as const, value: 'Antwerpen' }, count: 3 },
    { filter: { column: 'province', op: 'isNull' as const }, count: 1 },
    { filter: { column: 'inhabitants_2020', op: 'gte' as const, value: 45000 }, count: 2 },
    { filter: { column: 'name', op: 'contains' as const, value: 'ERE' }, count: 1 },
    { filter: { column: 'name', op: 'startsWith' as const, value: 'a' }, count: 2 },
    {
      filter: { column: 'nis_code', op: 'in' as const, value: ['11001', '38025', '00000'] },
      count: 2,
    },
    { filter: { column: 'network_code', op: 'neq' as const, value: 'RR01' }, count: 2 },
  ])('filters $filter.column $filter.op', async ({ filter, count }) => {
    const page = await query({ table: 'municipality', filters: [filter], offset: 0, limit: 10 });
    expect(page.total).toBe(count);
    expect(page.rows).toHaveLength(count);
  });

  it('queries the overview views with names joined in', async () => {
    const municipalities = await query({
      table: 'municipality_overview',
      filters: [{ column: 'nis_code', op: 'eq', value: '11001' }],
      offset: 0,
      limit: 10,
    });
    const row = Object.fromEntries(
      municipalities.columns.map((column, index) => [column.name, municipalities.rows[0]?.[index]]),
    );
    expect(row).toMatchObject({
      name: 'Aartselaar',
      network: 'Kempen',
      agii_region: 'Antwerpen',
      pilot_count: 1,
    });
    expect(municipalities.keys).toEqual([{ nis_code: '11001' }]);

    const pilots = await query({
      table: 'pilot_overview',
      sort: [{ column: 'id', direction: 'asc' }],
      offset: 0,
      limit: 10,
    });
    const pilot = Object.fromEntries(
      pilots.columns.map((column, index) => [column.name, pilots.rows[0]?.[index]]),
    );
    expect(pilot).toMatchObject({
      name: 'Thuiskomen in je buurt',
      lead_municipality: 'Aartselaar',
      province: 'Antwerpen',
      municipality_count: 2,
      partner_count: 1,
      approaches: 'buddy, vrijwilligerswerk',
    });
  });

  it.each([
    {
      args: { table: 'municipality; DROP TABLE pilot', offset: 0, limit: 5 },
      code: 'unknown-table',
    },
    {
      args: {
        table: 'municipality',
        sort: [{ column: 'name" DESC; --', direction: 'asc' as const }],
        offset: 0,
        limit: 5,
      },
      code: 'unknown-column',
    },
    {
      args: {
        table: 'municipality',
        filters: [{ column: '1=1 OR name', op: 'eq' as const, value: 'x' }],
        offset: 0,
        limit: 5,
      },
      code: 'unknown-column',
    },
  ])('refuses names that are not in the schema ($code)', async ({ args, code }) => {
    expect(await core.call('tables.query', args)).toMatchObject({ ok: false, error: { code } });
    expect(scalar(session.db, 'SELECT count(*) FROM pilot')).toBe(2);
  });
});

describe('tables.updateCell', () => {
  it('edits through the door and undoes', async () => {
    const result = await core.call('tables.updateCell', {
      table: 'municipality',
      key: { nis_code: '38025' },
      column: 'inhabitants_2020',
      value: '12.005',
    });
    expect(result).toEqual({ ok: true, value: { key: { nis_code: '38025' }, value: 12005 } });
    expect(
      scalar(session.db, "SELECT inhabitants_2020 FROM municipality WHERE nis_code = '38025'"),
    ).toBe(12005);
    await core.call('workspace.undo', undefined);
    expect(
      scalar(session.db, "SELECT inhabitants_2020 FROM municipality WHERE nis_code = '38025'"),
    ).toBe(11800);
  });

  it('edits a base row through an overview view', async () => {
    const result = await core.call('tables.updateCell', {
      table: 'municipality_overview',
      key: { nis_code: '13040', network: 'ignored' },
      column: 'inhabitants_2020',
      value: 46000,
    });
    expect(result).toMatchObject({ ok: true });
    expect(
      scalar(session.db, "SELECT inhabitants_2020 FROM municipality WHERE nis_code = '13040'"),
    ).toBe(46000);
    expect(
      await core.call('tables.updateCell', {
        table: 'municipality_overview',
        key: { nis_code: '13040' },
        column: 'network',
        value: 'X',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'read-only-column' },
    });
  });

  it.each([
    {
      value: 'veel',
      code: 'not-a-number',
      message: 'De waarde "veel" is geen getal (kolom inhabitants_2020).',
    },
    {
      value: 12.5,
      code: 'not-an-integer',
      message: 'De waarde 12.5 moet een geheel getal zijn (kolom inhabitants_2020).',
    },
    {
      value: -3,
      code: 'constraint-check',
      message: 'De waarde -3 is niet toegestaan in kolom inhabitants_2020 (gemeente 11001).',
    },
  ])('refuses $value with a clear message', async ({ value, code, message }) => {
    const result = await core.call('tables.updateCell', {
      table: 'municipality',
      key: { nis_code: '11001' },
      column: 'inhabitants_2020',
      value,
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, message }) });
    expect(
      scalar(session.db, "SELECT inhabitants_2020 FROM municipality WHERE nis_code = '11001'"),
    ).toBe(14000);
  });

  it('refuses edits to the logs', async () => {
    expect(
      await core.call('tables.updateCell', {
        table: 'audit_log',
        key: { id: 1 },
        column: 'summary',
        value: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'read-only-table' },
    });
  });

  it('inserts and deletes rows as undoable steps', async () => {
    const inserted = await core.call('tables.insertRow', {
      table: 'person',
      values: { code: 'PER7', name: 'Sien', contract_fte: '0,8' },
    });
    expect(inserted).toEqual({ ok: true, value: { key: { id: 4 } } });
    expect(scalar(session.db, 'SELECT contract_fte FROM person WHERE id = 4')).toBe(0.8);
    const deleted = await core.call('tables.deleteRows', {
      table: 'person',
      keys: [{ id: 1 }, { id: 4 }],
    });
    expect(deleted).toEqual({ ok: true, value: { deleted: 2 } });
    expect(scalar(session.db, 'SELECT count(*) FROM person')).toBe(2);
    await core.call('workspace.undo', undefined);
    expect(scalar(session.db, 'SELECT count(*) FROM person')).toBe(4);
  });
});

describe('tables.sql', () => {
  it('runs a read-only query and caps the rows', async () => {
    const result = await core.call('tables.sql', {
      sql: 'SELECT name, fold(name) AS folded FROM person ORDER BY id',
      limit: 2,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        columns: ['name', 'folded'],
        rows: [
          ['Éléonore Dubois', 'eleonore dubois'],
          ['Jan Peeters', 'jan peeters'],
        ],
        truncated: true,
      },
    });
  });

  it.each([
    'SELECT count(*) FROM municipality',
    '-- hoeveel?\nSELECT count(*) FROM municipality;',
    'WITH t AS (SELECT 1 AS x) SELECT x FROM t',
    // DISTINCT, GROUP BY and IN lists write to ephemeral tables: still reading queries.
    'SELECT count(DISTINCT province) FROM municipality',
    'SELECT province, count(*) FROM municipality GROUP BY province ORDER BY 2 DESC',
    "SELECT name FROM municipality WHERE province IN ('Limburg', 'Antwerpen') UNION SELECT 'x'",
    'SELECT m.name FROM municipality m JOIN region r ON r.code = m.network_code',
  ])('allows %s', async (sql) => {
    expect(await core.call('tables.sql', { sql })).toMatchObject({ ok: true });
  });

  it.each([
    { sql: "UPDATE municipality SET name = 'x'", code: 'sql-read-only' },
    { sql: 'DELETE FROM pilot', code: 'sql-read-only' },
    {
      sql: "WITH t AS (SELECT 9 AS id) INSERT INTO pilot (id, code, name) SELECT id, 'X', 'X' FROM t",
      code: 'sql-read-only',
    },
    { sql: 'DROP TABLE pilot', code: 'sql-read-only' },
    { sql: 'PRAGMA user_version = 99', code: 'sql-read-only' },
    // Only SELECT / WITH … SELECT: EXPLAIN runs the pragma it explains, and reading pragmas
    // and VALUES are not what an analyst's query needs.
    { sql: 'EXPLAIN PRAGMA foreign_keys = OFF', code: 'sql-read-only' },
    { sql: 'EXPLAIN PRAGMA hard_heap_limit = 1000', code: 'sql-read-only' },
    { sql: 'EXPLAIN QUERY PLAN SELECT * FROM municipality', code: 'sql-read-only' },
    { sql: 'PRAGMA table_info(municipality)', code: 'sql-read-only' },
    { sql: 'VALUES (1), (2)', code: 'sql-read-only' },
    { sql: '/* x */ PRAGMA user_version', code: 'sql-read-only' },
    { sql: 'PRAGMA foreign_keys = OFF', code: 'sql-read-only' },
    { sql: "ATTACH DATABASE ':memory:' AS andere", code: 'sql-read-only' },
    { sql: 'BEGIN', code: 'sql-read-only' },
    { sql: 'CREATE TEMP TABLE t AS SELECT 1', code: 'sql-read-only' },
    {
      sql: 'WITH d AS (SELECT DISTINCT province FROM municipality) DELETE FROM pilot WHERE name IN (SELECT province FROM d)',
      code: 'sql-read-only',
    },
    { sql: 'SELECT 1; DELETE FROM pilot', code: 'sql-multiple' },
    { sql: 'SELECT 1; PRAGMA foreign_keys = OFF', code: 'sql-multiple' },
    { sql: 'PRAGMA user_version; PRAGMA foreign_keys = OFF', code: 'sql-read-only' },
    { sql: 'SELEC * FROM pilot', code: 'sql-invalid' },
    { sql: 'SELECT * FROM bestaat_niet', code: 'sql-invalid' },
    { sql: '   ', code: 'sql-empty' },
  ])('refuses $sql ($code) and changes nothing', async ({ sql, code }) => {
    const result = await core.call('tables.sql', { sql });
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
    expect(scalar(session.db, 'SELECT count(*) FROM pilot')).toBe(2);
    expect(scalar(session.db, 'PRAGMA user_version')).toBe(SCHEMA_VERSION);
    expect(scalar(session.db, 'PRAGMA foreign_keys')).toBe(1);
    expect(session.dirty).toBe(false);
  });

  it('gives the SQLite reason for bad SQL in Dutch words', async () => {
    expect(await core.call('tables.sql', { sql: 'SELECT * FROM bestaat_niet' })).toMatchObject({
      ok: false,
      error: { message: 'De SQL-instructie klopt niet: no such table: bestaat_niet' },
    });
  });
});
