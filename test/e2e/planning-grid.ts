import { expect, type Page } from '@playwright/test';
import { openApp } from './app';

/* The planning grid seen from a test: its test hook and where its canvas cells are. */

export type HookRow = {
  kind: string;
  label: string;
  key: string | null;
  values: number[];
  breaches: (string | null)[];
};
export type Hook = { scenario: string; buckets: string[]; rows: HookRow[] };

/** The grid's rows as the screen's test hook exposes them (the canvas has no DOM cells). */
export const gridData = (page: Page) =>
  page.evaluate(() => (window as unknown as { __planGrid: Hook }).__planGrid);

export const total = async (page: Page) => (await gridData(page)).rows.at(-1)!.values;

// Geometry of the grid (FteGrid: header 34 px, rows 30 px; label column 420, months 74).
export const HEADER = 34;
export const ROW = 30;
export const LABEL = 420;
export const MONTH = 74;

export async function clickCell(
  page: Page,
  col: number,
  row: number,
  modifiers: ('Shift' | 'Control')[] = [],
) {
  const x = col === 0 ? LABEL / 2 : LABEL + (col - 1) * MONTH + MONTH / 2;
  const y = HEADER + row * ROW + ROW / 2;
  await page.getByTestId('data-grid-canvas').click({ position: { x, y }, modifiers, force: true });
}

export async function openPlanning(page: Page, scheme: 'light' | 'dark' = 'light') {
  await openApp(page, 'planning', { scheme });
  await expect(page.getByTestId('fte-grid')).toBeVisible();
  await expect.poll(async () => (await gridData(page))?.rows.length ?? 0).toBeGreaterThan(100);
}

/** Index of the first line row whose 12 months hold a value, with `count` line rows after it. */
export async function lineRows(page: Page): Promise<number[]> {
  const data = await gridData(page);
  return data.rows.flatMap((row, index) => (row.kind === 'line' ? [index] : []));
}
