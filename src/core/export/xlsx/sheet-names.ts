/** Excel's rules for sheet names: ≤ 31 characters, none of : \ / ? * [ ], no leading/trailing '. */
export const MAX_SHEET_NAME = 31;

/** Names Excel keeps for itself. */
const RESERVED = new Set(['history']);

/** Makes `wanted` a valid sheet name that is not yet in `taken` (compared case-insensitively). */
export function validSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  let base = wanted
    // eslint-disable-next-line no-control-regex -- control characters are what we remove
    .replace(/[:\\/?*[\]\u0000-\u001F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '' || RESERVED.has(base.toLowerCase())) base = base === '' ? 'Blad' : `${base} 1`;
  base = [...base].slice(0, MAX_SHEET_NAME).join('').trim();
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const stem = [...base]
      .slice(0, MAX_SHEET_NAME - suffix.length)
      .join('')
      .trimEnd();
    const name = `${stem}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
