/**
 * Clean SQL column names from spreadsheet headers: analysts type them in queries, so they are
 * lowercase ascii with underscores, never start with a digit, never empty and never repeated.
 */

const SQL_RESERVED = new Set([
  'select',
  'from',
  'where',
  'group',
  'order',
  'by',
  'table',
  'index',
  'insert',
  'update',
  'delete',
  'create',
  'drop',
  'values',
  'and',
  'or',
  'not',
  'null',
  'join',
  'on',
  'as',
  'limit',
  'rowid',
  'primary',
  'key',
  'default',
  'check',
  'references',
  'unique',
  'having',
  'case',
  'when',
  'then',
  'else',
  'end',
  'in',
  'is',
  'between',
  'like',
  'union',
  'all',
  'distinct',
]);

/** Fold accents and ligatures so "Bevölkerung" → "bevolkerung", "Œuvre" → "oeuvre". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ø/gi, 'o')
    .replace(/€/g, 'eur')
    .replace(/%/g, 'pct');
}

/** One header → a bare SQL identifier (not yet unique). */
export function toColumnName(header: string, fallback = 'kolom'): string {
  let name = foldAccents(header.trim())
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `k_${name}`;
  if (SQL_RESERVED.has(name)) name = `${name}_`;
  return name;
}

/**
 * Headers → unique clean names. Empty headers become `kolom_<n>` (n = 1-based column number, as
 * the user can find it in the sheet); repeats get `_2`, `_3`, … suffixes.
 */
export function uniqueColumnNames(
  headers: readonly string[],
  columnNumbers?: readonly number[],
): string[] {
  const used = new Set<string>();
  return headers.map((header, i) => {
    const number = (columnNumbers?.[i] ?? i) + 1;
    const base = toColumnName(header, `kolom_${number}`);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}
