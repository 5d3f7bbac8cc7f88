import type { ChartLayout, CardBox } from '../../core/org';
import type { CardText } from './chart-model';
import { CHART_FONT, type ChartPalette } from './chart-theme';
import { cardShapes, linkPath, polylinePath, type Shape } from './card-shapes';

export type ExportLink = { from: CardBox; to: CardBox; label: string };

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
 */
export function chartSvg(options: {
  layout: ChartLayout;
  texts: Map<string, CardText>;
  palette: ChartPalette;
  unitKinds: Map<number, string>;
  links: ExportLink[];
  title: string;
}): string {
  const { layout, texts, palette, unitKinds, links } = options;
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height + (links.length > 0 ? 280 : 0));
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(CHART_FONT)}">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${palette.background}"/>`,
  ];
  const structure = layout.edges.filter((e) => e.kind === 'structure').map((e) => e.points);
  const reporting = layout.edges.filter((e) => e.kind === 'reporting').map((e) => e.points);
  parts.push(
    `<path d="${polylinePath(structure)}" fill="none" stroke="${palette.line}" stroke-width="2"/>`,
    `<path d="${polylinePath(reporting)}" fill="none" stroke="${palette.line}" stroke-width="1.25"/>`,
  );
  for (const card of layout.cards) {
    const text = texts.get(card.key);
    if (!text) continue;
    parts.push('<g>');
    for (const shape of cardShapes(card, text, palette, 'full', {}, unitKinds.get(card.id))) {
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
