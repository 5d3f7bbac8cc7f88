import { describe, expect, it } from 'vitest';
import type { CardBox } from '../../../src/core/org';
import { BOX_AREA, boxPaths, roundedRect } from '../../../src/features/organigram/box-paths';
import type { CardText } from '../../../src/features/organigram/chart-model';
import { PALETTES } from '../../../src/features/organigram/chart-theme';
import { cardAt, indexCards } from '../../../src/features/organigram/hit-test';

const card = (key: string, x: number, y: number, kind: CardBox['kind'] = 'position'): CardBox => ({
  key,
  kind,
  id: Number(key.slice(1)),
  x,
  y,
  w: kind === 'unit' ? 248 : 224,
  h: kind === 'unit' ? 120 : 80,
  parentKey: null,
  childCount: 0,
  collapsed: false,
});

const text = (over: Partial<CardText> = {}): CardText => ({
  lines: ['Titel'],
  sub: 'Ann',
  vacant: false,
  fte: '1,0 FTE',
  pillar4: null,
  detail: null,
  issue: false,
  ...over,
});

describe('hit testing the chart through a grid of cells', () => {
  // A row of cards 20 px apart, a second row below, and one far away.
  const cards = [
    card('p1', 24, 24),
    card('p2', 268, 24),
    card('p3', 512, 24),
    card('p4', 24, 400),
    card('u5', 40_000, 5_000, 'unit'),
  ];
  const index = indexCards(cards, 256);
  const scan = (x: number, y: number) =>
    cards.find((c) => x >= c.x && x <= c.x + c.w && y >= c.y && y <= c.y + c.h)?.key ?? null;

  it('finds the card under a point, corners and edges included', () => {
    expect(cardAt(index, 30, 30)?.key).toBe('p1');
    expect(cardAt(index, 24 + 224, 24 + 80)?.key).toBe('p1');
    expect(cardAt(index, 268, 24)?.key).toBe('p2');
    expect(cardAt(index, 600, 100)?.key).toBe('p3');
    expect(cardAt(index, 100, 450)?.key).toBe('p4');
    expect(cardAt(index, 40_100, 5_100)?.key).toBe('u5');
  });

  it('finds nothing in the gaps, above, left of or beyond the chart', () => {
    expect(cardAt(index, 258, 50)).toBeNull();
    expect(cardAt(index, 100, 200)).toBeNull();
    expect(cardAt(index, -10, -10)).toBeNull();
    expect(cardAt(index, 90_000, 90_000)).toBeNull();
  });

  it('answers like a scan of every card, at every point of a fine grid', () => {
    for (let x = -20; x < 800; x += 7) {
      for (let y = -20; y < 520; y += 7) expect(cardAt(index, x, y)?.key ?? null).toBe(scan(x, y));
    }
  });

  it('finds a card that spans several cells from each of them', () => {
    const wide = indexCards([card('u9', 250, 250, 'unit')], 100);
    for (const [x, y] of [
      [251, 251],
      [360, 300],
      [497, 369],
    ] as const)
      expect(cardAt(wide, x, y)?.key).toBe('u9');
  });
});

describe('zoomed-out cards as batched paths', () => {
  const palette = PALETTES.light;

  it('draws a rounded rect the way <rect rx> does, from its top-left corner', () => {
    expect(roundedRect(10, 20, 100, 50, 6)).toBe(
      'M16 20h88a6 6 0 0 1 6 6v38a6 6 0 0 1 -6 6h-88a6 6 0 0 1 -6 -6v-38a6 6 0 0 1 6 -6z',
    );
    expect(roundedRect(0, 0, 10, 4)).toBe('M0 0h10v4h-10z');
    // rx larger than half the side is clamped, as SVG does.
    expect(roundedRect(0, 0, 5, 80, 4)).toContain('a2.5 2.5');
  });

  it('joins the cards that look the same into one path per look and layer', () => {
    const cards = [card('p1', 24, 24), card('p2', 268, 24), card('p3', 512, 24)];
    const texts = new Map([
      ['p1', text()],
      ['p2', text()],
      ['p3', text({ vacant: true, pillar4: 'VP 50 %' })],
    ]);
    const { normal, dimmed } = boxPaths(cards, texts, palette, new Map(), () => ({
      dimmed: false,
    }));
    expect(dimmed.paths).toHaveLength(0);
    // Layer 0: the two plain bodies in one path, the vacant (dashed) body in another;
    // layer 1: the fourth-pillar bar of p3, drawn after (over) the bodies.
    expect(normal.paths).toHaveLength(3);
    const [plain, vacant, bar] = normal.paths;
    expect(plain!.fill).toBe(palette.cardFill);
    expect(plain!.stroke).toBe(palette.cardStroke);
    expect(plain!.d.match(/M/g)).toHaveLength(2);
    expect(vacant!.dash).toBe('5 3');
    expect(vacant!.stroke).toBe(palette.vacant);
    expect(bar!.fill).toBe(palette.pillar4);
    expect(bar!.d).toBe(roundedRect(512, 24, 5, 80, 2));
  });

  it('keeps selection, lens and compare marks, and puts dimmed cards apart', () => {
    const cards = [card('p1', 24, 24), card('p2', 268, 24), card('u3', 512, 24, 'unit')];
    const texts = new Map([
      ['p1', text()],
      ['p2', text()],
      ['u3', text()],
    ]);
    const { normal, dimmed } = boxPaths(
      cards,
      texts,
      palette,
      new Map([[3, 'division']]),
      (key) => ({
        selected: key === 'p1',
        change: key === 'u3' ? { kind: 'added', label: 'Nieuw' } : undefined,
        dimmed: key === 'p2',
      }),
    );
    expect(normal.paths.some((p) => p.stroke === palette.selected && p.strokeWidth === 2.5)).toBe(
      true,
    );
    expect(normal.paths.some((p) => p.stroke === palette.change.added)).toBe(true);
    expect(normal.paths.some((p) => p.fill === palette.unitHeader.division)).toBe(true);
    // The compare badge: its rect in the change's colour, its label as text.
    expect(normal.paths.some((p) => p.fill === palette.change.added && !p.stroke)).toBe(true);
    expect(normal.texts.map((t) => t.text)).toEqual(['Nieuw']);
    expect(dimmed.paths).toHaveLength(1);
    expect(dimmed.paths[0]!.d).toBe(roundedRect(268, 24, 224, 80, 6));
  });

  it('splits paths by area, so no path spans the whole chart', () => {
    const cards = [card('p1', 24, 24), card('p2', BOX_AREA * 3, 24), card('p3', 24, BOX_AREA)];
    const texts = new Map(cards.map((c) => [c.key, text()]));
    const { normal } = boxPaths(cards, texts, palette, new Map(), () => ({ dimmed: false }));
    expect(normal.paths).toHaveLength(3);
  });

  it('skips a card without texts, as the card components do', () => {
    const { normal } = boxPaths([card('p1', 24, 24)], new Map(), palette, new Map(), () => ({
      dimmed: false,
    }));
    expect(normal.paths).toHaveLength(0);
  });
});
