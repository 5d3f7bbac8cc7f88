import type { ValidationIssue } from '../api-types';

/**
 * The validation report as an Excel file the user can fix their sheet from: one row per issue
 * (sheet, row, column, value, reason), a styled frozen header and an autofilter. exceljs is
 * loaded only when someone asks for the report.
 */
export async function exportIssuesXlsx(
  issues: readonly ValidationIssue[],
  options: { fileName?: string } = {},
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pijlerplan';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Importfouten', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Blad', key: 'sheet', width: 18 },
    { header: 'Rij', key: 'row', width: 8 },
    { header: 'Kolom', key: 'column', width: 24 },
    { header: 'Waarde', key: 'value', width: 28 },
    { header: 'Reden', key: 'reason', width: 70 },
    { header: 'Ernst', key: 'severity', width: 10 },
  ];
  for (const issue of issues) {
    sheet.addRow({
      ...issue,
      // A value like "=SUM(…)" from the user's file is shown as text, never run as a formula.
      value: issue.value,
      severity: issue.severity === 'error' ? 'fout' : 'waarschuwing',
    });
  }
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  header.alignment = { vertical: 'middle' };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, issues.length + 1), column: 6 },
  };
  if (options.fileName) workbook.title = `Importfouten — ${options.fileName}`;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
