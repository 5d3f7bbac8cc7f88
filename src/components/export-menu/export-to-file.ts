import type { Progress } from '../../core/handlers/context';
import type { Result } from '../../core/result';
import type { ExportFile } from '../../host/host';

/** What a job hands back: the row count, and the bytes only if it did not stream them. */
export type Produced = Result<{ file?: Uint8Array; rows: number }>;

export type JobOptions = {
  jobId: string;
  onProgress: (progress: Progress) => void;
  /** The host's export file: the worker streams the workbook into it chunk by chunk. */
  output: ExportFile;
};

export type ExportOutcome =
  | { kind: 'saved'; name: string; rows: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/**
 * Runs one export job into a file the host opened: the core streams into it; only a finished
 * job is committed (the file takes its name), a cancelled or failed one is aborted, so no
 * partial file is left under the chosen name.
 */
export async function exportToFile(
  file: ExportFile,
  produce: (options: JobOptions) => Promise<Produced>,
  options: Omit<JobOptions, 'output'>,
): Promise<ExportOutcome> {
  try {
    const result = await produce({ ...options, output: file });
    if (!result.ok) {
      await file.abort();
      return result.error.code === 'export.cancelled'
        ? { kind: 'cancelled' }
        : { kind: 'failed', message: result.error.message };
    }
    // A job that returned its bytes instead of streaming them (no output support).
    if (result.value.file && result.value.file.length > 0) await file.write(result.value.file);
    const saved = await file.commit();
    return saved.ok
      ? { kind: 'saved', name: saved.value, rows: result.value.rows }
      : { kind: 'failed', message: saved.message };
  } catch (error) {
    await file.abort();
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
