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
  tables: { name: string; rows: number }[];
  pageCount: number;
  pageSize: number;
};

function pragmaNumber(db: Database, pragma: string): number {
  return Number(db.exec(`PRAGMA ${pragma}`)[0]?.values[0]?.[0] ?? 0);
}

/** Runs every check on an open database; reads only. */
export function checkWorkspace(db: Database): WorkspaceCheck {
  const integrity = (db.exec('PRAGMA integrity_check')[0]?.values ?? []).map((row) =>
    String(row[0]),
  );
  const fkRows = db.exec('PRAGMA foreign_key_check')[0]?.values ?? [];
  const foreignKeyProblems = fkRows.slice(0, 100).map((row) => ({
    table: String(row[0]),
    rowid: row[1] === null || row[1] === undefined ? null : Number(row[1]),
    parent: String(row[2]),
  }));
  const names = (
    db.exec(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )[0]?.values ?? []
  ).map((row) => String(row[0]));
  const tables = names.map((name) => ({
    name,
    rows: Number(db.exec(`SELECT count(*) FROM ${quoteIdent(name)}`)[0]?.values[0]?.[0] ?? 0),
  }));
  const schemaVersion = pragmaNumber(db, 'user_version');
  const applicationId = pragmaNumber(db, 'application_id');
  const isPijlerplan = applicationId === APPLICATION_ID;
  return {
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      fkRows.length === 0 &&
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
    pageCount: pragmaNumber(db, 'page_count'),
    pageSize: pragmaNumber(db, 'page_size'),
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
