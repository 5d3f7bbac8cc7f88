/**
 * Numbers and dates for people, through Intl with the UI's locale: `1.234,5`, `€ 40.000`,
 * `31/12/2022` in nl-BE. Pure functions (tested in Node), cached formatters (Intl objects are
 * expensive to create and a table formats thousands of cells).
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** `1234.5` → `1.234,5` (at most `maxDecimals` decimals, no trailing zeros). */
export function formatNumber(value: number, locale: string, maxDecimals = 2): string {
  return numberFormat(locale, { maximumFractionDigits: maxDecimals }).format(value);
}

/** Whole numbers: `285`, `1.234`. */
export function formatInteger(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Euro amounts, without cents when they are whole: `€ 40.000`, `€ 1.234,50`. */
export function formatEuro(value: number, locale: string): string {
  const whole = Number.isInteger(value);
  return numberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(value);
}

/** FTE with two decimals, as planners write them: `1,50`. */
export function formatFte(value: number, locale: string): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** The units a figure comes in (the dashboard's ChartUnit, the answer's AnswerUnit). */
export type AmountUnit = 'fte' | 'count' | 'eur' | 'people';

/**
 * A figure as the dashboard and the answer write it: `26,1 VTE` (FTE to one decimal), `€ 40.000`
 * (euros whole), `12` (counts and people). One function, so the screen, the draft text and every
 * export show the same number.
 */
export function formatAmount(
  value: number,
  unit: AmountUnit,
  locale: string,
  withUnit = true,
): string {
  // `|| 0`: a gap of −0,04 rounds to −0, which Intl writes as "-0".
  if (unit === 'eur') return formatEuro(Math.round(value) || 0, locale);
  if (unit === 'fte') {
    const text = formatNumber(Math.round(value * 10) / 10 || 0, locale, 1);
    return withUnit ? `${text} ${locale.startsWith('nl') ? 'VTE' : 'FTE'}` : text;
  }
  return formatInteger(value, locale);
}

/**
 * A share (0.55) as the percentage a user reads and types (55). 0.55 × 100 is
 * 55.00000000000001 in binary floating point, which an input showed as "55,0000000…"; twelve
 * significant digits are more than anyone types and drop that noise.
 */
export function shareAsPercent(share: number): number {
  return Number((share * 100).toPrecision(12));
}

/** A share 0…1 as a percentage: `0.5` → `50 %` (nl-BE) / `50%` (en). */
export function formatPercent(value: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * An ISO date (`2022-12-31`, as the workspace stores dates) → `31/12/2022`; a month
 * (`2022-12`) → `12/2022`. Anything else comes back unchanged.
 */
export function formatIsoDate(value: string, locale: string): string {
  const date = ISO_DATE.exec(value);
  if (date) {
    const [, y, m, d] = date;
    const utc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return dateFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(utc);
  }
  const month = ISO_MONTH.exec(value);
  if (month) return `${month[2]}/${month[1]}`;
  return value;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}

/** How a column's values should read, guessed from its name (the schema's naming rules). */
export type ValueKind =
  'text' | 'code' | 'integer' | 'year' | 'number' | 'euro' | 'fte' | 'share' | 'date' | 'flag';

export function valueKindForColumn(column: string): ValueKind {
  const name = column.toLowerCase();
  if (name.endsWith('_eur') || name === 'budget' || name.endsWith('_budget')) return 'euro';
  if (name === 'year' || name.endsWith('_year')) return 'year';
  if (name === 'fte' || name.endsWith('_fte')) return 'fte';
  if (name.endsWith('_share')) return 'share';
  if (name.startsWith('is_') || name.startsWith('has_')) return 'flag';
  if (
    name.endsWith('_date') ||
    name === 'valid_from' ||
    name === 'valid_to' ||
    name.endsWith('_at')
  )
    return 'date';
  if (name.endsWith('_code') || name === 'code' || name === 'nis_code' || name === 'id')
    return 'code';
  return 'text';
}

/** Whether a column's values sit right-aligned (numbers line up on their digits). */
export function isNumericKind(kind: ValueKind): boolean {
  return (
    kind === 'integer' || kind === 'number' || kind === 'euro' || kind === 'fte' || kind === 'share'
  );
}

/**
 * Formats one stored value for display. `kind` comes from the column name; a plain number in a
 * text-looking column still gets locale grouping (`12.345`).
 */
export function formatValue(
  value: unknown,
  kind: ValueKind,
  locale: string,
  labels: { yes: string; no: string } = { yes: 'ja', no: 'nee' },
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    switch (kind) {
      case 'euro':
        return formatEuro(value, locale);
      case 'fte':
        return formatFte(value, locale);
      case 'share':
        return formatPercent(value, locale);
      case 'year':
      case 'code':
        return String(value);
      case 'flag':
        return value ? labels.yes : labels.no;
      default:
        return formatNumber(value, locale);
    }
  }
  if (typeof value === 'string')
    return kind === 'date' || isIsoDate(value) ? formatIsoDate(value, locale) : value;
  if (value instanceof Uint8Array) return `⟨${value.length} bytes⟩`;
  return String(value);
}
