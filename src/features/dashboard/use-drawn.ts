import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Below the window's bottom edge by less than this, a card counts as visible (px). */
const MARGIN = 200;

/** Whether `ref` is on screen (or near it): measured before the first paint, then observed. */
export function useOnScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [onScreen, setOnScreen] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const box = element.getBoundingClientRect();
    setOnScreen(box.top < window.innerHeight + MARGIN && box.bottom > -MARGIN);
    const observer = new IntersectionObserver(
      (entries) => setOnScreen(entries.some((entry) => entry.isIntersecting)),
      { rootMargin: `${MARGIN}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}

/**
 * The width of `ref`'s box in px (null until measured): measured before the first paint, then
 * observed. A chart given its size draws at it at once; recharts' own ResponsiveContainer
 * first draws nothing (or the old size) and again after its ResizeObserver has reported.
 */
export function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.round(element.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) setWidth(Math.round(box.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const idle = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 50);
};

const waiting = new Set<() => void>();

/**
 * Runs `draw` when the browser is next idle, together with every other card waiting then: one
 * React render for all of them, so recharts' follow-up passes (each a frame apart) overlap
 * instead of queueing one chart after the other. Returns the cancel.
 */
function whenIdle(draw: () => void): () => void {
  if (waiting.size === 0)
    idle(() => {
      const draws = [...waiting];
      waiting.clear();
      for (const run of draws) run();
    });
  waiting.add(draw);
  return () => {
    waiting.delete(draw);
  };
}

/**
 * What a chart card draws: the newest data at once when the card is on screen (or `eager`);
 * off screen, the data it drew last (or null: not drawn yet) until the browser is idle. recharts
 * takes most of a dashboard read's time, so the charts the user sees are drawn first and the
 * others follow without holding them up.
 */
export function useDrawn<T>(value: T, onScreen: boolean, eager: boolean): T | null {
  const now = onScreen || eager;
  const [drawn, setDrawn] = useState<T | null>(now ? value : null);
  useEffect(() => {
    if (drawn === value) return;
    if (now) {
      setDrawn(value);
      return;
    }
    return whenIdle(() => setDrawn(value));
  }, [value, now, drawn]);
  return now ? value : drawn;
}
