import type { Database } from 'sql.js';
import { foldAccents } from '../readers/column-names';
import { queryRows } from './types';

const fold = (text: string): string =>
  foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type RefRow = { id: number | string; code: string; name: string };

/**
 * Finds a referenced row by its code or its name, accent- and case-insensitively: files say
 * "Team Gent", "team-gent" or "TG01" for the same unit.
 */
export class RefLookup {
  private readonly byCode = new Map<string, RefRow>();
  private readonly byName = new Map<string, RefRow | null>();
  private readonly byId = new Map<string, RefRow>();

  constructor(rows: Iterable<RefRow>) {
    for (const row of rows) this.add(row);
  }

  static fromTable(db: Database, table: string, idColumn = 'id', codeColumn = 'code'): RefLookup {
    return new RefLookup(
      queryRows(db, `SELECT ${idColumn} AS id, ${codeColumn} AS code, name FROM ${table}`).map(
        (r) => ({
          id: r.id as number | string,
          code: String(r.code),
          name: String(r.name ?? ''),
        }),
      ),
    );
  }

  add(row: RefRow): void {
    this.byCode.set(fold(row.code), row);
    this.byId.set(String(row.id), row);
    const name = fold(row.name);
    // A name two rows share is ambiguous: only the code finds them.
    if (name !== '') this.byName.set(name, this.byName.has(name) ? null : row);
  }

  find(text: string): RefRow | undefined {
    const key = fold(text);
    return this.byCode.get(key) ?? this.byName.get(key) ?? undefined;
  }

  byIdValue(id: unknown): RefRow | undefined {
    return id === null || id === undefined ? undefined : this.byId.get(String(id));
  }
}
