import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { createIpcHandlers, dispatchIpc } from '../../electron/main/ipc-handlers';
import { createWorkspaceFiles } from '../../electron/main/workspace-files';
import type { IpcChannel } from '../../electron/shared/ipc-channels';
import { runCli } from '../../src/cli/run';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { createRecentFilesStore } from '../../src/node/recent-files';
import { acquireLock, lockPathFor } from '../../src/node/workspace-lock';
import { editMunicipalityCell, screenshot } from './app';

/*
 * The shell's sharing UI as it runs in Electron: the page gets a `window.pijlerplan` bridge
 * whose calls go to the real main-process file side (electron/main/workspace-files, with its
 * locks and hash check) running here in Node — only the Electron binary is missing. Bytes
 * cross as base64, as Playwright's exposed functions carry JSON.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let dir: string;
let demo: Uint8Array;
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pijlerplan-e2e-share-'));
  const file = path.join(dir, 'demo.pijlerplan');
  expect(await runCli(['demo', '--out', file], { out: () => {}, err: () => {} })).toBe(0);
  demo = new Uint8Array(await readFile(file));
});
test.afterAll(() => rm(dir, { recursive: true, force: true }));

async function sharedFile(name: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(dir, 'drive-')), name);
  await writeFile(file, demo);
  return file;
}

/** Opens the app with this Node process as its Electron main, answering dialogs with `file`. */
async function openAsElectron(page: Page, file: string) {
  const lockPolicy = { staleAfterMs: 300_000 };
  const files = createWorkspaceFiles({
    dialogs: {
      showOpenDialog: async () => ({ canceled: false, filePaths: [file] }),
      showSaveDialog: async () => ({ canceled: false, filePath: `${file}-kopie.pijlerplan` }),
    },
    readFile: async (target) => new Uint8Array(await readFile(target)),
    writeFileAtomic: (target, bytes) => writeFileAtomic(target, bytes),
    backupBeforeOverwrite: async () => null,
    recent: createRecentFilesStore({ storePath: path.join(path.dirname(file), 'recent.json') }),
    startupPath: () => null,
    defaultDir: path.dirname(file),
    log: () => {},
    acquireLock: (target, takeOver) =>
      acquireLock(target, {
        takeOver,
        staleAfterMs: lockPolicy.staleAfterMs,
        me: { user: 'bram', machine: os.hostname(), pid: process.pid },
      }),
  });
  const handlers = createIpcHandlers({
    files,
    closeGuard: { onSaveStarted: () => false, onSaveFinished: () => 'stay' },
    setTitle: () => {},
    closeWindow: () => {},
    printToPdf: () => Promise.reject(new Error('Afdrukken hoort niet bij deze test.')),
  });
  const encode = (value: unknown): string =>
    JSON.stringify(value, (_key, item: unknown) =>
      item instanceof Uint8Array ? { __bytes: Buffer.from(item).toString('base64') } : item,
    );
  const decode = (text: string): unknown =>
    JSON.parse(text, (_key, item: unknown) =>
      item && typeof item === 'object' && '__bytes' in item
        ? new Uint8Array(Buffer.from(String((item as { __bytes: string }).__bytes), 'base64'))
        : item,
    );
  await page.exposeFunction('__mainInvoke', async (channel: string, payload: string) =>
    encode(await dispatchIpc(handlers, channel as IpcChannel, decode(payload))),
  );
  await page.addInitScript(() => {
    localStorage.setItem('pijlerplan.language', 'nl');
    const toBase64 = (bytes: Uint8Array) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    };
    const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const invoke = (window as unknown as { __mainInvoke(c: string, p: string): Promise<string> })
      .__mainInvoke;
    Object.assign(window, {
      pijlerplan: {
        invoke: async (channel: string, payload: unknown) =>
          JSON.parse(
            await invoke(
              channel,
              JSON.stringify(payload, (_k, v: unknown) =>
                v instanceof Uint8Array ? { __bytes: toBase64(v) } : v,
              ),
            ),
            (_k, v: unknown) =>
              v && typeof v === 'object' && '__bytes' in v
                ? fromBase64((v as { __bytes: string }).__bytes)
                : v,
          ) as unknown,
        onCommand: () => () => {},
        onOpenFile: () => () => {},
      },
    });
  });
  await page.goto('./#/gemeenten');
  await expect(page.getByTestId('workspace-name')).toHaveText('Voorbeeldwerkruimte', {
    timeout: 60_000,
  });
  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.open"]').click();
  await expect(page.getByText(`${path.basename(file)} geopend`)).toBeVisible({ timeout: 60_000 });
  return lockPolicy;
}

async function onDisk(file: string, sql: string): Promise<unknown> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(new Uint8Array(await readFile(file)));
  try {
    return db.exec(sql)[0]?.values[0]?.[0];
  } finally {
    db.close();
  }
}

test('a file a colleague has open: read-only banner saying who, edits refused; a stale lock is taken over', async ({
  page,
}) => {
  const file = await sharedFile('gedeeld.pijlerplan');
  // Anna has it open on her machine (her lock beside the file).
  const anna = await acquireLock(file, { me: { user: 'anna', machine: 'PC-ANNA', pid: 1 } });
  expect(anna.kind).toBe('acquired');
  const lockPolicy = await openAsElectron(page, file);

  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText('Alleen-lezen: iemand anders heeft dit bestand open');
  await expect(banner).toContainText(/Dit bestand is geopend door anna op PC-ANNA sinds \d/);
  await expect(banner.getByRole('button', { name: 'Overnemen' })).toHaveCount(0);
  await screenshot(page, 'sharing-read-only-light');
  const axe = await new AxeBuilder({ page }).include('[data-testid="read-only-banner"]').analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? ''))).toEqual(
    [],
  );

  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '12.345');
  await expect(page.getByText(/alleen-lezen geopend/).first()).toBeVisible();
  expect(
    await onDisk(file, "SELECT inhabitants_2020 FROM municipality WHERE name = 'Ronse'"),
  ).not.toBe(12_345);

  // Anna's app stopped refreshing its lock (five minutes here, one second in the test):
  // opened again later, Bram may take it over.
  lockPolicy.staleAfterMs = 1_000;
  await page.waitForTimeout(1_500);
  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.open"]').click();
  await expect(banner.getByRole('button', { name: 'Overnemen' })).toBeVisible();
  await screenshot(page, 'sharing-stale-lock');
  const staleAxe = await new AxeBuilder({ page })
    .include('[data-testid="read-only-banner"]')
    .analyze();
  expect(
    staleAxe.violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? '')),
  ).toEqual([]);
  await banner.getByRole('button', { name: 'Overnemen' }).click();
  await expect(banner).toHaveCount(0);
  expect(JSON.parse(await readFile(lockPathFor(file), 'utf8'))).toMatchObject({ user: 'bram' });
  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '12.345');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
});

test('a colleague saved meanwhile: nothing is overwritten, my edits are re-applied, the clash is listed', async ({
  page,
}) => {
  const file = await sharedFile('samen.pijlerplan');
  await openAsElectron(page, file);
  await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
  await editMunicipalityCell(page, 'Ronse', 'inhabitants_2020', '27.000');
  await editMunicipalityCell(page, 'Alveringem', 'arrondissement', 'Westkust');

  // Meanwhile Anna's app saves the same file: Ronse's inhabitants and Aalst's arrondissement.
  const SQL = await initSqlJs();
  const theirs = new SQL.Database(new Uint8Array(await readFile(file)));
  theirs.run(
    "UPDATE municipality SET inhabitants_2020 = 11111 WHERE name = 'Ronse'; UPDATE municipality SET arrondissement = 'Denderstreek' WHERE name = 'Aalst'",
  );
  await writeFileAtomic(file, theirs.export());
  theirs.close();

  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.save"]').click();
  await expect(page.getByTestId('changed-on-disk')).toContainText('Niets is overschreven');
  await screenshot(page, 'sharing-changed-on-disk');
  await page.getByRole('button', { name: 'Mijn wijzigingen toepassen en opslaan' }).click();

  const conflicts = page.getByTestId('reapply-conflicts');
  await expect(conflicts).toContainText(/gemeente 45041, inhabitants_2020: jij 27000.*11111/);
  await expect(conflicts.locator('li')).toHaveCount(1);
  await screenshot(page, 'sharing-reapplied');
  const axe = await new AxeBuilder({ page }).include('[data-testid="reapplied"]').analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? ''))).toEqual(
    [],
  );
  await page.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);

  // On disk: Anna's two changes stay, Bram's non-clashing one was added.
  expect(await onDisk(file, "SELECT inhabitants_2020 FROM municipality WHERE name = 'Ronse'")).toBe(
    11_111,
  );
  expect(await onDisk(file, "SELECT arrondissement FROM municipality WHERE name = 'Aalst'")).toBe(
    'Denderstreek',
  );
  expect(
    await onDisk(file, "SELECT arrondissement FROM municipality WHERE name = 'Alveringem'"),
  ).toBe('Westkust');
});
