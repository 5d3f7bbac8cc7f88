import type { Database, SqlJsStatic } from 'sql.js';
import type { ResourceLoader } from './resources';

/**
 * The open workspace inside one host (the worker, a CLI run, a test). Handlers receive it via
 * their context; only the core's mutation door changes `db`'s contents.
 */
export type Session = {
  SQL: SqlJsStatic;
  db: Database;
  /** The file the workspace was opened from or last saved to; null for a new/demo workspace. */
  fileName: string | null;
  /** True after any change that has not been saved. */
  dirty: boolean;
  /** Bundled files: reference data and the demo's source spreadsheets. */
  resources: ResourceLoader;
};
