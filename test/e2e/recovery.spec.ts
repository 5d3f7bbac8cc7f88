import { expect, test } from '@playwright/test';
import { editMunicipalityCell, gridRows, openApp, screenshot } from './app';

/*
 * Must-be-true 4 in the shell: while there are unsaved changes the workspace is written to the
 * recovery copy (every 60 s — the page's clock is run forward); the page then goes away without
 * saving (a crash, as far as the app can tell), and the next start offers the copy, saying
 * when it was written; restoring brings the edit back, still unsaved.
 */
test.describe.configure({ timeout: 180_000 });

test('an edit not saved before a crash is offered at the next start, with when it was written, and restored', async ({
  page,
}) => {
  await page.clock.install();
  await openApp(page, 'gemeenten');
  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '27.182');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  const before = await page.evaluate(() => Date.now());
  await page.clock.runFor(61_000);
  // The copy is written asynchronously (export in the worker, then IndexedDB).
  await page.waitForTimeout(3_000);

  // The page goes without saving; the next start finds the copy.
  await page.reload();
  const offer = page.getByTestId('recovery-offer');
  await expect(offer).toBeVisible({ timeout: 60_000 });
  // Written when the 60 s timer fired (before + 60 s … + 61 s): either minute may show.
  const shown = [60_000, 61_000].map((offset) =>
    new Intl.DateTimeFormat('nl-BE', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Brussels',
    }).format(new Date(before + offset)),
  );
  await expect(offer).toContainText('Pijlerplan werd niet normaal afgesloten');
  const text = (await offer.innerText()).replace(/\s+/g, ' ');
  expect(
    shown.some((moment) => text.includes(`geschreven op ${moment}`)),
    text,
  ).toBe(true);
  await screenshot(page, 'recovery-offer');
  await page.getByRole('button', { name: 'Herstelkopie openen' }).click();

  await expect(page.getByTestId('dirty-marker')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('table-search').fill('Ronse');
  await expect(gridRows(page).first().locator('td[data-column="inhabitants_2020"]')).toHaveText(
    '27.182',
  );
});
