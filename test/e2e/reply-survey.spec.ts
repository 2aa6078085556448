import { mkdirSync } from 'node:fs';

import type { AppraisalResult } from '../../shared/schemas/appraisal-result';
import type { PackageTotals } from '../../shared/schemas/exchange-common';
import { createTestPki } from '../helpers/pki';
import { finalFor, HONGBANG, packFinal, packResult, seedRoundAndSubmission } from '../backend/reply/reply-setup';
import { sampleResult } from '../backend/round/exchange-fixtures';
import { trustTestPki } from '../backend/inbox/make-bundle';
import { expect, test } from './fixtures';
import { callApp, seriousA11y } from './helpers';

const SHOTS = '/tmp/reply-survey';

/**
 * Milli-points, by hand: SELF 1.1 (1 → 0,5), 1.2 (0,75), 2.1 (1,5); bonus 9.1.1 = 1; penalty 9.2.2 = 0,5;
 * survey 1.6 = 2,4 of 3 entered by Sở Nội vụ, survey 2.4 not entered. Self 3,25 + 2,4 + 1 − 0,5 = 6,15;
 * appraised 2,75 + 2,4 + 1 − 0,5 = 5,65 (applicable 8,5: indices 72,35 % and 66,47 %).
 */
const totals = (self: number, final: number): PackageTotals => ({ self, survey: 2400, bonus: 1000, penalty: 500, final, applicableMax: 8500, index: Math.round((final * 10_000) / 8500), classification: null });
const withSurvey = (window: AppraisalResult['explanationWindow']): AppraisalResult => ({
  ...sampleResult(),
  criteria: [
    { nodeId: 'xa25-1.1.1', code: '1.1', title: 'Ban hành kế hoạch CCHC năm', kind: 'SELF', max: 1000, self: 1000, appraised: 500, reason: 'Kế hoạch ban hành sau thời hạn.' },
    { nodeId: 'xa25-1.2', code: '1.2', title: 'Báo cáo CCHC định kỳ', kind: 'SELF', max: 1000, self: 750, appraised: 750, reason: '' },
    { nodeId: 'xa25-2.1', code: '2.1', title: 'Ban hành văn bản đúng thẩm quyền', kind: 'SELF', max: 1500, self: 1500, appraised: 1500, reason: '' },
    { nodeId: 'xa25-9.1.1', code: '9.1.1', title: 'Sáng kiến CCHC được công nhận', kind: 'BONUS', max: 2000, self: 1000, appraised: 1000, reason: '' },
    { nodeId: 'xa25-9.2.2', code: '9.2.2', title: 'Nộp hồ sơ tự đánh giá muộn', kind: 'PENALTY', max: 500, self: 500, appraised: 500, reason: '' },
  ],
  survey: [
    { nodeId: 'xa25-1.6', code: '1.6', title: 'Đánh giá về chỉ đạo, điều hành CCHC', max: 3000, points: 2400 },
    { nodeId: 'xa25-2.4', code: '2.4', title: 'Đánh giá về thực thi pháp luật', max: 2000, points: null },
  ],
  totals: { self: totals(3250, 6150), appraised: totals(2750, 5650) },
  explanationWindow: window,
});
const SURVEY_LINE = 'Do Sở Nội vụ đo và nhập (điều tra xã hội học, SIPAS hoặc chỉ số bên ngoài); đơn vị không tự chấm.';

/**
 * The unit sees where Sở Nội vụ's survey points come from (rows that add up to the totals, in the result and
 * in the final result), and picks a criterion without a difference from one list instead of a wall of buttons.
 */
test('survey lines and the totals breakdown; a changed criterion has a button, any other is chosen from a list', async ({ page, app }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const pki = await createTestPki();
  const now = new Date();
  (app.backend.ctx as { now: () => Date }).now = () => now;
  trustTestPki(app.dataDir, pki);
  await callApp(app, 'unit.save', HONGBANG);
  await callApp(app, 'settings.update', { role: 'unit' });
  const a = await callApp<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-xa-phuong' });
  const result = withSurvey(seedRoundAndSubmission(app.backend, a.id, now));

  await app.open(page);
  await page.getByRole('navigation', { name: 'Chức năng chung' }).getByRole('link', { name: 'Kết quả thẩm định' }).click();
  await page.getByLabel('Gói kết quả thẩm định của Sở Nội vụ (.asice)').setInputFiles(await packResult(pki, result));
  await expect(page.getByTestId('reply-import-result-note')).toHaveText('Đã nhập kết quả thẩm định năm 2025 (lần 1).', { timeout: 60_000 });

  // The difference first, then the set's order with the survey lines in their place.
  const body = page.getByTestId('reply-table').locator('tbody tr');
  await expect(body.locator('td:first-child')).toHaveText(['1.1', '1.2', '1.6', '2.1', '2.4', '9.1.1', '9.2.2']);
  await expect(page.getByTestId('reply-survey-row').nth(0).locator('td')).toHaveText(['1.6', 'Đánh giá về chỉ đạo, điều hành CCHC', '—', '2,4', '—', SURVEY_LINE]);
  await expect(page.getByTestId('reply-survey-row').nth(1).locator('td')).toHaveText(['2.4', 'Đánh giá về thực thi pháp luật', '—', 'chưa có điểm', '—', SURVEY_LINE]);
  // Part: self, appraised.
  await expect(page.getByTestId('reply-breakdown').locator('tbody tr')).toHaveText([
    'Điểm các tiêu chí (trừ điểm thưởng, điểm trừ)3,252,75',
    'Điểm điều tra xã hội học (do Sở Nội vụ nhập)2,42,4',
    'Điểm thưởng11',
    'Điểm trừ−0,5−0,5',
    'Tổng điểm6,155,65',
  ]);
  await expect(page.getByTestId('reply-breakdown-note')).toContainText('Điểm điều tra xã hội học (2,4) do Sở Nội vụ nhập');
  await expect(page.getByTestId('reply-totals')).toHaveText('Tổng điểm: tự chấm 6,15, thẩm định 5,65');
  expect(await seriousA11y(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/result.png`, fullPage: true });

  // One button for the changed criterion; the others (never a survey line) from one list, by keyboard.
  const draft = page.getByTestId('reply-draft');
  await expect(draft.getByRole('button', { name: /^Giải trình tiêu chí / })).toHaveText(['Giải trình tiêu chí 1.1', 'Giải trình tiêu chí đã chọn']);
  const list = draft.getByLabel('Giải trình tiêu chí khác (không có chênh lệch điểm)');
  await expect(list.locator('option')).toHaveText([
    '— Chọn tiêu chí (4 tiêu chí) —',
    '1.2 — Báo cáo CCHC định kỳ',
    '2.1 — Ban hành văn bản đúng thẩm quyền',
    '9.1.1 — Sáng kiến CCHC được công nhận',
    '9.2.2 — Nộp hồ sơ tự đánh giá muộn',
  ]);
  await expect(draft.getByRole('button', { name: 'Giải trình tiêu chí đã chọn' })).toBeDisabled();
  await list.selectOption({ label: '2.1 — Ban hành văn bản đúng thẩm quyền' });
  await list.press('Tab');
  await expect(draft.getByRole('button', { name: 'Giải trình tiêu chí đã chọn' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draft-item-2.1')).toBeVisible();
  await expect(list.locator('option')).toHaveCount(4);
  await expect(list).toHaveValue('');
  await page.getByTestId('draft-item-2.1').getByLabel('Nội dung giải trình (bắt buộc)').fill('Văn bản ban hành đúng thẩm quyền, xem hồ sơ.');
  expect(await seriousA11y(page)).toEqual([]);
  await draft.screenshot({ path: `${SHOTS}/draft.png` });

  // The final result: the survey lines with their points as appraised and final, three totals by part.
  const sample = finalFor();
  const final = finalFor({
    criteria: result.criteria.map((c, i) => ({ ...c, final: i === 0 ? 1000 : c.appraised, decision: i === 0 ? 'ACCEPTED' : 'NOT_DISPUTED', decisionReason: i === 0 ? sample.criteria[0]!.decisionReason : '' })),
    survey: result.survey,
    totals: { self: totals(3250, 6150), appraised: totals(2750, 5650), final: totals(3250, 6150) },
  });
  await page.getByLabel('Gói kết quả cuối cùng của Sở Nội vụ (.asice)').setInputFiles(await packFinal(pki, final));
  await expect(page.getByTestId('reply-import-final-note')).toHaveText('Đã nhập kết quả cuối cùng năm 2025 (lần 1).', { timeout: 60_000 });
  await expect(page.getByTestId('reply-final').locator('tbody tr').locator('td:first-child')).toHaveText(['1.1', '1.2', '1.6', '2.1', '2.4', '9.1.1', '9.2.2']);
  await expect(page.getByTestId('final-survey-row').nth(0).locator('td')).toHaveText(['1.6', 'Đánh giá về chỉ đạo, điều hành CCHC', '—', '2,4', '2,4', SURVEY_LINE]);
  await expect(page.getByTestId('final-breakdown').locator('tbody tr')).toHaveText([
    'Điểm các tiêu chí (trừ điểm thưởng, điểm trừ)3,252,753,25',
    'Điểm điều tra xã hội học (do Sở Nội vụ nhập)2,42,42,4',
    'Điểm thưởng111',
    'Điểm trừ−0,5−0,5−0,5',
    'Tổng điểm6,155,656,15',
  ]);
  await expect(page.getByTestId('final-totals')).toHaveText('Tổng điểm cuối cùng: 6,15; xếp loại: chưa xếp loại');
  expect(await seriousA11y(page)).toEqual([]);
  await page.getByTestId('reply-final').screenshot({ path: `${SHOTS}/final.png` });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('reply-survey-row').nth(0).locator('td')).toHaveText(['1.6', 'Đánh giá về chỉ đạo, điều hành CCHC', '—', '2.4', '—', 'Measured and entered by the Department (sociological survey, SIPAS or an external index); not self-scored.']);
  await expect(page.getByTestId('reply-draft').getByLabel('Explain another criterion (no difference in score)')).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);
});
