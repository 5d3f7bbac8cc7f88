import { defineHandlers, type HandlerContext } from '../handlers/context';
import { mutate } from '../mutations/mutate';
import { ok, type Result } from '../result';
import type {
  ColumnMapping,
  CommitRequest,
  DeleteTemplateArgs,
  EntityDefinition,
  ExportIssuesArgs,
  ImportFile,
  ImportLogEntry,
  ImportPlan,
  ImportPreview,
  ImportRequest,
  ImportTemplate,
  InspectArgs,
  PreviewArgs,
  SuggestMappingArgs,
  UndoImportArgs,
} from './api-types';
import { entityDefinitions } from './entities';
import { getPlan, sha256Hex, storePlan } from './pipeline/file-store';
import { listImports } from './pipeline/import-log';
import { exportIssuesXlsx } from './pipeline/issues-export';
import { suggestMapping } from './pipeline/mapping';
import { listTemplates } from './pipeline/templates';
import { commitPlan } from './phases/commit';
import {
  inspect,
  prepare,
  previewSheet,
  templateFor,
  type InspectSourceArgs,
} from './phases/inspect';
import { buildPlan, type StoredPlan } from './phases/plan';
import { runImport, undoLogged, type ImportRunArgs, type ImportRunResult } from './phases/run';

export { applyOverrides, type InspectSourceArgs } from './phases/inspect';
export type { ImportRunArgs, ImportRunResult } from './phases/run';

/**
 * The import's handler map. The phases live in ./phases: inspect (file, sheets, layout,
 * preview), plan (read, validate, diff), commit (the logged, undoable write) and run/undo.
 */
export const importHandlers = defineHandlers({
  /** Keeps the bytes under a fileId and lists the sheets (with row counts where cheap). */
  'import.inspect': (args: InspectArgs): Promise<Result<ImportFile>> =>
    inspect(args, args.bytes, () => sha256Hex(args.bytes)),

  /**
   * 'import.inspect' for a file read in pieces: the file is then never held whole (1M-row CLI
   * imports: CSV 138 MB less, xlsx ~45 MB less).
   */
  'import.inspectSource': ({ source, sha256, ...args }: InspectSourceArgs) =>
    inspect(args, source, () => Promise.resolve(sha256)),

  /** The first rows, the detected layout (with overrides), a matching template and a target. */
  'import.preview': (args: PreviewArgs, context: HandlerContext): Promise<Result<ImportPreview>> =>
    previewSheet(context.session.db, args, context.signal),

  'import.entities': (): EntityDefinition[] => entityDefinitions(),

  /** Field → column suggestions from the headers; the raw target maps nothing. */
  'import.suggestMapping': async (
    args: SuggestMappingArgs,
    context: HandlerContext,
  ): Promise<ColumnMapping> => {
    if (args.target.kind !== 'entity') return {};
    const prepared = await prepare(args.fileId, args.sheet, args.layout, context.signal, {
      deferMerges: args.deferMerges === true,
    });
    if (!prepared.ok) return {};
    const template = templateFor(context.session.db, prepared.value.layout);
    if (
      template &&
      template.target.kind === 'entity' &&
      template.target.entity === args.target.entity
    ) {
      return template.mapping;
    }
    return suggestMapping(prepared.value.layout.columns, args.target.entity);
  },

  /** Reads, validates and diffs the whole sheet; writes nothing. Progress + cancel. */
  'import.plan': async (
    args: ImportRequest,
    context: HandlerContext,
  ): Promise<Result<ImportPlan>> => {
    const planned = await buildPlan(args, context);
    if (!planned.ok) return planned;
    storePlan(planned.value.plan.planId, planned.value);
    return ok(planned.value.plan);
  },

  /**
   * Writes a plan in one transaction (all or nothing) and logs it. A raw plan's rows are read
   * again from the stored file and written while streaming.
   */
  'import.commit': (
    args: CommitRequest,
    context: HandlerContext,
  ): Promise<Result<ImportLogEntry>> => commitPlan(context, args),

  /** Plan and commit in one pass over the file (the CLI): see runImport. */
  'import.run': (args: ImportRunArgs, context: HandlerContext): Promise<Result<ImportRunResult>> =>
    runImport(args, context),

  /** Every issue of a plan as an .xlsx (sheet, row, column, value, reason). */
  'import.exportIssues': async (args: ExportIssuesArgs): Promise<Uint8Array> => {
    const stored = getPlan<StoredPlan>(args.planId);
    if (!stored) throw new Error('Dit importplan is verlopen; maak het voorbeeld opnieuw.');
    return exportIssuesXlsx(stored.issues, { fileName: stored.file.fileName });
  },

  'import.history': (_args: void, context: HandlerContext): ImportLogEntry[] =>
    listImports(context.session.db),

  'import.undo': (args: UndoImportArgs, context: HandlerContext): Result<ImportLogEntry> =>
    undoLogged(context.session, args.importId),

  'import.templates': (_args: void, context: HandlerContext): ImportTemplate[] =>
    listTemplates(context.session.db),

  /** Forgets a saved mapping. */
  'import.deleteTemplate': (args: DeleteTemplateArgs, context: HandlerContext): Result<void> => {
    const result = mutate(context.session, 'Importsjabloon verwijderd', (writer) =>
      writer.delete('import_template', { id: args.id }),
    );
    return result.ok ? ok(undefined) : result;
  },
});
