import { useLayoutEffect, type RefObject } from 'react';

/**
 * Two columns of chart cards packed like masonry, in reading order. In a plain grid a row is
 * as tall as its tallest card, so a one-bar chart beside the 18 regions stood in a card that
 * was four-fifths empty. Here the grid's rows are a few pixels tall (dashboard.css) and each
 * card spans as many as its own height needs; CSS grid's auto-placement then puts every card
 * in the column that frees up first, while the DOM (and so the tab and reading order) keeps
 * the questions in their order. In one column (narrow windows, print) the rows are `auto` and
 * the spans are cleared.
 */
export function useMasonry(grid: RefObject<HTMLElement | null>, layoutKey: string): void {
  useLayoutEffect(() => {
    const container = grid.current;
    if (!container) return;
    const place = () => {
      const style = getComputedStyle(container);
      const row = parseFloat(style.gridAutoRows);
      const gap = parseFloat(style.columnGap) || 0;
      for (const item of Array.from(container.children) as HTMLElement[]) {
        const span = Number.isFinite(row)
          ? `span ${Math.ceil((item.getBoundingClientRect().height + gap) / row)}`
          : '';
        if (item.style.gridRowEnd !== span) item.style.gridRowEnd = span;
      }
    };
    // A card changes height when its chart is drawn, drilled or shown as a table.
    const observer = new ResizeObserver(place);
    observer.observe(container);
    for (const item of Array.from(container.children)) observer.observe(item);
    place();
    return () => observer.disconnect();
  }, [grid, layoutKey]);
}
