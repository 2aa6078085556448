import { randomBytes } from 'node:crypto';

import { expect, test } from './fixtures';
import { answerNextDialog } from './helpers';
import type { AppHarness } from './fixtures';
import type { Page } from '@playwright/test';

const N1 = 'so25-1.1.1';
const N2 = 'so25-1.1.2';
const FILE = 'Kế hoạch CCHC năm 2025.pdf';

const callOk = async <T,>(app: AppHarness, channel: string, payload: unknown): Promise<T> => {
  const res = await app.backend.call(channel, payload);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
};

const setup = async (app: AppHarness): Promise<string> => {
  await callOk(app, 'unit.save', {
    name: 'Sở Nội vụ thành phố Hải Phòng',
    code: 'SNV-HP',
    type: 'SO',
    focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '', email: '' },
    head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
  });
  const a = await callOk<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
  return a.id;
};

const go = async (page: Page, hash: string) => {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
};

test('attach a PDF, reuse it from the library, preview, edit details, unlink: both views stay consistent after reload', async ({ page, app }) => {
  const assessmentId = await setup(app);
  await app.open(page);
  await go(page, `/a/${assessmentId}/evidence/${N1}`);
  const panel = page.getByTestId('evidence-panel');
  await expect(panel.getByText('Chưa có tài liệu kiểm chứng cho tiêu chí này.')).toBeVisible();

  // 1. Attach a PDF to the first sub-criterion through the file input (web host upload → store).
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), randomBytes(50_000), Buffer.from('\n%%EOF\n')]);
  await page.getByTestId('ev-file-input').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: pdf });
  await expect(panel.getByTestId('ev-name')).toHaveText(FILE);
  await expect(page.getByTestId('ev-notes')).toContainText('Đã đính kèm 1 tệp.');

  // 2. Link the same document to a second sub-criterion from the library.
  await go(page, `/a/${assessmentId}/evidence/${N2}`);
  await expect(panel.getByText('Chưa có tài liệu kiểm chứng cho tiêu chí này.')).toBeVisible();
  await panel.getByRole('button', { name: 'Chọn từ thư viện' }).click();
  await panel.getByRole('searchbox', { name: 'Tìm kiếm (không cần gõ dấu)' }).fill('ke hoach cchc');
  await panel.getByRole('button', { name: `Gắn vào tiêu chí: ${FILE}` }).click();
  const linked = panel.locator('.ev-list').first().getByTestId('ev-item');
  await expect(linked).toHaveCount(1);
  await expect(linked.getByTestId('ev-usage')).toContainText('1.1.1');
  await expect(linked.getByTestId('ev-usage')).toContainText('1.1.2');

  // 3. Preview inside the app (bytes fetched by opaque id, never file://), drawn by pdf.js: this file is
  // random bytes behind a PDF header, so pdf.js says it cannot draw it — and nothing falls back to
  // Chromium's viewer (test/e2e/preview-security.spec.ts shows a real PDF drawn).
  await panel.getByRole('button', { name: `Xem: ${FILE}` }).click();
  const dialog = page.getByRole('dialog', { name: `Xem trước: ${FILE}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('ev-preview')).toHaveAttribute('data-state', 'failed');
  await expect(dialog.getByTestId('ev-preview')).toContainText('Không xem trước được tệp PDF này');
  expect(page.frames()).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await expect(dialog).toBeHidden();

  // 4. Edit the citation details.
  await panel.getByRole('button', { name: `Sửa thông tin: ${FILE}` }).click();
  const editor = page.getByRole('dialog', { name: `Thông tin văn bản: ${FILE}` });
  await editor.getByLabel('Loại văn bản').fill('Kế hoạch');
  await editor.getByLabel('Số/Ký hiệu').fill('45/KH-SNV');
  await editor.getByLabel('Ngày ban hành').fill('15/01/2025');
  await editor.getByLabel('Cơ quan ban hành').fill('Sở Nội vụ Hải Phòng');
  await editor.getByLabel('Trích yếu').fill('Kế hoạch cải cách hành chính năm 2025');
  // Escape with typed details asks first; declined, the dialog and the typed text stay (and keep the focus).
  const asked = answerNextDialog(page, 'dismiss');
  await page.keyboard.press('Escape');
  await expect.poll(() => asked).toEqual([`Thông tin văn bản "${FILE}" có thay đổi chưa lưu. Đóng thì các thay đổi này sẽ mất. Vẫn đóng?`]);
  await expect(editor.getByLabel('Trích yếu')).toHaveValue('Kế hoạch cải cách hành chính năm 2025');
  await expect(editor.getByLabel('Trích yếu')).toBeFocused();
  await editor.getByRole('button', { name: 'Lưu' }).click();
  await expect(editor).toBeHidden();
  await expect(linked.getByTestId('ev-citation')).toHaveText('Kế hoạch · 45/KH-SNV · 15/01/2025 · Sở Nội vụ Hải Phòng');

  // 5. Unlink from the second sub-criterion only.
  await panel.getByRole('button', { name: `Gỡ khỏi tiêu chí: ${FILE}` }).click();
  await expect(panel.getByText('Chưa có tài liệu kiểm chứng cho tiêu chí này.')).toBeVisible();

  // Both views after a reload: N2 empty, N1 still has it with the edited details, library agrees.
  await page.reload();
  await expect(panel.getByText('Chưa có tài liệu kiểm chứng cho tiêu chí này.')).toBeVisible();
  await go(page, `/a/${assessmentId}/evidence/${N1}`);
  await expect(panel.getByTestId('ev-item')).toHaveCount(1);
  await expect(panel.getByTestId('ev-citation')).toHaveText('Kế hoạch · 45/KH-SNV · 15/01/2025 · Sở Nội vụ Hải Phòng');
  await expect(panel.getByTestId('ev-usage')).toContainText('1.1.1');
  await expect(panel.getByTestId('ev-usage')).not.toContainText('1.1.2');

  await go(page, `/a/${assessmentId}/library`);
  const lib = page.getByTestId('evidence-library');
  await expect(lib.getByTestId('ev-item')).toHaveCount(1);
  await expect(lib.getByTestId('ev-usage')).toContainText('1.1.1');
  await expect(lib.getByTestId('ev-usage')).not.toContainText('1.1.2');
  await lib.getByRole('searchbox').fill('so noi vu hai phong');
  await expect(lib.getByTestId('ev-count')).toHaveText('1/1 tài liệu');
  await lib.getByRole('searchbox').fill('khong co tai lieu nay');
  await expect(lib.getByTestId('ev-count')).toHaveText('0/1 tài liệu');

  // The backend agrees with the UI: one document, one link, one stored file.
  const docs = await callOk<Array<{ usage: Array<{ nodeId: string }>; meta: { docNumber: string } }>>(app, 'evidence.list', { assessmentId });
  expect(docs).toHaveLength(1);
  expect(docs[0]?.usage.map((u) => u.nodeId)).toEqual([N1]);
  expect(docs[0]?.meta.docNumber).toBe('45/KH-SNV');
});
