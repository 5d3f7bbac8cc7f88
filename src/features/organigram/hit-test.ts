import type { CardBox } from '../../core/org';

/**
 * The cards in a grid of square cells, to find the card under the pointer without looking at
 * all 3,000: each card is listed in every cell it touches, in layout order.
 */
export type CardIndex = { cell: number; cells: Map<number, CardBox[]> };

/** Cell keys: column + row × this (a chart is far narrower than a million cells). */
const ROW = 1_000_000;

export function indexCards(cards: readonly CardBox[], cell = 400): CardIndex {
  const cells = new Map<number, CardBox[]>();
  for (const card of cards) {
    const c0 = Math.floor(card.x / cell);
    const c1 = Math.floor((card.x + card.w) / cell);
    const r0 = Math.floor(card.y / cell);
    const r1 = Math.floor((card.y + card.h) / cell);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const key = c + r * ROW;
        const list = cells.get(key);
        if (list) list.push(card);
        else cells.set(key, [card]);
      }
    }
  }
  return { cell, cells };
}

/**
 * The card whose box (edges included) holds the chart point (x, y), or null: the first in
 * layout order if two touch there, as a scan of the whole layout would find.
 */
export function cardAt(index: CardIndex, x: number, y: number): CardBox | null {
  const key = Math.floor(x / index.cell) + Math.floor(y / index.cell) * ROW;
  for (const card of index.cells.get(key) ?? []) {
    if (x >= card.x && x <= card.x + card.w && y >= card.y && y <= card.y + card.h) return card;
  }
  return null;
}
