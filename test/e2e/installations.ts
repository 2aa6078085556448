import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Page } from '@playwright/test';

import type { Backend } from '../../electron/backend/backend';
import type { RunningWebHost } from '../../electron/webhost/server';
import { expect, HARNESS_NOW, startApp, test as base } from './fixtures';

/**
 * Several installations in one test — Sở Nội vụ's computer and each unit's — as separate as real ones: each its
 * own data folder, backend, web host and browser context (its own downloads), all on one calendar the test
 * can move (`clock.set`). The fixture closes the browser contexts first, then the hosts (as the single-app
 * specs do in afterEach), and removes the folders.
 */
export type Installation = { label: string; dataDir: string; backend: Backend; host: RunningWebHost; context: BrowserContext; page: Page };
export type Installations = {
  /** Starts one installation and opens the app in its page (token in the URL fragment, as a user would). */
  open: (label: string) => Promise<Installation>;
  /** The shared calendar: every installation's backend reads it (ctx.now). */
  clock: { now: () => Date; set: (at: Date) => void };
};

export const test = base.extend<{ installations: Installations }>({
  installations: async ({ browser }, use, testInfo) => {
    let now = HARNESS_NOW;
    const clock = { now: () => now, set: (at: Date) => void (now = at) };
    const opened: Installation[] = [];
    const { viewport, locale, timezoneId } = testInfo.project.use;
    const open = async (label: string): Promise<Installation> => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cchc-e2e-inst-'));
      const { backend, host } = await startApp(dataDir, clock.now);
      const context = await browser.newContext({ acceptDownloads: true, viewport, locale, timezoneId });
      const page = await context.newPage();
      const inst = { label, dataDir, backend, host, context, page };
      opened.push(inst);
      await page.goto(host.url);
      return inst;
    };
    await use({ open, clock });
    for (const i of opened) await i.context.close();
    for (const i of opened) {
      await i.host.close();
      i.backend.close();
      rmSync(i.dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
