import type { Region } from './export-svg';

/** Paper in landscape, in CSS pixels (96 per inch) inside 10 mm margins. */
export const PAPERS = {
  A4: { label: 'A4', cssSize: 'A4 landscape', w: 1047, h: 718 },
  A3: { label: 'A3', cssSize: 'A3 landscape', w: 1512, h: 1047 },
} as const;

export type Paper = keyof typeof PAPERS;

/** Pages overlap this share of a page, so a card cut at an edge is whole on the next page. */
export const OVERLAP = 0.04;

export type PrintPlan = { pages: Region[]; cols: number; rows: number };

/**
 * Splits a chart of `width × height` (chart pixels) into pages of `paper` at `scale` (a card
 * of 224 px is printed 224 × scale CSS px wide), row by row, each page overlapping its
 * neighbours a little. Scale 0.6 keeps the cards' 11 px details legible on paper.
 */
export function printPlan(width: number, height: number, paper: Paper, scale: number): PrintPlan {
  const page = PAPERS[paper];
  const pw = page.w / scale;
  const ph = page.h / scale;
  const stepX = pw * (1 - OVERLAP);
  const stepY = ph * (1 - OVERLAP);
  const cols = Math.max(1, Math.ceil((width - pw) / stepX) + 1);
  const rows = Math.max(1, Math.ceil((height - ph) / stepY) + 1);
  const pages: Region[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x0 = c * stepX;
      const y0 = r * stepY;
      pages.push({ x0, y0, x1: x0 + pw, y1: y0 + ph });
    }
  }
  return { pages, cols, rows };
}
