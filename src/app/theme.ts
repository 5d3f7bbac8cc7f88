import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
