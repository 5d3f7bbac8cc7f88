/**
 * A chart out of the page as a self-contained SVG (and PNG from it). Mantine paints series with
 * `var(--mantine-color-…)` and ticks with `currentColor`, which go black or vanish outside the
 * page; so we clone the chart's own <svg>, write every element's computed paint and type onto
 * the clone, and draw the title and the legend inside it (no foreignObject: PowerPoint and
 * Illustrator show those blank).
 */
const PAINT = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'fill-opacity',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );

export type LegendItem = { label: string; colour: string; dash?: string };

/** The colour `currentColor` or a variable resolves to, as the browser computed it. */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  for (const property of PAINT) {
    let value = style.getPropertyValue(property);
    if (!value || value === 'normal' || value === 'auto') continue;
    if (property === 'fill' || property === 'stroke') {
      if (value.includes('var(') || value === 'currentcolor' || value === 'currentColor')
        value = style.color;
    }
    target.setAttribute(property, value);
  }
  target.removeAttribute('style');
  target.removeAttribute('class');
  for (const attribute of [...target.attributes]) {
    if (/var\(|currentcolor/i.test(attribute.value)) {
      const resolved =
        attribute.name === 'fill' || attribute.name === 'stroke' ? style.color : null;
      if (resolved) target.setAttribute(attribute.name, resolved);
      else target.removeAttribute(attribute.name);
    }
  }
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++)
    inlineStyles(sourceChildren[i]!, targetChildren[i]!);
}

export function chartToSvg(options: {
  svg: SVGSVGElement;
  title: string;
  subtitle: string;
  legend: LegendItem[];
  background: string;
  text: string;
}): { svg: string; width: number; height: number } {
  const { svg } = options;
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const chartHeight = Math.ceil(box.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.querySelectorAll('foreignObject').forEach((node) => node.remove());
  const top = 64;
  const legendRows = Math.ceil(options.legend.length / 4);
  const height = top + chartHeight + legendRows * 26 + 20;
  const font = getComputedStyle(svg).fontFamily.replace(/"/g, "'");
  const legend = options.legend
    .map((item, index) => {
      const x = 16 + (index % 4) * Math.floor((width - 32) / 4);
      const y = top + chartHeight + 14 + Math.floor(index / 4) * 26;
      const mark = item.dash
        ? `<line x1="${x}" y1="${y + 7}" x2="${x + 26}" y2="${y + 7}" stroke="${item.colour}" stroke-width="3" stroke-dasharray="${item.dash}"/>`
        : `<rect x="${x}" y="${y}" width="14" height="14" rx="2" fill="${item.colour}"/>`;
      return `${mark}<text x="${x + 34}" y="${y + 12}" font-size="13" fill="${options.text}">${escapeXml(item.label)}</text>`;
    })
    .join('');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  clone.removeAttribute('style');
  const inner = new XMLSerializer().serializeToString(clone);
  const text = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${options.background}"/>`,
    `<text x="16" y="28" font-size="18" font-weight="700" fill="${options.text}">${escapeXml(options.title)}</text>`,
    `<text x="16" y="50" font-size="13" fill="${options.text}">${escapeXml(options.subtitle)}</text>`,
    inner,
    legend,
    `</svg>`,
  ].join('\n');
  return { svg: text, width, height };
}

/** The SVG drawn on a canvas at `scale` (2× or 3×), as PNG bytes. */
export async function svgToPngBytes(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Geen tekenvlak beschikbaar om een PNG te maken.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('De PNG kon niet gemaakt worden. Exporteer als SVG.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
