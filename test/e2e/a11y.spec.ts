import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { leaves } from '../../shared/domain/indicator-tree';
import { expect, test } from './fixtures';
import { AssessmentPage, createSoAssessment, maxInputs, saveAnswer } from './pages/assessment-page';

/** Serious or critical axe violations, summarised so a failure names the rule and the elements. */
const seriousViolations = async (page: Page) => {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // The scan really ran over the page (guards against an empty or not-yet-rendered document).
  expect(r.passes.length).toBeGreaterThan(10);
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
};

test('dashboard, criteria tree and a sub-criterion page have no serious or critical axe violations; keyboard reaches the inputs', async ({ page, app }) => {
  // Three full axe scans: each takes tens of seconds on a loaded 2-core machine (the default 60 s timed out there).
  test.setTimeout(180_000);
  const { assessmentId: id, set } = await createSoAssessment(app.backend);
  // Half answered so the pages show every kind of status, a to-do list and the chart.
  for (const [i, n] of leaves(set).entries()) {
    if (n.kind === 'SURVEY' || i % 2 === 0) continue;
    await saveAnswer(app.backend, id, n.id, { inputs: maxInputs(n) });
  }
  await app.open(page);
  await page.getByRole('link', { name: /^Mở: 2025/ }).click();
  const ap = new AssessmentPage(page, id);

  await expect(page.getByRole('heading', { name: 'Tổng quan bản tự đánh giá' })).toBeVisible();
  expect(await seriousViolations(page), 'dashboard').toEqual([]);

  await page.getByRole('navigation', { name: 'Các trang của bản tự đánh giá' }).getByRole('link', { name: 'Cây tiêu chí' }).click();
  await expect(page.getByRole('heading', { name: 'Cây tiêu chí', level: 1 })).toBeVisible();
  expect(await seriousViolations(page), 'tree').toEqual([]);

  await ap.gotoDashboard();
  await ap.openNode('3.3');
  await expect(page.getByTestId('node-score')).toBeVisible();
  expect(await seriousViolations(page), 'sub-criterion (rate)').toEqual([]);
  await ap.openNode('1.1.1');
  expect(await seriousViolations(page), 'sub-criterion (levels)').toEqual([]);

  // Keyboard only: the title has focus after navigation; Tab reaches the first radio, arrows choose a level.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('#node-title')).toContainText('1.1.2');
  await expect(page.locator('#node-title')).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.locator('#node-title')).toContainText('1.1.1');
  const firstLevel = page.locator('.node-page input[type=radio]').first();
  for (let i = 0; i < 15 && !(await firstLevel.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(firstLevel).toBeFocused();
  await page.keyboard.press('Space');
  await expect(firstLevel).toBeChecked();
  await expect(page.getByTestId('save-status')).toHaveText('Đã lưu');
});
