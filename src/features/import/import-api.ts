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
import type { AppError } from '../../core/result';
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
  return error.code === 'cancelled' || error.code === 'aborted';
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

type LooseCall = (name: string, args: unknown, options?: JobOptions) => Promise<unknown>;

export function createImportApi(
  call: LooseCall,
  cancel: (jobId: string) => Promise<void>,
): ImportApi {
  const run = async <T>(name: string, args: unknown, options?: JobOptions): Promise<T> => {
    try {
      return unwrap<T>(await call(name, args, options));
    } catch (error) {
      throw error instanceof ImportUiError ? error : new ImportUiError(toAppError(error));
    }
  };
  return {
    inspect: (args) => run('import.inspect', args),
    preview: (args) => run('import.preview', args),
    entities: () => run('import.entities', {}),
    suggestMapping: (args) => run('import.suggestMapping', args),
    plan: (request, options) => run('import.plan', request, options),
    commit: (request, options) => run('import.commit', request, options),
    exportIssues: (planId) => run('import.exportIssues', { planId }),
    history: () => run('import.history', {}),
    undo: (importId) => run('import.undo', { importId }),
    cancel,
  };
}

export function useImportApi(): ImportApi {
  const core = useCore();
  return useMemo(
    () =>
      createImportApi(
        // The typed client checks names against the handler map; this adapter is the one place
        // that maps the wizard's calls onto it.
        core.call as unknown as LooseCall,
        (jobId) => core.cancel(jobId),
      ),
    [core],
  );
}
