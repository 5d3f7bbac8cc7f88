import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './app';

test('Gegevens lists every table and view with its row count and browses them', async ({
  page,
}) => {
  await openApp(page, 'gegevens');
  const list = page.getByTestId('screen-data');
  await expect(list.locator('[data-table-name="municipality"]')).toContainText('285 rijen');
  await expect(list.locator('[data-table-name="pilot_overview"]')).toContainText('26 rijen');
  // Sorted by the name shown, whatever the SQL name under it.
  const labels = await list
    .locator('[data-table-name] .mantine-NavLink-label')
    .evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  expect(labels.length).toBeGreaterThan(20);
  expect(labels).toEqual(
    [...labels].sort(new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare),
  );
  await list.locator('[data-table-name="position"]').click();
  await expect(page).toHaveURL(/#\/gegevens\/position$/);
  await expect(page.getByTestId('table-count')).toHaveText(/^\d+ rijen$/);
  await expect(page.getByRole('heading', { name: 'Gegevens' })).toBeVisible();
  await screenshot(page, 'gegevens-light');
});
