import { useMemo } from 'react';
import type {
  ColumnMapping,
  CommitRequest,
  EntityDefinition,
  ImportFile,
  ImportLogEntry,
  ImportPlan,
  ImportPreview,
  ImportRequest,
  InspectArgs,
  PreviewArgs,
  SuggestMappingArgs,
} from '../../core/import/api-types';
import type { Progress } from '../../core/handlers/context';
import type { AppError, Result } from '../../core/result';
import type { TableSummary } from '../../core/tables/types';
import type { CoreClient } from '../../worker/core-client';
import { useCore } from '../../app/core-context';

/**
 * The wizard's view of the `import.*` handlers. One place adapts the worker's calls to what the
 * screens need (unwrapping results, turning anything thrown into an AppError), so the steps
 * never deal with transport details.
 */
export type JobOptions = { onProgress?: (progress: Progress) => void; jobId?: string };

export type ImportApi = {
  inspect(args: InspectArgs): Promise<ImportFile>;
  preview(args: PreviewArgs): Promise<ImportPreview>;
  entities(): Promise<EntityDefinition[]>;
  suggestMapping(args: SuggestMappingArgs): Promise<ColumnMapping>;
  plan(request: ImportRequest, options?: JobOptions): Promise<ImportPlan>;
  commit(request: CommitRequest, options?: JobOptions): Promise<ImportLogEntry>;
  exportIssues(planId: string): Promise<Uint8Array>;
  history(): Promise<ImportLogEntry[]>;
  undo(importId: number): Promise<void>;
  /** The workspace's tables, to tell whether a raw import replaces or merges into one. */
  tables(): Promise<TableSummary[]>;
  cancel(jobId: string): Promise<void>;
};

/** A failure the wizard shows: the core's AppError, or a wrapped unexpected one. */
export class ImportUiError extends Error {
  readonly appError: AppError;
  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'ImportUiError';
    this.appError = appError;
  }
}

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Whatever a failed call produced → an AppError the user can read. */
export function toAppError(error: unknown): AppError {
  if (error instanceof ImportUiError) return error.appError;
  if (isAppError(error)) return error;
  if (typeof error === 'object' && error !== null && 'error' in error && isAppError(error.error)) {
    return error.error;
  }
  if (error instanceof Error) {
    // Comlink rebuilds thrown Errors from name + message; an AppError thrown as JSON text lands here.
    try {
      const parsed: unknown = JSON.parse(error.message);
      if (isAppError(parsed)) return parsed;
    } catch {
      // not JSON: a plain message
    }
    if (error.name === 'AbortError') return { code: 'cancelled', message: error.message };
    return { code: 'unexpected', message: error.message };
  }
  return { code: 'unexpected', message: String(error) };
}

export function isCancelled(error: AppError): boolean {
  return ['cancelled', 'aborted', 'import.cancelled'].includes(error.code);
}

/** Handlers may return a Result or a bare value; both end here as a value or a throw. */
function unwrap<T>(value: unknown): T {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const result = value as { ok: boolean; value?: unknown; error?: unknown };
    if (result.ok === true && 'value' in result) return result.value as T;
    if (result.ok === false) throw new ImportUiError(toAppError(result.error));
  }
  return value as T;
}

/** Runs one core call: a Result's error, or anything thrown, becomes an ImportUiError. */
async function run<T>(call: () => Promise<T | Result<T>>): Promise<T> {
  try {
    return unwrap<T>(await call());
  } catch (error) {
    throw error instanceof ImportUiError ? error : new ImportUiError(toAppError(error));
  }
}

export function createImportApi(core: CoreClient): ImportApi {
  return {
    inspect: (args) => run(() => core.call('import.inspect', args)),
    preview: (args) => run(() => core.call('import.preview', args)),
    entities: () => run(() => core.call('import.entities', undefined)),
    suggestMapping: (args) => run(() => core.call('import.suggestMapping', args)),
    plan: (request, options) => run(() => core.call('import.plan', request, options)),
    commit: (request, options) => run(() => core.call('import.commit', request, options)),
    exportIssues: (planId) => run(() => core.call('import.exportIssues', { planId })),
    history: () => run(() => core.call('import.history', undefined)),
    undo: async (importId) => {
      await run(() => core.call('import.undo', { importId }));
    },
    tables: () => run(() => core.call('tables.list', undefined)),
    cancel: (jobId) => core.cancel(jobId),
  };
}

export function useImportApi(): ImportApi {
  const core = useCore();
  return useMemo(() => createImportApi(core), [core]);
}
