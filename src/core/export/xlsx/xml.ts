/** Small XML and cell-address helpers for the .xlsx writer. */

const XML_SPECIAL = /[&<>"]/g;
const HAS_XML_SPECIAL = /[&<>"]/;
const XML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};
/**
 * Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F), and
 * text that Excel would read as its own `_xHHHH_` escape: both are written as that escape, so
 * the cell reads back exactly as the user's text.
 */
const NEEDS_OOXML_ESCAPE =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_x[0-9A-Fa-f]{4}_/g;

function ooxmlEscape(match: string): string {
  if (match.length > 1) return `_x005F_${match.slice(1)}`; // "_x0041_" stays literal text
  return `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Anything that may need work below; most cells have none of it and return at once. */
// eslint-disable-next-line no-control-regex -- control characters are part of what this finds
const MAYBE_SPECIAL = /[\u0000-\u001F&<>"_\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for element content and attribute values. */
export function xmlText(text: string): string {
  if (!MAYBE_SPECIAL.test(text)) return text;
  let out = text;
  NEEDS_OOXML_ESCAPE.lastIndex = 0;
  if (NEEDS_OOXML_ESCAPE.test(out)) {
    NEEDS_OOXML_ESCAPE.lastIndex = 0;
    out = out.replace(NEEDS_OOXML_ESCAPE, ooxmlEscape);
  }
  NEEDS_OOXML_ESCAPE.lastIndex = 0;
  return HAS_XML_SPECIAL.test(out) ? out.replace(XML_SPECIAL, (c) => XML_ENTITY[c] ?? c) : out;
}

const letters: string[] = [];

/** 0-based column index → "A", "B", … "XFD". */
export function columnLetter(index: number): string {
  let cached = letters[index];
  if (cached !== undefined) return cached;
  let n = index + 1;
  cached = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    cached = String.fromCharCode(65 + rest) + cached;
    n = Math.floor((n - 1) / 26);
  }
  letters[index] = cached;
  return cached;
}

/** "A1"-style reference of a 0-based column and 1-based row. */
export const cellRef = (column: number, row: number): string => `${columnLetter(column)}${row}`;

/** An absolute range on a sheet, quoted for use in formulas and chart references. */
export function sheetRange(
  sheet: string,
  fromColumn: number,
  fromRow: number,
  toColumn = fromColumn,
  toRow = fromRow,
): string {
  const from = `$${columnLetter(fromColumn)}$${fromRow}`;
  const to = `$${columnLetter(toColumn)}$${toRow}`;
  return `${quoteSheetName(sheet)}!${from}${from === to ? '' : `:${to}`}`;
}

/** A sheet name as formulas need it: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date (taken as a calendar date/time in UTC) → Excel's serial day number. */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / 86_400_000;
}

/** "2022-12-31" (or "2022-12-31T…") → Excel serial, or null when it is no ISO date. */
export function isoDateSerial(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(time) ? null : (time - EXCEL_EPOCH) / 86_400_000;
}
