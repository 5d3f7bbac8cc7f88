/** "jan. 2023", "2023-K1" → "K1 2023", "2023", "totaal" as column titles. */
export function bucketLabel(key: string, locale: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return date.toLocaleDateString(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  }
  const quarter = /^(\d{4})-K(\d)$/.exec(key);
  if (quarter)
    return locale.startsWith('en')
      ? `Q${quarter[2]} ${quarter[1]}`
      : `K${quarter[2]} ${quarter[1]}`;
  return key;
}
