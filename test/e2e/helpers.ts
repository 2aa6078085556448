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

/**
 * Answers the next dialog the page opens (the app's "leave with unsaved changes?" question) and returns the list
 * its text goes into, for the test to check once the dialog has come.
 */
export const answerNextDialog = (page: Page, answer: 'accept' | 'dismiss'): string[] => {
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void (answer === 'accept' ? d.accept() : d.dismiss());
  });
  return asked;
};
