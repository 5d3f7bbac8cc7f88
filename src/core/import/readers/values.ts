import type { Result } from '../../result';
import type {
  CellValue,
  ColumnType,
  NumberStyle,
  ParseOptions,
  SqlValue,
  ValueProblem,
} from '../types';

/**
 * Belgian-aware cell parsing: `1.234,56`, `12,5 %`, `€ 40.000`, `31/12/2021`, `1 januari 2021`,
 * Excel serials, `ja/nee`, NIS codes as 5-digit text. English-style numbers (`1,234.56`) are
 * read when the column's number style (decided by detectLayout from its sample) says so.
 */

type Parsed = Result<SqlValue, ValueProblem>;

const OK_NULL: Parsed = { ok: true, value: null };
const okv = (value: SqlValue): Parsed => ({ ok: true, value });
const problem = (reason: string, expected: ColumnType): Parsed => ({
  ok: false,
  error: { reason, expected },
});

const TYPE_LABEL: Record<ColumnType, string> = {
  text: 'tekst',
  integer: 'geheel getal',
  decimal: 'getal',
  percent: 'percentage',
  currency: 'bedrag',
  date: 'datum',
  boolean: 'ja/nee-waarde',
  nis_code: 'NIS-code',
};

const quoteValue = (text: string) => `‘${text}’`;
const notA = (text: string, type: ColumnType): Parsed =>
  problem(`${quoteValue(text)} is geen geldige ${TYPE_LABEL[type]}`, type);

// ---------------------------------------------------------------------------------------------
// Numbers

const PLAIN_INT = /^[-+]?\d{1,15}$/;
const PLAIN_DOT_DECIMAL = /^[-+]?\d+\.\d+$/;
const PLAIN_COMMA_DECIMAL = /^[-+]?\d+,\d+$/;
/** Thousands groups: a group mark never follows a leading 0 (`0.125` is no 125). */
const GROUPED_DOTS = /^[1-9]\d{0,2}(\.\d{3})+$/;
const GROUPED_COMMAS = /^[1-9]\d{0,2}(,\d{3})+$/;
const DIGITS = /^\d+$/;
// Spaces, no-break and narrow no-break spaces and apostrophes group thousands in many locales.
const GROUP_SPACES = /[\s\u00a0\u202f']/g;

/**
 * Text → number under a decimal convention, or null when it is not a number.
 * 'comma' (Belgian): `.` groups thousands, `,` is the decimal mark. 'dot': the reverse.
 * A lone separator that cannot be a thousands group (`1.5`, `1,5`) is taken as the decimal mark
 * in either style: being lenient there loses nothing.
 */
export function parseNumber(raw: string, style: NumberStyle = 'comma'): number | null {
  const quick = quickNumber(raw, style === 'comma' ? 44 : 46, style === 'comma' ? 46 : 44);
  if (quick === quick) return quick; // not NaN
  let text = raw.trim();
  if (text === '') return null;
  // Fast paths for what machine-written files contain.
  if (PLAIN_INT.test(text)) return Number(text);
  if (PLAIN_DOT_DECIMAL.test(text) && style === 'dot') return Number(text);
  if (PLAIN_COMMA_DECIMAL.test(text) && style === 'comma') return Number(text.replace(',', '.'));

  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  text = text.replace(GROUP_SPACES, '');
  let exponent = 0;
  const e = /[eE]([-+]?\d{1,3})$/.exec(text);
  if (e) {
    exponent = Number(e[1]);
    text = text.slice(0, e.index);
  }
  if (text === '') return null;
  const decimalMark = style === 'comma' ? ',' : '.';
  const groupMark = style === 'comma' ? '.' : ',';
  const grouped = style === 'comma' ? GROUPED_DOTS : GROUPED_COMMAS;
  let intPart: string;
  let fracPart = '';
  const d = text.indexOf(decimalMark);
  if (d >= 0) {
    if (text.indexOf(decimalMark, d + 1) >= 0) return null;
    intPart = text.slice(0, d);
    fracPart = text.slice(d + 1);
    if (!DIGITS.test(fracPart) && fracPart !== '') return null;
  } else intPart = text;
  if (intPart === '') intPart = '0';
  if (intPart.includes(groupMark)) {
    if (grouped.test(intPart)) intPart = intPart.split(groupMark).join('');
    else if (d < 0 && intPart.split(groupMark).length === 2) {
      // `1.5` in Belgian style or `1,5` in English style: a decimal mark after all.
      const [a, b] = intPart.split(groupMark) as [string, string];
      if (!DIGITS.test(a) || !DIGITS.test(b)) return null;
      intPart = a;
      fracPart = b;
    } else return null;
  } else if (!DIGITS.test(intPart)) return null;
  let n = Number(fracPart === '' ? intPart : `${intPart}.${fracPart}`);
  if (exponent !== 0) n = Number(`${n}e${exponent}`);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * One pass, no allocation, for the common shapes: `-1.234.567,89`, `1234,5`, `42`. Returns NaN
 * for anything else (the general path decides). With at most 15 significant digits the
 * mantissa and the power of ten are exact, so `m / 10^k` is the correctly rounded value — the
 * same double `Number('1234.56')` gives.
 */
function quickNumber(text: string, decimalMark: number, groupMark: number): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  let c = text.charCodeAt(0);
  if (c === 45 /* - */) {
    negative = true;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let groupDigits = -1; // digits since the last group mark; -1 before any
  let firstGroup = 0;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (groupDigits >= 0) groupDigits++;
      else firstGroup++;
    } else if (c === groupMark) {
      if (
        groupDigits === -1
          ? firstGroup === 0 || firstGroup > 3 || mantissa === 0
          : groupDigits !== 3
      )
        return NaN;
      groupDigits = 0;
    } else break;
  }
  if (digits === 0 || (groupDigits >= 0 && groupDigits !== 3)) return NaN;
  let decimals = 0;
  if (i < n) {
    if (c !== decimalMark) return NaN;
    for (i++; i < n; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      decimals++;
    }
    if (decimals === 0) return NaN;
  }
  if (digits > 15) return NaN;
  const value = decimals === 0 ? mantissa : mantissa / (POW10[decimals] as number);
  return negative ? -value : value;
}

/**
 * Which decimal convention a column's text sample uses, decided from all its values: a `0.x`,
 * a group that is not 3 digits (`1.5`, `2.25`) or a mark used twice (`1.234.567`) decides;
 * values that fit both (`1.234` alone) do not. Undecidable columns fall back to Belgian, which
 * is what our users' files mostly are, and are flagged `guessed` when they held such values.
 */
export function numberStyleOf(samples: readonly string[]): {
  style: NumberStyle;
  guessed: boolean;
} {
  let comma = 0;
  let dot = 0;
  let ambiguous = 0;
  for (const raw of samples) {
    const t = raw
      .replace(GROUP_SPACES, '')
      .replace(/[€%]|EUR/gi, '')
      .replace(/^[-+]/, '');
    const lastDot = t.lastIndexOf('.');
    const lastComma = t.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) {
      if (lastComma > lastDot) comma++;
      else dot++;
    } else if (lastComma >= 0) {
      // `1,234` alone is ambiguous; `1,5`, `0,234` or `1,2345` is a decimal comma.
      if (!GROUPED_COMMAS.test(t)) comma++;
      else if (t.split(',').length > 2) dot++;
      else ambiguous++;
    } else if (lastDot >= 0) {
      if (!GROUPED_DOTS.test(t)) dot++;
      else if (t.split('.').length > 2) comma++;
      else ambiguous++;
    }
  }
  return { style: dot > comma ? 'dot' : 'comma', guessed: ambiguous > 0 && dot === comma };
}

/** The decimal convention alone: see numberStyleOf. */
export function detectNumberStyle(samples: readonly string[]): NumberStyle {
  return numberStyleOf(samples).style;
}

const CURRENCY = /€|\bEUR\b|\bEuro\b|^EUR|EUR$/gi;

function parseCurrencyText(text: string, style: NumberStyle): number | null {
  const stripped = text.replace(CURRENCY, '').trim().replace(/,-$/, '');
  return parseNumber(stripped, style);
}

function parsePercentText(text: string, style: NumberStyle): number | null {
  const t = text.trim();
  if (t.endsWith('%')) {
    const n = parseNumber(t.slice(0, -1), style);
    return n === null ? null : n / 100;
  }
  // In a percent column a bare number is read as percentage points, like Excel's input does.
  const n = parseNumber(t, style);
  return n === null ? null : n / 100;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['januari', 'jan', 'january', 'janvier', 'janv']],
  [2, ['februari', 'feb', 'febr', 'february', 'février', 'fevrier', 'févr', 'fevr']],
  [3, ['maart', 'mrt', 'maa', 'march', 'mar', 'mars']],
  [4, ['april', 'apr', 'avril', 'avr']],
  [5, ['mei', 'may', 'mai']],
  [6, ['juni', 'jun', 'june', 'juin']],
  [7, ['juli', 'jul', 'july', 'juillet', 'juil']],
  [8, ['augustus', 'aug', 'august', 'août', 'aout']],
  [9, ['september', 'sep', 'sept', 'septembre']],
  [10, ['oktober', 'okt', 'october', 'oct', 'octobre']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['december', 'dec', 'décembre', 'decembre', 'déc']],
];
for (const [m, names] of monthNames) for (const name of names) MONTHS[name] = m;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => String(n).padStart(4, '0');

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Two-digit years pivot like Excel: 00–29 → 2000s, 30–99 → 1900s. */
const fullYear = (y: string) => {
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
};

function isoDate(y: number, m: number, d: number, time?: string): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1000 || y > 9999) return null;
  const date = `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
  return time ? `${date}T${time}` : date;
}

function timePart(h?: string, mi?: string, s?: string): string | undefined | null {
  if (h === undefined) return undefined;
  const hh = Number(h);
  const mm = Number(mi ?? 0);
  const ss = Math.floor(Number(s ?? 0));
  if (hh > 23 || mm > 59 || ss > 59) return null;
  if (hh === 0 && mm === 0 && ss === 0) return undefined;
  return `${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
}

const TIME = '(?:[ T]+(\\d{1,2})[:.u](\\d{2})(?::(\\d{2}(?:[.,]\\d+)?))?)?';
const ISO_DATE = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}(?:Z|[+-]\\d{2}:?\\d{2})?$`);
const DMY_DATE = new RegExp(`^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}$`);
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const TEXT_MONTH = new RegExp(
  `^(?:[a-zà-ü]+\\.?,?\\s+)?(\\d{1,2})(?:e|ste|de|er)?[\\s.-]+([a-zà-ü]+)\\.?[\\s.-]+(\\d{4}|\\d{2})${TIME}$`,
);

/** Days from 1970-01-01 → ISO date. */
function epochDaysToIso(days: number): string {
  const d = new Date(days * 86_400_000);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * An Excel serial → ISO date (with `THH:MM:SS` when it has a time of day). 1900 system: Excel
 * counts a non-existent 29 Feb 1900 (serial 60), so serials after it are one day ahead.
 * 1904 system (old Mac workbooks): serial 0 is 1904-01-01.
 */
export function excelSerialToIso(serial: number, date1904 = false): string {
  let whole = Math.floor(serial);
  let seconds = Math.round((serial - whole) * 86_400);
  if (seconds >= 86_400) {
    whole += 1;
    seconds -= 86_400;
  }
  let epochDays: number;
  if (date1904) epochDays = whole - 24_107;
  else if (whole >= 61) epochDays = whole - 25_569;
  else if (whole === 60) return '1900-02-29';
  else epochDays = whole - 25_568;
  const date = epochDaysToIso(epochDays);
  if (seconds === 0) return date;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${date}T${pad2(h)}:${pad2(m)}:${pad2(seconds % 60)}`;
}

/** Text → ISO date, or null. */
export function parseDateText(raw: string): string | null {
  const text = raw.trim();
  let m = ISO_DATE.exec(text);
  if (m) {
    const t = timePart(m[4], m[5], m[6]);
    return t === null ? null : isoDate(Number(m[1]), Number(m[2]), Number(m[3]), t);
  }
  m = DMY_DATE.exec(text);
  if (m) {
    const t = timePart(m[5], m[6], m[7]);
    return t === null ? null : isoDate(fullYear(m[4] as string), Number(m[3]), Number(m[1]), t);
  }
  m = YMD_SLASH.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = TEXT_MONTH.exec(text.toLowerCase());
  if (m) {
    const month = MONTHS[m[2] as string];
    if (month === undefined) return null;
    const t = timePart(m[4], m[5], m[6]);
    return t === null ? null : isoDate(fullYear(m[3] as string), month, Number(m[1]), t);
  }
  return null;
}

/** Whether text looks like a date at all (to tell "wrong date" from "not a date"). */
const LOOKS_LIKE_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|^\d{1,2}\s+[a-zà-ü]+\.?\s+\d{2,4}$/i;

// Serials from 1 Jan 1910 to 31 Dec 2099: a bare number in a date column outside this range is
// far more likely a mistake than a date.
const MIN_SERIAL = 3654;
const MAX_SERIAL = 73_415;

// ---------------------------------------------------------------------------------------------
// Booleans and NIS codes

const TRUE_WORDS = new Set([
  'ja',
  'j',
  'waar',
  'x',
  'true',
  'yes',
  'y',
  '1',
  'oui',
  'vrai',
  'wahr',
]);
const FALSE_WORDS = new Set([
  'nee',
  'n',
  'neen',
  'onwaar',
  'false',
  'no',
  '0',
  'non',
  'faux',
  'falsch',
]);

export const isBooleanWord = (text: string): boolean => {
  const t = text.trim().toLowerCase();
  return TRUE_WORDS.has(t) || FALSE_WORDS.has(t);
};

/** Flemish provinces (1x Antwerpen, 3x West-, 4x Oost-Vlaanderen, 7x Limburg, 23/24 Vlaams-Brabant) and Brussels (21). */
const NIS_PATTERN = /^(1[1-3]|2[134]|3[1-8]|4[1-6]|7[1-3])\d{3}$/;

export const isValidNisCode = (code: string): boolean => NIS_PATTERN.test(code);

const FIVE_DIGITS = /^\d{5}$/;

function parseNis(text: string): Parsed {
  let t = text.trim();
  // Five digits, nearly every cell, skip the clean-up: its `\.0+$` was a seventh of the CPU of
  // reading a 100,000-row sheet with a NIS column.
  if (!FIVE_DIGITS.test(t) && /^\d{4,5}(\.0+)?$/.test(t))
    t = t.replace(/\.0+$/, '').padStart(5, '0');
  if (!FIVE_DIGITS.test(t))
    return problem(`${quoteValue(text)} is geen NIS-code (vijf cijfers)`, 'nis_code');
  if (!NIS_PATTERN.test(t))
    return problem(`${quoteValue(text)} is geen Vlaamse of Brusselse NIS-code`, 'nis_code');
  return okv(t);
}

// ---------------------------------------------------------------------------------------------

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e12) / 1e12);
}

function parseNumberCell(n: number, type: ColumnType, options: ParseOptions): Parsed {
  switch (type) {
    case 'text':
      return okv(numberText(n));
    case 'integer':
      return Number.isInteger(n)
        ? okv(n)
        : problem(`${quoteValue(numberText(n))} is geen geheel getal`, type);
    case 'decimal':
    case 'percent':
    case 'currency':
      return okv(n);
    case 'date':
      if (n >= (options.date1904 ? 0 : 1) && n < 2_958_466)
        return okv(excelSerialToIso(n, options.date1904));
      return notA(numberText(n), type);
    case 'boolean':
      return n === 1 ? okv(1) : n === 0 ? okv(0) : notA(numberText(n), type);
    case 'nis_code':
      return Number.isInteger(n) ? parseNis(String(n)) : notA(numberText(n), type);
  }
}

function parseTextCell(raw: string, type: ColumnType, options: ParseOptions): Parsed {
  const text = raw.trim();
  if (text === '') return OK_NULL;
  const style = options.numberStyle ?? 'comma';
  switch (type) {
    case 'text':
      return okv(text);
    case 'integer': {
      const n = parseNumber(text, style);
      if (n === null) return notA(text, type);
      return Number.isInteger(n)
        ? okv(n)
        : problem(`${quoteValue(text)} is geen geheel getal`, type);
    }
    case 'decimal': {
      const n = parseNumber(text, style);
      return n === null ? notA(text, type) : okv(n);
    }
    case 'percent': {
      const n = parsePercentText(text, style);
      return n === null ? notA(text, type) : okv(n);
    }
    case 'currency': {
      const n = parseCurrencyText(text, style);
      return n === null ? notA(text, type) : okv(n);
    }
    case 'date': {
      const iso = parseDateText(text);
      if (iso !== null) return okv(iso);
      if (/^\d{4,5}(\.\d+)?$/.test(text)) {
        const n = Number(text);
        if (n >= MIN_SERIAL && n <= MAX_SERIAL) return okv(excelSerialToIso(n, options.date1904));
      }
      if (LOOKS_LIKE_DATE.test(text))
        return problem(`${quoteValue(text)} is geen geldige datum`, type);
      return problem(`${quoteValue(text)} is geen datum`, type);
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (TRUE_WORDS.has(t)) return okv(1);
      if (FALSE_WORDS.has(t)) return okv(0);
      return problem(`${quoteValue(text)} is geen ja/nee-waarde (ja, nee, waar, onwaar, x)`, type);
    }
    case 'nis_code':
      return parseNis(text);
  }
}

/**
 * One raw cell → an SQL value for its column's type. Empty cells are null for every type.
 * Never throws; a cell that does not fit its type gives a Dutch reason.
 */
export function parseValue(cell: CellValue, type: ColumnType, options: ParseOptions = {}): Parsed {
  if (cell === null) return OK_NULL;
  if (typeof cell === 'string') return parseTextCell(cell, type, options);
  if (typeof cell === 'number') return parseNumberCell(cell, type, options);
  if (typeof cell === 'boolean') {
    if (type === 'boolean' || type === 'integer') return okv(cell ? 1 : 0);
    if (type === 'text') return okv(cell ? 'ja' : 'nee');
    return notA(cell ? 'WAAR' : 'ONWAAR', type);
  }
  // A date-formatted xlsx cell.
  if (type === 'date' || type === 'text') return okv(cell.date);
  return notA(cell.date, type);
}

/**
 * A parser for one column, for the hot loop of an import: the type and options are fixed once,
 * numbers already in the cell skip the text paths, and repeated texts (dates, codes, ja/nee)
 * are parsed once.
 */
export function makeColumnParser(
  column: { type: ColumnType; numberStyle?: NumberStyle },
  options: ParseOptions = {},
): (cell: CellValue) => Parsed {
  const type = column.type;
  const opts: ParseOptions = {
    numberStyle: column.numberStyle ?? options.numberStyle,
    date1904: options.date1904,
  };
  const numeric = type === 'integer' || type === 'decimal' || type === 'currency';
  // Columns whose values repeat a lot get a small memo of text → result.
  const memo =
    type === 'date' || type === 'boolean' || type === 'nis_code' ? new Map<string, Parsed>() : null;
  return (cell) => {
    if (cell === null) return OK_NULL;
    if (typeof cell === 'number') {
      if (numeric && (type !== 'integer' || Number.isInteger(cell)))
        return { ok: true, value: cell };
      return parseNumberCell(cell, type, opts);
    }
    if (typeof cell === 'string') {
      if (type === 'text') {
        const t = cell.trim();
        return t === '' ? OK_NULL : { ok: true, value: t };
      }
      if (memo) {
        let hit = memo.get(cell);
        if (hit === undefined) {
          hit = parseTextCell(cell, type, opts);
          if (memo.size < 50_000) memo.set(cell, hit);
        }
        return hit;
      }
      return parseTextCell(cell, type, opts);
    }
    return parseValue(cell, type, opts);
  };
}
