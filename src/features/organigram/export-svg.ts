import type { ChartLayout, CardBox } from '../../core/org';
import type { CardTexts } from './chart-model';
import { CHART_FONT, type ChartPalette } from './chart-theme';
import { cardShapes, linkPath, polylinePath, type CardState, type Shape } from './card-shapes';

export type ExportLink = { from: CardBox; to: CardBox; label: string };

/** The drawing's height: cross-unit links bow up to 280 px below the lowest cards. */
export function chartHeight(layout: ChartLayout, withLinks: boolean): number {
  return Math.ceil(layout.height + (withLinks ? 280 : 0));
}

/** A part of the chart, in chart coordinates (a printed page). */
export type Region = { x0: number; y0: number; x1: number; y1: number };

/** True when the box x, y, w × h touches the region (the culling test of pages and the export). */
export const touches = (r: Region, x: number, y: number, w: number, h: number) =>
  x + w >= r.x0 && x <= r.x1 && y + h >= r.y0 && y <= r.y1;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );

function shapeSvg(shape: Shape): string {
  if (shape.type === 'rect') {
    return `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" rx="${shape.rx ?? 0}" fill="${shape.fill}"${
      shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${shape.strokeWidth ?? 1}"` : ''
    }${shape.dash ? ` stroke-dasharray="${shape.dash}"` : ''}/>`;
  }
  return `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}" fill="${shape.fill}"${
    shape.weight ? ` font-weight="${shape.weight}"` : ''
  }${shape.italic ? ' font-style="italic"' : ''}${
    shape.anchor && shape.anchor !== 'start' ? ` text-anchor="${shape.anchor}"` : ''
  }>${escapeXml(shape.text)}</text>`;
}

/**
 * The whole chart as a self-contained SVG document: every card (no culling), colours and the
 * font stack written on the elements (no CSS variables, no stylesheet, no foreignObject), so
 * it looks the same in a browser, Inkscape, Word or PowerPoint and stays crisp at any size.
 * With a `region` (a printed page) only that part is drawn — only the cards, lines and links
 * that touch it, which is what keeps a 30-page print fast.
 */
export function chartSvg(options: {
  layout: ChartLayout;
  texts: CardTexts;
  palette: ChartPalette;
  unitKinds: Map<number, string>;
  links: ExportLink[];
  title: string;
  region?: Region;
  /** Compare mode: the changed cards get their badge, as on screen. */
  changes?: Map<string, NonNullable<CardState['change']>> | null;
  /** Inline in an HTML page: no XML declaration, sized by its container. */
  inline?: boolean;
}): string {
  const { layout, texts, palette, unitKinds, links, region } = options;
  const width = Math.ceil(layout.width);
  const height = chartHeight(layout, links.length > 0);
  const box = region ?? { x0: 0, y0: 0, x1: width, y1: height };
  const vw = Math.ceil(box.x1 - box.x0);
  const vh = Math.ceil(box.y1 - box.y0);
  const size = options.inline
    ? 'width="100%" height="100%" preserveAspectRatio="xMidYMin meet"'
    : `width="${vw}" height="${vh}"`;
  const parts: string[] = [
    ...(options.inline ? [] : [`<?xml version="1.0" encoding="UTF-8"?>`]),
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="${box.x0} ${box.y0} ${vw} ${vh}" font-family="${escapeXml(CHART_FONT)}">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect x="${box.x0}" y="${box.y0}" width="${vw}" height="${vh}" fill="${palette.background}"/>`,
  ];
  const inRegion = (points: [number, number][]) =>
    !region || points.some(([px, py]) => touches(region, px, py, 0, 0));
  const pick = (kind: 'structure' | 'reporting') =>
    layout.edges.filter((e) => e.kind === kind && inRegion(e.points)).map((e) => e.points);
  parts.push(
    `<path d="${polylinePath(pick('structure'))}" fill="none" stroke="${palette.line}" stroke-width="2"/>`,
    `<path d="${polylinePath(pick('reporting'))}" fill="none" stroke="${palette.line}" stroke-width="1.25"/>`,
  );
  for (const card of layout.cards) {
    if (region && !touches(region, card.x, card.y, card.w, card.h)) continue;
    const text = texts.get(card.key);
    if (!text) continue;
    parts.push(`<g data-key="${card.key}">`);
    const state = { change: options.changes?.get(card.key) };
    for (const shape of cardShapes(card, text, palette, 'full', state, unitKinds.get(card.id))) {
      parts.push(shapeSvg(shape));
    }
    parts.push('</g>');
  }
  for (const link of links) {
    const { d, mid } = linkPath(link.from, link.to);
    parts.push(
      `<path d="${d}" fill="none" stroke="${palette.link}" stroke-width="1.5" stroke-dasharray="2 4" stroke-linecap="round"/>`,
      `<text x="${mid[0]}" y="${mid[1]}" font-size="10" fill="${palette.linkText}" text-anchor="middle">${escapeXml(link.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** Chromium's canvas limits: 32,767 px a side and 268,435,456 pixels; past them toBlob gives null. */
export const CANVAS_MAX_SIDE = 32_767;
export const CANVAS_MAX_AREA = 268_435_456;

/** The PNG scale: 2× where it fits, else as much as fits within the canvas limits. */
export function pngScale(width: number, height: number, wanted = 2): number {
  const bySide = Math.min(CANVAS_MAX_SIDE / width, CANVAS_MAX_SIDE / height);
  const byArea = Math.sqrt((CANVAS_MAX_AREA * 0.98) / (width * height));
  return Math.min(wanted, bySide, byArea);
}

/** Renders the SVG text to a PNG in the browser; scaled down to stay within canvas limits. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    let scale = pngScale(width, height);
    for (let attempt = 0; attempt < 4; attempt++) {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.floor(width * scale));
      canvas.height = Math.max(1, Math.floor(height * scale));
      const context = canvas.getContext('2d');
      if (context) {
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        const blob = await new Promise<Blob | null>((resolve) =>
          canvas.toBlob(resolve, 'image/png'),
        );
        if (blob) return new Uint8Array(await blob.arrayBuffer());
      }
      scale /= 2; // toBlob returned null: the device's own limit is lower; try smaller.
    }
    throw new Error('De afbeelding is te groot om als PNG te maken. Exporteer als SVG.');
  } finally {
    URL.revokeObjectURL(url);
  }
}
