import { expect, test, type Page } from '@playwright/test';
import initSqlJs from 'sql.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../src/core/db/schema';
import { editMunicipalityCell, gridRows, openApp, screenshot } from './app';

function cell(page: Page, column: string) {
  return gridRows(page).first().locator(`td[data-column="${column}"]`);
}

test('edit, undo, edit again, save, reload, reopen from recent files: the saved value is there', async ({
  page,
}) => {
  await openApp(page, 'gemeenten');
  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '12.345');
  await expect(cell(page, 'inhabitants_2020')).toHaveText('12.345');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await expect(page).toHaveTitle('• Voorbeeldwerkruimte — Pijlerplan');

  await page.getByTestId('undo').click();
  await expect(cell(page, 'inhabitants_2020')).not.toHaveText('12.345');
  const original = await cell(page, 'inhabitants_2020').innerText();

  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '27.000');
  await expect(cell(page, 'inhabitants_2020')).toHaveText('27.000');

  // Opslaan als… (the browser host keeps the file in IndexedDB under the chosen name).
  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.saveAs"]').click();
  await page.getByTestId('file-name-input').fill('ronse-test');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('ronse-test.pijlerplan');
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(page).toHaveTitle('ronse-test.pijlerplan — Pijlerplan');

  // A fresh start opens the demo again, with the original value.
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('Voorbeeldwerkruimte', {
    timeout: 30_000,
  });
  await page.getByTestId('table-search').fill('Ronse');
  await expect(cell(page, 'inhabitants_2020')).toHaveText(original);

  await page.getByTestId('file-menu').click();
  await page.getByTestId('recent-file').filter({ hasText: 'ronse-test.pijlerplan' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('ronse-test.pijlerplan');
  await page.getByTestId('table-search').fill('Ronse');
  await expect(cell(page, 'inhabitants_2020')).toHaveText('27.000');
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
});

test('Ctrl+Z and Ctrl+Y undo and redo an edit, but not while typing in a field', async ({
  page,
}) => {
  await openApp(page, 'gemeenten');
  await editMunicipalityCell(page, 'Ronse', 'arrondissement', 'Vlaamse Ardennen');
  await expect(cell(page, 'arrondissement')).toHaveText('Vlaamse Ardennen');

  // In the search box, Ctrl+Z is the field's own undo: the edit stays.
  await page.getByTestId('table-search').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('undo')).toBeEnabled();
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  await page.getByRole('heading', { name: 'Gemeenten' }).click();
  await page.getByTestId('table-search').fill('Ronse');
  await page.getByRole('heading', { name: 'Gemeenten' }).click();
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'arrondissement')).toHaveText('Oudenaarde');

  await page.keyboard.press('Control+y');
  await expect(cell(page, 'arrondissement')).toHaveText('Vlaamse Ardennen');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'arrondissement')).toHaveText('Oudenaarde');
  await page.keyboard.press('Control+Shift+Z');
  await expect(cell(page, 'arrondissement')).toHaveText('Vlaamse Ardennen');
});

test('Ctrl+S saves: the first time it asks for a name, then it saves in place', async ({
  page,
}) => {
  await openApp(page, 'gemeenten');
  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '30.000');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await page.keyboard.press('Control+s');
  await page.getByTestId('file-name-input').fill('sneltoets');
  await page.getByTestId('file-name-input').press('Enter');
  await expect(page.getByTestId('workspace-name')).toHaveText('sneltoets.pijlerplan');
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);

  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '31.000');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(page.getByTestId('file-name-input')).toHaveCount(0);
});

const SQLITE_MAGIC = 'SQLite format 3\u0000';

const BAD_FILES = [
  {
    what: 'a spreadsheet that is not a workspace',
    name: 'gemeenten.xlsx',
    bytes: Buffer.from('PK\u0003\u0004 not really a workbook, certainly not SQLite'),
    message: 'Dit bestand is geen Pijlerplan-werkruimte.',
  },
  {
    what: 'a truncated workspace',
    name: 'afgekapt.pijlerplan',
    bytes: Buffer.concat([Buffer.from(SQLITE_MAGIC, 'latin1'), Buffer.alloc(4080, 7)]),
    message: 'De werkruimte is beschadigd of onvolledig.',
  },
];

/** A real SQLite workspace file stamped with a schema version this build does not know. */
async function newerWorkspace(): Promise<Buffer> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`PRAGMA application_id = ${APPLICATION_ID}`);
  db.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
  db.run('CREATE TABLE future_thing (id INTEGER PRIMARY KEY)');
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}

test('opening a workspace from a newer version says to update Pijlerplan', async ({ page }) => {
  await openApp(page, 'gemeenten');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.open"]').click();
  await (
    await chooser
  ).setFiles({
    name: 'toekomst.pijlerplan',
    mimeType: 'application/octet-stream',
    buffer: await newerWorkspace(),
  });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    'Deze werkruimte komt uit een nieuwere versie van Pijlerplan.',
  );
  await expect(dialog).toContainText(`schema ${SCHEMA_VERSION + 1}`);
  await expect(dialog).toContainText('Werk Pijlerplan bij');
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Voorbeeldwerkruimte');
  await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
});

test('closing with unsaved changes asks first', async ({ page }) => {
  await openApp(page, 'gemeenten');
  await editMunicipalityCell(page, 'Ronse', 'arrondissement', 'Elders');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
});

test('a value the column cannot hold is refused with a Dutch message', async ({ page }) => {
  await openApp(page, 'gemeenten');
  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', 'veel');
  await expect(
    page.getByRole('alert').or(page.locator('.mantine-Notification-root')),
  ).toContainText('geen getal');
  await expect(page.getByTestId('undo')).toBeDisabled();
});

for (const bad of BAD_FILES) {
  test(`opening ${bad.what} explains why in Dutch and keeps the workspace`, async ({ page }) => {
    await openApp(page, 'gemeenten');
    await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-menu').click();
    await page.locator('[data-command="file.open"]').click();
    await (
      await chooser
    ).setFiles({ name: bad.name, mimeType: 'application/octet-stream', buffer: bad.bytes });

    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Deze werkruimte kan niet geopend worden');
    await expect(dialog).toContainText(bad.message);
    await expect(dialog).toContainText('Je huidige werkruimte blijft open; er is niets gewijzigd.');
    await screenshot(page, `open-error-${bad.name.replace(/\W/g, '-')}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('workspace-name')).toHaveText('Voorbeeldwerkruimte');
    await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
  });
}

test('Nieuwe werkruimte starts empty but with the reference data; unsaved edits are asked about first', async ({
  page,
}) => {
  await openApp(page, 'gemeenten');
  await editMunicipalityCell(page, 'Ronse', 'arrondissement', 'Elders');
  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.new"]').click();
  // There are unsaved changes: the app asks before throwing them away.
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Voorbeeldwerkruimte');

  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.new"]').click();
  await page.getByRole('button', { name: 'Wijzigingen verwerpen' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Naamloze werkruimte');
  await page.getByTestId('table-search').fill('');
  await expect(page.getByTestId('table-count')).toHaveText('285 gemeenten');
  await page.goto('./#/proeftuinen');
  await expect(page.getByTestId('table-count')).toHaveText('0 proeftuinen');
  await expect(page.getByTestId('kpi-pilots')).toContainText('0');
});
