import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import type { AppHarness } from './fixtures';

/** Test setup through the real backend (the UI is what the spec exercises; setup need not click). */
export const callApp = async <T>(app: AppHarness, channel: string, payload: unknown = {}): Promise<T> => {
  const res = await app.backend.call(channel, payload);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
};

/** axe-core findings of serious or critical impact, as "rule: targets" lines (empty when the page is clean). */
export const seriousA11y = async (page: Page): Promise<string[]> => {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};
