import { expect, test } from '@playwright/test';
import { columnTexts, gridRows, openApp } from './app';

test.beforeEach(async ({ page }) => {
  await openApp(page, 'gemeenten');
  await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
});

test('lists the 285 Flemish municipalities, sorted by name, numbers in nl-BE', async ({ page }) => {
  await expect(gridRows(page)).toHaveCount(50);
  const names = await columnTexts(page, 'name');
  expect(names[0]).toBe('Aalst');
  // Antwerpen has over 500,000 inhabitants: grouped with dots in nl-BE.
  await page.getByTestId('table-search').fill('antwerpen');
  const antwerp = gridRows(page).filter({
    has: page.locator('td[data-column="name"]', { hasText: /^Antwerpen$/ }),
  });
  await expect(antwerp.locator('td[data-column="inhabitants_2020"]')).toHaveText(/^\d{3}\.\d{3}$/);
});

test('sorts on the server when a header is clicked', async ({ page }) => {
  const header = page.getByRole('columnheader', { name: /^Naam/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await columnTexts(page, 'name'))[0]).toBe('Zwevegem');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'none');

  const inhabitants = page.getByRole('columnheader', { name: /^Inwoners/ });
  await inhabitants.getByRole('button').click();
  await inhabitants.getByRole('button').click();
  await expect(inhabitants).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await columnTexts(page, 'name'))[0]).toBe('Antwerpen');
});

test('searches accent- and case-insensitively', async ({ page }) => {
  await page.getByTestId('table-search').fill('ronse');
  await expect(page.getByTestId('table-count')).toHaveText('1 gemeente');
  await expect(gridRows(page).first()).toContainText('Ronse');
  await page.getByTestId('table-search').fill('RÔNSÉ');
  await expect(page.getByTestId('table-count')).toHaveText('1 gemeente');
  await expect(gridRows(page).first()).toContainText('Ronse');
});

test('filters per column', async ({ page }) => {
  await page.getByRole('button', { name: 'Filters per kolom' }).click();
  await page
    .locator('[data-filter="province"] input, input[data-filter="province"]')
    .first()
    .fill('limburg');
  await expect(page.getByTestId('table-count')).toHaveText('38 gemeenten');
  await page.locator('input[data-filter="inhabitants_2020"]').fill('>50000');
  await expect(page.getByTestId('table-count')).toHaveText(/^\d gemeenten$/);
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
});

test('a cell can be edited from the keyboard (Enter to edit, Esc to cancel)', async ({ page }) => {
  await page.getByTestId('table-search').fill('Ronse');
  await expect(page.getByTestId('table-count')).toHaveText('1 gemeente');
  const cell = gridRows(page).first().locator('td[data-column="arrondissement"]');
  await cell.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('cell-editor').fill('Iets anders');
  await page.getByTestId('cell-editor').press('Escape');
  await expect(cell).toHaveText('Oudenaarde');
  await cell.focus();
  await page.keyboard.press('F2');
  await page.getByTestId('cell-editor').fill('Zuid-Oost-Vlaanderen');
  await page.getByTestId('cell-editor').press('Enter');
  await expect(cell).toHaveText('Zuid-Oost-Vlaanderen');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
});
