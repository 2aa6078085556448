import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { callApp, seriousA11y } from './helpers';

const NODE = 'so25-1.3.1';
const REASON = 'Văn bản mật, không được sao chụp.';

const go = async (page: Page, hash: string) => {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
};

test('a giải trình no longer completes a criterion without evidence; "Không có tài liệu kiểm chứng" with its reason does, and says so', async ({ page, app }) => {
  await callApp(app, 'unit.save', {
    name: 'Sở Nội vụ thành phố Hải Phòng',
    code: 'SNV-HP',
    type: 'SO',
    focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '', email: '' },
    head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
  });
  const { id } = await callApp<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
  await callApp(app, 'answers.save', { assessmentId: id, nodeId: NODE, answer: { nodeId: NODE, inputs: { met: true }, explanation: 'Đơn vị đã ban hành kế hoạch.' } });
  await app.open(page);
  await go(page, `/a/${id}/n/${NODE}`);

  // The giải trình is there, no document: the page says the criterion is not complete and how to complete it.
  const waiver = page.getByTestId('evidence-waiver');
  await expect(waiver.getByTestId('evidence-needed')).toHaveText(
    'Tiêu chí chưa hoàn thành: hãy đính kèm tài liệu kiểm chứng, hoặc chọn "Không có tài liệu kiểm chứng" và ghi lý do.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('📎');

  // Ticking the waiver without a reason saves nothing and says why.
  await waiver.getByRole('checkbox', { name: 'Không có tài liệu kiểm chứng' }).check();
  await expect(page.getByTestId('save-status')).toHaveText('Cần nhập lý do không có tài liệu kiểm chứng để lưu');
  await expect(waiver.getByText('Hãy nhập lý do không có tài liệu kiểm chứng (chưa lưu).')).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);
  await waiver.getByLabel('Lý do không có tài liệu kiểm chứng').fill(REASON);
  await expect(page.getByTestId('save-status')).toHaveText('Đã lưu');
  await expect(waiver.getByTestId('evidence-needed')).toHaveCount(0);

  // The preflight shows the waiver and its reason as a warning, not as silently complete.
  await go(page, `/a/${id}/preflight`);
  await expect(page.getByTestId('preflight-errors')).not.toContainText('1.3.1');
  await expect(page.getByTestId('preflight-warnings')).toContainText(`Tiêu chí 1.3.1 không có tài liệu kiểm chứng — lý do: ${REASON}`);
  const answers = await callApp<Array<{ nodeId: string; evidenceWaiver: unknown; explanation: string }>>(app, 'answers.list', { assessmentId: id });
  expect(answers.find((a) => a.nodeId === NODE)).toMatchObject({ explanation: 'Đơn vị đã ban hành kế hoạch.', evidenceWaiver: { reason: REASON } });
});
