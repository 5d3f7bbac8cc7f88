/** "1/12/2026 21:05" (nl-BE) — when the recovery copy was written. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : 'nl-BE', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}
