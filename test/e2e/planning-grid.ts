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

/**
 * Clicks a cell until the grid reports it selected. The test hook sees a change as soon as React
 * has it; the canvas draws it later (on a loaded machine, later than a few frames), and a click
 * before that hits the row that used to be there. The grid's own accessible table says which
 * cell is selected (header row 1, so data row r is aria-rowindex r + 2).
 */
export async function selectCell(page: Page, col: number, row: number) {
  const cell = page.locator(
    `table[role="grid"] tr[aria-rowindex="${row + 2}"] td[aria-colindex="${col + 1}"]`,
  );
  await expect(async () => {
    await clickCell(page, col, row);
    await expect(cell).toHaveAttribute('aria-selected', 'true', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Types into a cell as a user does: the first key opens the editor with that key in it (as in
 * Excel), the rest goes into the editor. Keys sent before the editor holds the focus would be
 * lost on a loaded machine, so each step waits for the one before. `commit`: press Enter.
 */
export async function typeIntoCell(
  page: Page,
  col: number,
  row: number,
  text: string,
  commit = true,
) {
  await selectCell(page, col, row);
  await page.keyboard.press(text[0]!);
  const editor = page.getByTestId('fte-editor');
  await expect(editor).toBeFocused();
  await page.keyboard.type(text.slice(1));
  await expect(editor).toHaveValue(text);
  if (commit) await page.keyboard.press('Enter');
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
