import type { HandlerContext } from '../handlers/context';
import type {
  ColumnMapping,
  EntityName,
  ImportFile,
  ImportLogEntry,
  ValidationIssue,
} from '../import/api-types';
import { forgetFile } from '../import/pipeline/file-store';
import { importHandlers } from '../import/handlers';
import type { Result } from '../result';
import { SourceError } from './source-table';

/**
 * A demo source imported the way a user imports a spreadsheet: inspect → preview → plan →
 * commit through the `import.*` handlers, so the workspace's import log lists it.
 */
export type DemoImportSource = {
  kind: 'import';
  /** Resource name, relative to resources/. */
  file: string;
  /** Dutch label for the progress bar. */
  phase: string;
  entity: EntityName;
  /**
   * Entity field → the header of the column that feeds it. Stated here rather than left to the
   * suggestion, so a change in the header synonyms cannot change the demo (a test checks that
   * the suggestion agrees).
   */
  mapping: Readonly<Record<string, string>>;
};

/** The mapping as the import takes it: field → column index of the stated header. */
export function demoMapping(
  source: DemoImportSource,
  columns: readonly { index: number; header: string }[],
): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, header] of Object.entries(source.mapping)) {
    const column = columns.find((c) => c.header === header);
    if (!column) throw new SourceError(source.file, 1, `kolom "${header}" (${field}) ontbreekt`);
    mapping[field] = column.index;
  }
  return mapping;
}

function unwrap<T>(file: string, result: Result<T>): T {
  if (!result.ok) throw new SourceError(file, null, result.error.message);
  return result.value;
}

function describe(issue: ValidationIssue, count: number): string {
  const value = issue.value === '' ? '' : ` ("${issue.value}")`;
  const more = count > 1 ? ` (${count} problemen in totaal)` : '';
  return `kolom "${issue.column}"${value}: ${issue.reason}${more}`;
}

/**
 * Imports one of the demo's spreadsheets through the handlers a user's import takes: inspect
 * the bytes, preview with the detected layout, plan with the stated mapping, commit with
 * nothing accepted on error. Any issue — error or warning — stops the build: the file is ours.
 */
export async function importDemoFile(
  context: HandlerContext,
  source: DemoImportSource,
  bytes: Uint8Array,
): Promise<ImportLogEntry> {
  const fileName = source.file.replace(/^.*\//, '');
  const file = unwrap(source.file, await importHandlers['import.inspect']({ fileName, bytes }));
  try {
    return await importStoredDemoFile(context, source, file);
  } finally {
    // The store keeps only a few files: the demo's must not push out one a user is importing.
    forgetFile(file.fileId);
  }
}

async function importStoredDemoFile(
  context: HandlerContext,
  source: DemoImportSource,
  file: ImportFile,
): Promise<ImportLogEntry> {
  const sheet = file.sheets[0]?.name;
  if (sheet === undefined) throw new SourceError(source.file, null, 'het bestand is leeg');
  const preview = unwrap(
    source.file,
    await importHandlers['import.preview']({ fileId: file.fileId, sheet }, context),
  );
  const mapping = demoMapping(source, preview.layout.columns);
  const plan = unwrap(
    source.file,
    await importHandlers['import.plan'](
      { fileId: file.fileId, sheet, target: { kind: 'entity', entity: source.entity }, mapping },
      context,
    ),
  );
  const first = plan.issues[0];
  if (first)
    throw new SourceError(
      source.file,
      first.row,
      describe(first, plan.issueCount ?? plan.issues.length),
    );
  return unwrap(
    source.file,
    await importHandlers['import.commit']({ planId: plan.planId, acceptValidRows: false }, context),
  );
}
