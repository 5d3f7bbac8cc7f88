import { createHash } from 'node:crypto';
import type { Database, SqlValue } from 'sql.js';
import { loadEngine } from '../../../src/core/db/engine';
import { DOMAIN_TABLES } from '../../../src/core/db/schema';
import { createWorkspaceDb } from '../../../src/core/db/workspace-file';
import type { ResourceLoader } from '../../../src/core/resources';
import { diskResources } from '../../../src/node/disk-resources';

export async function emptyWorkspace(): Promise<Database> {
  return createWorkspaceDb(await loadEngine());
}

/** The disk resources with some files' text rewritten, to feed a loader a broken source. */
export function patchedResources(
  patches: Record<string, (text: string) => string>,
): ResourceLoader {
  return {
    text: async (name) => {
      const text = await diskResources.text(name);
      const patch = patches[name];
      return patch ? patch(text) : text;
    },
    // The import path reads bytes: patch those too (the sources are UTF-8).
    bytes: async (name) => {
      const patch = patches[name];
      if (!patch) return diskResources.bytes(name);
      return new TextEncoder().encode(patch(await diskResources.text(name)));
    },
  };
}

export function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  return db.exec(sql, params)[0]?.values ?? [];
}

export function value(db: Database, sql: string, params: SqlValue[] = []): SqlValue {
  return rows(db, sql, params)[0]?.[0] ?? null;
}

/** SHA-256 over every domain table's rows in a fixed order: equal hashes, equal workspaces. */
export function hashTables(db: Database): string {
  const hash = createHash('sha256');
  for (const table of DOMAIN_TABLES) {
    hash.update(`#${table}\n`);
    const columns = rows(db, `SELECT name FROM pragma_table_info('${table}')`).map(
      (r) => `"${String(r[0])}"`,
    );
    for (const row of rows(db, `SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`))
      hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}
