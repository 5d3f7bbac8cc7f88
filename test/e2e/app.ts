import { expect, type Page } from '@playwright/test';

/**
 * Opens the app at a route and waits until the demo workspace is loaded. Language and theme
 * are pinned (they persist in localStorage) so every test starts from the same state.
 */
export async function openApp(
  page: Page,
  route = 'proeftuinen',
  options: {
    language?: 'nl' | 'en';
    scheme?: 'light' | 'dark';
    /**
     * How exports are saved: 'download' (the browser host's fallback, read with Playwright's
     * download event) or 'picker', a stand-in for showSaveFilePicker that hands out a file in
     * the origin-private file system, so the streamed path runs; read it with savedExport().
     */
    saveFile?: 'download' | 'picker';
  } = {},
): Promise<void> {
  await page.addInitScript((saveFile) => {
    const w = window as unknown as Record<string, unknown>;
    if (saveFile === 'download') {
      delete w.showSaveFilePicker;
      return;
    }
    w.showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => {
      const root = await navigator.storage.getDirectory();
      w.__savedExportName = suggestedName;
      return root.getFileHandle(suggestedName, { create: true });
    };
  }, options.saveFile ?? 'download');
  await page.addInitScript(
    ({ language, scheme }) => {
      if (!sessionStorage.getItem('pijlerplan.e2e-init')) {
        localStorage.setItem('pijlerplan.language', language);
        localStorage.setItem('pijlerplan.color-scheme', scheme);
        sessionStorage.setItem('pijlerplan.e2e-init', '1');
      }
    },
    { language: options.language ?? 'nl', scheme: options.scheme ?? 'light' },
  );
  await page.goto(`./#/${route}`);
  await expect(page.getByTestId('workspace-name')).toHaveText(
    options.language === 'en' ? 'Demo workspace' : 'Voorbeeldwerkruimte',
    { timeout: 30_000 },
  );
}

/** The bytes of the export last saved through the 'picker' stand-in (see openApp). */
export async function savedExport(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const { name, data } = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const name = String(w.__savedExportName);
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle(name)).getFile();
    return { name, data: Array.from(new Uint8Array(await file.arrayBuffer())) };
  });
  return { name, bytes: Buffer.from(data) };
}

/** The grid's rows (body only). */
export function gridRows(page: Page) {
  return page.getByTestId('data-table').locator('tbody tr');
}

/**
 * Searches the municipality with this name, double-clicks one of its cells and types a new
 * value. The count can say "1 gemeente" a moment before the table shows that row, so the row is
 * waited for: a double-click before that edited the municipality shown before (on a loaded
 * machine, Ronse got Alveringem's new arrondissement).
 */
export async function editMunicipalityCell(
  page: Page,
  municipality: string,
  column: string,
  value: string,
) {
  await page.getByTestId('table-search').fill(municipality);
  await expect(page.getByTestId('table-count')).toHaveText('1 gemeente');
  const row = gridRows(page).first();
  await expect(row).toContainText(municipality);
  await row.locator(`td[data-column="${column}"]`).dblclick();
  const editor = page.getByTestId('cell-editor');
  await editor.fill(value);
  await editor.press('Enter');
}

/** The text of one column in the grid, top to bottom. */
export async function columnTexts(page: Page, column: string): Promise<string[]> {
  return page
    .getByTestId('data-table')
    .locator(`tbody td[data-column="${column}"]`)
    .allInnerTexts();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Drops a file on the window the way a browser does (dragenter, dragover, drop). */
export async function dropFile(page: Page, name: string, bytes: Uint8Array, mime = XLSX_MIME) {
  await page.evaluate(
    ({ name, data, mime }) => {
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([raw], name, { type: mime }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    },
    { name, data: Buffer.from(bytes).toString('base64'), mime },
  );
}
