import type {
  ColumnMapping,
  EntityDefinition,
  ImportFile,
  ImportLogEntry,
  ImportPlan,
  ImportPreview,
  ImportTarget,
  LayoutOverrides,
  RawTableOptions,
} from '../../core/import/api-types';
import type { AppError } from '../../core/result';

/**
 * The wizard's state and its transitions, without React: what each user action invalidates
 * further down (a new sheet → a new preview, mapping and plan) lives in one reducer.
 */
export const STEPS = ['file', 'sheet', 'preview', 'target', 'check', 'commit'] as const;
export type StepName = (typeof STEPS)[number];
/** 0..5 are the steps; 6 is the result panel. */
export type StepIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const DONE_STEP: StepIndex = 6;

export type MappingSource = 'template' | 'suggested' | 'user';

export type WizardState = {
  step: StepIndex;
  /** The file being read right now (name only), for the "reading…" line. */
  reading: string | null;
  file: ImportFile | null;
  /** Kept so a dialect override can read the same bytes again. */
  source: { fileName: string; bytes: Uint8Array } | null;
  fileError: AppError | null;
  sheet: string | null;
  preview: ImportPreview | null;
  /** Which request (file, sheet, overrides) the preview answers, so it is asked once. */
  previewKey: string | null;
  overrides: LayoutOverrides;
  target: ImportTarget | null;
  mapping: ColumnMapping;
  mappingSource: MappingSource | null;
  appliedTemplate: string | null;
  /** Raw target that already exists: replace it, or merge on a key column. */
  rawOptions: RawTableOptions;
  saveTemplate: boolean;
  templateName: string;
  plan: ImportPlan | null;
  result: ImportLogEntry | null;
};

export const initialWizardState: WizardState = {
  step: 0,
  reading: null,
  file: null,
  source: null,
  fileError: null,
  sheet: null,
  preview: null,
  previewKey: null,
  overrides: {},
  target: null,
  mapping: {},
  mappingSource: null,
  appliedTemplate: null,
  rawOptions: {},
  saveTemplate: false,
  templateName: '',
  plan: null,
  result: null,
};

export type WizardAction =
  | { type: 'reading'; fileName: string }
  | { type: 'fileFailed'; error: AppError }
  | { type: 'fileLoaded'; file: ImportFile; source: { fileName: string; bytes: Uint8Array } }
  | { type: 'sheetChosen'; sheet: string }
  | { type: 'previewLoaded'; preview: ImportPreview; key: string }
  | { type: 'overridesChanged'; overrides: LayoutOverrides }
  | { type: 'targetChanged'; target: ImportTarget }
  | {
      type: 'mappingPrefilled';
      mapping: ColumnMapping;
      source: MappingSource;
      template?: string;
    }
  | { type: 'mappingChanged'; field: string; column: number | null }
  | { type: 'saveTemplateChanged'; enabled: boolean; name: string }
  | { type: 'rawOptionsChanged'; options: RawTableOptions }
  | { type: 'planned'; plan: ImportPlan }
  /** The workspace changed under the plan (undo, another import): it must be made again. */
  | { type: 'planStale' }
  | { type: 'committed'; result: ImportLogEntry }
  | { type: 'goTo'; step: StepIndex }
  | { type: 'reset' };

/** The first sheet a user would pick: the first visible one with rows. */
export function defaultSheet(file: ImportFile): string | null {
  const visible = file.sheets.filter((s) => !s.hidden);
  const withRows = visible.find((s) => s.rowCount === null || s.rowCount > 0);
  return (withRows ?? visible[0] ?? file.sheets[0])?.name ?? null;
}

const downstreamOfSheet = {
  preview: null,
  previewKey: null,
  overrides: {},
  target: null,
  mapping: {},
  mappingSource: null,
  appliedTemplate: null,
  rawOptions: {},
  plan: null,
  result: null,
} satisfies Partial<WizardState>;

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'reading':
      return { ...state, reading: action.fileName, fileError: null };
    case 'fileFailed':
      return { ...initialWizardState, fileError: action.error };
    case 'fileLoaded': {
      // A re-read of the same bytes (dialect override) keeps the user on the file step.
      const sheet = defaultSheet(action.file);
      return {
        ...initialWizardState,
        file: action.file,
        source: action.source,
        sheet,
        saveTemplate: false,
        templateName: '',
      };
    }
    case 'sheetChosen':
      if (action.sheet === state.sheet) return state;
      return { ...state, sheet: action.sheet, ...downstreamOfSheet };
    case 'previewLoaded': {
      const first = state.preview === null;
      const preview = action.preview;
      const previewKey = action.key;
      if (!first || state.target !== null) return { ...state, preview, previewKey, plan: null };
      // The first preview of a sheet proposes the target: a saved template wins over a guess.
      if (preview.template) {
        return {
          ...state,
          preview,
          previewKey,
          target: preview.template.target,
          mapping: preview.template.mapping,
          mappingSource: 'template',
          appliedTemplate: preview.template.name,
        };
      }
      return { ...state, preview, previewKey, target: preview.suggestedTarget };
    }
    case 'overridesChanged':
      return { ...state, overrides: action.overrides, plan: null };
    case 'targetChanged': {
      const sameEntity =
        state.target?.kind === 'entity' &&
        action.target.kind === 'entity' &&
        state.target.entity === action.target.entity;
      if (sameEntity) return { ...state, target: action.target, plan: null };
      if (state.target?.kind === 'raw' && action.target.kind === 'raw') {
        // Another table name: whether it exists (and how to merge) is a new question.
        return { ...state, target: action.target, rawOptions: {}, plan: null };
      }
      return {
        ...state,
        target: action.target,
        mapping: {},
        mappingSource: null,
        appliedTemplate: null,
        rawOptions: {},
        plan: null,
      };
    }
    case 'mappingPrefilled':
      return {
        ...state,
        mapping: action.mapping,
        mappingSource: action.source,
        appliedTemplate: action.template ?? null,
        plan: null,
      };
    case 'mappingChanged':
      return {
        ...state,
        mapping: { ...state.mapping, [action.field]: action.column },
        mappingSource: state.mappingSource === null ? 'user' : state.mappingSource,
        plan: null,
      };
    case 'saveTemplateChanged':
      return { ...state, saveTemplate: action.enabled, templateName: action.name };
    case 'rawOptionsChanged':
      return { ...state, rawOptions: action.options, plan: null };
    case 'planned':
      return { ...state, plan: action.plan };
    case 'planStale':
      if (state.plan === null) return state;
      return { ...state, plan: null, step: state.step === 5 ? 4 : state.step };
    case 'committed':
      return { ...state, result: action.result, step: DONE_STEP };
    case 'goTo':
      return { ...state, step: action.step };
    case 'reset':
      return initialWizardState;
  }
}

/** Why the mapping cannot go to the check yet (missing required fields, a column used twice). */
export type MappingProblem =
  { kind: 'requiredMissing'; fields: string[] } | { kind: 'duplicateColumn'; column: number };

export function mappingProblems(
  definition: EntityDefinition,
  mapping: ColumnMapping,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const missing = definition.fields
    .filter((f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined))
    .map((f) => f.key);
  if (missing.length > 0) problems.push({ kind: 'requiredMissing', fields: missing });
  const seen = new Set<number>();
  for (const field of definition.fields) {
    const column = mapping[field.key];
    if (column === null || column === undefined) continue;
    if (seen.has(column)) problems.push({ kind: 'duplicateColumn', column });
    seen.add(column);
  }
  return problems;
}

const TABLE_NAME = /^[a-z][a-z0-9_]{0,59}$/;

export type TableNameProblem = 'required' | 'invalid' | 'reserved';

export function tableNameProblem(
  name: string,
  reserved: readonly string[],
): TableNameProblem | null {
  if (name.trim() === '') return 'required';
  if (!TABLE_NAME.test(name)) return 'invalid';
  if (reserved.includes(name) || name.startsWith('sqlite_')) return 'reserved';
  return null;
}

/** A sheet or file name → a table name an analyst can type: "Nieuwkomers 2024.xlsx" → nieuwkomers_2024. */
export function suggestTableName(name: string): string {
  const base = name
    .replace(/\.(xlsx|xlsm|csv|tsv|txt)$/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  if (base === '') return 'import';
  return /^[a-z]/.test(base) ? base : `t_${base}`;
}

/** Effective 0-based layout: the preview's detection with the user's overrides on top. */
export function effectiveLayout(
  preview: ImportPreview,
  overrides: LayoutOverrides,
): { headerRow: number; headerRows: number; firstDataRow: number; lastDataRow: number } {
  const l = preview.layout;
  return {
    headerRow: overrides.headerRow ?? l.headerRow,
    headerRows: overrides.headerRows ?? l.headerRows,
    firstDataRow: overrides.firstDataRow ?? l.firstDataRow,
    lastDataRow: overrides.lastDataRow ?? l.lastDataRow,
  };
}

export type RowRole = 'title' | 'header' | 'data' | 'footer';

/** What a sheet row (0-based) is under a layout: above the header, header, data, or below. */
export function rowRole(
  row: number,
  layout: { headerRow: number; headerRows: number; firstDataRow: number; lastDataRow: number },
): RowRole {
  if (row < layout.headerRow) return 'title';
  if (row < layout.headerRow + layout.headerRows) return 'header';
  if (row < layout.firstDataRow) return 'title';
  if (row <= layout.lastDataRow) return 'data';
  return 'footer';
}

/** Column index → Excel letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
