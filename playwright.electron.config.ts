import { defineConfig } from '@playwright/test';

// Runs only where an Electron binary can start (a developer machine with internet, after `npm run build`).
export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: 'test-results/e2e-electron',
  // Every temporary folder of the run under one, removed at its end (test/setup/temp-root.ts).
  globalSetup: './test/setup/playwright-temp-root.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-electron.json' }]],
});
