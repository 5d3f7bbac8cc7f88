import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './app';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function openPlanning(page: Page, scheme: 'light' | 'dark' = 'light') {
  await openApp(page, 'planning', { scheme });
  await expect(page.getByTestId('fte-grid')).toBeVisible();
  await expect(page.getByTestId('glide-cell-0-0')).toBeAttached();
}

test('screenshots', async ({ page }) => {
  await openPlanning(page);
  await page.waitForTimeout(500);
  await screenshot(page, 'planning-grid-light');
});
