import type { Database, SqlJsStatic } from 'sql.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../db/schema';
import { errorText } from '../db/workspace-file';
import { err, ok, type Result } from '../result';
import { quoteIdent } from '../mutations/table-info';

/** A full health report of a workspace, for the CLI's `check` and the Help > Check screen. */
export type WorkspaceCheck = {
  /** True when everything below is as it should be. */
  ok: boolean;
  /** PRAGMA integrity_check lines: ['ok'] when sound. */
  integrity: string[];
  /** Rows pointing at a missing parent (PRAGMA foreign_key_check), the first 100. */
  foreignKeyProblems: { table: string; rowid: number | null; parent: string }[];
  foreignKeyProblemCount: number;
  schemaVersion: number;
  supportedSchemaVersion: number;
  applicationId: number;
  /** application_id says this file is a Pijlerplan workspace. */
  isPijlerplan: boolean;
  /** Row counts; null (with the reason) for a table whose tree is too damaged to count. */
  tables: { name: string; rows: number | null; error?: string }[];
  /** Tables (and the tables of indexes) named by the integrity check or that failed to count. */
  damagedTables: string[];
  pageCount: number;
  pageSize: number;
};

function pragmaNumber(db: Database, pragma: string): number {
  return Number(db.exec(`PRAGMA ${pragma}`)[0]?.values[0]?.[0] ?? 0);
}

function safely<T>(run: () => T, fallback: (error: unknown) => T): T {
  try {
    return run();
  } catch (error) {
    return fallback(error);
  }
}

/**
 * Which tables the integrity check's lines are about: "Tree 4 page 44 …" names a b-tree by
 * its root page, "… missing from index x" an index; both map to a table via sqlite_schema.
 */
function tablesNamedBy(db: Database, lines: readonly string[]): string[] {
  const schema = safely(
    () => db.exec('SELECT type, name, tbl_name, rootpage FROM sqlite_schema')[0]?.values ?? [],
    () => [],
  );
  const byRoot = new Map(schema.map(([, , table, root]) => [Number(root), String(table)]));
  const byIndex = new Map(
    schema
      .filter(([type]) => type === 'index')
      .map(([, name, table]) => [String(name), String(table)]),
  );
  const named = new Set<string>();
  for (const line of lines) {
    for (const match of line.matchAll(/Tree (\d+) page/g)) {
      const table = byRoot.get(Number(match[1]));
      if (table) named.add(table);
    }
    for (const match of line.matchAll(/index (\S+)/g)) {
      const table = byIndex.get(match[1] ?? '');
      if (table) named.add(table);
    }
  }
  return [...named];
}

/**
 * PRAGMA integrity_check, line by line: on a badly damaged tree SQLite reports some problems
 * and then fails with "malformed"; stepping keeps the lines it gave before failing.
 */
function integrityLines(db: Database, table?: string): string[] {
  const lines: string[] = [];
  try {
    const statement = db.prepare(
      table === undefined
        ? 'PRAGMA integrity_check'
        : `PRAGMA integrity_check(${quoteIdent(table)})`,
    );
    try {
      while (statement.step()) lines.push(String(statement.get()[0]));
    } finally {
      statement.free();
    }
  } catch (error) {
    lines.push(errorText(error));
  }
  return lines;
}

/** Runs every check on an open database; reads only, and reports on a damaged file instead of throwing. */
export function checkWorkspace(db: Database): WorkspaceCheck {
  const integrity = safely(
    () => (db.exec('PRAGMA integrity_check')[0]?.values ?? []).map((row) => String(row[0])),
    (error) => [errorText(error)],
  );
  const fkRows = safely(
    () => db.exec('PRAGMA foreign_key_check')[0]?.values ?? [],
    () => [],
  );
  const foreignKeyProblems = fkRows.slice(0, 100).map((row) => ({
    table: String(row[0]),
    rowid: row[1] === null || row[1] === undefined ? null : Number(row[1]),
    parent: String(row[2]),
  }));
  const names = safely(
    () =>
      (
        db.exec(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )[0]?.values ?? []
      ).map((row) => String(row[0])),
    () => [] as string[],
  );
  const tables = names.map((name) =>
    safely<WorkspaceCheck['tables'][number]>(
      () => ({
        name,
        rows: Number(db.exec(`SELECT count(*) FROM ${quoteIdent(name)}`)[0]?.values[0]?.[0] ?? 0),
      }),
      (error) => ({ name, rows: null, error: errorText(error) }),
    ),
  );
  const sound = integrity.length === 1 && integrity[0] === 'ok';
  // When the whole-file check stops at "malformed" without saying where, each table is
  // checked on its own (PRAGMA integrity_check(table), SQLite ≥ 3.33).
  const perTable = sound
    ? []
    : names.filter((name) => {
        const lines = integrityLines(db, name);
        return !(lines.length === 1 && lines[0] === 'ok');
      });
  const damagedTables = [
    ...new Set([
      ...(sound ? [] : tablesNamedBy(db, integrity)),
      ...perTable,
      ...tables.filter((table) => table.rows === null).map((table) => table.name),
    ]),
  ].sort();
  const schemaVersion = safely(
    () => pragmaNumber(db, 'user_version'),
    () => 0,
  );
  const applicationId = safely(
    () => pragmaNumber(db, 'application_id'),
    () => 0,
  );
  const isPijlerplan = applicationId === APPLICATION_ID;
  return {
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      fkRows.length === 0 &&
      damagedTables.length === 0 &&
      isPijlerplan &&
      schemaVersion >= 1 &&
      schemaVersion <= SCHEMA_VERSION,
    integrity,
    foreignKeyProblems,
    foreignKeyProblemCount: fkRows.length,
    schemaVersion,
    supportedSchemaVersion: SCHEMA_VERSION,
    applicationId,
    isPijlerplan,
    tables,
    damagedTables,
    pageCount: safely(
      () => pragmaNumber(db, 'page_count'),
      () => 0,
    ),
    pageSize: safely(
      () => pragmaNumber(db, 'page_size'),
      () => 0,
    ),
  };
}

/**
 * Checks workspace bytes without opening them as the current workspace and without
 * migrating them, so a damaged or foreign file can still be diagnosed.
 */
export function checkWorkspaceBytes(SQL: SqlJsStatic, bytes: Uint8Array): Result<WorkspaceCheck> {
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (bytes.length < 100 || magic !== 'SQLite format 3\u0000') {
    return err('not-sqlite', 'Dit bestand is geen Pijlerplan-werkruimte (geen SQLite-databank).');
  }
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    return ok(checkWorkspace(db));
  } catch (error) {
    return err('corrupt', `De werkruimte is beschadigd of onvolledig: ${errorText(error)}`, {
      detail: errorText(error),
    });
  } finally {
    db?.close();
  }
}
