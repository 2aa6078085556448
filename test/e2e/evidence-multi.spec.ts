import { randomBytes } from 'node:crypto';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { callApp, seriousA11y } from './helpers';

const N1 = 'so25-1.1.1';
const FILE = 'Báo cáo CCHC năm 2025.pdf';

const go = async (page: Page, hash: string) => {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
};

test('one stored report used for many criteria from the criterion page: tree picker with search, one file, counts on the item', async ({ page, app }) => {
  await callApp(app, 'unit.save', {
    name: 'Sở Nội vụ thành phố Hải Phòng',
    code: 'SNV-HP',
    type: 'SO',
    focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '', email: '' },
    head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
  });
  const { id } = await callApp<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
  await app.open(page);
  await go(page, `/a/${id}/evidence/${N1}`);
  const panel = page.getByTestId('evidence-panel');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), randomBytes(20_000), Buffer.from('\n%%EOF\n')]);
  await page.getByTestId('ev-file-input').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: pdf });
  await expect(panel.getByTestId('ev-usage-count')).toHaveText('Dùng cho 1 tiêu chí');

  await panel.getByRole('button', { name: `Dùng cho nhiều tiêu chí…: ${FILE}` }).click();
  const dialog = page.getByRole('dialog', { name: `Dùng "${FILE}" cho nhiều tiêu chí` });
  await expect(dialog).toBeVisible();
  // The criterion it is already linked to is shown ticked and cannot be unticked here.
  const own = dialog.locator(`input[data-node-id="${N1}"]`);
  await expect(own).toBeChecked();
  await expect(own).toBeDisabled();
  await expect(dialog).toContainText('đã gắn');
  expect(await seriousA11y(page)).toEqual([]);

  // Nothing ticked: the action is refused with a reason, nothing is linked.
  await dialog.getByRole('button', { name: 'Gắn vào 0 tiêu chí' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Chưa chọn tiêu chí nào: hãy đánh dấu ít nhất một tiêu chí.');

  // Search by code narrows the tree; tick what is shown (1.1.1 is already linked, 1.1.2 is new).
  const search = dialog.getByRole('searchbox', { name: 'Tìm theo mã hoặc tên tiêu chí (không cần gõ dấu)' });
  await search.fill('1.1.');
  await expect(dialog.locator('input[type=checkbox]')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Chọn mọi tiêu chí đang hiển thị' }).click();
  // Search by title without accents adds one more criterion (1.2) to the choice.
  await search.fill('');
  await dialog.locator('input[data-node-id="so25-1.2"]').check();
  await dialog.getByRole('button', { name: 'Gắn vào 2 tiêu chí' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('ev-notice')).toHaveText(`Đã gắn "${FILE}" vào thêm 2 tiêu chí.`);
  await expect(panel.getByTestId('ev-usage-count')).toHaveText('Dùng cho 3 tiêu chí');

  // The library holds one document (one stored file), used by the three criteria.
  await go(page, `/a/${id}/library`);
  const lib = page.getByTestId('evidence-library');
  await expect(lib.getByTestId('ev-item')).toHaveCount(1);
  await expect(lib.getByTestId('ev-usage-count')).toHaveText('Dùng cho 3 tiêu chí');
  for (const code of ['1.1.1', '1.1.2', '1.2']) await expect(lib.getByTestId('ev-usage')).toContainText(code);
  expect(await seriousA11y(page)).toEqual([]);
  const docs = await callApp<Array<{ sha256: string }>>(app, 'evidence.list', { assessmentId: id });
  expect(docs).toHaveLength(1);
  for (const nodeId of [N1, 'so25-1.1.2', 'so25-1.2']) {
    const forNode = await callApp<Array<{ sha256: string }>>(app, 'evidence.forNode', { assessmentId: id, nodeId });
    expect(forNode.map((d) => d.sha256)).toEqual([docs[0]?.sha256]);
  }
});
