import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * End-to-end tests in Debian's Chromium (no browser download) against the built renderer
 * (dist-web, served by `vite preview`): the same page Electron loads, with the browser host.
 * `npm test` builds first (web:build); run `npm run web:build` before `npx playwright test`.
 */
/**
 * One browser per core, at most 4: on the 2-core CI machine four Chromiums (each with the app's
 * worker) made canvas clicks and editor focus race the drawing, and tests flaked.
 */
const WORKERS = Math.max(1, Math.min(4, availableParallelism()));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: WORKERS,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    viewport: { width: 1440, height: 900 },
    // Mantine (respectReducedMotion) and global.css switch animations off for reduced motion.
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npm run web:preview -- --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
