import type { SqlValue } from 'sql.js';
import { exportRows } from '../../export/table-export';
import type { ValidationIssue } from '../api-types';

/**
 * The validation report as an Excel file the user can fix their sheet from: one row per issue
 * (sheet, row, column, value, reason, severity), on the shared streaming writer — styled frozen
 * header, autofilter, fitted widths; a value like "=SUM(…)" from the user's file stays text.
 */
export async function exportIssuesXlsx(
  issues: readonly ValidationIssue[],
  options: { fileName?: string } = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const written = await exportRows(
    {
      columns: ['Blad', 'Rij', 'Kolom', 'Waarde', 'Reden', 'Ernst'],
      rows: issues.map((issue): SqlValue[] => [
        issue.sheet,
        issue.row,
        issue.column,
        issue.value,
        issue.reason,
        issue.severity === 'error' ? 'fout' : 'waarschuwing',
      ]),
      total: issues.length,
    },
    { write: (chunk) => void chunks.push(chunk) },
    {
      format: 'xlsx',
      sheetName: 'Importfouten',
      properties: {
        title: options.fileName ? `Importfouten — ${options.fileName}` : 'Importfouten',
        creator: 'Pijlerplan',
        created: new Date(),
      },
    },
  );
  if (!written.ok) throw new Error(written.error.message);
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
