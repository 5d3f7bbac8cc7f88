import type { Database } from 'sql.js';

/** Keys of the `meta` table the app reads; builders (demo, new) write them. */
export const META_KEYS = {
  name: 'name',
  createdAt: 'created_at',
  /** '1' for the demo workspace. */
  isDemo: 'is_demo',
  /** The date the data describes (YYYY-MM-DD), shown in reports. */
  dataDate: 'data_date',
} as const;

export function readMeta(db: Database): Record<string, string | null> {
  const rows = db.exec('SELECT key, value FROM meta')[0]?.values ?? [];
  return Object.fromEntries(
    rows.map(([key, value]) => [String(key), value === null ? null : String(value)]),
  );
}

/** Writes facts about a workspace being set up; not an edit, so not through the door. */
export function writeMeta(
  db: Database,
  values: Record<string, string | null>,
  mode: 'replace' | 'keep' = 'replace',
): void {
  for (const [key, value] of Object.entries(values)) {
    db.run(
      `INSERT OR ${mode === 'replace' ? 'REPLACE' : 'IGNORE'} INTO meta (key, value) VALUES (?, ?)`,
      [key, value],
    );
  }
}
