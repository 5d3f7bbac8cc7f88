import { Alert, Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconArrowsRightLeft,
  IconChecklist,
  IconDatabaseImport,
  IconEye,
  IconFileSpreadsheet,
  IconFileUpload,
  IconRefresh,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../app/core-context';
import { navigate } from '../../app/router';
import { useWorkspace } from '../../app/workspace-state';
import { Page } from '../../components/page';
import type {
  EntityDefinition,
  ImportRequest,
  ImportTarget,
  LayoutOverrides,
} from '../../core/import/api-types';
import type { CsvDialect } from '../../core/import/types';
import type { Progress } from '../../core/handlers/context';
import { DOMAIN_TABLES } from '../../core/db/schema';
import type { AppError } from '../../core/result';
import type { TableSummary } from '../../core/tables/types';
import { CheckStep } from './check-step';
import { CommitStep, ResultPanel } from './commit-step';
import { ErrorAlert } from './error-alert';
import { FileStep } from './file-step';
import { HistoryPanel } from './history-panel';
import { isCancelled, toAppError, useImportApi } from './import-api';
import classes from './import.module.css';
import { PreviewStep } from './preview-step';
import { SheetStep } from './sheet-step';
import { TargetStep, useEntityLabel, useFieldLabel } from './target-step';
import {
  DONE_STEP,
  effectiveLayout,
  mappingProblems,
  suggestTableName,
  tableNameProblem,
  type StepIndex,
} from './wizard-state';
import {
  dispatchWizard,
  getWizardState,
  onFileOffered,
  takeOfferedFile,
  useWizardState,
  type IncomingFile,
} from './wizard-store';

/** The screens an import can send the user to afterwards (the shell's routes). */
export type ImportDestination = 'municipalities' | 'pilots' | 'organigram' | 'planning' | 'data';

export type ImportScreenProps = {
  /**
   * Shows the screen that holds the imported data ("Naar Gemeenten"); `table` is set for raw
   * tables. Default: the app's router.
   */
  onNavigate?: (destination: ImportDestination, detail?: { table?: string }) => void;
  /**
   * Called after a commit or an undo changed the workspace. Default: the workspace state
   * re-reads its info (unsaved marker, undo) and every open table re-queries.
   */
  onWorkspaceChanged?: () => void;
};

/** Extensions the readers take, and the ones the core refuses with a conversion hint. */
const READABLE = new Set(['xlsx', 'xlsm', 'csv', 'tsv', 'txt']);
const CORE_EXPLAINS = new Set(['xls', 'ods', 'xlsb', 'numbers']);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function destinationOf(target: ImportTarget): ImportDestination {
  if (target.kind === 'raw') return 'data';
  switch (target.entity) {
    case 'municipality':
    case 'newcomer_forecast':
      return 'municipalities';
    case 'pilot':
      return 'pilots';
    case 'org_unit':
    case 'position':
      return 'organigram';
    case 'allocation':
      return 'planning';
  }
}

const hasOverrides = (o: LayoutOverrides) =>
  Object.entries(o).some(([k, v]) =>
    k === 'columnTypes' ? Object.keys(v ?? {}).length > 0 : v !== undefined,
  );

const routeNavigate: NonNullable<ImportScreenProps['onNavigate']> = (destination, detail) =>
  navigate(destination, detail?.table ?? null);

export function ImportScreen({
  onNavigate = routeNavigate,
  onWorkspaceChanged,
}: ImportScreenProps) {
  const { t } = useTranslation('import');
  const workspace = useWorkspace();
  const workspaceChanged = () => {
    if (onWorkspaceChanged) onWorkspaceChanged();
    else void workspace.refresh({ dataChanged: true });
  };
  const api = useImportApi();
  const host = useHost();
  const state = useWizardState();
  const entityLabel = useEntityLabel();
  const fieldLabelOf = useFieldLabel();

  const [entities, setEntities] = useState<EntityDefinition[] | null>(null);
  const [tables, setTables] = useState<TableSummary[]>([]);
  const [previewLoading, setPreviewLoading] = useState(false);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [planJob, setPlanJob] = useState<{ id: string; progress: Progress | null } | null>(null);
  const [planError, setPlanError] = useState<AppError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<AppError | null>(null);
  const [applyRemovals, setApplyRemovals] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const [notice, setNotice] = useState<{ text: string; error?: AppError } | null>(null);
  const [templateSaved, setTemplateSaved] = useState<string | null>(null);

  // Each async answer checks it is still the latest of its kind; an old preview must never
  // overwrite a newer one.
  const fileRequest = useRef(0);
  const previewRequest = useRef(0);
  const planRequest = useRef<string | null>(null);

  const { file, sheet, preview, overrides, target, mapping, plan } = state;

  // ---------------------------------------------------------------- file
  const openFile = useCallback(
    async (incoming: IncomingFile, dialect?: Pick<CsvDialect, 'encoding' | 'delimiter'>) => {
      const request = ++fileRequest.current;
      setNotice(null);
      // A new file makes any check still running meaningless.
      const running = planRequest.current;
      if (running) {
        planRequest.current = null;
        setPlanJob(null);
        void api.cancel(running);
      }
      const ext = extensionOf(incoming.name);
      if (!READABLE.has(ext) && !CORE_EXPLAINS.has(ext)) {
        dispatchWizard({
          type: 'fileFailed',
          error: {
            code: 'unsupportedExtension',
            message: t('file.unsupportedExtension', { name: incoming.name }),
          },
        });
        return;
      }
      dispatchWizard({ type: 'reading', fileName: incoming.name });
      try {
        const inspected = await api.inspect({
          fileName: incoming.name,
          bytes: incoming.bytes,
          ...dialect,
        });
        if (request !== fileRequest.current) return;
        dispatchWizard({
          type: 'fileLoaded',
          file: inspected,
          source: { fileName: incoming.name, bytes: incoming.bytes },
        });
      } catch (error) {
        if (request !== fileRequest.current) return;
        dispatchWizard({ type: 'fileFailed', error: toAppError(error) });
      }
    },
    [api, t],
  );

  useEffect(() => {
    const take = () => {
      const offered = takeOfferedFile();
      if (offered) void openFile(offered);
    };
    take();
    return onFileOffered(take);
  }, [openFile]);

  useEffect(() => {
    let live = true;
    api
      .entities()
      .then((list) => live && setEntities(list))
      .catch(() => live && setEntities([]));
    return () => {
      live = false;
    };
  }, [api]);

  // Which raw tables exist decides whether a raw import creates, replaces or merges.
  const rawStep = state.step === 3 && target?.kind === 'raw';
  useEffect(() => {
    if (!rawStep) return;
    let live = true;
    api
      .tables()
      .then((list) => live && setTables(list.filter((table) => table.kind === 'dataset')))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, rawStep, workspace.revision]);

  const chooseFile = async () => {
    const picked = await host.openSpreadsheet();
    if (!picked.ok) {
      dispatchWizard({
        type: 'fileFailed',
        error: { code: 'hostError', message: picked.message },
      });
      return;
    }
    if (picked.value) void openFile({ name: picked.value.name, bytes: picked.value.bytes });
  };

  const dropFile = (dropped: File) => {
    void dropped
      .arrayBuffer()
      .then((buffer) => openFile({ name: dropped.name, bytes: new Uint8Array(buffer) }));
  };

  // ---------------------------------------------------------------- preview
  const previewKey = file && sheet ? JSON.stringify([file.fileId, sheet, overrides]) : null;
  useEffect(() => {
    if (!file || !sheet || previewKey === null || state.step < 2 || state.step === DONE_STEP)
      return;
    if (state.previewKey === previewKey) {
      // What is shown is what is asked for (the layout went back to it before an earlier read
      // was sent or came back): that read is stale, and nothing is loading. Without this the
      // spinner stayed and "Volgende" stayed disabled.
      previewRequest.current++;
      setPreviewLoading(false);
      return;
    }
    const request = ++previewRequest.current;
    setPreviewLoading(true);
    const layout = hasOverrides(overrides) ? overrides : undefined;
    // Typing "12" in a row input asks for row 1 first; wait until the user pauses.
    const timer = window.setTimeout(
      () => {
        api
          .preview({ fileId: file.fileId, sheet, ...(layout ? { layout } : {}) })
          .then((loaded) => {
            if (request !== previewRequest.current) return;
            setPreviewError(null);
            dispatchWizard({ type: 'previewLoaded', preview: loaded, key: previewKey });
          })
          .catch((error: unknown) => {
            if (request !== previewRequest.current) return;
            setPreviewError(toAppError(error));
          })
          .finally(() => {
            if (request === previewRequest.current) setPreviewLoading(false);
          });
      },
      state.preview ? 250 : 0,
    );
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `overrides` is part of previewKey
  }, [api, file, sheet, state.step, previewKey, state.previewKey]);

  // ---------------------------------------------------------------- mapping suggestion
  const entityTarget = target?.kind === 'entity' ? target.entity : null;
  useEffect(() => {
    if (state.step !== 3 || !file || !sheet || !preview || entityTarget === null) return;
    if (state.mappingSource !== null) return;
    const template = preview.template;
    if (template && template.target.kind === 'entity' && template.target.entity === entityTarget) {
      dispatchWizard({
        type: 'mappingPrefilled',
        mapping: template.mapping,
        source: 'template',
        template: template.name,
      });
      return;
    }
    let live = true;
    setSuggesting(true);
    api
      .suggestMapping({
        fileId: file.fileId,
        sheet,
        target: { kind: 'entity', entity: entityTarget },
        ...(hasOverrides(overrides) ? { layout: overrides } : {}),
      })
      .then((suggested) => {
        if (live && getWizardState().mappingSource === null) {
          dispatchWizard({ type: 'mappingPrefilled', mapping: suggested, source: 'suggested' });
        }
      })
      .catch(() => undefined)
      .finally(() => setSuggesting(false));
    return () => {
      live = false;
    };
  }, [api, state.step, file, sheet, preview, entityTarget, state.mappingSource, overrides]);

  // ---------------------------------------------------------------- plan
  const existingTable =
    target?.kind === 'raw' ? (tables.find((table) => table.name === target.table) ?? null) : null;
  const buildRequest = (): ImportRequest | null => {
    if (!file || !sheet || !target) return null;
    return {
      fileId: file.fileId,
      sheet,
      target,
      ...(hasOverrides(overrides) ? { layout: overrides } : {}),
      ...(target.kind === 'entity' ? { mapping } : {}),
      ...(target.kind === 'raw' && existingTable ? { raw: state.rawOptions } : {}),
    };
  };

  const runPlan = async () => {
    const request = buildRequest();
    if (!request) return;
    const jobId = `import-plan-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    planRequest.current = jobId;
    setPlanJob({ id: jobId, progress: null });
    setPlanError(null);
    setCancelled(false);
    setCommitError(null);
    let lastShown = 0;
    try {
      const planned = await api.plan(request, {
        jobId,
        onProgress: (progress) => {
          // The worker may report thousands of times a second; ten repaints are plenty.
          const now = performance.now();
          if (now - lastShown < 100 && progress.done !== progress.total) return;
          lastShown = now;
          setPlanJob((job) => (job && job.id === jobId ? { ...job, progress } : job));
        },
      });
      if (planRequest.current !== jobId) return;
      setApplyRemovals(false);
      dispatchWizard({ type: 'planned', plan: planned });
    } catch (error) {
      if (planRequest.current !== jobId) return;
      const appError = toAppError(error);
      if (isCancelled(appError)) setCancelled(true);
      else setPlanError(appError);
    } finally {
      if (planRequest.current === jobId) setPlanJob(null);
    }
  };

  const replan = useRef(runPlan);
  replan.current = runPlan;
  // A plan compares the file with the workspace as it was; when the workspace changes under it
  // (undo in the shell or the history, another workspace opened) the check is made again.
  const seenRevision = useRef(workspace.revision);
  useEffect(() => {
    if (seenRevision.current === workspace.revision) return;
    seenRevision.current = workspace.revision;
    const current = getWizardState();
    if (current.plan === null || current.step === DONE_STEP) return;
    dispatchWizard({ type: 'planStale' });
    if (getWizardState().step === 4) void replan.current();
  }, [workspace.revision]);

  const cancelPlan = () => {
    const job = planJob;
    if (!job) return;
    planRequest.current = null;
    setPlanJob(null);
    setCancelled(true);
    void api.cancel(job.id);
  };

  // ---------------------------------------------------------------- navigation
  const single = file?.sheets.length === 1;
  const tableProblem =
    target?.kind === 'raw' ? tableNameProblem(target.table, DOMAIN_TABLES) : null;
  const rawKeyMissing =
    existingTable !== null && state.rawOptions.keyColumn === '' && !state.rawOptions.replace;
  const definition =
    target?.kind === 'entity' ? (entities?.find((e) => e.name === target.entity) ?? null) : null;
  const requiredMissing =
    definition !== null &&
    mappingProblems(definition, mapping).some((p) => p.kind === 'requiredMissing');
  const templateInvalid = state.saveTemplate && state.templateName.trim() === '';
  const layoutValid = (() => {
    if (!preview) return false;
    const l = effectiveLayout(preview, overrides);
    return l.firstDataRow >= l.headerRow + l.headerRows && l.lastDataRow >= l.firstDataRow - 1;
  })();

  const canLeave: Record<number, boolean> = {
    0: file !== null && state.reading === null,
    1: sheet !== null,
    2: preview !== null && layoutValid && !previewLoading,
    3:
      target !== null &&
      (target.kind === 'raw'
        ? tableProblem === null && !rawKeyMissing
        : definition !== null && !requiredMissing) &&
      !templateInvalid,
    4: plan !== null && planJob === null,
    5: false,
  };

  const goTo = (step: StepIndex) => {
    if (step === 1 && single) step = state.step > 1 ? 0 : 2;
    setNotice(null);
    dispatchWizard({ type: 'goTo', step });
    if (step === 4 && !getWizardState().plan && planJob === null) void runPlan();
  };

  const next = () => {
    if (!canLeave[state.step]) return;
    goTo((state.step + 1) as StepIndex);
  };
  const back = () => {
    if (state.step > 0) goTo((state.step - 1) as StepIndex);
  };

  // ---------------------------------------------------------------- commit
  /** "Gemeenten" / "tabel ‘x’", for sentences. */
  const targetName = (tg: ImportTarget) =>
    tg.kind === 'raw' ? t('commit.tableName', { name: tg.table }) : entityLabel(tg.entity);
  const targetLabel = (tg: ImportTarget) =>
    tg.kind === 'raw'
      ? t('commit.intoTable', { name: tg.table })
      : t('commit.intoEntity', { name: entityLabel(tg.entity) });

  const commit = async (acceptValidRows: boolean) => {
    if (!plan) return;
    setCommitting(true);
    setCommitError(null);
    const saveTemplateAs =
      state.saveTemplate && state.templateName.trim() !== ''
        ? state.templateName.trim()
        : undefined;
    try {
      const result = await api.commit({
        planId: plan.planId,
        acceptValidRows,
        applyRemovals,
        ...(saveTemplateAs ? { saveTemplateAs } : {}),
      });
      setTemplateSaved(saveTemplateAs ?? null);
      dispatchWizard({ type: 'committed', result });
      setHistoryKey((k) => k + 1);
      workspaceChanged();
    } catch (error) {
      setCommitError(toAppError(error));
    } finally {
      setCommitting(false);
    }
  };

  const exportIssues = async () => {
    if (!plan || !file) return;
    setExporting(true);
    try {
      const bytes = await api.exportIssues(plan.planId);
      const base = file.fileName.replace(/\.[^.]+$/, '');
      const saved = await host.saveExport(bytes, `${base} - problemen.xlsx`);
      if (!saved.ok) setNotice({ text: '', error: { code: 'hostError', message: saved.message } });
      else if (saved.value) setNotice({ text: t('check.exported', { name: saved.value }) });
    } catch (error) {
      setNotice({ text: '', error: toAppError(error) });
    } finally {
      setExporting(false);
    }
  };

  const reset = () => {
    fileRequest.current++;
    previewRequest.current++;
    if (planRequest.current) void api.cancel(planRequest.current);
    planRequest.current = null;
    setPlanJob(null);
    setPlanError(null);
    setCancelled(false);
    setCommitError(null);
    setPreviewError(null);
    setNotice(null);
    setTemplateSaved(null);
    dispatchWizard({ type: 'reset' });
  };

  // ---------------------------------------------------------------- render
  const fieldLabel = (key: string) => {
    const field = definition?.fields.find((f) => f.key === key);
    return field ? fieldLabelOf(field) : key;
  };

  const stepContent = () => {
    switch (state.step) {
      case 0:
        return (
          <FileStep
            file={file}
            reading={state.reading}
            error={state.fileError}
            onChoose={() => void chooseFile()}
            onDropFile={dropFile}
            onDialect={(dialect) =>
              state.source &&
              void openFile({ name: state.source.fileName, bytes: state.source.bytes }, dialect)
            }
          />
        );
      case 1:
        return file ? (
          <SheetStep
            sheets={file.sheets}
            value={sheet}
            onChange={(name) => dispatchWizard({ type: 'sheetChosen', sheet: name })}
          />
        ) : null;
      case 2:
        if (previewError) return <ErrorAlert error={previewError} />;
        return preview ? (
          <PreviewStep
            preview={preview}
            overrides={overrides}
            loading={previewLoading}
            onOverrides={(next) => dispatchWizard({ type: 'overridesChanged', overrides: next })}
          />
        ) : (
          <Text c="dimmed">{t('preview.loading')}</Text>
        );
      case 3:
        return preview ? (
          <TargetStep
            preview={preview}
            entities={entities}
            target={target}
            mapping={mapping}
            mappingSource={state.mappingSource}
            appliedTemplate={state.appliedTemplate}
            suggesting={suggesting}
            saveTemplate={state.saveTemplate}
            templateName={state.templateName}
            tableNameProblem={tableProblem}
            existingTable={existingTable}
            rawOptions={state.rawOptions}
            onRawOptions={(options) => dispatchWizard({ type: 'rawOptionsChanged', options })}
            defaultTableName={suggestTableName(
              single ? (file?.fileName ?? 'import') : (sheet ?? file?.fileName ?? 'import'),
            )}
            onTarget={(next) => dispatchWizard({ type: 'targetChanged', target: next })}
            onMapping={(field, column) => dispatchWizard({ type: 'mappingChanged', field, column })}
            onSaveTemplate={(enabled, name) =>
              dispatchWizard({
                type: 'saveTemplateChanged',
                enabled,
                name:
                  enabled && name === ''
                    ? `${file?.fileName ?? ''} → ${target ? targetLabel(target) : ''}`.trim()
                    : name,
              })
            }
          />
        ) : null;
      case 4:
        return (
          <CheckStep
            plan={plan}
            running={planJob !== null}
            progress={planJob?.progress ?? null}
            error={planError}
            cancelled={cancelled}
            exporting={exporting}
            fieldLabel={fieldLabel}
            onCancel={cancelPlan}
            onRetry={() => void runPlan()}
            onExportIssues={() => void exportIssues()}
          />
        );
      case 5:
        return plan && target ? (
          <CommitStep
            plan={plan}
            targetLabel={targetLabel(target)}
            applyRemovals={applyRemovals}
            committing={committing}
            error={commitError}
            onApplyRemovals={setApplyRemovals}
            onCommit={(accept) => void commit(accept)}
            onCancel={reset}
          />
        ) : null;
      default:
        return null;
    }
  };

  const destination = target ? destinationOf(target) : null;
  const icon = { size: 18, stroke: 1.7 };

  return (
    // The shell's main area has a fixed height; this screen scrolls itself (and keeps its
    // back/next bar stuck to the bottom of this scroll area).
    <div className={classes.scroller} data-testid="import-scroller">
      <Page
        title={t('title')}
        subtitle={t('subtitle')}
        testId="import-screen"
        actions={
          file ? (
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={reset}>
              {t('restart')}
            </Button>
          ) : undefined
        }
      >
        <Stepper
          active={state.step}
          onStepClick={(index) => {
            if (index < state.step && state.step !== DONE_STEP) goTo(index as StepIndex);
          }}
          allowNextStepsSelect={false}
          size="sm"
          iconSize={34}
        >
          <Stepper.Step
            label={t('steps.file')}
            description={t('steps.fileDescription')}
            icon={<IconFileUpload {...icon} />}
          />
          <Stepper.Step
            label={t('steps.sheet')}
            description={t('steps.sheetDescription')}
            icon={<IconFileSpreadsheet {...icon} />}
          />
          <Stepper.Step
            label={t('steps.preview')}
            description={t('steps.previewDescription')}
            icon={<IconEye {...icon} />}
          />
          <Stepper.Step
            label={t('steps.target')}
            description={t('steps.targetDescription')}
            icon={<IconArrowsRightLeft {...icon} />}
          />
          <Stepper.Step
            label={t('steps.check')}
            description={t('steps.checkDescription')}
            icon={<IconChecklist {...icon} />}
            loading={planJob !== null}
            color={plan && plan.rejectedRows > 0 ? 'orange' : undefined}
          />
          <Stepper.Step
            label={t('steps.commit')}
            description={t('steps.commitDescription')}
            icon={<IconDatabaseImport {...icon} />}
          />
          <Stepper.Completed>{null}</Stepper.Completed>
        </Stepper>

        <Paper withBorder radius="md" p="lg" data-testid={`import-step-${state.step}`}>
          {state.step === DONE_STEP && state.result && target ? (
            <ResultPanel
              result={state.result}
              targetLabel={targetName(target)}
              destination={destination ? t(`screens.${destination}`) : null}
              templateSaved={templateSaved}
              onGoTo={() =>
                destination &&
                onNavigate(destination, target.kind === 'raw' ? { table: target.table } : undefined)
              }
              onAnother={reset}
            />
          ) : (
            stepContent()
          )}
          {notice?.error && (
            <Stack mt="md">
              <ErrorAlert error={notice.error} onClose={() => setNotice(null)} />
            </Stack>
          )}
          {notice && !notice.error && (
            <Alert
              mt="md"
              color="teal"
              variant="light"
              withCloseButton
              onClose={() => setNotice(null)}
            >
              {notice.text}
            </Alert>
          )}
        </Paper>

        {state.step < 5 && (
          <Group justify="space-between" className={classes.navBar}>
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              onClick={back}
              disabled={state.step === 0 || planJob !== null}
            >
              {t('nav.back')}
            </Button>
            <Button
              rightSection={<IconArrowRight size={16} />}
              onClick={next}
              disabled={!canLeave[state.step]}
              data-testid="import-next"
            >
              {state.step === 3
                ? t('nav.toCheck')
                : state.step === 4
                  ? t('nav.toCommit')
                  : t('nav.next')}
            </Button>
          </Group>
        )}
        {state.step === 5 && (
          <Group className={classes.navBar}>
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              onClick={back}
              disabled={committing}
            >
              {t('nav.back')}
            </Button>
          </Group>
        )}

        <HistoryPanel
          api={api}
          refreshKey={historyKey + workspace.revision * 1000}
          onUndone={() => {
            setHistoryKey((k) => k + 1);
            workspaceChanged();
          }}
        />
      </Page>
    </div>
  );
}
