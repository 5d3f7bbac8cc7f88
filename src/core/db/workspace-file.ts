import type { Database, SqlJsStatic } from 'sql.js';
import { err, ok, type Result } from '../result';
import { makeSchemaInert, schemaRepairNotice } from './inert-schema';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema';

/** The 16-byte magic every SQLite 3 database file starts with. */
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** The full rule: decompose, drop combining accents, lowercase the Dutch way. */
function foldSlow(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nl-BE');
}

// The rule precomputed per character for Latin (U+0000–U+024F): a search over a million rows
// calls fold() a million times, and NFD normalisation per call is ~7× slower than a lookup.
const LATIN_FOLD: readonly string[] = Array.from({ length: 0x250 }, (_, code) =>
  foldSlow(String.fromCharCode(code)),
);
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * sql.js has no ICU: LOWER/LIKE fold only ASCII. `fold(text)` lowercases and strips accents so
 * a search for "eleonore" finds "Éléonore" and "oostende" finds "Oostende".
 */
export function foldText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x250) return foldSlow(text);
    folded += LATIN_FOLD[code];
  }
  return folded;
}

const connections = new WeakMap<Database, number>();
const databaseIds = new WeakMap<Database, number>();
let nextDatabaseId = 1;

/**
 * Identifies the contents of `db` as they are now: changes when another database replaces it,
 * when export() reopened its connection, when rows change or the schema does. The SQL
 * sandbox uses it to know whether its copy of the workspace is still current.
 */
export function contentKey(db: Database): string {
  let id = databaseIds.get(db);
  if (id === undefined) {
    id = nextDatabaseId++;
    databaseIds.set(db, id);
  }
  const changes = db.exec('SELECT total_changes()')[0]?.values[0]?.[0] ?? 0;
  const schema = db.exec('PRAGMA schema_version')[0]?.values[0]?.[0] ?? 0;
  return `${id}:${connections.get(db) ?? 0}:${String(changes)}:${String(schema)}`;
}

/**
 * Per-connection set-up. sql.js closes and reopens the connection inside `export()`, which
 * drops registered functions and pragmas, so this runs after every export as well as on open.
 */
export function prepareConnection(db: Database): void {
  connections.set(db, (connections.get(db) ?? 0) + 1);
  tuneConnection(db);
  db.run('PRAGMA foreign_keys = ON');
  db.create_function('fold', foldText);
}

/**
 * Page cache and journal for a database that lives in sql.js's memory file system. SQLite's
 * default 2 MB cache spills a large transaction (an import) to the "file" page by page, and its
 * rollback journal is a second in-memory file that grows by copying: both cost CPU and buy no
 * durability here (the workspace is durable only once it is saved). A journal kept in memory
 * still rolls back; the cache takes pages only as they are used, up to the limit.
 * Measured on 100,000 ten-column rows inserted in one transaction: 412–427 ms CPU with the
 * defaults, 139–143 ms with these. A 64 MB cache bought no more CPU and cost the 1M-row CSV
 * import 40 MB more peak memory.
 */
function tuneConnection(db: Database): void {
  db.run(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
  db.run('PRAGMA journal_mode = MEMORY');
}

/** SQLite's page cache per connection, in KiB (negative cache_size). */
const PAGE_CACHE_KIB = 16 * 1024;

/**
 * The empty workspace of each engine as file bytes, made by the migrations the first time: a
 * host makes several (the core's first workspace, then File > New or the demo), and opening
 * these bytes is ~5 ms where the migrations take 30–100 ms.
 */
const emptyWorkspaces = new WeakMap<SqlJsStatic, Uint8Array>();

/** A fresh, empty workspace at the current schema version. */
export function createWorkspaceDb(SQL: SqlJsStatic): Database {
  const image = emptyWorkspaces.get(SQL);
  if (image) {
    const db = new SQL.Database(image);
    prepareConnection(db);
    return db;
  }
  const db = new SQL.Database();
  tuneConnection(db);
  db.run(`PRAGMA application_id = ${APPLICATION_ID}`);
  const migrated = migrate(db, 0);
  if (!migrated.ok) throw new Error(migrated.error.message); // our own schema: a bug, not input
  emptyWorkspaces.set(SQL, db.export()); // export() reopens the connection: prepared below
  prepareConnection(db);
  return db;
}

function pragmaNumber(db: Database, pragma: string): number {
  const rows = db.exec(`PRAGMA ${pragma}`);
  return Number(rows[0]?.values[0]?.[0] ?? 0);
}

/** Runs the migrations after `fromVersion`, each in its own transaction. */
function migrate(db: Database, fromVersion: number): Result<number> {
  for (const migration of MIGRATIONS) {
    if (migration.version <= fromVersion) continue;
    try {
      db.run('BEGIN');
      db.exec(migration.sql);
      db.run(`PRAGMA user_version = ${migration.version}`);
      db.run('COMMIT');
    } catch (error) {
      db.run('ROLLBACK');
      return err(
        'migration-failed',
        `De werkruimte kon niet bijgewerkt worden naar versie ${migration.version}: ${String(error)}`,
        {
          version: migration.version,
        },
      );
    }
  }
  return ok(SCHEMA_VERSION);
}

/** An opened workspace plus what the user should be told about it (removed triggers, …). */
export type OpenedWorkspace = { db: Database; notices: string[] };

/**
 * Opens workspace bytes as a database, or says exactly why not. Never touches the caller's
 * current workspace: on any failure the new connection is closed and an error returned.
 * Before any migration or user statement runs, the schema is made inert (./inert-schema).
 */
export function openWorkspaceDb(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  options: { quickCheck?: boolean } = {},
): Result<OpenedWorkspace> {
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (bytes.length < 100 || magic !== SQLITE_MAGIC) {
    return err('not-sqlite', 'Dit bestand is geen Pijlerplan-werkruimte (geen SQLite-databank).');
  }
  const truncated = truncationProblem(bytes);
  if (truncated) {
    return err(
      'corrupt',
      `De werkruimte is beschadigd: het bestand is onvolledig (afgebroken), ${truncated}`,
      {
        detail: truncated,
      },
    );
  }
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    const applicationId = pragmaNumber(db, 'application_id');
    if (applicationId !== APPLICATION_ID) {
      db.close();
      return err(
        'not-workspace',
        'Dit is een SQLite-databank, maar geen Pijlerplan-werkruimte (onbekende application_id).',
      );
    }
    const version = pragmaNumber(db, 'user_version');
    if (version > SCHEMA_VERSION) {
      db.close();
      return err(
        'newer-version',
        `Deze werkruimte is gemaakt met een nieuwere versie van Pijlerplan (schema ${version}; deze versie kent tot ${SCHEMA_VERSION}). Werk Pijlerplan bij om ze te openen.`,
        { version, supported: SCHEMA_VERSION },
      );
    }
    // quick_check verifies page structure and is O(pages); the full integrity_check also
    // cross-checks every index and is the right choice for the CLI's `check`.
    const check = db.exec(
      `PRAGMA ${options.quickCheck === false ? 'integrity_check' : 'quick_check'}`,
    );
    const lines = (check[0]?.values ?? []).map((row) => String(row[0]));
    if (!(lines.length === 1 && lines[0] === 'ok')) {
      db.close();
      const summary = damageSummary(lines);
      return err('corrupt', `De werkruimte is beschadigd: ${summary}`, { detail: summary });
    }
    const inert = makeSchemaInert(SQL, db, version);
    if (!inert.ok) {
      db.close();
      return inert;
    }
    const migrated = migrate(db, version);
    if (!migrated.ok) {
      db.close();
      return migrated;
    }
    prepareConnection(db);
    const notice = schemaRepairNotice(inert.value);
    return ok({ db, notices: notice ? [notice] : [] });
  } catch (error) {
    db?.close();
    const detail = damageSummary([errorText(error)]);
    return err('corrupt', `De werkruimte is beschadigd of onvolledig: ${detail}`, { detail });
  }
}

/**
 * integrity_check can list a hundred lines of "Tree 4 page 44 …" for one damaged file: the user
 * gets the first problem, shortened, and how many more there are.
 */
export function damageSummary(lines: readonly string[]): string {
  const flat = lines.flatMap((line) => line.split('\n')).filter((line) => line.trim() !== '');
  const first = (flat[0] ?? 'onbekende fout').trim();
  const shown = first.length > 160 ? `${first.slice(0, 159)}…` : first;
  const more = flat.length - 1;
  return more > 0 ? `${shown} (en nog ${more} ${more === 1 ? 'probleem' : 'problemen'})` : shown;
}

/**
 * A file cut short (an interrupted copy, a full USB stick) can still pass quick_check when the
 * lost pages happen to be free; the header says how long the file must be, so check that first.
 */
function truncationProblem(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
    return `ongeldige paginagrootte ${rawPageSize}`;
  if (bytes.length % pageSize !== 0) {
    return `${bytes.length} bytes is geen veelvoud van de paginagrootte ${pageSize}`;
  }
  // The page count in the header is valid only when its "version-valid-for" matches the change
  // counter (SQLite file format, offsets 24, 28 and 92).
  const pageCount = view.getUint32(28);
  if (
    pageCount > 0 &&
    view.getUint32(92) === view.getUint32(24) &&
    pageCount * pageSize > bytes.length
  ) {
    return `${pageCount} pagina's verwacht, ${bytes.length / pageSize} gevonden`;
  }
  return null;
}

/** The workspace as one SQLite file's bytes (what sql.js exports), ready to be written. */
export function exportWorkspaceDb(db: Database): Uint8Array {
  const bytes = db.export();
  prepareConnection(db);
  return bytes;
}

/** What a write on a read-only workspace (PRAGMA query_only, see workspace.setReadOnly) says. */
export const READ_ONLY_MESSAGE =
  'Deze werkruimte is alleen-lezen geopend (iemand anders heeft het bestand open): er kan niets gewijzigd worden. Kies "Opslaan als…" om in een eigen kopie verder te werken.';

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /attempt to write a readonly database/i.test(text) ? READ_ONLY_MESSAGE : text;
}
