import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/nl-be';
import 'dayjs/locale/en-gb';
import { useTranslation } from 'react-i18next';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat'> & {
  /** ISO date (yyyy-mm-dd) or null. */
  value: string | null;
  onChange(value: string | null): void;
};

/**
 * A date typed and shown the Belgian way (dd/mm/jjjj, a calendar in Dutch, weeks from Monday)
 * whatever the browser's own locale — the native `<input type="date">` follows the OS and
 * showed mm/dd/yyyy in an English Chromium. The value stays an ISO date for the core.
 */
export function DateField({ value, onChange, ...rest }: Props) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-gb' : 'nl-be';
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        {...rest}
        value={value}
        onChange={(next) => onChange(next ? String(next).slice(0, 10) : null)}
        valueFormat="DD/MM/YYYY"
        dateParser={parseBelgianDate}
      />
    </DatesProvider>
  );
}

/** "31/12/2026", "31-12-2026", "31.12.26" or an ISO date → "2026-12-31"; anything else → null. */
export function parseBelgianDate(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (be) {
    day = Number(be[1]);
    month = Number(be[2]);
    year = be[3]!.length === 2 ? 2000 + Number(be[3]) : Number(be[3]);
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}
