import type { CardBox } from '../../core/org';
import { cardShapes, type CardState, type Shape } from './card-shapes';
import type { CardTexts } from './chart-model';
import type { ChartPalette } from './chart-theme';

/** All rects of one look (fill, stroke, dash) at one layer, as a single SVG path. */
export type BoxPath = {
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: string;
  d: string;
};

/** The cards at one strength: full, or dimmed by the lens (drawn in a translucent group). */
export type BoxLayerPaths = { paths: BoxPath[]; texts: Extract<Shape, { type: 'text' }>[] };

export type BoxPaths = { normal: BoxLayerPaths; dimmed: BoxLayerPaths };

export type BoxState = (key: string) => CardState & { dimmed: boolean };

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Paths are also split by area (squares of this many chart pixels): Chromium paints the chart
 * in tiles and skips a path only when its bounds miss the tile, so one path spanning a chart
 * 46,000 px wide would be drawn again for every tile (seconds at fit, measured).
 */
export const BOX_AREA = 1500;

/** A rect with rounded corners as path commands, the way SVG draws <rect rx> (from top left). */
export function roundedRect(x: number, y: number, w: number, h: number, rx = 0): string {
  const r = Math.max(0, Math.min(rx, w / 2, h / 2));
  if (r === 0) return `M${round(x)} ${round(y)}h${round(w)}v${round(h)}h${round(-w)}z`;
  const a = (dx: number, dy: number) => `a${round(r)} ${round(r)} 0 0 1 ${round(dx)} ${round(dy)}`;
  return (
    `M${round(x + r)} ${round(y)}h${round(w - 2 * r)}${a(r, r)}v${round(h - 2 * r)}` +
    `${a(-r, r)}h${round(-(w - 2 * r))}${a(-r, -r)}v${round(-(h - 2 * r))}${a(r, -r)}z`
  );
}

/**
 * The zoomed-out chart (detail 'box') in a handful of elements instead of one group per card:
 * every card's shapes come from `cardShapes`, exactly as a card would draw them, and the rects
 * that look the same (in one area, see BOX_AREA) are joined into one path. A card's shapes are layered in their order
 * (its body, then its header or fourth-pillar bar, then a compare badge), so each layer is
 * drawn over the one before; cards never overlap, so nothing else about the order shows.
 */
export function boxPaths(
  cards: readonly CardBox[],
  texts: CardTexts,
  palette: ChartPalette,
  unitKinds: Map<number, string>,
  state: BoxState,
): BoxPaths {
  const make = () => ({
    layers: [] as Map<string, BoxPath>[],
    texts: [] as BoxLayerPaths['texts'],
  });
  const normal = make();
  const dimmed = make();
  for (const box of cards) {
    const text = texts.get(box.key);
    if (!text) continue;
    const { dimmed: dim, ...cardState } = state(box.key);
    const into = dim ? dimmed : normal;
    const unitKind = box.kind === 'unit' ? unitKinds.get(box.id) : undefined;
    cardShapes(box, text, palette, 'box', cardState, unitKind).forEach((shape, layer) => {
      if (shape.type === 'text') {
        into.texts.push(shape);
        return;
      }
      const looks = (into.layers[layer] ??= new Map());
      const area = `${Math.floor(box.x / BOX_AREA)},${Math.floor(box.y / BOX_AREA)}`;
      const look = `${area}|${shape.fill}|${shape.stroke ?? ''}|${shape.strokeWidth ?? ''}|${shape.dash ?? ''}`;
      const d = roundedRect(shape.x, shape.y, shape.w, shape.h, shape.rx);
      const path = looks.get(look);
      if (path) path.d += d;
      else {
        looks.set(look, {
          fill: shape.fill,
          stroke: shape.stroke,
          strokeWidth: shape.strokeWidth,
          dash: shape.dash,
          d,
        });
      }
    });
  }
  const done = (part: ReturnType<typeof make>): BoxLayerPaths => ({
    paths: part.layers.flatMap((looks) => [...looks.values()]),
    texts: part.texts,
  });
  return { normal: done(normal), dimmed: done(dimmed) };
}
