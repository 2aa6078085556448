import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

import { createBackend, PROJECT_ROOT } from '../../electron/backend/backend';
import type { Backend } from '../../electron/backend/backend';
import { dataPaths } from '../../electron/backend/data-dir';
import { silentLogger } from '../../electron/backend/logger';
import { createWebHost } from '../../electron/webhost/host-web';
import { startWebHost } from '../../electron/webhost/server';
import type { RunningWebHost } from '../../electron/webhost/server';
import { launchWorker } from '../../electron/workers/launch';

/**
 * The real thing: the built renderer (out/renderer, built by `vite build` before the run) served by the
 * web host, the real backend and a real SQLite file in a fresh temp folder per test.
 */
export type AppHarness = {
  dataDir: string;
  backend: Backend;
  host: RunningWebHost;
  /** Opens the app in the page (token in the URL fragment, as a user would). */
  open: (page: Page) => Promise<void>;
  /** Closes backend + server and starts them again on the same data folder (an app restart). */
  restart: () => Promise<void>;
};

/** The harness's fixed day, unless a test brings its own clock (test/e2e/installations.ts). */
export const HARNESS_NOW = new Date('2025-12-10T09:00:00+07:00');

/** One installation's backend and web host on a data folder (the fixture below, and installations.ts). */
export const startApp = async (dataDir: string, now: () => Date = () => HARNESS_NOW): Promise<{ backend: Backend; host: RunningWebHost }> => {
  const backend = createBackend({
    dataDir,
    logger: silentLogger,
    host: (paths, served) => createWebHost(paths, served),
    now,
    workerLauncher: launchWorker,
  });
  const host = await startWebHost({
    backend,
    rendererDir: join(PROJECT_ROOT, 'out', 'renderer'),
    uploadsDir: dataPaths(backend.ctx.dataDir).uploads,
  });
  return { backend, host };
};

export const test = base.extend<{ app: AppHarness }>({
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
    let running = await startApp(dataDir);
    const harness: AppHarness = {
      dataDir,
      get backend() {
        return running.backend;
      },
      get host() {
        return running.host;
      },
      open: async (page) => {
        await page.goto(running.host.url);
      },
      restart: async () => {
        await running.host.close();
        running.backend.close();
        running = await startApp(dataDir);
      },
    };
    await use(harness);
    await running.host.close();
    running.backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
