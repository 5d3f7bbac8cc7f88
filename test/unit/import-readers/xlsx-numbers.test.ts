import { describe, expect, it } from 'vitest';
import { plainNumberAt } from '../../../src/core/import/readers/xlsx/sheet';

/** The scanner's slice-free number reading must give exactly what `+text` gives, or NaN. */
const read = (text: string) => plainNumberAt(`<v>${text}</v>`, 3, 3 + text.length);

describe('plainNumberAt: the cell scanner reads plain decimals as JavaScript does', () => {
  it.each([
    '0',
    '-0',
    '7',
    '-12',
    '0.125',
    '0.1',
    '0.2',
    '0.3',
    '1234.5',
    '-1234.56',
    '5.',
    '.5',
    '-.5',
    '00012',
    '45292',
    '45292.5',
    '123456789012345',
    '0.00000000000001',
    '99999999999999.9',
    '9007199254740.99',
  ])('%s → the same double as +text', (text) => {
    expect(Object.is(read(text), +text)).toBe(true);
  });

  // Anything else is left to the usual conversion (NaN means: not read here).
  it.each([
    '',
    '-',
    '.',
    '1e5',
    '1E-3',
    '+5',
    ' 5',
    '5 ',
    '1.2.3',
    '0x10',
    'Infinity',
    '1234567890123456',
    '0.0000000000000001',
    '12a',
  ])('%j → NaN (not a plain decimal of at most 15 digits)', (text) => {
    expect(read(text)).toBeNaN();
  });

  it('agrees with +text on 200,000 generated decimals (1–15 digits, any point position)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const wrong: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const digits = 1 + Math.floor(random() * 15);
      let text = '';
      for (let d = 0; d < digits; d++) text += String(Math.floor(random() * 10));
      const point = Math.floor(random() * (digits + 1));
      if (point < digits && random() < 0.8) text = `${text.slice(0, point)}.${text.slice(point)}`;
      if (random() < 0.3) text = `-${text}`;
      if (!Object.is(read(text), +text)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });
});
