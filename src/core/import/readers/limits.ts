import { err } from '../../result';
import type { AppError, Result } from '../../result';

/**
 * What the readers refuse, so a hostile or broken file gets a clear message in bounded memory and
 * time instead of running for minutes: a cell longer than Excel allows, a CSV line or a sheet row
 * too long to be a table row, a zip part that inflates far beyond its size.
 */
export const LIMITS = {
  /** Excel's own maximum for one cell. */
  cellChars: 32_767,
  /** One CSV line (a row with all its fields): 8 MB of text. */
  lineChars: 8 * 1024 * 1024,
  /** One `<row>` of a worksheet's XML, or one shared string item. */
  rowXmlChars: 16 * 1024 * 1024,
  /** A zip part may inflate to this many bytes, whatever its ratio. */
  partBytes: 4 * 1024 * 1024 * 1024,
  /** Above `ratioFrom` inflated bytes a part may not be more than `ratio` times its compressed size. */
  ratio: 500,
  ratioFrom: 32 * 1024 * 1024,
} as const;

/** A reader's refusal, thrown inside a scan and turned into a Result at the reader's edge. */
export class ReadError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

export function readError(
  code: string,
  message: string,
  location?: AppError['location'],
): ReadError {
  return new ReadError({ code, message, ...(location ? { location } : {}) });
}

export function asResult(error: ReadError): Result<never> {
  const { code, message, params, location } = error.appError;
  return err(code, message, params, location);
}

/** 0 → 'A', 27 → 'AB': a column as the user finds it in Excel. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const mb = (chars: number) => `${Math.round(chars / (1024 * 1024))} MB`;

export function cellTooLong(cell: string, row: number, length: number): ReadError {
  return readError(
    'import.cell_too_long',
    `Cel ${cell} (rij ${row}) bevat ${length.toLocaleString('nl-BE')} tekens of meer; een cel mag er hoogstens ${LIMITS.cellChars.toLocaleString('nl-BE')} hebben (de grens van Excel). Er is niets geïmporteerd. Kort de cel in of verwijder ze, en importeer opnieuw.`,
    { row, column: cell.replace(/\d+$/, '') },
  );
}

export function lineTooLong(row: number): ReadError {
  return readError(
    'import.line_too_long',
    `Regel ${row} is langer dan ${mb(LIMITS.lineChars)} zonder einde; dat is geen rij van een tabel (vaak een aanhalingsteken dat nooit gesloten wordt). Er is niets geïmporteerd. Controleer regel ${row} in een teksteditor.`,
    { row },
  );
}

export function rowTooLarge(row: number): ReadError {
  return readError(
    'import.row_too_large',
    `Rij ${row} van het werkblad is groter dan ${mb(LIMITS.rowXmlChars)}; dat is geen rij van een tabel. Er is niets geïmporteerd. Open het bestand in Excel, controleer rij ${row} en sla het opnieuw op.`,
    { row },
  );
}
