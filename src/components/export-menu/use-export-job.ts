import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore, useHost } from '../../app/core-context';
import type { Progress } from '../../core/handlers/context';
import type { Result } from '../../core/result';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: Progress | null }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

type Produced = Result<{ file?: Uint8Array; rows: number }>;

/**
 * Runs one export in the worker with progress and cancel, then hands the file to the host (a
 * save dialog in Electron, a download in the browser).
 */
export function useExportJob() {
  const { t } = useTranslation('export');
  const core = useCore();
  const host = useHost();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const jobId = useRef<string | null>(null);

  const run = useCallback(
    async (
      produce: (options: { onProgress: (p: Progress) => void; jobId: string }) => Promise<Produced>,
      fileName: string,
      withRows = false,
    ) => {
      const id = `export-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      jobId.current = id;
      setState({ kind: 'running', progress: null });
      try {
        const result = await produce({
          jobId: id,
          onProgress: (progress) => setState({ kind: 'running', progress }),
        });
        if (!result.ok) {
          setState(
            result.error.code === 'export.cancelled'
              ? { kind: 'done', message: t('cancelled') }
              : { kind: 'failed', message: result.error.message },
          );
          return;
        }
        const saved = await host.saveExport(result.value.file ?? new Uint8Array(), fileName);
        if (!saved.ok) setState({ kind: 'failed', message: saved.message });
        else if (saved.value === null) setState({ kind: 'idle' });
        else {
          setState({
            kind: 'done',
            message: withRows
              ? t('savedRows', {
                  rows: result.value.rows.toLocaleString('nl-BE'),
                  name: saved.value,
                })
              : t('saved', { name: saved.value }),
          });
        }
      } catch (error) {
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      } finally {
        jobId.current = null;
      }
    },
    [host, t],
  );

  const cancel = useCallback(() => {
    if (jobId.current) void core.cancel(jobId.current);
  }, [core]);

  return { state, run, cancel, setState };
}
