import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { contrastRatio, ensureContrast, overlay } from './accessible-colors';

/**
 * A sober, high-contrast theme for a government agency: a deep petrol blue as the brand colour
 * (calm, prints well, distinct from the red/green used for status), neutral greys, and the
 * Flemish yellow only as a small accent. Shade 7 (light) / 5 (dark) meet WCAG AA on white/dark
 * backgrounds for text and filled buttons.
 */
const petrol: MantineColorsTuple = [
  '#e8f4f8',
  '#d3e6ee',
  '#a4cbdc',
  '#72aec9',
  '#4a96b9',
  '#3187af',
  '#227fab',
  '#126c96',
  '#036087',
  '#005377',
];

const flemishYellow: MantineColorsTuple = [
  '#fffbe1',
  '#fff5cc',
  '#ffea9b',
  '#ffdf64',
  '#ffd538',
  '#ffcf1c',
  '#ffcb09',
  '#e3b300',
  '#ca9f00',
  '#ae8800',
];

export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: { light: 7, dark: 5 },
  colors: { petrol, flemishYellow },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "Cascadia Mono", Consolas, monospace',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Tests run with reduced motion; people who ask their OS for it get the same.
  respectReducedMotion: true,
  components: {
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    Paper: { defaultProps: { withBorder: true } },
  },
});

/**
 * Mantine's "dimmed" text (subtitles, descriptions, KPI captions) is gray.6 (#868e96) in light
 * mode — 3.3:1 on white — and dark.2 (#828282) in dark mode — 2.9:1 on dark.6: both fail WCAG
 * AA (4.5:1). These two greys keep the quiet look and pass on every surface the app uses:
 * #5c636a is 6.1:1 on white, 5.4:1 on the petrol-tinted active nav item and 4.7:1 on petrol.1;
 * #afb0b3 is 7.2:1 on dark.7 and 4.6:1 on dark.4 (a hovered menu item); the e2e axe scan
 * (test/e2e/accessibility.spec.ts) and test/unit/ui/theme-contrast.test.ts check them.
 */
export const DIMMED_LIGHT = '#5c636a';
export const DIMMED_DARK = '#afb0b3';

const LIGHT_SURFACES = ['#ffffff', '#f8f9fa'];

/** Fills that carry dark text (the "Komt eraan" badge): their contrast comes from the text. */
const DARK_TEXT_FILLS: ReadonlySet<string> = new Set(['yellow', 'lime', 'flemishYellow']);

/** A filled button or badge carries white text: darken the fill until it reads (4.5:1). */
function setFilled(variables: Record<string, string>, name: string, base: string): void {
  if (DARK_TEXT_FILLS.has(name)) return;
  const filled = ensureContrast(base, ['#ffffff']);
  if (filled === base) return;
  variables[`--mantine-color-${name}-filled`] = filled;
  variables[`--mantine-color-${name}-filled-hover`] = ensureContrast(filled, ['#ffffff'], {
    minimum: contrastRatio(filled, '#ffffff') + 0.8,
  });
}

/**
 * Per colour, the text, tint-text (light/subtle variants) and fill shades, moved just far
 * enough from Mantine's positional choice to reach 4.5:1 on the surfaces they sit on; colours
 * that already pass (petrol, gray, red in dark mode…) come out unchanged.
 */
function colorVariables(
  colors: Record<string, readonly string[]>,
  scheme: 'light' | 'dark',
): Record<string, string> {
  const variables: Record<string, string> = {};
  const darkSurfaces = [colors['dark']?.[7] ?? '#242424', colors['dark']?.[6] ?? '#2e2e2e'];
  for (const [name, shades] of Object.entries(colors)) {
    if (name === 'dark' || shades.length < 10) continue;
    if (scheme === 'light') {
      const base = shades[7]!;
      const tints = [overlay(base, 0.1, '#ffffff'), overlay(base, 0.12, '#ffffff')];
      const text = ensureContrast(base, [...LIGHT_SURFACES, ...tints]);
      variables[`--mantine-color-${name}-text`] = text;
      variables[`--mantine-color-${name}-light-color`] = text;
      variables[`--mantine-color-${name}-outline`] = text;
      setFilled(variables, name, base);
    } else {
      const tints = darkSurfaces.flatMap((surface) => [
        overlay(shades[3]!, 0.15, surface),
        overlay(shades[3]!, 0.2, surface),
      ]);
      const options = { lighten: true };
      variables[`--mantine-color-${name}-text`] = ensureContrast(
        shades[4]!,
        [...darkSurfaces, ...tints],
        options,
      );
      variables[`--mantine-color-${name}-light-color`] = ensureContrast(
        shades[0]!,
        [...darkSurfaces, ...tints],
        options,
      );
      setFilled(variables, name, shades[5]!);
    }
  }
  return variables;
}

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: { ...colorVariables(resolved.colors, 'light'), '--mantine-color-dimmed': DIMMED_LIGHT },
  dark: { ...colorVariables(resolved.colors, 'dark'), '--mantine-color-dimmed': DIMMED_DARK },
});
