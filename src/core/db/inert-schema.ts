import type { Database, SqlJsStatic } from 'sql.js';
import { err, ok, type Result } from '../result';
import { MIGRATIONS } from './schema';

/**
 * A workspace file from elsewhere (e-mail, a shared drive) must not be able to act when it is
 * opened or edited. SQLite runs triggers and views stored in the file itself, so before any
 * statement of ours touches the data, the file's schema is compared with what the app's own
 * migrations create at the file's version:
 * - a trigger, view or index the app did not make is removed (it is code, not data);
 * - an app trigger or view whose definition differs is put back as the app defines it;
 * - a table the app did not make is allowed only when it is a raw import recorded in
 *   `dataset` (and not a virtual table); any other unknown or altered table refuses the file.
 * Removal happens only in memory: the file on disk stays as it was until the user saves.
 */

export type SchemaObject = { type: string; name: string; table: string; sql: string | null };

export type SchemaRepair = {
  /** Objects dropped because the app did not make them. */
  removed: SchemaObject[];
  /** App triggers/views whose definition was changed in the file, put back as the app's. */
  restored: SchemaObject[];
};

const KIND_NL: Readonly<Record<string, string>> = {
  table: 'tabel',
  view: 'view',
  trigger: 'trigger',
  index: 'index',
};

const reference = new Map<number, Map<string, SchemaObject>>();

function objectKey(type: string, name: string): string {
  return `${type}:${name.toLowerCase()}`;
}

function readSchema(db: Database): SchemaObject[] {
  const rows =
    db.exec('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid')[0]?.values ?? [];
  return rows.map(([type, name, table, sql]) => ({
    type: String(type),
    name: String(name),
    table: String(table),
    sql: sql === null || sql === undefined ? null : String(sql),
  }));
}

/** What the app's migrations create at `version`, built once per version on a fresh database. */
export function referenceSchema(SQL: SqlJsStatic, version: number): Map<string, SchemaObject> {
  const cached = reference.get(version);
  if (cached) return cached;
  const db = new SQL.Database();
  try {
    for (const migration of MIGRATIONS) {
      if (migration.version > version) break;
      db.exec(migration.sql);
    }
    const objects = new Map(
      readSchema(db).map((object) => [objectKey(object.type, object.name), object]),
    );
    reference.set(version, objects);
    return objects;
  } finally {
    db.close();
  }
}

/** SQLite's internal objects: automatic indexes (no SQL) and sqlite_* tables (sequence, stats). */
function isInternal(object: SchemaObject): boolean {
  return object.name.toLowerCase().startsWith('sqlite_') || object.sql === null;
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** "trigger wis_piloten (op pilot)", for the Dutch messages. */
export function describeObject(object: SchemaObject): string {
  const kind = KIND_NL[object.type] ?? object.type;
  return object.type === 'trigger' || object.type === 'index'
    ? `${kind} ${object.name} (op ${object.table})`
    : `${kind} ${object.name}`;
}

function datasetTables(db: Database, hasDataset: boolean): Set<string> {
  if (!hasDataset) return new Set();
  try {
    const rows = db.exec('SELECT table_name FROM dataset')[0]?.values ?? [];
    return new Set(rows.map(([name]) => String(name).toLowerCase()));
  } catch {
    return new Set();
  }
}

/**
 * Makes an opened (not yet migrated) workspace inert; see the module comment. Returns what was
 * removed or restored, or an error naming the tables that make the file unsafe to open.
 */
export function makeSchemaInert(
  SQL: SqlJsStatic,
  db: Database,
  version: number,
): Result<SchemaRepair> {
  const expected = referenceSchema(SQL, version);
  const actual = readSchema(db).filter((object) => !isInternal(object));
  const raw = datasetTables(db, expected.has(objectKey('table', 'dataset')));
  const removed: SchemaObject[] = [];
  const restored: SchemaObject[] = [];
  const refusedTables: string[] = [];

  for (const object of actual) {
    const own = expected.get(objectKey(object.type, object.name));
    if (object.type === 'table') {
      if (own) {
        if (own.sql !== object.sql) refusedTables.push(`${object.name} (andere structuur)`);
      } else if (!raw.has(object.name.toLowerCase())) {
        refusedTables.push(`${object.name} (niet door Pijlerplan gemaakt)`);
      } else if (/^\s*CREATE\s+VIRTUAL\b/i.test(object.sql ?? '')) {
        refusedTables.push(`${object.name} (virtuele tabel)`);
      }
    } else if (!own) {
      removed.push(object);
    } else if (own.sql !== object.sql || own.table.toLowerCase() !== object.table.toLowerCase()) {
      restored.push(object);
    }
  }
  if (refusedTables.length > 0) {
    return err(
      'foreign-schema',
      `Deze werkruimte is buiten Pijlerplan gewijzigd en wordt niet geopend: ${listed(refusedTables)}. Het bestand zelf is niet aangeraakt; open een eigen reservekopie of vraag de afzender om een werkruimte uit Pijlerplan.`,
      { tables: refusedTables.join(', ') },
    );
  }
  // Every app index is the migrations' own; one the file added is harmless but not ours either.
  const drop = [...removed, ...restored];
  const order = ['trigger', 'view', 'index'];
  drop.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  db.run('BEGIN');
  try {
    for (const object of drop) {
      db.run(`DROP ${object.type.toUpperCase()} IF EXISTS ${quoted(object.name)}`);
    }
    for (const object of restored) {
      const own = expected.get(objectKey(object.type, object.name));
      if (own?.sql) db.run(own.sql);
    }
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    return err(
      'foreign-schema',
      `De werkruimte bevat onderdelen die Pijlerplan niet kon verwijderen (${String(error)}); ze wordt niet geopend. Het bestand zelf is niet aangeraakt.`,
    );
  }
  return ok({ removed, restored });
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, 5).join(', ');
  return items.length > 5 ? `${shown} en nog ${items.length - 5}` : shown;
}

/** One Dutch sentence for the user about what was removed or restored, or null when nothing. */
export function schemaRepairNotice(repair: SchemaRepair): string | null {
  const parts: string[] = [];
  if (repair.removed.length > 0) {
    parts.push(
      `${repair.removed.length === 1 ? 'dit onderdeel dat Pijlerplan niet maakte is' : `deze ${repair.removed.length} onderdelen die Pijlerplan niet maakte zijn`} verwijderd: ${listed(repair.removed.map(describeObject))}`,
    );
  }
  if (repair.restored.length > 0) {
    parts.push(
      `${repair.restored.length === 1 ? 'dit onderdeel was gewijzigd en is' : `deze ${repair.restored.length} onderdelen waren gewijzigd en zijn`} hersteld zoals Pijlerplan het maakt: ${listed(repair.restored.map(describeObject))}`,
    );
  }
  if (parts.length === 0) return null;
  return `De werkruimte bevatte code die bij het openen of bewerken zou kunnen uitvoeren; ${parts.join('; ')}. Het bestand op schijf is niet gewijzigd; pas bij opslaan verdwijnen deze onderdelen ook daar.`;
}
