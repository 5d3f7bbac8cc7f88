/**
 * Turns what a user typed in a cell back into a stored value. Numbers are read the way they
 * are shown (`1.234,5` in nl-BE, `1,234.5` in English); an empty cell becomes NULL; dates
 * typed as `31/12/2022` become ISO `2022-12-31`, as the workspace stores them. Anything that
 * does not parse stays text, and the core's constraints decide whether that is allowed.
 */
export type EditedValue = string | number | null;

export type EditTarget = {
  /** The value the cell held, which tells us what kind of value the column holds. */
  original: unknown;
  /** The column's declared SQL type ('' when unknown). */
  declaredType?: string;
};

export function isNumericColumn(target: EditTarget): boolean {
  if (typeof target.original === 'number') return true;
  return /INT|REAL|FLOA|DOUB|NUM|DEC/i.test(target.declaredType ?? '');
}

/** Reads a number written in `locale` (nl-BE by default); null when it is not one. */
export function parseLocaleNumber(text: string, locale = 'nl-BE'): number | null {
  const decimal = locale.startsWith('en') ? '.' : ',';
  const group = decimal === ',' ? '.' : ',';
  let cleaned = text.trim().replace(/[\s\u00a0\u202f€%]/g, '');
  if (cleaned === '') return null;
  // A single separator of the "wrong" kind with ≠ 3 digits after it is a decimal point typed
  // by habit (e.g. `1.5` in nl-BE), not a thousands separator.
  const groupCount = cleaned.split(group).length - 1;
  if (
    !cleaned.includes(decimal) &&
    groupCount === 1 &&
    !/\d{3}$/.test(cleaned.split(group)[1] ?? '')
  ) {
    cleaned = cleaned.replace(group, decimal);
  }
  cleaned = cleaned.split(group).join('').replace(decimal, '.');
  if (!/^[-+]?\d*\.?\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

const BELGIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function parseEditedValue(text: string, target: EditTarget, locale = 'nl-BE'): EditedValue {
  if (text.trim() === '') return null;
  if (isNumericColumn(target)) {
    const value = parseLocaleNumber(text, locale);
    return value === null ? text : value;
  }
  if (typeof target.original === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(target.original)) {
    const date = BELGIAN_DATE.exec(text.trim());
    if (date) {
      const [, d, m, y] = date;
      return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    }
  }
  return text;
}

/** What the input shows when editing starts: numbers in the locale, without grouping. */
export function editText(value: unknown, locale = 'nl-BE'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return locale.startsWith('en') ? text : text.replace('.', ',');
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return String(value);
}
