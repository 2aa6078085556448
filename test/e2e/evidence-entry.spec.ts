import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import type { AppHarness } from './fixtures';
import { pdfToText } from '../backend/exports/tools';
import { callApp, seriousA11y } from './helpers';

const SHOTS = 'test-results/screenshots';
const N1 = 'so25-1.1.1';
const FILE = 'Kế hoạch CCHC năm 2025.pdf';
const pdf = (): Buffer => Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'), randomBytes(20_000), Buffer.from('\n%%EOF\n')]);

const setup = async (app: AppHarness): Promise<string> => {
  await callApp(app, 'unit.save', {
    name: 'Sở Nội vụ thành phố Hải Phòng',
    code: 'SNV-HP',
    type: 'SO',
    focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '', email: '' },
    head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
  });
  return (await callApp<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' })).id;
};
const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

// See export.spec.ts: close the browser context first so the web host can close at once.
test.afterEach(async ({ context }) => {
  await context.close();
});

test('upload messages of one criterion are gone on the next criterion’s page; "Chọn tệp…" shows keyboard focus', async ({ page, app }) => {
  const id = await setup(app);
  await app.open(page);
  await go(page, `/a/${id}/n/${N1}`);
  await expect(page.locator('#node-title')).toContainText('1.1.1');
  await page.getByTestId('ev-file-input').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: pdf() });
  await expect(page.getByTestId('ev-notes')).toHaveText('Đã đính kèm 1 tệp.');

  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('#node-title')).toContainText('1.1.2');
  await expect(page.getByTestId('evidence-panel').getByText('Chưa có tài liệu kiểm chứng cho tiêu chí này.')).toBeVisible();
  await expect(page.getByTestId('ev-notes')).toHaveCount(0);

  // Keyboard: Tab onto the hidden file input; its "Chọn tệp…" label carries the focus ring.
  const input = page.getByTestId('ev-file-input');
  await input.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  const label = page.locator('label', { hasText: 'Chọn tệp…' });
  expect(await label.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  expect(await seriousA11y(page)).toEqual([]);
});

test('the evidence date is the app’s dd/mm/yyyy field: 20012025 is 20/01/2025, an impossible date is refused and nothing is saved', async ({ page, app }) => {
  const id = await setup(app);
  await app.open(page);
  await go(page, `/a/${id}/evidence/${N1}`);
  const panel = page.getByTestId('evidence-panel');
  await page.getByTestId('ev-file-input').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: pdf() });
  await expect(panel.getByTestId('ev-name')).toHaveText(FILE);

  await panel.getByRole('button', { name: `Sửa thông tin: ${FILE}` }).click();
  const editor = page.getByRole('dialog', { name: `Thông tin văn bản: ${FILE}` });
  const date = editor.getByLabel('Ngày ban hành');
  expect(await date.getAttribute('type')).toBe('text');
  await date.pressSequentially('20012025');
  await expect(date).toHaveValue('20/01/2025');
  await editor.getByLabel('Số/Ký hiệu').fill('12/KH-SNV');
  await editor.getByRole('button', { name: 'Lưu' }).click();
  await expect(editor).toBeHidden();
  await expect(panel.getByTestId('ev-citation')).toContainText('12/KH-SNV · 20/01/2025');

  await panel.getByRole('button', { name: `Sửa thông tin: ${FILE}` }).click();
  await date.fill('31/02/2025');
  await expect(editor.getByText('Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/01/2025.')).toBeVisible();
  await editor.getByRole('button', { name: 'Lưu' }).click();
  await expect(editor.getByRole('alert').filter({ hasText: 'Chưa lưu: hãy sửa ngày ban hành.' })).toBeVisible();
  await expect(editor).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/evidence-date-invalid.png` });
  expect(await seriousA11y(page)).toEqual([]);
  const docs = await callApp<Array<{ meta: { issuedOn: string } }>>(app, 'evidence.list', { assessmentId: id });
  expect(docs.map((d) => d.meta.issuedOn)).toEqual(['2025-01-20']);

  // English: the same field and its own message, never a schema text.
  await editor.getByRole('button', { name: 'Hủy' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await panel.getByRole('button', { name: `Edit details: ${FILE}` }).click();
  const en = page.getByRole('dialog', { name: `Document details: ${FILE}` });
  await en.getByLabel('Date of issue').fill('99/99/2025');
  await en.getByRole('button', { name: 'Save' }).click();
  await expect(en.getByRole('alert').filter({ hasText: 'Not saved: correct the date of issue.' })).toBeVisible();
  await expect(en.getByText('Invalid date: type day/month/year, e.g. 15/01/2025.')).toBeVisible();
});

test('a document attached without its details is named in the report PDF by its file name, and preflight warns about it', async ({ page, app }) => {
  const id = await setup(app);
  await app.open(page);
  await go(page, `/a/${id}/n/${N1}`);
  // A short name: pdftotext -layout interleaves the lines of neighbouring cells when a long one wraps.
  const name = 'KH-CCHC-2025.pdf';
  await page.getByTestId('ev-file-input').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf() });
  await expect(page.getByTestId('ev-notes')).toHaveText('Đã đính kèm 1 tệp.');

  await page.getByRole('navigation', { name: 'Các trang của bản tự đánh giá' }).getByRole('link', { name: 'Kiểm tra trước khi nộp' }).click();
  const warning = page.getByRole('link', { name: `Tài liệu “${name}” chưa có số/ký hiệu, ngày ban hành, trích yếu: báo cáo chỉ ghi được tên tệp. Hãy bổ sung thông tin văn bản trong thư viện.` });
  await expect(warning).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByRole('navigation', { name: 'Các trang của bản tự đánh giá' }).getByRole('link', { name: 'Báo cáo & xuất tệp' }).click();
  await page.getByLabel('Bản dự thảo').check();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất báo cáo (PDF)' }).click();
  const text = pdfToText(readFileSync(await (await waiting).path())).replace(/\s+/g, ' ');
  // In the evidence cell of 1.1.1 and in section IV.
  expect(text.split(`Tệp: ${name}`).length - 1).toBe(2);
});
