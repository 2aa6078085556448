import { defineConfig } from '@playwright/test';

// Runs only where an Electron binary can start (a developer machine with internet, after `npm run build`).
export default defineConfig({
  testDir: 'test/e2e-electron',
  outputDir: 'test-results/e2e-electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-electron.json' }]],
});
