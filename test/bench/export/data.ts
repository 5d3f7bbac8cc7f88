/** The bench's rows, generated the same way for every writer: 10 columns of mixed types. */
export const COLUMNS = [
  'id',
  'naam',
  'gemeente',
  'vte',
  'budget',
  'start',
  'aandeel',
  'deelnemers',
  'code',
  'opmerking',
] as const;

const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);

export function row(i: number): (string | number | Date)[] {
  return [
    i + 1,
    `Persoon ${i + 1}`,
    `Gemeente ${(i * 7) % 300}`,
    ((i * 37) % 101) / 100,
    Math.round(((i * 7919) % 1_000_000) * 1.25) / 100,
    new Date(START + ((i * 13) % 1826) * DAY),
    ((i * 3) % 1000) / 1000,
    (i * 11) % 5000,
    `P${String(i % 100_000).padStart(5, '0')}`,
    i % 10 === 0 ? `=NIET("${i}") blijft tekst` : `vrije tekst ${i % 977}`,
  ];
}
