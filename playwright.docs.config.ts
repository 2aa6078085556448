import base from './playwright.config';

import { defineConfig } from '@playwright/test';

/**
 * `npx vite build && npx playwright test -c playwright.docs.config.ts` regenerates the screenshots of
 * docs/user-guide.md from the real UI (the same web host and backend as the e2e tests).
 */
export default defineConfig({
  ...base,
  testDir: 'test/docs',
  outputDir: 'test-results/docs',
  // Every temporary folder of the run under one, removed at its end (test/setup/temp-root.ts).
  globalSetup: './test/setup/playwright-temp-root.ts',
  reporter: [['list']],
  timeout: 180_000,
});
