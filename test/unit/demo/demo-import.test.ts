import { createHash } from 'node:crypto';
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../../src/core/db/engine';
import { DERIVED_TABLES, DOMAIN_TABLES } from '../../../src/core/db/schema';
import { createWorkspaceDb } from '../../../src/core/db/workspace-file';
import { buildDemoWorkspace, DEMO_SOURCES } from '../../../src/core/demo/build-demo';
import { demoMapping, type DemoImportSource } from '../../../src/core/demo/demo-import';
import { callHandler } from '../../../src/core/handlers';
import type { HandlerContext } from '../../../src/core/handlers/context';
import { parseCsvText } from '../../../src/core/import/readers/csv';
import { listImports } from '../../../src/core/import/pipeline/import-log';
import { createSession } from '../../../src/core/session';
import { diskResources } from '../../../src/node/disk-resources';
import { rows, value } from './helpers';

/** A handler context on a new, empty workspace, as the worker has at start. */
async function freshContext(): Promise<HandlerContext> {
  const SQL = await loadEngine();
  return {
    session: createSession(SQL, createWorkspaceDb(SQL), diskResources),
    progress: () => undefined,
    signal: new AbortController().signal,
  };
}

const IMPORTS = DEMO_SOURCES.filter((s): s is DemoImportSource => s.kind === 'import');

/**
 * Every domain table of the demo as the loaders built it before the demo went through the
 * import path (commit 41c67ba): SHA-256 over the rows ordered by all columns, ids included.
 * The import path must give the same workspace; import_log and audit_log are new (and checked
 * below). When the demo's content changes on purpose, print the new hashes and update these.
 */
const BEFORE_IMPORT_PATH: Record<string, string> = {
  meta: '60fdb5913cef3f585d100f7e17ef8dd5ba103f70fc26b822db9932bdd94cdca1',
  region: '17c7dc7c3433601a74eea3ae284d9983f69a27b439e57acff0e4fcebde3a3545',
  municipality: '69e64c1a7ac716006297af41c9669e59a4f2a64873307d0ee5e2895c44b48ecc',
  municipality_crosswalk: '89d8bc3d544946bdd74295fc5dfc983cc622a1635e8e4ccf05fe32cc70d703dc',
  newcomer_forecast: 'f457ed42d998986e3b5338d1cc4197cd60133e9437537867f13092c7b007d418',
  org_unit: '27871e807ce7b6dbf2636c5066b204a9590df52bd7e38e4be5757c5bee950b0c',
  role: 'e1aeacbeb40dbeff4199e9f07ec40adf617805e48ec839a12b767c17e6e5ea2b',
  person: '12e2e422a7b3b0aaaca810b7119d3aa8cdbf303bf055695a0355fe7ef7c73d6c',
  // Schema version 2 added position.scenario_id (NULL for every baseline position in the demo).
  position: '5884a55e45e51b807752a8f14ae737b2faa4bd5ae3a96170326314fdd4e9f0fd',
  assignment: '45bdaff83179a563a93f698720bd6bdaa47483a963ad9d2881e0bf2d45b986a1',
  cross_unit_link: '6cebe33868aa93f46d6b37dd735764d6eade2ddd038bc4f553d5ab53cece7def',
  scenario: '18daea987c906ae404d097061ce3c2385b7246a2e1bdfb76601d718df5864b93',
  // Schema version 3 added scenario_assumption.source (NULL in the demo): same rows, one column more.
  // Schema version 2's scenario changes to positions: none in the demo (the hash of no rows).
  scenario_position: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  // Schema version 6's leave and grade costs: none in the demo (the hash of no rows).
  scenario_leave: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  scenario_grade_cost: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  scenario_assumption: 'ccd15adb11579930818b2fcc5518a8b64f586412d704d520a2faba525451882c',
  activity: 'cd0e5bebffcfc6057be9e845f9dd7c381eeab6ea149a0544b6204810a42795ba',
  allocation: '0e9a47ac2e77c4010e044f0578d2748295afe331e4a21970d7d0743d4d5eb9ce',
  pilot: '8718b7e45ad3ac083e2662e837158e0f08e0073a8d5be62e3451f821cdffa23b',
  pilot_municipality: '82955bb754a7c2fea1ec9837668440aee88ca8c5a8756e0d0e3ef6d393b2bb30',
  pilot_approach: 'b6077fdbd2364453d3a5e72ffaad57be406ebe1b30896e92981d19296eb0bd47',
  import_template: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  dataset: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
};

function tableHash(db: Database, table: string): string {
  const hash = createHash('sha256');
  const columns = rows(db, `SELECT name FROM pragma_table_info('${table}')`).map(
    (r) => `"${String(r[0])}"`,
  );
  for (const row of rows(db, `SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`))
    hash.update(`${JSON.stringify(row)}\n`);
  return hash.digest('hex');
}

const CREATED_AT = '2022-11-30T09:00:00Z';

describe('the demo through the import path', () => {
  let db: Database;
  beforeAll(async () => {
    db = createWorkspaceDb(await loadEngine());
    await buildDemoWorkspace(db, diskResources);
  });

  const DERIVED = new Set<string>(DERIVED_TABLES);
  it.each(DOMAIN_TABLES.filter((t) => t !== 'import_log' && t !== 'audit_log' && !DERIVED.has(t)))(
    'holds in %s exactly what the old loaders wrote',
    (table) => {
      expect(tableHash(db, table)).toBe(BEFORE_IMPORT_PATH[table]);
    },
  );

  it('logs each imported source with its name, SHA-256, sheet, target and counts', async () => {
    const expected = await Promise.all(
      IMPORTS.map(async (source) => {
        const bytes = await diskResources.bytes(source.file);
        return {
          fileName: source.file.replace('demo/', ''),
          fileSha256: createHash('sha256').update(bytes).digest('hex'),
          fileSize: bytes.length,
          target: source.entity,
          targetKind: 'entity',
        };
      }),
    );
    const log = listImports(db).reverse();
    expect(
      log.map(({ fileName, fileSha256, fileSize, target, targetKind }) => ({
        fileName,
        fileSha256,
        fileSize,
        target,
        targetKind,
      })),
    ).toEqual(expected);
    expect(
      log.map((e) => [
        e.fileName,
        e.rowsRead,
        e.rowsInserted,
        e.rowsUpdated,
        e.rowsDeleted,
        e.rowsRejected,
        e.issueCount,
      ]),
    ).toEqual([
      ['org_units.csv', 32, 32, 0, 0, 0, 0],
      ['positions.csv', 129, 129, 0, 0, 0, 0],
      ['pilots.csv', 26, 26, 0, 0, 0, 0],
      ['newcomer_forecast.csv', 1425, 1425, 0, 0, 0, 0],
    ]);
    expect(log.every((e) => e.sheet !== null && e.undoneAt === null && e.mapping !== null)).toBe(
      true,
    );
  });

  it('dates the imports and their audit lines at the workspace’s creation, not the clock', () => {
    expect(rows(db, 'SELECT DISTINCT started_at, finished_at FROM import_log')).toEqual([
      [CREATED_AT, CREATED_AT],
    ]);
    expect(rows(db, 'SELECT DISTINCT at, action FROM audit_log')).toEqual([[CREATED_AT, 'import']]);
  });

  it('keeps the pilots’ 2019–2024 codes in the import report, mapped onto the 2025 map', () => {
    const report = JSON.parse(
      String(value(db, "SELECT report_json FROM import_log WHERE file_name = 'pilots.csv'")),
    ) as { nisMappings: { from: string; to: string }[] };
    expect(report.nisMappings).toContainEqual(
      expect.objectContaining({ from: '71022', to: '71072' }),
    );
    expect(report.nisMappings).toContainEqual(
      expect.objectContaining({ from: '44040', to: '44088' }),
    );
  });

  it('names in pilots.csv the municipalities its NIS codes stand for (2019–2024 map)', async () => {
    const [header = [], ...records] = parseCsvText(await diskResources.text('demo/pilots.csv'));
    const codes = header.indexOf('Gemeenten');
    const names = header.indexOf('Namen gemeenten');
    const name2024 = new Map(
      rows(db, 'SELECT nis_code_2024, name_2024 FROM municipality_crosswalk').map((r) => [
        String(r[0]),
        String(r[1]),
      ]),
    );
    for (const record of records) {
      const fromCodes = (record[codes] ?? '').split(';').map((c) => name2024.get(c.trim()));
      expect(fromCodes).toEqual((record[names] ?? '').split(';').map((n) => n.trim()));
    }
    expect(records.flatMap((r) => (r[codes] ?? '').split(';'))).toHaveLength(55);
  });

  it('opens through workspace.openDemo with nothing to undo and nothing unsaved', async () => {
    const context = await freshContext();
    const opened = await callHandler('workspace.openDemo', undefined, context);
    expect(opened.ok && opened.value).toMatchObject({ isDemo: true, dirty: false, canUndo: false });
    const history = await callHandler('import.history', undefined, context);
    expect(history.map((e) => e.fileName).sort()).toEqual([
      'newcomer_forecast.csv',
      'org_units.csv',
      'pilots.csv',
      'positions.csv',
    ]);
  });

  it('leaves a file the user is importing in the store while the demo builds', async () => {
    const context = await freshContext();
    const bytes = new TextEncoder().encode('NIS-code;Gemeente\n11001;Aartselaar\n');
    const inspected = await callHandler(
      'import.inspect',
      { fileName: 'mijn-gemeenten.csv', bytes },
      context,
    );
    if (!inspected.ok) throw new Error(inspected.error.message);
    const opened = await callHandler('workspace.openDemo', undefined, context);
    expect(opened.ok).toBe(true);
    const preview = await callHandler(
      'import.preview',
      { fileId: inspected.value.fileId, sheet: 'mijn-gemeenten' },
      context,
    );
    expect(preview.ok).toBe(true);
  });

  it.each(IMPORTS.map((s) => [s.file, s] as const))(
    '%s: the mapping a user gets suggested is the one the demo states',
    async (_, source) => {
      const context = await freshContext();
      const inspected = await callHandler(
        'import.inspect',
        { fileName: source.file, bytes: await diskResources.bytes(source.file) },
        context,
      );
      if (!inspected.ok) throw new Error(inspected.error.message);
      const sheet = inspected.value.sheets[0]?.name ?? '';
      const preview = await callHandler(
        'import.preview',
        { fileId: inspected.value.fileId, sheet },
        context,
      );
      if (!preview.ok) throw new Error(preview.error.message);
      expect(preview.value.suggestedTarget).toEqual({ kind: 'entity', entity: source.entity });
      const suggested = await callHandler(
        'import.suggestMapping',
        {
          fileId: inspected.value.fileId,
          sheet,
          target: { kind: 'entity', entity: source.entity },
        },
        context,
      );
      const mappedOnly = Object.fromEntries(
        Object.entries(suggested).filter(([, index]) => index !== null),
      );
      expect(mappedOnly).toEqual(demoMapping(source, preview.value.layout.columns));
    },
  );
});
