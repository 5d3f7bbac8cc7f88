import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import type { CellValue, WorkbookReader } from '../../../src/core/import/types';
import { openWorkbook, readAllRows } from '../../../src/core/import/readers/workbook';

/** Test helpers: spreadsheets written in the test (exceljs, or raw parts zipped with fflate). */

export async function exceljsBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type RawSheet = { name: string; xml: string; state?: 'hidden' | 'veryHidden' };

/**
 * A minimal .xlsx from hand-written parts, for what exceljs never writes: inline strings,
 * namespace prefixes, rich text with phonetic runs, the 1904 date system.
 */
export function rawXlsx(options: {
  sheets: RawSheet[];
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
  level?: number;
}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const sheetEntries = options.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetEntries}</sheets></workbook>`,
  );
  const rels = options.sheets.map(
    (_s, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (options.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files['xl/sharedStrings.xml'] = strToU8(options.sharedStrings);
  }
  if (options.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
    files['xl/styles.xml'] = strToU8(options.styles);
  }
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  options.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
  });
  return zipSync(files, { level: (options.level ?? 6) as 6 });
}

export const sheetXml = (rows: string, extra = '', prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${NS}"><${prefix}sheetData>${rows}</${prefix}sheetData>${extra}</${prefix}worksheet>`;

export async function open(bytes: Uint8Array, name = 'test.xlsx'): Promise<WorkbookReader> {
  const result = await openWorkbook(bytes, name);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function rowsOf(reader: WorkbookReader, sheet?: string): Promise<CellValue[][]> {
  const result = await readAllRows(reader, sheet ?? (reader.sheets[0] as { name: string }).name);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
