import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './app';
import { gridData, openPlanning, total, typeIntoCell } from './planning-grid';

// The demo is built in the browser's worker first; on a shared 2-core machine that takes a while.
test.describe.configure({ timeout: 180_000 });

const parse = (text: string) =>
  Number(
    text
      .replace(/[€\s\u00a0]/g, '')
      .replace(/\./g, '')
      .replace(',', '.'),
  );

async function axeClean(page: Page) {
  const result = await new AxeBuilder({ page })
    .include('[data-testid="screen-planning"]')
    .analyze();
  expect(
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  ).toEqual([]);
}

test('leave lowers capacity and a planned month over it becomes a breach', async ({ page }) => {
  await openPlanning(page);
  const breachesBefore = await page.getByTestId('tab-breaches').innerText();
  await page.getByRole('tab', { name: 'Verlof en capaciteit' }).click();
  const first = page.getByTestId('capacity-table').locator('tbody tr').first();
  await expect(first).toBeVisible();
  const month = (await first.getAttribute('data-month'))!;
  const contract = await first.locator('td').nth(1).innerText();
  const planned = parse(await first.locator('td').nth(4).innerText());
  expect(planned).toBeGreaterThan(0);
  // Leave of the whole contract in the first month: capacity 0, everything planned is over it.
  await page.getByRole('textbox', { name: 'Van maand' }).fill(month);
  await page.getByRole('textbox', { name: 'Tot en met maand' }).fill(month);
  await page.getByRole('textbox', { name: 'Verlof (VTE)' }).fill(contract);
  await page.getByTestId('leave-set').click();
  await expect(first.locator('td[data-column="leave"]')).toHaveText(contract);
  await expect(first.locator('td[data-column="capacity"]')).toHaveText('0,00');
  expect(parse(await first.locator('td[data-column="free"]').innerText())).toBeCloseTo(-planned, 2);
  await expect(page.getByTestId('tab-breaches')).not.toHaveText(breachesBefore);
  const count = (text: string) => Number(/\((\d+)\)/.exec(text)?.[1]);
  expect(count(await page.getByTestId('tab-breaches').innerText())).toBe(count(breachesBefore) + 1);
  await page.getByTestId('tab-breaches').click();
  await expect(page.getByTestId('breach-list')).toContainText('verlof overblijft van het contract');
  await page.getByRole('tab', { name: 'Verlof en capaciteit' }).click();
  await screenshot(page, 'planning-leave-light');
  await axeClean(page);

  // More leave than the contract is refused in Dutch, nothing changed.
  await page.getByRole('textbox', { name: 'Verlof (VTE)' }).fill('1,5');
  await page.getByTestId('leave-set').click();
  await expect(page.getByTestId('leave-problem')).toContainText('meer dan het contract');
  // One undo takes the leave back.
  await page.keyboard.press('Control+z');
  await expect(first.locator('td[data-column="capacity"]')).toHaveText(contract);
  await expect(page.getByTestId('tab-breaches')).toHaveText(breachesBefore);
});

test('cost per FTE by grade gives the budget per year; change a rate, see it move', async ({
  page,
}) => {
  await openPlanning(page);
  await page.getByRole('tab', { name: 'Kosten' }).click();
  const totalCell = page.getByTestId('cost-total').locator('td[data-year="2023"]');
  await expect(totalCell).not.toHaveText('');
  const before = parse(await totalCell.innerText());
  expect(before).toBeGreaterThan(0);
  // Both demo scenarios, each at its own costs.
  await expect(page.getByTestId('cost-by-scenario').locator('tbody tr')).toHaveCount(2);
  await screenshot(page, 'planning-cost-light');
  await axeClean(page);

  // The biggest grade's rate up by € 12.000 a year: the budget goes up by € 1.000 per FTE-month
  // on that grade — the grade's own row says how much that is.
  const grade = page.getByTestId('cost-by-grade').locator('tbody tr').first();
  const gradeKey = (await grade.getAttribute('data-key'))!;
  const gradeBefore = parse(await grade.locator('td[data-year="2023"]').innerText());
  const input = page.getByTestId('grade-costs').locator(`tr[data-grade="${gradeKey}"] input`);
  const rate = parse(await input.inputValue());
  await input.fill(String(rate + 12000));
  await input.press('Enter');
  await expect(totalCell).not.toHaveText(String(before));
  await expect.poll(async () => parse(await totalCell.innerText())).toBeGreaterThan(before);
  const gradeAfter = parse(
    await page
      .getByTestId('cost-by-grade')
      .locator(`tr[data-key="${gradeKey}"] td[data-year="2023"]`)
      .innerText(),
  );
  // cost = FTE-months × rate ÷ 12, so the new cost is the old × (rate + 12.000) ÷ rate.
  expect(gradeAfter / gradeBefore).toBeCloseTo((rate + 12000) / rate, 3);
});

test('add a plan line from the grid, type into it, it stays', async ({ page }) => {
  await openPlanning(page);
  const before = await gridData(page);
  const position = before.rows.find((row) => row.kind === 'position')!;
  const code = position.label.split(' · ')[0]!;
  await page.getByTestId('add-line').click();
  await page.getByTestId('add-line-position').click();
  await page.getByTestId('add-line-position').fill(code);
  await page.getByRole('option', { name: position.label }).click();
  await page.getByTestId('add-line-activity').click();
  await page.getByRole('option', { name: 'Overige taken' }).click();
  await page.getByTestId('add-line-confirm').click();
  const keys = new Set(before.rows.map((row) => row.key));
  await expect
    .poll(async () => (await gridData(page)).rows.filter((row) => row.key && !keys.has(row.key)))
    .toHaveLength(1);
  const after = await gridData(page);
  const row = after.rows.findIndex((r) => r.key && !keys.has(r.key));
  expect(after.rows[row]!.values.every((value) => value === 0)).toBe(true);
  expect(after.rows[row]!.label).toBe('Overige taken');

  const januaryBefore = (await total(page))[0]!;
  // The grid draws the new line later than the test hook sees it: wait for its accessible table
  // to show the line, then type into it (typeIntoCell clicks until that cell is selected).
  const gridRow = page.locator(`table[role="grid"] tr[aria-rowindex="${row + 2}"]`);
  await expect(gridRow.locator('td[aria-colindex="1"]')).toHaveText(/Overige taken/);
  await typeIntoCell(page, 1, row, '0,4');
  await expect.poll(async () => (await gridData(page)).rows[row]!.values[0]).toBe(400);
  expect((await total(page))[0]).toBe(januaryBefore + 400);
  // Stored by the core: another scenario and back reads the grid again, the line is there.
  await page.getByTestId('scenario-select').click();
  await page.getByRole('option', { name: /Basis 2022–2026/ }).click();
  await expect.poll(async () => (await gridData(page)).scenario).toBe('Basis 2022–2026');
  await page.getByTestId('scenario-select').click();
  await page.getByRole('option', { name: /Uitbreiding netwerkcoaches/ }).click();
  await expect
    .poll(
      async () =>
        (await gridData(page)).rows.find((r) => r.key === after.rows[row]!.key)?.values[0],
    )
    .toBe(400);
});
