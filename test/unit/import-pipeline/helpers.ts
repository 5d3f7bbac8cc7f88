import ExcelJS from 'exceljs';
import type { Database, SqlValue } from 'sql.js';
import { loadReferenceData } from '../../../src/core/demo/reference-data';
import type { HandlerArgs, HandlerName, HandlerValue } from '../../../src/core/handlers';
import type { ImportFile, ImportPlan } from '../../../src/core/import/api-types';
import type { Result } from '../../../src/core/result';
import { createCoreRuntime } from '../../../src/core/runtime';
import type { Session } from '../../../src/core/session';
import { diskResources } from '../../../src/node/disk-resources';

export type Cell = string | number | boolean | Date | null;

/** A runtime as the worker has it, on a workspace with the reference data loaded. */
export async function startCore(options: { reference?: boolean } = {}): Promise<{
  core: ReturnType<typeof createCoreRuntime>;
  session: Session;
  call: <K extends HandlerName>(name: K, args: HandlerArgs<K>) => Promise<HandlerValue<K>>;
}> {
  const core = createCoreRuntime({ resources: diskResources });
  const session = await core.session();
  if (options.reference !== false) await loadReferenceData(session.db, diskResources);
  return { core, session, call: (name, args) => core.call(name, args) };
}

/** An .xlsx written by exceljs, as a municipality or HR department would send it. */
export async function xlsx(sheets: Record<string, Cell[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const csv = (text: string): Uint8Array => new TextEncoder().encode(text);

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function rows(
  db: Database,
  sql: string,
  params: SqlValue[] = [],
): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql);
  stmt.bind(params);
  const out: Record<string, SqlValue>[] = [];
  while (stmt.step()) out.push(stmt.getAsObject());
  stmt.free();
  return out;
}

export function scalar(db: Database, sql: string, params: SqlValue[] = []): SqlValue {
  return db.exec(sql, params)[0]?.values[0]?.[0] ?? null;
}

/** Every table's rows, for "the workspace is back to what it was" checks. */
export function snapshot(db: Database): string {
  const tables = (
    db.exec(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'import_log') ORDER BY name",
    )[0]?.values ?? []
  ).map((r) => String(r[0]));
  return JSON.stringify(
    tables.map((t) => [t, db.exec(`SELECT * FROM "${t}" ORDER BY 1, 2`)[0]?.values ?? []]),
  );
}

type Core = Awaited<ReturnType<typeof startCore>>;

/** inspect → plan in one go, for tests that care about the plan. */
export async function planFile(
  core: Core,
  fileName: string,
  bytes: Uint8Array,
  request: Omit<HandlerArgs<'import.plan'>, 'fileId' | 'sheet'> & { sheet?: string },
): Promise<{ file: ImportFile; plan: ImportPlan }> {
  const file = unwrap(await core.call('import.inspect', { fileName, bytes }));
  const plan = unwrap(
    await core.call('import.plan', {
      ...request,
      fileId: file.fileId,
      sheet: request.sheet ?? file.sheets[0]!.name,
    }),
  );
  return { file, plan };
}
