import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './app';

test('organigram first look', async ({ page }) => {
  await openApp(page, 'organigram');
  await expect(page.getByTestId('org-chart')).toBeVisible();
  await expect(page.getByTestId('org-chart')).toHaveAttribute('data-cards', '161');
  await screenshot(page, 'organigram-light');
});
