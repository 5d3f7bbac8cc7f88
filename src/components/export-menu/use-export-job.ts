import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore, useHost } from '../../app/core-context';
import type { Progress } from '../../core/handlers/context';
import { exportToFile, type JobOptions, type Produced } from './export-to-file';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: Progress | null }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Runs one export with progress and cancel: first the host asks where the file goes (a save
 * dialog in Electron, the browser's save picker or a download), then the worker streams the
 * workbook into it; a cancelled or failed export leaves no file.
 */
export function useExportJob() {
  const { t } = useTranslation('export');
  const core = useCore();
  const host = useHost();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const jobId = useRef<string | null>(null);

  const run = useCallback(
    async (
      produce: (options: JobOptions) => Promise<Produced>,
      fileName: string,
      withRows = false,
    ) => {
      const opened = await host.createExportFile(fileName);
      if (!opened.ok) {
        setState({ kind: 'failed', message: opened.message });
        return;
      }
      if (opened.value === null) return; // the user closed the save dialog
      const id = `export-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      jobId.current = id;
      setState({ kind: 'running', progress: null });
      try {
        const outcome = await exportToFile(opened.value, produce, {
          jobId: id,
          onProgress: (progress) => setState({ kind: 'running', progress }),
        });
        if (outcome.kind === 'cancelled') setState({ kind: 'done', message: t('cancelled') });
        else if (outcome.kind === 'failed') setState({ kind: 'failed', message: outcome.message });
        else {
          setState({
            kind: 'done',
            message: withRows
              ? t('savedRows', { rows: outcome.rows.toLocaleString('nl-BE'), name: outcome.name })
              : t('saved', { name: outcome.name }),
          });
        }
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
