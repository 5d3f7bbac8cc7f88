import { err, ok, type Result } from '../result';

/**
 * FTE are kept as integer thousandths ("milli-FTE") in every sum the planner sees, so 0,1 + 0,2
 * is exactly 0,3 and a total of 300 people × 60 months never drifts. The database keeps REAL
 * `fte` (the import writes it); every read goes through milliSql() and every write through
 * fteOf(milli), so a stored value is always a whole number of thousandths.
 */
export const milliSql = (column = 'fte'): string => `CAST(round(${column} * 1000) AS INTEGER)`;

export const toMilli = (fte: number): number => Math.round(fte * 1000);
export const fteOf = (milli: number): number => milli / 1000;

/** The largest value one grid cell may hold (a cell is one position's part of a month). */
export const MAX_CELL_MILLI = 10_000;

/**
 * Reads what a planner types or pastes into an FTE cell, the Belgian way: "0,8" is 0.8 (not 8),
 * "1.234,5" has a thousands dot, a lone dot ("0.8", from an English sheet) is a decimal point,
 * "80%" is 0.8, "0,8 VTE" and spaces are fine, an empty cell is 0. Returns milli-FTE.
 */
export function parseFte(text: string): Result<number> {
  let value = text
    .trim()
    .replace(/\s*(vte|fte)$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (value === '' || value === '-' || value === '—') return ok(0);
  let percent = false;
  if (value.endsWith('%')) {
    percent = true;
    value = value.slice(0, -1);
  }
  if (value.includes(',')) value = value.replace(/\./g, '').replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value)) {
    return err(
      'fte-not-a-number',
      `"${text}" is geen VTE-waarde. Typ een getal met een komma, bv. 0,8 of 1.`,
      { value: text },
    );
  }
  const number = Number(value) / (percent ? 100 : 1);
  if (number < 0) {
    return err('fte-negative', `"${text}": een inzet kan niet negatief zijn.`, { value: text });
  }
  const milli = toMilli(number);
  if (milli > MAX_CELL_MILLI) {
    return err(
      'fte-too-large',
      `"${text}" is te groot voor één cel (hoogstens ${MAX_CELL_MILLI / 1000} VTE).`,
      { value: text },
    );
  }
  return ok(milli);
}

/** "0,80" (nl-BE) or "0.80" (en): two decimals, as the grid shows a cell. */
export function formatFte(milli: number, locale = 'nl-BE', digits = 2): string {
  return (milli / 1000).toLocaleString(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
