import { existsSync } from 'node:fs';

import { defineConfig } from '@playwright/test';

// Debian's Chromium when present (our machines cannot download Playwright's browser); otherwise
// Playwright's own browser, so `npm test` also works on a developer machine with internet.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // Every temporary folder of the run under one, removed at its end (test/setup/temp-root.ts).
  globalSetup: './test/setup/playwright-temp-root.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
