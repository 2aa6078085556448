import { mkdirSync } from 'node:fs';

import type { Answer } from '../../shared/schemas/answers';
import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';
import { AssessmentPage, createSoAssessment, saveAnswer, value } from './pages/assessment-page';

const SHOTS = 'test-results/screenshots';
const EXTERNAL = 'Giá trị Điểm Bộ chỉ số 766 (trên thang 100)';

test('an invalid number ("12 345,6") is shown as not saved, the score is marked as the saved value’s, and the text survives leaving the criterion', async ({ page, app }) => {
  const { assessmentId: id, set } = await createSoAssessment(app.backend);
  const n81 = set.nodes.flatMap(function all(n): typeof set.nodes {
    return [n, ...(n.children ?? []).flatMap(all)];
  }).find((n) => n.code === '8.1')!;
  await saveAnswer(app.backend, id, n81.id, { inputs: { externalValue: 80 } });
  await app.open(page);
  await page.getByRole('link', { name: /^Mở: 2025/ }).click();
  const ap = new AssessmentPage(page, id);
  await ap.openNode('8.1');
  const field = ap.field(EXTERNAL);
  await expect(field).toHaveValue('80');
  // The expected format is next to the field.
  await expect(page.locator('.node-page').getByText('Viết như 1.234,5: dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân (tối đa 3 chữ số)')).toBeVisible();
  await expect(ap.nodeScore).toHaveText('4/5 điểm');

  await field.fill('12 345,6');
  await expect(page.getByText('Không hợp lệ, chưa lưu: hãy nhập số như 1.234,5 (tối đa 3 chữ số thập phân).')).toBeVisible();
  await expect(page.getByTestId('node-unsaved')).toHaveText(
    `Chưa lưu giá trị vừa nhập ở ô: “${EXTERNAL}”. Điểm dưới đây tính theo giá trị đã lưu; hãy sửa ô được đánh dấu.`,
  );
  await expect(ap.nodeScore).toHaveText('4/5 điểm (theo giá trị đã lưu)');
  await expect(ap.saveStatus).toHaveText('Chưa lưu: giá trị không hợp lệ ở tiêu chí 8.1');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/criterion-invalid-number.png` });
  expect(await seriousA11y(page)).toEqual([]);

  // Leaving the criterion and coming back keeps what was typed (nothing silently restored).
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('#node-title')).not.toContainText('8.1');
  await expect(ap.saveStatus).toHaveText('Chưa lưu: giá trị không hợp lệ ở tiêu chí 8.1');
  await ap.openNode('8.1');
  await expect(field).toHaveValue('12 345,6');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const stored = await value<Answer[]>(app.backend, 'answers.list', { assessmentId: id });
  expect(stored.find((a) => a.nodeId === n81.id)?.inputs).toEqual({ externalValue: 80 });

  // "1.000" is one thousand in Vietnamese: above the scale, refused the same way; "88,5" is saved.
  await field.fill('1.000');
  await expect(page.getByText('Vượt mức cho phép (100), chưa lưu.')).toBeVisible();
  await field.fill('88,5');
  await ap.expectSaved();
  await expect(page.getByTestId('node-unsaved')).toHaveCount(0);
  await expect(ap.nodeScore).toHaveText('4,425/5 điểm');
  const after = await value<Answer[]>(app.backend, 'answers.list', { assessmentId: id });
  expect(after.find((a) => a.nodeId === n81.id)?.inputs).toEqual({ externalValue: 88.5 });
});

test('suggested evidence shows without guidance, penalties read as deductions, counts use one label, English has its plurals and words', async ({ page, app }) => {
  const { assessmentId: id } = await createSoAssessment(app.backend);
  await app.open(page);
  await page.getByRole('link', { name: /^Mở: 2025/ }).click();
  const ap = new AssessmentPage(page, id);
  await expect(page.getByTestId('dash-answered')).toHaveText('Đã chấm 0/56 tiêu chí tự chấm');
  await expect(page.getByTestId('dash-classification')).toHaveText('Xếp loại dự kiến: Yếu (chưa tính điểm 8 tiêu chí điều tra XHH đang chờ kết quả)');

  // 1.4 has suggested evidence and no guidance text.
  await ap.openNode('1.4');
  await expect(page.getByRole('heading', { name: 'Tài liệu kiểm chứng gợi ý' })).toBeVisible();
  await expect(page.getByTestId('evidence-hints').locator('li').first()).toBeVisible();
  await expect(page.locator('.node-head')).toContainText('Tiêu chí tự chấm 7/56');

  // A penalty that applies: "−0,5 điểm", in the page and in the tree.
  await ap.openNode('9.2.2');
  await ap.field('Có').check();
  await expect(ap.nodeScore).toHaveText('−0,5 điểm (trừ tối đa 0,5)');
  await expect(ap.tree.locator('li.tree-leaf', { hasText: '9.2.2' }).locator('.tree-points')).toHaveText('−0,5');
  await ap.expectSaved();
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(ap.nodeScore).toHaveText('−0.5 points (deduction of at most 0.5)');
  await page.evaluate((h) => (window.location.hash = h), `/a/${id}/n/so25-1.1.1`);
  await expect(page.locator('.node-head')).toContainText('Maximum: 1 point ·');
  await expect(page.locator('.node-head')).toContainText('Self-assessed sub-criterion 1 of 56');
  // Below max in English: the missing explanation is said once, on its field (problems are filtered by code).
  await page.locator('.node-page').getByLabel(/^Chậm hoặc thiếu nội dung/).check();
  await expect(page.getByRole('alert').filter({ hasText: /explanation/i })).toHaveText(['An explanation is required because the score is below the maximum.']);
  await page.screenshot({ path: `${SHOTS}/criterion-english.png` });
  await page.getByRole('navigation', { name: 'Pages of the self-assessment' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('dash-answered')).toHaveText('2/56 self-assessed sub-criteria scored');
  await expect(page.getByTestId('dash-classification')).toHaveText('Expected band: Weak (without the points of 8 survey sub-criteria still awaiting results)');
  await page.screenshot({ path: `${SHOTS}/dashboard-english.png` });
});
