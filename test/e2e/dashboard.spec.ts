import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './app';

test.setTimeout(240_000);

const CHARTS = [
  'fteByDivision',
  'requiredVsPlanned',
  'plannedOverTime',
  'positions',
  'pilotsByProvince',
  'pilotBudget',
  'pilotParticipants',
  'networkCoverage',
];

async function openDashboard(page: Page, scheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openApp(page, 'dashboard', { scheme });
  await expect(page.getByTestId('dashboard-kpis')).toBeVisible({ timeout: 30_000 });
}

async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

test('every chart renders on the demo, light and dark, with no serious axe violations', async ({
  page,
}) => {
  await openDashboard(page);
  for (const id of CHARTS) {
    const card = page.getByTestId(`chart-${id}`);
    // Off-screen charts are drawn when the browser is idle (use-drawn.ts), all without scrolling.
    await expect(card).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
    await expect(card.locator('svg.recharts-surface')).toBeVisible();
    expect(Number(await card.getAttribute('data-rows'))).toBeGreaterThan(0);
    await expect(
      card.locator('.recharts-bar-rectangle, .recharts-line-curve').first(),
    ).toBeVisible();
  }
  await expect(page.getByTestId('kpi-pilots')).toContainText('26');
  await screenshot(page, 'dashboard-light');
  expect(await seriousViolations(page)).toEqual([]);
  const dark = await page.context().newPage();
  await openDashboard(dark, 'dark');
  await expect(
    dark.getByTestId('chart-networkCoverage').locator('svg.recharts-surface'),
  ).toBeVisible();
  await screenshot(dark, 'dashboard-dark');
  expect(await seriousViolations(dark)).toEqual([]);
});

test('a filter changes every chart, and shows as a chip that takes it off again', async ({
  page,
}) => {
  await openDashboard(page);
  const planned = page.getByTestId('kpi-plannedFte');
  const before = await planned.innerText();
  const pilotsBefore = await page.getByTestId('kpi-pilots').innerText();
  await page.getByTestId('filter-region').click();
  await page.getByRole('option', { name: 'Limburg', exact: true }).click();
  await expect(page.getByTestId('filter-chips')).toContainText('Limburg');
  await expect.poll(() => planned.innerText()).not.toBe(before);
  await expect.poll(() => page.getByTestId('kpi-pilots').innerText()).not.toBe(pilotsBefore);
  await expect(page.getByTestId('chart-requiredVsPlanned')).toHaveAttribute('data-rows', '1');
  await page.getByRole('button', { name: /Filter Limburg weghalen/ }).click();
  await expect.poll(() => planned.innerText()).toBe(before);
});

test('drill down into a division and back by the breadcrumb; trace a KPI to its rows and file', async ({
  page,
}) => {
  await openDashboard(page);
  const card = page.getByTestId('chart-fteByDivision');
  await card.getByTestId('chart-table-toggle').click();
  await card.getByRole('button', { name: 'Inzoomen op Operationele Diensten' }).click();
  await expect(card.getByTestId('chart-crumbs')).toContainText('Operationele Diensten');
  await expect(card.getByTestId('chart-data-table')).toContainText('Regioteam Limburg');
  await card.getByRole('button', { name: 'Inzoomen op Regioteam Limburg' }).click();
  await expect(card.getByTestId('chart-crumbs')).toContainText('Regioteam Limburg');
  await card.getByTestId('chart-crumbs').getByRole('button', { name: 'Alle afdelingen' }).click();
  await expect(card.getByTestId('chart-crumbs')).toHaveCount(0);

  // A click on a bar itself drills down too (not only the table's zoom buttons).
  await card.getByTestId('chart-table-toggle').click();
  // (centred first: at the card's top the sticky header would take the click)
  await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await card.locator('.recharts-bar-rectangle path').first().click();
  await expect(card.getByTestId('chart-crumbs')).toBeVisible();
  await card.getByTestId('chart-crumbs').getByRole('button', { name: 'Alle afdelingen' }).click();
  await expect(card.getByTestId('chart-crumbs')).toHaveCount(0);

  await page.getByTestId('kpi-vacancies').click();
  const drawer = page.getByRole('dialog', { name: /Waar komt dit cijfer vandaan/ });
  await expect(drawer.getByTestId('trace-source-file')).toContainText('positions.csv');
  const rows = await drawer.getByTestId('trace-rows').locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  await expect(drawer.getByTestId('trace-figure')).toHaveText(String(rows));
  await expect(drawer).toContainText(/SHA-256: [0-9a-f]{64}/);
});

test('meeting mode steps through the slides by keyboard; axe finds nothing serious', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, 'dashboard');
  await page.getByTestId('meeting-open').click();
  const meeting = page.getByTestId('meeting-mode');
  await expect(meeting).toHaveAttribute('data-slide', '1');
  const counter = meeting.getByTestId('slide-counter');
  await expect(counter).toHaveText(/^Dia 1 van \d+$/);
  const total = Number((await counter.innerText()).match(/van (\d+)/)![1]);
  // Nine slides at least (cover + 8 charts); the 18 networks take more than one.
  expect(total).toBeGreaterThan(9);
  await expect(meeting).toContainText('Voorbeeldwerkruimte');
  await screenshot(page, 'meeting-slide-1');
  await page.keyboard.press('ArrowRight');
  await expect(meeting).toHaveAttribute('data-slide', '2');
  await expect(meeting.getByTestId('slide-takeaway')).not.toBeEmpty();
  await expect(meeting.getByTestId('slide-stamp')).toContainText('Scenario');
  await page.keyboard.press('Space');
  await expect(meeting).toHaveAttribute('data-slide', '3');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageUp');
  await expect(meeting).toHaveAttribute('data-slide', '3');
  // Axis labels big enough for a projector.
  const size = await meeting
    .locator('.recharts-cartesian-axis-tick-value')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await screenshot(page, 'meeting-slide-3');
  // The overlay is all the audience sees; the dashboard behind it was scanned above.
  expect(await seriousViolations(page, '[data-testid="meeting-mode"]')).toEqual([]);
  await page.keyboard.press('End');
  await expect(meeting).toHaveAttribute('data-slide', String(total));
  await page.keyboard.press('Home');
  await expect(meeting).toHaveAttribute('data-slide', '1');
  await page.keyboard.press('ArrowLeft');
  await expect(meeting).toHaveAttribute('data-slide', '1');
  await page.keyboard.press('Escape');
  await expect(meeting).toHaveCount(0);
});

test('every slide fits the screen at 1920×1080 and 1280×720, every category labelled', async ({
  page,
}) => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openApp(page, 'dashboard');
    await page.getByTestId('meeting-open').click();
    const meeting = page.getByTestId('meeting-mode');
    const total = Number(
      (await meeting.getByTestId('slide-counter').innerText()).match(/van (\d+)/)![1],
    );
    for (let n = 2; n <= total; n++) {
      await page.keyboard.press('ArrowRight');
      await expect(meeting).toHaveAttribute('data-slide', String(n));
      const chart = meeting.getByTestId('slide-chart');
      const svg = chart.locator('svg.recharts-surface').first();
      await expect(svg).toBeVisible();
      const box = (await chart.boundingBox())!;
      const drawn = (await svg.boundingBox())!;
      // Nothing cut off: the chart stays inside its box, the stamp inside the window.
      expect(drawn.y + drawn.height).toBeLessThanOrEqual(box.y + box.height + 1);
      const stamp = (await meeting.getByTestId('slide-stamp').boundingBox())!;
      expect(stamp.y + stamp.height).toBeLessThanOrEqual(height);
      const ticks = await chart.locator('.recharts-cartesian-axis-tick-value').allInnerTexts();
      expect(ticks.length).toBeGreaterThan(0);
      // The legend (the key to the colours) in projector type too, and the title clear of the
      // ‹ › × buttons in the corner.
      const legend = await chart
        .locator('[class*="legendItemName"]')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(legend).toBeGreaterThanOrEqual(24);
      const clear = await meeting.getByTestId('slide-title').evaluate((title) => {
        const range = document.createRange();
        range.selectNodeContents(title);
        const text = range.getBoundingClientRect();
        const buttons = document
          .querySelector('[data-testid="meeting-close"]')!
          .parentElement!.getBoundingClientRect();
        return text.right <= buttons.left || text.top >= buttons.bottom;
      });
      expect(clear).toBe(true);
      if (n === 3) await screenshot(page, `meeting-${width}x${height}-slide-3`);
    }
    await page.keyboard.press('Escape');
  }
});

test('PNG, SVG and PDF exports are produced; the SVG keeps its colours', async ({ page }) => {
  await openDashboard(page);
  const card = page.getByTestId('chart-requiredVsPlanned');
  const exportAs = async (item: string) => {
    await card.getByTestId('chart-export').click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    return readFile((await (await download).path())!);
  };
  const svg = (await exportAs('SVG')).toString('utf8');
  expect(svg.length).toBeGreaterThan(2000);
  expect(svg).not.toContain('var(');
  expect(svg.toLowerCase()).not.toContain('currentcolor');
  expect(svg).not.toContain('foreignObject');
  expect(svg).toContain('Is er per regio genoeg gepland');
  expect(svg.toLowerCase()).toMatch(/#0072b2|rgb\(0, 114, 178\)/);
  for (const [item, scale] of [
    ['PNG (2×)', 2],
    ['PNG (3×)', 3],
  ] as const) {
    const png = await exportAs(item);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const box = await card.locator('svg.recharts-surface').boundingBox();
    expect(width).toBe(Math.round(Math.ceil(box!.width) * scale));
  }
  // Copy to the clipboard: a PNG, read back from the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await card.getByTestId('chart-export').click();
  await page.getByRole('menuitem', { name: 'Kopiëren als afbeelding' }).click();
  await expect(page.getByText('De grafiek staat op het klembord.')).toBeVisible();
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    return { size: blob.size, magic: String.fromCharCode(...head.slice(1, 4)) };
  });
  expect(clip.magic).toBe('PNG');
  expect(clip.size).toBeGreaterThan(5_000);

  // The dashboard as PDF: the browser build draws it (cover + one page per chart).
  const download = page.waitForEvent('download');
  await page.getByTestId('dashboard-pdf').click();
  const pdf = await readFile((await (await download).path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(50_000);
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1 + CHARTS.length);
});

test('cards are packed without empty space, KPI cards share a height, and the dashboard prints', async ({
  page,
}) => {
  await openDashboard(page);
  for (const id of CHARTS)
    await expect(page.getByTestId(`chart-${id}`)).toHaveAttribute('data-drawn', 'true', {
      timeout: 30_000,
    });
  const boxes = async () =>
    page.evaluate((ids) => {
      const grid = document.querySelector('[data-testid="dashboard-charts"]')!;
      const gap = parseFloat(getComputedStyle(grid).columnGap);
      const cards = ids.map((id) => {
        const card = document.querySelector(`[data-testid="chart-${id}"]`)!;
        const r = card.getBoundingClientRect();
        // How far the card's content reaches: its last child's bottom plus the card's padding.
        const last = card.lastElementChild!.getBoundingClientRect();
        return { id, left: r.left, top: r.top, bottom: r.bottom, content: last.bottom };
      });
      return { gap, cards };
    }, CHARTS);
  const { gap, cards } = await boxes();
  // The one-division chart beside the 18 regions: its card ends where its content does.
  for (const c of cards) expect(c.bottom - c.content, c.id).toBeLessThan(40);
  // Two columns, and in each a card starts one gap below the one above it.
  const columns = [...new Set(cards.map((c) => Math.round(c.left)))];
  expect(columns).toHaveLength(2);
  for (const left of columns) {
    const column = cards.filter((c) => Math.round(c.left) === left);
    for (let k = 1; k < column.length; k++)
      expect(Math.abs(column[k]!.top - column[k - 1]!.bottom - gap), column[k]!.id).toBeLessThan(5);
  }
  // In reading order: the first two questions side by side at the top.
  expect(Math.round(cards[0]!.top)).toBe(Math.round(cards[1]!.top));
  expect(cards[0]!.left).toBeLessThan(cards[1]!.left);

  const kpiHeights = await page
    .getByTestId('dashboard-kpis')
    .locator('[data-testid^="kpi-"] > *')
    .evaluateAll((papers) => papers.map((p) => Math.round(p.getBoundingClientRect().height)));
  expect(kpiHeights.length).toBeGreaterThan(1);
  expect(new Set(kpiHeights).size).toBe(1);
  // The period in Belgian month notation, which wraps only between the months.
  await expect(page.getByTestId('dashboard-kpis')).toContainText(
    'Gemiddeld over 01/2022 – 12/2026',
  );

  // Printing (the Afdrukken button, Electron's printToPDF) shows the charts; an organigram
  // print rule once blanked every page.
  await page.emulateMedia({ media: 'print' });
  const printed = await boxes();
  for (const c of printed.cards) expect(c.bottom - c.top, c.id).toBeGreaterThan(100);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(2);
  await page.emulateMedia({ media: 'screen' });
});
