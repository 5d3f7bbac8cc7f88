import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, ensureContrast, overlay } from '../../../src/app/accessible-colors';
import { cssVariablesResolver, DIMMED_DARK, DIMMED_LIGHT, theme } from '../../../src/app/theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const variables = cssVariablesResolver(resolved);

describe('contrast arithmetic', () => {
  it.each([
    // Hand-checked figures: black/white is the maximum; Mantine's gray.6 on white is the
    // 3.3:1 the issue quotes; WebAIM's checker gives 4.54 for #767676 on white.
    ['#000000', '#ffffff', 21],
    ['#868e96', '#ffffff', 3.32],
    ['#767676', '#ffffff', 4.54],
    ['#ffffff', '#ffffff', 1],
  ])('%s on %s is %s:1', (fg, bg, ratio) => {
    expect(contrastRatio(fg, bg)).toBeCloseTo(ratio, 1);
  });

  it('blends a tint over its background like the browser does', () => {
    expect(overlay('#000000', 0.5, '#ffffff')).toBe('#808080');
    expect(overlay('#126c96', 0.1, '#ffffff')).toBe('#e7f0f5');
  });

  it('leaves a colour that passes alone and moves one that fails just far enough', () => {
    expect(ensureContrast('#126c96', ['#ffffff'])).toBe('#126c96');
    const fixed = ensureContrast('#868e96', ['#ffffff']);
    expect(contrastRatio(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.6);
    expect(contrastRatio(fixed, '#ffffff')).toBeLessThan(5.5);
  });
});

describe('theme colours meet WCAG AA (4.5:1)', () => {
  const dark7 = resolved.colors.dark[7];
  const dark6 = resolved.colors.dark[6];
  const names = Object.keys(resolved.colors).filter((name) => name !== 'dark');

  it('covers every palette colour, including the brand ones', () => {
    expect(names).toEqual(expect.arrayContaining(['petrol', 'flemishYellow', 'gray', 'teal']));
  });

  it.each(names)('%s: text and tinted text in light mode', (name) => {
    const light = variables.light;
    const tint = overlay(resolved.colors[name]![7], 0.1, '#ffffff');
    for (const key of ['text', 'light-color']) {
      const color = light[`--mantine-color-${name}-${key}`]!;
      for (const background of ['#ffffff', '#f8f9fa', tint]) {
        expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it.each(names)('%s: text and tinted text in dark mode', (name) => {
    const dark = variables.dark;
    for (const key of ['text', 'light-color']) {
      const color = dark[`--mantine-color-${name}-${key}`]!;
      for (const background of [dark7, dark6]) {
        expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it.each(names.filter((name) => !['yellow', 'lime', 'flemishYellow'].includes(name)))(
    '%s: white text on the filled colour, light and dark',
    (name) => {
      const lightFill =
        variables.light[`--mantine-color-${name}-filled`] ?? resolved.colors[name]![7];
      const darkFill =
        variables.dark[`--mantine-color-${name}-filled`] ?? resolved.colors[name]![5];
      expect(contrastRatio('#ffffff', lightFill)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio('#ffffff', darkFill)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('dimmed text reads on every surface (Mantine’s own greys do not)', () => {
    expect(variables.light['--mantine-color-dimmed']).toBe(DIMMED_LIGHT);
    expect(variables.dark['--mantine-color-dimmed']).toBe(DIMMED_DARK);
    for (const background of ['#ffffff', '#f8f9fa', '#f1f3f5', '#e9ecef']) {
      expect(contrastRatio(DIMMED_LIGHT, background)).toBeGreaterThanOrEqual(4.5);
    }
    for (const background of [dark7, dark6, resolved.colors.dark[5], resolved.colors.dark[4]]) {
      expect(contrastRatio(DIMMED_DARK, background)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(resolved.colors.gray[6], '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio(resolved.colors.dark[2], dark6)).toBeLessThan(4.5);
  });
});
