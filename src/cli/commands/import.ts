import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { setPlatformInflate } from '../../core/import/readers/xlsx/zip';
import type { Result } from '../../core/result';
import type { ByteSource } from '../../core/import/types';
import path from 'node:path';
import type {
  ColumnMapping,
  ImportPlan,
  ImportRequest,
  ImportTarget,
  InspectArgs,
  LayoutOverrides,
  RawTableOptions,
} from '../../core/import/api-types';
import { isEntityName } from '../../core/import/entities';
import { describeEnd } from '../../core/import/readers/layout';
import { rawTableName, resolveMapping } from '../../core/import/pipeline/mapping';
import { readWorkspaceFile, writeWorkspaceFile } from '../../node/workspace-files';
import { parseArgs } from '../args';
import { startCliCore, type CliCore } from '../core';
import { CliError, type CliCommand, type CliIo } from './types';

const usage =
  'import <spreadsheet> --into <werkruimte> [--sheet <naam>] [--table <naam>] [--target <entiteit>] ' +
  '[--mapping <sjabloon.json|sjabloonnaam>] [--header-row <n>] [--last-row <n>] [--delimiter ;] [--encoding windows-1252] ' +
  '[--key <kolom>] [--replace] [--apply-removals] [--save-template <naam>] [--dry-run] [--accept-valid]';

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
const DELIMITERS: Record<string, NonNullable<InspectArgs['delimiter']>> = {
  ',': ',',
  ';': ';',
  '|': '|',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
};

/** How many issues and diff rows the report prints before "… en N meer". */
const SHOWN = 25;

/** A template file for --mapping: the target and field → column (index or header text). */
type TemplateFile = {
  target?: ImportTarget | string;
  mapping?: Record<string, number | string | null>;
  layout?: LayoutOverrides;
  raw?: RawTableOptions;
};

/** A spreadsheet on disk, read in pieces, with the SHA-256 of its content. */
export type OpenedSpreadsheet = { source: ByteSource; sha256: string; close(): Promise<void> };

/**
 * Opens a spreadsheet to be read in pieces (a CSV is streamed from disk, never held whole) and
 * hashes it in one streaming pass. Errors (missing file, a folder, no access) come with
 * readWorkspaceFile's Dutch messages.
 */
export async function openSpreadsheet(file: string): Promise<Result<OpenedSpreadsheet>> {
  let handle: FileHandle | undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    handle = await open(file, 'r');
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
      hash.update(chunk as Buffer);
    const opened = handle;
    const source: ByteSource = {
      size: info.size,
      async read(offset, length) {
        const buffer = new Uint8Array(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await opened.read(buffer, done, length - done, offset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return done === length ? buffer : buffer.subarray(0, done);
      },
    };
    return { ok: true, value: { source, sha256: hash.digest('hex'), close: () => opened.close() } };
  } catch {
    await handle?.close().catch(() => undefined);
    const read = await readWorkspaceFile(file);
    if (!read.ok) return read;
    // Readable after all (a race): serve the bytes read.
    const bytes = read.value;
    return {
      ok: true,
      value: {
        source: { size: bytes.length, read: async (o, l) => bytes.subarray(o, o + l) },
        sha256: createHash('sha256').update(bytes).digest('hex'),
        close: () => Promise.resolve(),
      },
    };
  }
}

/**
 * xlsx parts inflated by node:zlib in 256 KB chunks (Node's DecompressionStream gives 16 KB per
 * thread-pool round trip). Finding a 1M-row sheet's merges 3.2 s → 1.3 s; the whole 1M-row xlsx
 * import 16.8 s → 12.9 s (1 MB chunks: 15.4 s and 35 MB more).
 */
export function inflateWithNodeZlib(): void {
  setPlatformInflate((compressed) =>
    // pipeline forwards a read error of the file to the inflater (whose iteration then throws).
    pipeline(Readable.from(compressed), createInflateRaw({ chunkSize: 1 << 18 }), () => undefined),
  );
}

function fail(message: string): never {
  throw new CliError(message);
}

/** Opens the workspace to import into; a file that does not exist yet becomes a new workspace. */
async function openTarget(core: CliCore, file: string): Promise<'opened' | 'created'> {
  const bytes = await readWorkspaceFile(file);
  if (!bytes.ok) {
    if (bytes.error.code !== 'file-not-found') fail(bytes.error.message);
    const created = await core.call('workspace.new', {
      name: path.basename(file).replace(/\.[^.]+$/, ''),
    });
    if (!created.ok) fail(created.error.message);
    return 'created';
  }
  const opened = await core.call('workspace.open', { bytes: bytes.value, fileName: file });
  if (!opened.ok) fail(`${file}: ${opened.error.message}`);
  return 'opened';
}

async function readTemplateFile(spec: string): Promise<TemplateFile | null> {
  if (!/\.json$/i.test(spec)) return null;
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch (error) {
    fail(
      `Het sjabloon ${spec} kon niet gelezen worden: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as TemplateFile;
  } catch {
    fail(`Het sjabloon ${spec} is geen geldige JSON.`);
  }
}

function targetFrom(value: ImportTarget | string | undefined): ImportTarget | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  if (isEntityName(value)) return { kind: 'entity', entity: value };
  return { kind: 'raw', table: value };
}

const show = (value: unknown): string =>
  value === null || value === undefined || value === '' ? '(leeg)' : String(value);

function printReport(io: CliIo, plan: ImportPlan): void {
  const target =
    plan.target.kind === 'raw' ? `tabel ${plan.target.table}` : `entiteit ${plan.target.entity}`;
  io.out(
    `Blad "${plan.sheet ?? ''}" → ${target}: ${plan.rowsRead} rijen gelezen (${describeEnd(plan.end ?? { reason: 'sheet' })}), ${plan.validRows} geldig, ${plan.rejectedRows} afgekeurd.\n`,
  );
  if (plan.end && plan.end.reason !== 'sheet')
    io.out(
      `  Ontbreken er rijen? Geef --last-row <n> op (het rijnummer zoals in Excel) om tot die rij te lezen.\n`,
    );
  if (plan.columns && plan.rawMode === 'create') {
    io.out(`Kolommen: ${plan.columns.map((c) => `${c.name} (${c.type})`).join(', ')}\n`);
  }
  const total = plan.issueCount ?? plan.issues.length;
  if (total > 0) {
    io.out(`\nProblemen (${total}):\n`);
    for (const issue of plan.issues.slice(0, SHOWN)) {
      const kind = issue.severity === 'error' ? 'fout' : 'let op';
      io.out(
        `  ${issue.sheet}!rij ${issue.row}, ${issue.column}: ${show(issue.value)} — ${issue.reason} [${kind}]\n`,
      );
    }
    if (total > SHOWN) io.out(`  … en ${total - SHOWN} meer\n`);
  }
  if (plan.nisMappings.length > 0) {
    io.out('\nNIS-codes van vóór 2025 omgezet:\n');
    for (const m of plan.nisMappings) {
      io.out(
        `  ${m.from} ${m.fromName} → ${m.to} ${m.toName} (${m.rows} rij${m.rows === 1 ? '' : 'en'})\n`,
      );
    }
  }
  const d = plan.diff;
  io.out(
    `\nWijzigingen: ${d.added} nieuw, ${d.changed} gewijzigd, ${d.removed} niet meer in het bestand, ${d.unchanged} ongewijzigd.\n`,
  );
  const detail = d.rows.filter((r) => r.kind !== 'added' || plan.target.kind === 'entity');
  for (const row of detail.slice(0, SHOWN)) {
    if (row.kind === 'changed') {
      const changes = (row.changes ?? [])
        .map((c) => `${c.field}: ${show(c.before)} → ${show(c.after)}`)
        .join('; ');
      io.out(`  ~ ${row.key} (rij ${row.row}): ${changes}\n`);
    } else if (row.kind === 'added') io.out(`  + ${row.key} (rij ${row.row})\n`);
    else io.out(`  - ${row.key}\n`);
  }
  if (detail.length > SHOWN) io.out(`  … en ${detail.length - SHOWN} meer\n`);
}

/**
 * Imports one sheet into a workspace file, headless: the same detection as the app's preview
 * (first sheet, header row, data range, column types, CSV dialect), each overridable. Writes
 * the workspace atomically, or with --dry-run only prints the validation report and the diff.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage,
  summary:
    'Importeert een rekenblad (xlsx/csv) in een werkruimte: ruwe tabel of entiteit, met controle en verschil.',
  async run(argv, io) {
    const { positionals, options } = parseArgs(
      argv,
      {
        into: { type: 'string' },
        sheet: { type: 'string' },
        table: { type: 'string' },
        target: { type: 'string' },
        mapping: { type: 'string' },
        'header-row': { type: 'string' },
        'last-row': { type: 'string' },
        delimiter: { type: 'string' },
        encoding: { type: 'string', values: ENCODINGS },
        key: { type: 'string' },
        replace: { type: 'boolean' },
        'apply-removals': { type: 'boolean' },
        'save-template': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'accept-valid': { type: 'boolean' },
      },
      usage,
    );
    const [spreadsheet, ...rest] = positionals;
    const into = options.into;
    if (spreadsheet === undefined || rest.length > 0 || typeof into !== 'string') {
      throw new CliError(`Geef één rekenblad en --into <werkruimte> op. Gebruik: ${usage}`, 2);
    }
    const delimiter =
      typeof options.delimiter === 'string' ? DELIMITERS[options.delimiter] : undefined;
    if (typeof options.delimiter === 'string' && delimiter === undefined) {
      throw new CliError(`Ongeldig scheidingsteken "${options.delimiter}"; kies uit , ; | tab.`, 2);
    }
    let headerRow: number | undefined;
    if (typeof options['header-row'] === 'string') {
      headerRow = Number(options['header-row']);
      if (!Number.isInteger(headerRow) || headerRow < 1) {
        throw new CliError(
          '--header-row is het rijnummer van de kopregel zoals in Excel (1, 2, …).',
          2,
        );
      }
    }
    let lastRow: number | undefined;
    if (typeof options['last-row'] === 'string') {
      lastRow = Number(options['last-row']);
      if (!Number.isInteger(lastRow) || lastRow < 1) {
        throw new CliError(
          '--last-row is het rijnummer van de laatste gegevensrij zoals in Excel (1, 2, …).',
          2,
        );
      }
    }
    const targetOption = typeof options.target === 'string' ? options.target : undefined;
    if (targetOption !== undefined && targetOption !== 'raw' && !isEntityName(targetOption)) {
      throw new CliError(
        `Onbekend doel "${targetOption}"; kies raw, municipality, pilot, org_unit, position, allocation of newcomer_forecast.`,
        2,
      );
    }

    inflateWithNodeZlib();
    const file = await openSpreadsheet(spreadsheet);
    if (!file.ok) fail(file.error.message);
    const importFile = async (opened: OpenedSpreadsheet): Promise<number> => {
      const core = await startCliCore();
      const workspace = await openTarget(core, into);

      const inspected = await core.call('import.inspectSource', {
        fileName: path.basename(spreadsheet),
        source: opened.source,
        sha256: opened.sha256,
        ...(typeof options.encoding === 'string'
          ? { encoding: options.encoding as (typeof ENCODINGS)[number] }
          : {}),
        ...(delimiter ? { delimiter } : {}),
      });
      if (!inspected.ok) fail(`${spreadsheet}: ${inspected.error.message}`);
      const info = inspected.value;
      const sheet = typeof options.sheet === 'string' ? options.sheet : info.sheets[0]?.name;
      if (sheet === undefined) fail(`${spreadsheet}: het bestand heeft geen bladen.`);
      if (!info.sheets.some((s) => s.name === sheet)) {
        fail(
          `${spreadsheet}: geen blad "${sheet}"; wel: ${info.sheets.map((s) => s.name).join(', ')}.`,
        );
      }

      const templateSpec = typeof options.mapping === 'string' ? options.mapping : undefined;
      const templateFile = templateSpec ? await readTemplateFile(templateSpec) : null;
      const layout: LayoutOverrides = {
        ...templateFile?.layout,
        ...(headerRow ? { headerRow: headerRow - 1 } : {}),
        ...(lastRow ? { lastDataRow: lastRow - 1 } : {}),
      };
      const layoutArg = Object.keys(layout).length > 0 ? layout : undefined;
      // The merges of an .xlsx come from the import's own read of the sheet, not from a read
      // before it; in the rare sheet whose merged header cells change the layout, nothing was
      // written and the import is done again with them known.
      let deferMerges = true;
      const redoWithMerges = (result: { ok: boolean; error?: { code: string } }): boolean => {
        if (!deferMerges || result.ok || result.error?.code !== 'import.layout_changed')
          return false;
        deferMerges = false;
        return true;
      };
      for (;;) {
        const preview = await core.call('import.preview', {
          fileId: info.fileId,
          sheet,
          layout: layoutArg,
          ...(deferMerges ? { deferMerges } : {}),
        });
        if (!preview.ok) fail(`${spreadsheet}: ${preview.error.message}`);

        // Target and mapping: explicit options, else a template (named, from a file, or matched
        // automatically by the layout), else a raw table named after the file or sheet.
        let target: ImportTarget | undefined;
        let mapping: ColumnMapping | undefined;
        let raw: RawTableOptions | undefined = templateFile?.raw;
        // Said once the layout stands: a redo with the merges known may match another template.
        let templateNote: string | undefined;
        if (templateFile) {
          target = targetFrom(templateFile.target);
          if (templateFile.mapping)
            mapping = resolveMapping(templateFile.mapping, preview.value.layout.columns);
        } else if (templateSpec) {
          const named = (await core.call('import.templates', undefined)).find(
            (t) => t.name === templateSpec,
          );
          if (!named) fail(`Geen sjabloon "${templateSpec}" in ${into} (en geen .json-bestand).`);
          target = named.target;
          mapping = named.mapping;
        } else if (
          preview.value.template &&
          targetOption === undefined &&
          options.table === undefined
        ) {
          target = preview.value.template.target;
          mapping = preview.value.template.mapping;
          templateNote = `Sjabloon "${preview.value.template.name}" toegepast (zelfde kolommen als eerder).\n`;
        }
        const generic = /^(sheet|blad|feuil|tabelle)\s*\d*$/i.test(sheet);
        const defaultTable = rawTableName(
          info.sheets.length === 1 || generic ? path.basename(spreadsheet) : sheet,
        );
        if (targetOption === 'raw' || typeof options.table === 'string') {
          const table =
            typeof options.table === 'string'
              ? options.table
              : target?.kind === 'raw'
                ? target.table
                : defaultTable;
          target = { kind: 'raw', table };
        } else if (targetOption !== undefined && isEntityName(targetOption)) {
          target = { kind: 'entity', entity: targetOption };
        }
        target ??= { kind: 'raw', table: defaultTable };
        if (typeof options.key === 'string' || options.replace === true) {
          raw = {
            ...raw,
            ...(typeof options.key === 'string' ? { keyColumn: options.key } : {}),
            ...(options.replace ? { replace: true } : {}),
          };
        }
        if (target.kind === 'entity' && mapping === undefined) {
          mapping = await core.call('import.suggestMapping', {
            fileId: info.fileId,
            sheet,
            layout: layoutArg,
            target,
            ...(deferMerges ? { deferMerges } : {}),
          });
        }

        const request: ImportRequest = {
          fileId: info.fileId,
          sheet,
          target,
          ...(layoutArg ? { layout: layoutArg } : {}),
          ...(mapping ? { mapping } : {}),
          ...(raw ? { raw } : {}),
          ...(deferMerges ? { deferMerges } : {}),
        };
        const acceptValid = options['accept-valid'] === true;
        if (options['dry-run'] === true) {
          const planned = await core.call('import.plan', request);
          if (redoWithMerges(planned)) continue;
          if (templateNote) io.err(templateNote);
          if (!planned.ok) fail(`${spreadsheet}: ${planned.error.message}`);
          const plan = planned.value;
          printReport(io, plan);
          io.out('\nProefdraai: er is niets geschreven.\n');
          const errors = plan.issues.some((i) => i.severity === 'error');
          return errors && !acceptValid ? 1 : 0;
        }
        // One pass over the file: validated and written in one transaction, rolled back at the end
        // when there are errors and --accept-valid is not given.
        const ran = await core.call('import.run', {
          ...request,
          acceptValidRows: acceptValid,
          applyRemovals: options['apply-removals'] === true,
          ...(typeof options['save-template'] === 'string'
            ? { saveTemplateAs: options['save-template'] }
            : {}),
        });
        if (redoWithMerges(ran)) continue;
        if (templateNote) io.err(templateNote);
        if (!ran.ok) fail(`${spreadsheet}: ${ran.error.message}`);
        printReport(io, ran.value.plan);
        const committed = ran.value.committed;
        if (!committed.ok) {
          const hint =
            committed.error.code === 'import.has_errors'
              ? ' (gebruik --accept-valid om alleen de geldige rijen te importeren)'
              : '';
          fail(`${committed.error.message}${hint}`);
        }
        const bytes = await core.call('workspace.export', undefined);
        try {
          await writeWorkspaceFile(into, bytes);
        } catch (error) {
          fail(
            `${into} kon niet geschreven worden: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        const log = committed.value;
        io.out(
          `\nGeïmporteerd (import ${log.id}): ${log.rowsInserted} nieuw, ${log.rowsUpdated} gewijzigd, ${log.rowsDeleted} verwijderd, ${log.rowsRejected} afgekeurd → ${workspace === 'created' ? 'nieuwe werkruimte ' : ''}${into}\n`,
        );
        return 0;
      }
    };
    try {
      return await importFile(file.value);
    } finally {
      await file.value.close();
    }
  },
};
