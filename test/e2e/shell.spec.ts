import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './app';

test('opens on the demo workspace with the Dutch shell, without console errors', async ({
  page,
}) => {
  // A CSP violation (e.g. the worker or sql.js's wasm being blocked) shows up here.
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await openApp(page);
  await expect(page.getByTestId('kpi-pilots')).toContainText('26');
  await expect(page).toHaveTitle('Voorbeeldwerkruimte — Pijlerplan');
  const nav = page.getByRole('navigation', { name: 'Navigatie' });
  for (const label of [
    'Gegevens',
    'Import',
    'Organigram',
    'Planning',
    'Proeftuinen',
    'Gemeenten',
    'Dashboard',
    'Export',
  ]) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeDisabled();
  expect(problems).toEqual([]);
});

test('switches the whole UI to English and back', async ({ page }) => {
  await openApp(page, 'gemeenten');
  await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByRole('heading', { name: 'Municipalities' })).toBeVisible();
  await expect(page.getByTestId('table-count')).toHaveText('285 municipalities');
  await expect(
    page.getByRole('navigation', { name: 'Navigation' }).getByText('Pilots'),
  ).toBeVisible();
  await expect(page.getByTestId('workspace-name')).toHaveText('Demo workspace');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await screenshot(page, 'gemeenten-english');
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId('table-count')).toHaveText('285 municipalities');
  await page.getByTestId('language-switch').getByText('NL').click();
  await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
});

test('the About dialog credits Statbel for the municipality data', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Over Pijlerplan' }).click();
  await expect(page.getByRole('dialog')).toContainText('Statbel');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the shell, Gemeenten and Proeftuinen (${scheme})`, async ({ page }) => {
    await openApp(page, 'organigram', { scheme });
    await expect(page.getByTestId('screen-organigram')).not.toContainText('…');
    await screenshot(page, `shell-${scheme}`);

    await page.goto('./#/gemeenten');
    await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
    await screenshot(page, `gemeenten-${scheme}`);

    await page.goto('./#/proeftuinen');
    await expect(page.getByTestId('table-count')).toHaveText('26 proeftuinen');
    await expect(page.getByTestId('kpi-pilots')).toContainText('26');
    await screenshot(page, `proeftuinen-${scheme}`);
  });
}
