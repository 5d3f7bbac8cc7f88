import { expect, test } from '@playwright/test';
import { COMMANDS } from '../../src/commands/commands';
import { openApp, screenshot } from './app';

test('keyboard only: Ctrl+K opens the palette, typing and Enter reach a screen', async ({
  page,
}) => {
  await openApp(page, 'proeftuinen');
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Opdracht of scherm zoeken' });
  await expect(search).toBeFocused();
  await page.keyboard.type('gemeenten');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Gemeenten', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/#\/gemeenten$/);
  await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
  await expect(search).toHaveCount(0);
});

test('keyboard only: a command runs from the palette (dark theme, then English)', async ({
  page,
}) => {
  await openApp(page, 'gemeenten');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('donker');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('english');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Municipalities', level: 2 })).toBeVisible();
});

test('the palette lists every command of the registry and every screen', async ({ page }) => {
  await openApp(page, 'proeftuinen');
  await page.getByTestId('open-palette').click();
  const palette = page.getByRole('dialog');
  await expect(palette).toBeVisible();
  for (const command of COMMANDS.filter((item) => item.id !== 'view.commandPalette')) {
    await expect(palette.locator(`[data-command="${command.id}"]`)).toHaveCount(1);
  }
  // Every screen of the sidebar, read from the sidebar itself.
  const routes = await page
    .getByRole('navigation')
    .first()
    .locator('a[data-route]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('data-route')));
  expect(routes.length).toBeGreaterThanOrEqual(8);
  for (const route of routes)
    await expect(palette.locator(`[data-route="${route}"]`)).toHaveCount(1);
  // Undo has nothing to undo yet: it is listed, but cannot run.
  await expect(palette.locator('[data-command="edit.undo"]')).toBeDisabled();
  await screenshot(page, 'command-palette-light');
});

test('keyboard only: Tab reaches the navigation with a visible focus ring, Enter opens it', async ({
  page,
}) => {
  await openApp(page, 'proeftuinen');
  const target = page.getByRole('navigation').first().locator('a[data-route="municipalities"]');
  // Tab from the top of the page until the Gemeenten link has focus.
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(target).toBeFocused();
  const outline = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'keyboard-focus-nav');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Gemeenten', level: 2 })).toBeVisible();
});
