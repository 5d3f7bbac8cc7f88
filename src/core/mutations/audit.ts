import type { Database } from 'sql.js';

export type AuditEntry = {
  /** Machine-readable kind: 'edit', 'undo', 'redo', 'import', 'workspace.new', … */
  action: string;
  /** One Dutch line, as the audit screen shows it. */
  summary: string;
  details?: unknown;
  userName?: string | null;
};

/**
 * Appends one audit_log row. Called inside the transaction of the change it describes, so the
 * log never records a change that was rolled back (nor misses one that stayed).
 */
export function appendAudit(db: Database, entry: AuditEntry): void {
  db.run(
    'INSERT INTO audit_log (at, user_name, action, summary, details_json) VALUES (?, ?, ?, ?, ?)',
    [
      new Date().toISOString(),
      entry.userName ?? null,
      entry.action,
      entry.summary,
      entry.details === undefined ? null : JSON.stringify(entry.details),
    ],
  );
}
