/**
 * WCAG contrast arithmetic for the theme: Mantine picks text and fill shades by position in
 * the palette (shade 7 in light mode), not by contrast, so teal or orange text on its own light
 * tint, or white on a red button, lands at 2.9–3.7:1 — below AA's 4.5:1. These helpers move a
 * colour towards black or white just far enough to pass against every background it sits on.
 */
type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((c) => c + c).join('') : value;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.1 relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** `color` at `opacity` over an opaque `background`, as the eye (and axe) sees it. */
export function overlay(color: string, opacity: number, background: string): string {
  const fg = parseHex(color);
  const bg = parseHex(background);
  return toHex(fg.map((c, i) => c * opacity + bg[i]! * (1 - opacity)) as unknown as Rgb);
}

function mix(color: string, towards: string, amount: number): string {
  return overlay(towards, amount, color);
}

/**
 * The colour closest to `color` (mixed towards black, or white with `lighten`) whose contrast
 * with every background is at least `minimum`.
 */
export function ensureContrast(
  color: string,
  backgrounds: readonly string[],
  options: { minimum?: number; lighten?: boolean } = {},
): string {
  const minimum = options.minimum ?? 4.6;
  const target = options.lighten ? '#ffffff' : '#000000';
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(color, target, step / 50);
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= minimum)) {
      return candidate;
    }
  }
  return target;
}
