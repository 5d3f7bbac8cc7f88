import { defineHandlers, type HandlerContext } from '../handlers/context';
import { ok, type Result } from '../result';
import type { TableQuery } from '../tables/types';
import type { CsvStyle } from './csv';
import { scenarioList, type ScenarioChoice } from './report/plan-data';
import { writeReport, type ReportOptions, type ReportResult } from './report/report';
import { sqlRowSource, tableRowSource } from './sources';
import {
  exportRows,
  type ExportFormat,
  type RowSource,
  type TableExportResult,
} from './table-export';
import type { ByteSink } from './xlsx/workbook';

export type ExportSource =
  | { kind: 'sql'; sql: string }
  | { kind: 'table'; query: Omit<TableQuery, 'offset' | 'limit'> }
  | { kind: 'rows'; columns: string[]; rows: unknown[][] };

export type ExportTableArgs = {
  source: ExportSource;
  format: ExportFormat;
  csvStyle?: CsvStyle;
  sheetName?: string;
  /** Title for the document properties. */
  title?: string;
  /**
   * Where the file goes, chunk by chunk (the CLI: a file on disk). Without one, the job's
   * `output` (the app: the host's export file); without that, the chunks are collected and
   * returned as `file`.
   */
  sink?: ByteSink;
  maxRowsPerSheet?: number;
};

export type ExportTableValue = TableExportResult & { file?: Uint8Array };

/**
 * Gathers the writer's small chunks into pieces of `size` bytes for a sink where each write
 * costs a hop (worker → renderer → main process); `flush()` sends the rest.
 */
export function coalescingSink(
  sink: ByteSink,
  size = 1 << 20,
): ByteSink & { flush(): Promise<void> } {
  let piece = new Uint8Array(size);
  let used = 0;
  const send = async () => {
    if (used === 0) return;
    const full = used === piece.length ? piece : piece.slice(0, used);
    piece = new Uint8Array(size);
    used = 0;
    await sink.write(full);
  };
  return {
    async write(chunk) {
      let offset = 0;
      while (offset < chunk.length) {
        const take = Math.min(chunk.length - offset, piece.length - used);
        piece.set(chunk.subarray(offset, offset + take), used);
        used += take;
        offset += take;
        if (used === piece.length) await send();
      }
    },
    flush: send,
  };
}

/** Where a job's file goes: the caller's sink, the host's export file, or memory. */
function outputFor(sink: ByteSink | undefined, context: HandlerContext) {
  if (sink) return { sink, flush: async () => undefined, collected: null };
  if (context.output) {
    const coalesced = coalescingSink(context.output);
    return { sink: coalesced as ByteSink, flush: coalesced.flush, collected: null };
  }
  const collector = collectingSink();
  return { sink: collector as ByteSink, flush: async () => undefined, collected: collector };
}

/** Collects chunks into one file (for callers that want the bytes, e.g. tests). */
export function collectingSink(): ByteSink & { bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    write(chunk) {
      chunks.push(chunk);
      size += chunk.length;
    },
    bytes() {
      const out = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    },
  };
}

function rowSource(
  context: HandlerContext,
  source: ExportSource,
): Result<RowSource & { close?(): void }> {
  const { db } = context.session;
  if (source.kind === 'sql') return sqlRowSource(db, source.sql);
  if (source.kind === 'table') return tableRowSource(db, source.query);
  return ok({
    columns: source.columns,
    rows: source.rows as RowSource['rows'],
    total: source.rows.length,
  });
}

/** Excel and CSV exports: any table, SQL result or list of rows, and the report workbook. */
export const exportHandlers = defineHandlers({
  /** A table, SQL result or given rows → .xlsx or .csv, with progress and cancel. */
  'export.table': async (
    args: ExportTableArgs,
    context: HandlerContext,
  ): Promise<Result<ExportTableValue>> => {
    const source = rowSource(context, args.source);
    if (!source.ok) return source;
    const output = outputFor(args.sink, context);
    try {
      const result = await exportRows(source.value, output.sink, {
        format: args.format,
        csvStyle: args.csvStyle,
        sheetName: args.sheetName,
        maxRowsPerSheet: args.maxRowsPerSheet,
        properties: {
          title: args.title ?? args.sheetName ?? 'Export',
          creator: context.session.userName ?? 'Pijlerplan',
          company: 'Agentschap Integratie en Inburgering',
          created: new Date(),
        },
        progress: context.progress,
        signal: context.signal,
        compression: context.session.compression,
      });
      if (!result.ok) return result;
      await output.flush();
      return ok(
        output.collected ? { ...result.value, file: output.collected.bytes() } : result.value,
      );
    } finally {
      source.value.close?.();
    }
  },

  /** The scenarios the report can be made for (the Export screen's choices). */
  'export.scenarios': (_args: void, context: HandlerContext): ScenarioChoice[] =>
    scenarioList(context.session.db),

  /** The report workbook "Vierde pijler — rapport" for a scenario (see report/report.ts). */
  'export.report': async (
    args: ReportOptions & { sink?: ByteSink },
    context: HandlerContext,
  ): Promise<Result<ReportResult & { file?: Uint8Array }>> => {
    const output = outputFor(args.sink, context);
    context.progress({ phase: 'report', done: 0, total: 1 });
    const result = await writeReport(context.session.db, output.sink, {
      ...args,
      signal: context.signal,
      progress: context.progress,
      compression: context.session.compression,
    });
    if (!result.ok) return result;
    await output.flush();
    context.progress({ phase: 'report', done: 1, total: 1 });
    return ok(
      output.collected ? { ...result.value, file: output.collected.bytes() } : result.value,
    );
  },
});
