import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  GENK_NEWCOMERS_2023,
  PLAN,
  allocationPlan,
  newcomerForecast,
  orgUnits,
  positions,
} from './answer-fresh';
import { dropFile, openApp, screenshot } from './app';

/**
 * "Vierde pijler in cijfers" end to end. (1) The fresh-spreadsheet test: a new, empty
 * workspace, four spreadsheets written here and imported through the wizard, the screen's
 * totals against numbers worked out by hand below. (2) The demo: light and dark, looked at,
 * axe.
 */

test.describe.configure({ timeout: 180_000 });

const nl = (value: number, decimals = 1) =>
  new Intl.NumberFormat('nl-BE', { maximumFractionDigits: decimals }).format(value);
const vte = (value: number) => `${nl(Math.round(value * 10) / 10)} VTE`;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Walks one file through the wizard into a Pijlerplan data type, checking the mapping. */
async function importFile(
  page: Page,
  file: { name: string; bytes: Uint8Array },
  entity: string,
  mapping: Record<string, string>,
  preview?: string,
) {
  await dropFile(page, file.name, file.bytes);
  await expect(page.getByTestId('import-file-facts')).toContainText(file.name);
  await page.getByTestId('import-next').click();
  if (preview) await expect(page.getByTestId('import-preview-summary')).toHaveText(preview);
  await page.getByTestId('import-next').click();
  await page.getByRole('radio', { name: 'Gegevenstype in Pijlerplan' }).check();
  const type = page.getByRole('textbox', { name: 'Gegevenstype' });
  if (!(await type.inputValue()).startsWith(entity)) {
    await type.click();
    await page.getByRole('option', { name: new RegExp(`^${entity}`) }).click();
  }
  for (const [field, header] of Object.entries(mapping)) {
    await expect(page.getByTestId(`import-map-${field}`)).toHaveValue(new RegExp(`· ${header}$`));
  }
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-stat-rejected')).toHaveText('0');
  await page.getByTestId('import-next').click();
  await page.getByRole('button', { name: 'Alles importeren' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Import voltooid');
  await result.getByRole('button', { name: 'Nog een bestand importeren' }).click();
}

const figure = (page: Page, id: string) => page.getByTestId(`answer-${id}`);

/** The raw value behind a figure on screen (its data-value), to compare with a file's cell. */
const screenValue = async (page: Page, id: string) =>
  Number(await figure(page, id).getAttribute('data-value'));

/** Clicks an export and returns the downloaded file's name and bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const event = page.waitForEvent('download');
  await click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** The answer workbook's key figures: sheet "1 Hoeveel VTE", label in A, value (or its cached
 *  formula result) in B. */
async function workbookFigures(bytes: Buffer): Promise<Map<string, number>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('1 Hoeveel VTE');
  expect(sheet, 'the workbook has the sheet "1 Hoeveel VTE"').toBeDefined();
  const figures = new Map<string, number>();
  sheet!.eachRow((row) => {
    const label = row.getCell(1).value;
    const cell = row.getCell(2).value;
    const value =
      typeof cell === 'number'
        ? cell
        : cell && typeof cell === 'object' && 'result' in cell
          ? Number(cell.result)
          : null;
    if (typeof label === 'string' && value !== null && !figures.has(label))
      figures.set(label, value);
  });
  return figures;
}

/** The workbook and the .md text, exported from the screen, say the screen's numbers. */
async function exportsAgreeWithScreen(page: Page) {
  const xlsx = await download(page, async () => {
    await page.getByTestId('answer-export').click();
    await page.getByTestId('answer-export-xlsx').click();
  });
  expect(xlsx.name).toMatch(/^vierde-pijler-in-cijfers-.*\.xlsx$/);
  const cells = await workbookFigures(xlsx.bytes);
  const pairs: [string, string][] = [
    ['Geplande VTE vierde pijler', 'planned'],
    ['waarvan ingevuld', 'filled'],
    ['Functies', 'positions'],
    ['Personen', 'people'],
    ['Vacatures', 'vacancies'],
    ['Benodigde VTE (vraagmodel)', 'required'],
  ];
  for (const [label, id] of pairs) {
    expect(cells.get(label), label).toBeCloseTo(await screenValue(page, id), 6);
  }
  const md = await download(page, () => page.getByTestId('answer-text-md').click());
  expect(md.name).toMatch(/\.md$/);
  const text = md.bytes.toString('utf8');
  for (const id of ['planned', 'filled', 'required']) {
    expect(text).toContain((await figure(page, id).innerText()).trim());
  }
  // Every paragraph of the draft on screen is in the .md, word for word.
  for (const paragraph of await page.getByTestId('answer-text').locator('p').allInnerTexts()) {
    expect(text.replace(/\s+/g, ' ')).toContain(paragraph.replace(/\s+/g, ' ').trim());
  }

  // The .docx: Word's document.xml has the same figures; the PDF opens, with its pages.
  const docx = await download(page, () => page.getByTestId('answer-text-docx').click());
  expect(docx.name).toMatch(/\.docx$/);
  const xml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!);
  const words = xml.replace(/<[^>]+>/g, '');
  for (const id of ['planned', 'filled', 'required']) {
    expect(words).toContain((await figure(page, id).innerText()).trim());
  }
  const pdf = await download(page, async () => {
    await page.getByTestId('answer-export').click();
    await page.getByTestId('answer-export-pdf').click();
  });
  expect(pdf.name).toMatch(/\.pdf$/);
  expect((await PDFDocument.load(new Uint8Array(pdf.bytes))).getPageCount()).toBeGreaterThan(0);
  return { cells, text };
}

test('fresh spreadsheets: a new workspace, four imports, and the answer worked out by hand', async ({
  page,
}) => {
  await openApp(page, 'import');
  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.new"]').click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Naamloze werkruimte');

  await importFile(
    page,
    { name: 'organigram-visio.xlsx', bytes: await orgUnits() },
    'Organisatie-eenheden',
    {
      code: 'Eenheidscode',
      name: 'Naam',
      kind: 'Soort',
      parent: 'Valt onder',
    },
  );
  await importFile(
    page,
    { name: 'hr-export personeel.xlsx', bytes: await positions() },
    'Functies en medewerkers',
    {
      code: 'Functie ID',
      title: 'Functietitel',
      person_name: 'Naam medewerker',
      reports_to: 'Rapporteert aan',
      unit: 'Eenheid',
      fte: 'VTE',
      pillar4_share: 'Aandeel vierde pijler',
      role: 'Functiefamilie',
    },
    'Koprij op rij 3 gedetecteerd; 7 gegevensrijen (rij 4–10).',
  );
  await importFile(
    page,
    { name: 'allocatieplan 2023.xlsx', bytes: await allocationPlan() },
    'VTE-toewijzingen',
    {
      scenario: 'Scenario',
      position: 'Functie',
      activity: 'Activiteit',
      region_code: 'Regio',
      month: 'Maand',
      fte: 'VTE',
    },
  );
  await importFile(
    page,
    { name: 'prognose nieuwkomers.xlsx', bytes: await newcomerForecast() },
    'Verwachte nieuwkomers',
    {
      nis_code: 'NIS-code',
      year: 'Jaar',
      newcomers: 'Verwachte nieuwkomers',
    },
  );

  // One click from the navigation, then the reference day 15 May 2023.
  await page.getByRole('navigation').first().locator('a[data-route="answer"]').click();
  await expect(figure(page, 'planned')).toBeVisible();
  const date = page.getByRole('textbox', { name: 'Peildatum' });
  await date.fill('15/05/2023');
  await date.press('Enter');
  await expect(page.getByTestId('answer-context')).toContainText('Toestand op 15/05/2023');
  await expect(page.getByTestId('answer-context')).toContainText('scenario Plan 2023');

  // Worked out by hand, May 2023. Planned: every fourth-pillar allocation of the month.
  const may = '2023-05';
  const planned =
    PLAN['P4-01']!(may) + PLAN['P4-02']!(may) + PLAN['P4-03']!(may) + PLAN['VO-02']!(may);
  expect(planned).toBeCloseTo(0.5 + 1 + 0.8 + 0.2); // 2,5
  // Filled: the same on held positions — P4-03 (Netwerkcoach Kempen) is vacant.
  const filled = planned - PLAN['P4-03']!(may); // 1,7
  await expect(figure(page, 'planned')).toHaveText(vte(planned));
  await expect(figure(page, 'planned')).toHaveText('2,5 VTE');
  await expect(figure(page, 'filled')).toHaveText(vte(filled));
  await expect(figure(page, 'filled')).toHaveText('1,7 VTE');
  // Positions with a fourth-pillar share: P4-01 (50 %), P4-02, P4-03 (100 %), VO-02 (20 %).
  await expect(figure(page, 'positions')).toHaveText('4');
  // Their holders: Ann Wouters, Tom Maes, Sara Lambrecht; one vacancy.
  await expect(figure(page, 'people')).toHaveText('3');
  await expect(figure(page, 'vacancies')).toHaveText('1');

  // By division: Operationele Diensten holds the cell (0,5 + 1 + 0,8), Vorming the MO teacher.
  const division = page.getByTestId('answer-split-division');
  const row = (table: ReturnType<Page['getByTestId']>, label: string) =>
    table.locator('tbody tr').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
  await expect(
    row(division, 'Operationele Diensten').locator('[data-column="planned"]'),
  ).toHaveText('2,3 VTE');
  await expect(row(division, 'Operationele Diensten').locator('[data-column="filled"]')).toHaveText(
    '1,5 VTE',
  );
  await expect(row(division, 'Vorming').locator('[data-column="planned"]')).toHaveText('0,2 VTE');
  // By role: two network coaches (1 + 0,8, of which 1 filled), the team leader, the MO teacher.
  const role = page.getByTestId('answer-split-role');
  await expect(row(role, 'Netwerkcoach').locator('[data-column="planned"]')).toHaveText('1,8 VTE');
  await expect(row(role, 'Netwerkcoach').locator('[data-column="filled"]')).toHaveText('1 VTE');
  await expect(row(role, 'Teamleider').locator('[data-column="planned"]')).toHaveText('0,5 VTE');

  // Required, by the demand model's defaults (assumptions.ts), for Genk's network (Limburg):
  // share taking part = 0,49 × 0,55 + (1 − 0,49 × 0,55) × 0,15; intake 1.200 ÷ 12 a month from
  // January 2023; in May the last 6 months hold 5 months of intake; 6 guidance hours spread
  // over 6 months; 1.400 productive hours a year → required = active ÷ (1.400 ÷ 12).
  const share = 0.49 * 0.55 + (1 - 0.49 * 0.55) * 0.15;
  const active = 5 * (GENK_NEWCOMERS_2023 / 12) * share;
  const required = active / (1400 / 12);
  expect(required).toBeCloseTo(1.6246, 3);
  await expect(figure(page, 'required')).toHaveText(vte(required)); // 1,6 VTE
  // The gap is over the regions: only the Limburg coach's 1 VTE is planned in a region.
  await expect(figure(page, 'gap')).toHaveText(vte(PLAN['P4-02']!(may) - required)); // -0,6
  const need = page.getByTestId('answer-need').locator('tbody tr[data-key="REFREG15"]');
  await expect(need).toContainText(vte(required));

  // Quarters: Q1 has the coach at 0,6, Q2 at 1.
  await expect(page.getByTestId('answer-quarters')).toContainText('K1 2023');

  // Where and how steered: the cell and its chain up to the director.
  await expect(page.getByTestId('answer-org')).toBeVisible();
  const cell = page
    .getByTestId('answer-steering')
    .locator('tbody tr')
    .filter({ hasText: 'Cel Vierde Pijler' });
  await expect(cell.getByTestId('answer-chain')).toHaveText(
    /Teamleider Vierde Pijler \(Ann Wouters\).*Afdelingshoofd Operationele Diensten \(Jan Claes\).*Administrateur-generaal \(Eva Peeters\)/,
  );

  // The draft text says the screen's numbers.
  const text = page.getByTestId('answer-text');
  await expect(text).toContainText('2,5 VTE');
  await expect(text).toContainText('1,7 VTE');

  // A traced figure: the planned FTE comes from the imported allocation plan.
  await figure(page, 'planned').click();
  const drawer = page.getByTestId('trace-drawer');
  await expect(drawer.getByTestId('trace-figure')).toHaveText('2,5 VTE');
  await expect(drawer.getByTestId('trace-source-file').first()).toContainText(
    'allocatieplan 2023.xlsx',
  );
  await screenshot(page, 'answer-fresh-trace');
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('trace-figure')).toBeHidden();
  await screenshot(page, 'answer-fresh-top');

  // The workbook and the text: the same numbers — and so the hand-worked ones.
  const { cells } = await exportsAgreeWithScreen(page);
  expect(cells.get('Geplande VTE vierde pijler')).toBeCloseTo(planned, 6);
  expect(cells.get('waarvan ingevuld')).toBeCloseTo(filled, 6);
  expect(cells.get('Benodigde VTE (vraagmodel)')).toBeCloseTo(required, 6);
});

test('one click from the start screen, and from the command palette', async ({ page }) => {
  // The start screen (the app opens on Proeftuinen): the first link of the navigation.
  await openApp(page);
  await expect(page).toHaveURL(/#\/proeftuinen$/);
  await page
    .getByRole('navigation')
    .first()
    .getByRole('link', { name: 'Vierde pijler in cijfers' })
    .click();
  await expect(page).toHaveURL(/#\/vierde-pijler$/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Vierde pijler in cijfers' }),
  ).toBeVisible();
  await expect(figure(page, 'planned')).toBeVisible();

  await page.goto('./#/proeftuinen');
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Opdracht of scherm zoeken' }).fill('vierde pijler in');
  await page.getByRole('dialog').locator('[data-route="answer"]').click();
  await expect(page).toHaveURL(/#\/vierde-pijler$/);
  await expect(figure(page, 'planned')).toBeVisible();
});

/** The CLI as a user runs it (`npm run cli -- …`), its JSON output parsed. */
function cli(args: string[]): string {
  return execFileSync('node', ['tools/cli.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
}
const query = (file: string, sql: string) =>
  JSON.parse(cli(['query', file, sql, '--format', 'json'])) as Record<string, number | string>[];

test('the demo: the screen, the workbook and the text agree with `cli query` on the same workspace file', async ({
  page,
}) => {
  // The demo written by the CLI, then that very file opened in the app.
  mkdirSync('test-results/answer-demo', { recursive: true });
  const file = 'test-results/answer-demo/demo.pijlerplan';
  cli(['demo', '--out', file]);
  await openApp(page, 'vierde-pijler');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-menu').click();
  await page.locator('[data-command="file.open"]').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('workspace-name')).toHaveText('demo.pijlerplan');
  const date = page.getByRole('textbox', { name: 'Peildatum' });
  await date.fill('01/01/2023');
  await date.press('Enter');
  await expect(page.getByTestId('answer-context')).toContainText('Toestand op 01/01/2023');
  await expect(page.getByTestId('answer-context')).toContainText('scenario Basis 2022–2026');

  // The same figures in plain SQL: the approved scenario, January 2023, the fourth-pillar
  // activities; held = an assignment valid on the day; the lens = positions with a share.
  const day = '2023-01-01';
  const valid = (t: string) =>
    `(${t}.valid_from IS NULL OR ${t}.valid_from <= '${day}') AND (${t}.valid_to IS NULL OR ${t}.valid_to >= '${day}')`;
  const plan = `FROM allocation a JOIN activity act ON act.code = a.activity_code
    WHERE act.is_pillar4 = 1 AND a.month = '2023-01'
      AND a.scenario_id = (SELECT id FROM scenario WHERE status = 'approved' ORDER BY id LIMIT 1)`;
  const held = `SELECT s.position_id, s.person_id FROM assignment s WHERE ${valid('s')}`;
  const lens = `SELECT p.id FROM position p WHERE p.pillar4_share > 0 AND ${valid('p')}`;
  const [totals] = query(
    file,
    `SELECT sum(a.fte) AS planned,
            sum(CASE WHEN a.position_id IN (SELECT position_id FROM (${held})) THEN a.fte ELSE 0 END) AS filled,
            (SELECT count(*) FROM (${lens})) AS positions,
            (SELECT count(DISTINCT person_id) FROM (${held}) WHERE position_id IN (${lens})) AS people,
            (SELECT count(*) FROM (${lens}) WHERE id NOT IN (SELECT position_id FROM (${held}))) AS vacancies,
            (SELECT count(*) FROM pilot) AS pilots,
            (SELECT sum(reached_participants) FROM pilot) AS participants,
            (SELECT sum(budget_eur) FROM pilot) AS budget,
            (SELECT count(DISTINCT nis_code) FROM pilot_municipality) AS municipalities
     ${plan}`,
  );
  const expected = totals!;
  for (const id of ['planned', 'filled']) {
    expect(await screenValue(page, id), id).toBeCloseTo(Number(expected[id]), 6);
    await expect(figure(page, id)).toHaveText(vte(Number(expected[id])));
  }
  for (const id of ['positions', 'people', 'vacancies', 'pilots', 'participants', 'budget']) {
    expect(await screenValue(page, id), id).toBe(Number(expected[id]));
  }
  expect(await screenValue(page, 'municipalities')).toBe(Number(expected.municipalities));

  // By role: each role's planned FTE.
  const roles = query(
    file,
    `SELECT r.name AS role, sum(a.fte) AS fte ${plan.replace(
      'WHERE',
      'JOIN position p ON p.id = a.position_id JOIN role r ON r.id = p.role_id WHERE',
    )} GROUP BY r.name`,
  );
  expect(roles.length).toBeGreaterThan(3);
  const split = page.getByTestId('answer-split-role');
  await expect(split.locator('tbody tr')).toHaveCount(roles.length);
  for (const { role, fte } of roles) {
    const cell = split
      .locator('tbody tr')
      .filter({ has: page.getByRole('cell', { name: String(role), exact: true }) })
      .locator('[data-column="planned"] [data-value]');
    expect(Number(await cell.getAttribute('data-value')), String(role)).toBeCloseTo(Number(fte), 6);
  }

  // The workbook and the text carry the screen's numbers, so the query's too.
  await exportsAgreeWithScreen(page);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the demo's answer, ${scheme}: looked at, and no serious axe violations`, async ({
    page,
  }) => {
    await openApp(page, 'vierde-pijler', { scheme });
    await expect(figure(page, 'planned')).toBeVisible({ timeout: 30_000 });
    await screenshot(page, `answer-1-top-${scheme}`);
    // The fixed header would cover the top of each section's picture.
    await page.addStyleTag({ content: '.mantine-AppShell-header { display: none !important; }' });
    for (const section of ['howMany', 'where', 'steering', 'crossUnit', 'pilots', 'text']) {
      const element = page.getByTestId(`answer-section-${section}`);
      await element.scrollIntoViewIfNeeded();
      await element.screenshot({
        path: `test-results/screenshots/answer-${section}-${scheme}.png`,
      });
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
}
