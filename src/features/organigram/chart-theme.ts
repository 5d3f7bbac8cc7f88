/**
 * The chart's colours as literal values, not CSS variables: the same palette draws the screen
 * and the exported SVG/PNG, which must carry its colours inline to look right anywhere.
 * Contrast: text colours meet WCAG AA on their card fills.
 */
export type ChartPalette = {
  background: string;
  cardFill: string;
  cardStroke: string;
  unitFill: string;
  unitHeader: Record<string, string>;
  unitHeaderText: string;
  text: string;
  textMuted: string;
  vacant: string;
  pillar4: string;
  pillar4Fill: string;
  pillar4Text: string;
  line: string;
  link: string;
  linkText: string;
  selected: string;
  issue: string;
  dropTarget: string;
  /** Compare mode: added, moved, FTE changed (badge fills; white text on them meets AA). */
  change: Record<'added' | 'moved' | 'fte-changed', string>;
  changeText: string;
};

export const PALETTES: Record<'light' | 'dark', ChartPalette> = {
  light: {
    background: '#f6f8fa',
    cardFill: '#ffffff',
    cardStroke: '#c3ccd5',
    unitFill: '#ffffff',
    unitHeader: {
      agency: '#005377',
      division: '#126c96',
      region_team: '#2f6f5e',
      team: '#4b5a69',
      service: '#6a4c93',
    },
    unitHeaderText: '#ffffff',
    text: '#1b2733',
    textMuted: '#4d5b69',
    vacant: '#a24a00',
    pillar4: '#0b7a53',
    pillar4Fill: '#e3f5ec',
    pillar4Text: '#075c3e',
    line: '#7d8a97',
    link: '#b3541e',
    linkText: '#8a3a0d',
    selected: '#036087',
    issue: '#c92a2a',
    dropTarget: '#e3b300',
    change: { added: '#2b7a0b', moved: '#1864ab', 'fte-changed': '#a84f00' },
    changeText: '#ffffff',
  },
  dark: {
    background: '#1a1b1e',
    cardFill: '#25262b',
    cardStroke: '#4a4f57',
    unitFill: '#2c2e33',
    unitHeader: {
      agency: '#0f5e80',
      division: '#1f6f93',
      region_team: '#2c6b5a',
      team: '#4a5561',
      service: '#5f4885',
    },
    unitHeaderText: '#ffffff',
    text: '#e9ecef',
    textMuted: '#b4bcc5',
    vacant: '#ffa94d',
    pillar4: '#38d9a9',
    pillar4Fill: '#173b30',
    pillar4Text: '#8ce99a',
    line: '#8a939c',
    link: '#ff9f5a',
    linkText: '#ffc59a',
    selected: '#4dabf7',
    issue: '#ff6b6b',
    dropTarget: '#ffd43b',
    change: { added: '#2b7a0b', moved: '#1864ab', 'fte-changed': '#a84f00' },
    changeText: '#ffffff',
  },
};

export const CHART_FONT =
  'Inter, "Segoe UI", system-ui, Roboto, "Helvetica Neue", Arial, sans-serif';
