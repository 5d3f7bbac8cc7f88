import type { Database } from 'sql.js';

let depth = 0;

/**
 * Runs `work` all-or-nothing. A SAVEPOINT rather than BEGIN, so a mutation may run inside a
 * larger operation's transaction (an import) and still roll back only its own part.
 */
export function inTransaction<T>(db: Database, work: () => T): T {
  const name = `pijlerplan_${++depth}`;
  db.run(`SAVEPOINT ${name}`);
  try {
    const value = work();
    db.run(`RELEASE ${name}`);
    return value;
  } catch (error) {
    db.run(`ROLLBACK TO ${name}`);
    db.run(`RELEASE ${name}`);
    throw error;
  } finally {
    depth--;
  }
}
