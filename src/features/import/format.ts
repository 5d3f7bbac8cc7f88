import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellValue, ColumnType, SqlValue } from '../../core/import/types';

/**
 * Numbers, sizes and dates the Belgian way (nl-BE: `1.234,5`, `31/12/2022`); English gets
 * en-GB so dates stay day-first.
 */
export type Formatters = {
  locale: string;
  count(n: number): string;
  bytes(n: number): string;
  dateTime(iso: string): string;
  /**
   * A raw spreadsheet cell as the preview shows it: numbers grouped in number columns, codes
   * and anything in a text or header row as written.
   */
  cell(value: CellValue, type?: ColumnType): string;
  /** A database value in a diff (old → new). */
  sql(value: SqlValue, empty: string): string;
};

export function localeFor(language: string | undefined): string {
  return language?.startsWith('en') ? 'en-GB' : 'nl-BE';
}

export const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set([
  'integer',
  'decimal',
  'percent',
  'currency',
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

function isoToLocal(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = `${m[3]}/${m[2]}/${m[1]}`;
  return m[4] ? `${date} ${m[4]}:${m[5]}` : date;
}

export function createFormatters(locale: string): Formatters {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 10, useGrouping: false });
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 });
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const yes = locale.startsWith('en') ? 'yes' : 'ja';
  const no = locale.startsWith('en') ? 'no' : 'nee';
  return {
    locale,
    count: (n) => integer.format(n),
    bytes(n) {
      if (n < 1024) return `${integer.format(n)} B`;
      if (n < 1024 * 1024) return `${oneDecimal.format(n / 1024)} kB`;
      return `${oneDecimal.format(n / (1024 * 1024))} MB`;
    },
    dateTime(iso) {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
    },
    cell(value, type) {
      if (value === null) return '';
      if (typeof value === 'string') return value;
      if (typeof value === 'boolean') return value ? yes : no;
      if (typeof value === 'number') {
        return type !== undefined && NUMERIC_TYPES.has(type)
          ? grouped.format(value)
          : plain.format(value);
      }
      return isoToLocal(value.date);
    },
    sql(value, empty) {
      if (value === null || value === '') return empty;
      if (typeof value === 'number') {
        // Large whole numbers are counts (inhabitants); small ones are read as they are.
        return Number.isInteger(value) && Math.abs(value) < 10000
          ? plain.format(value)
          : grouped.format(value);
      }
      return ISO_DATE.test(value) && value.length <= 19 ? isoToLocal(value) : value;
    },
  };
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => createFormatters(locale), [locale]);
}
