import { err, ok } from '../../result';
import type { Result } from '../../result';
import { openCsv, openCsvSource, readCsvRows } from './csv';
import type { CsvSource } from './csv';
import type {
  ByteSource,
  CellValue,
  OpenWorkbookOptions,
  ReadRowsOptions,
  WorkbookReader,
} from '../types';
import { odsError, openXlsx } from './xlsx/reader';
import { isZip } from './xlsx/zip';

/**
 * Open a spreadsheet file from its bytes: .xlsx/.xlsm with our streaming reader, .csv/.tsv/.txt
 * with dialect detection. .xls, .ods, password-protected and corrupt files give a clear Dutch
 * error that says what to do — never an exception.
 */

const CONVERT_HINT =
  'Open het bestand in Excel of LibreOffice Calc en kies Bestand > Opslaan als > Excel-werkmap (.xlsx), en importeer dat bestand.';

const extensionOf = (fileName: string) => /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

const isOle = (b: Uint8Array) =>
  b.length >= 8 &&
  b[0] === 0xd0 &&
  b[1] === 0xcf &&
  b[2] === 0x11 &&
  b[3] === 0xe0 &&
  b[4] === 0xa1 &&
  b[5] === 0xb1;

/** An Office file protected with a password is an OLE container holding an "EncryptedPackage" stream. */
function hasEncryptedPackage(b: Uint8Array): boolean {
  const needle = 'EncryptedPackage';
  const first = needle.charCodeAt(0);
  for (
    let i = b.indexOf(first);
    i >= 0 && i < b.length - needle.length * 2;
    i = b.indexOf(first, i + 1)
  ) {
    let match = true;
    for (let k = 1; k < needle.length && match; k++)
      match = b[i + k * 2] === needle.charCodeAt(k) && b[i + k * 2 + 1] === 0;
    if (match) return true;
  }
  return false;
}

export async function openWorkbook(
  input: Uint8Array | ByteSource,
  fileName: string,
  options: OpenWorkbookOptions = {},
): Promise<Result<WorkbookReader>> {
  if (input instanceof Uint8Array) return openBytes(input, fileName, options);
  // From a byte source a delimited file is streamed and an .xlsx read part by part; anything
  // else (refused formats, UTF-16 text) is read whole and opened as bytes.
  const head = await input.read(0, Math.min(input.size, 4096));
  const ext = extensionOf(fileName);
  const xlsxLike = /^(xlsx|xlsm|xltx|xltm)$/.test(ext) || (isZip(head) && ext !== 'ods');
  if (input.size > 0 && isZip(head) && xlsxLike) return openXlsxReader(input);
  const spreadsheet = /^(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|fods)$/.test(ext);
  if (input.size === 0 || spreadsheet || isOle(head) || isZip(head) || looksBinary(head))
    return openBytes(await input.read(0, input.size), fileName, options);
  const source = await openCsvSource(input, fileName, options);
  if (!source) return openBytes(await input.read(0, input.size), fileName, options);
  return ok(csvReader(input, source, fileName));
}

function csvReader(
  bytes: Uint8Array | ByteSource,
  source: CsvSource,
  fileName: string,
): WorkbookReader {
  const sheetName = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Blad1';
  return {
    format: 'csv',
    sheets: [{ name: sheetName, rowCount: source.rowCount }],
    dialect: source.dialect,
    merges: () => Promise.resolve([]),
    // A delimited file has one sheet; any name reads it.
    readRows: (_sheet, onRows, readOptions) => readCsvRows(bytes, source, onRows, readOptions),
  };
}

async function openXlsxReader(input: Uint8Array | ByteSource): Promise<Result<WorkbookReader>> {
  const opened = await openXlsx(input);
  if (!opened.ok) return opened;
  await opened.value.countRows();
  return ok(opened.value);
}

async function openBytes(
  bytes: Uint8Array,
  fileName: string,
  options: OpenWorkbookOptions,
): Promise<Result<WorkbookReader>> {
  const ext = extensionOf(fileName);
  if (bytes.length === 0)
    return err('import.empty_file', `Het bestand ‘${fileName}’ is leeg.`, { fileName });
  if (isOle(bytes)) {
    if (hasEncryptedPackage(bytes))
      return err(
        'import.password_protected',
        `Het bestand ‘${fileName}’ is beveiligd met een wachtwoord. Open het in Excel, verwijder het wachtwoord (Bestand > Info > Werkmap beveiligen) en sla het op als .xlsx.`,
        { fileName },
      );
    return err(
      'import.xls_not_supported',
      `‘${fileName}’ is een oud Excel-bestand (.xls, Excel 97–2003) dat niet rechtstreeks ingelezen kan worden. ${CONVERT_HINT}`,
      { fileName },
    );
  }
  if (ext === 'ods' || ext === 'fods') return odsError();
  if (ext === 'xls' && !isZip(bytes))
    return err(
      'import.xls_not_supported',
      `‘${fileName}’ is geen leesbaar Excel-bestand. ${CONVERT_HINT}`,
      { fileName },
    );
  if (ext === 'xlsb')
    return err(
      'import.xlsb_not_supported',
      `‘${fileName}’ is een binaire Excel-werkmap (.xlsb). Sla het in Excel op als Excel-werkmap (.xlsx) en importeer dat bestand.`,
      { fileName },
    );
  if (isZip(bytes) || ext === 'xlsx' || ext === 'xlsm' || ext === 'xltx' || ext === 'xltm') {
    if (!isZip(bytes))
      return err(
        'import.corrupt_file',
        `‘${fileName}’ is geen geldige Excel-werkmap: het bestand is beschadigd of heeft een verkeerde extensie.`,
        { fileName },
      );
    return openXlsxReader(bytes);
  }
  // Anything else is read as delimited text (.csv, .tsv, .txt, or no extension).
  if (looksBinary(bytes))
    return err(
      'import.unknown_format',
      `‘${fileName}’ is geen rekenblad of tekstbestand dat ingelezen kan worden (.xlsx, .xlsm, .csv, .tsv, .txt).`,
      { fileName },
    );
  return ok(csvReader(bytes, openCsv(bytes, fileName, options), fileName));
}

/** Binary (not text) when NUL bytes show up outside what UTF-16 explains. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  const isUtf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (isUtf16) return false;
  let zeros = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i++)
    if (bytes[i] === 0) {
      zeros++;
      if (i % 2 === 0) zeroEven++;
    }
  if (zeros === 0) return false;
  // BOM-less UTF-16 has its zeros all on one parity.
  const oneParity = zeroEven === 0 || zeroEven === zeros;
  return !(oneParity && zeros > n * 0.3);
}

/** Every row of a sheet (for small sheets, previews and tests). */
export async function readAllRows(
  reader: WorkbookReader,
  sheet: string,
  options: ReadRowsOptions = {},
): Promise<Result<CellValue[][]>> {
  const rows: CellValue[][] = [];
  const result = await reader.readRows(
    sheet,
    (batch) => {
      for (const row of batch) rows.push(row);
    },
    options,
  );
  return result.ok ? ok(rows) : result;
}
