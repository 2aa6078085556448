import { mkdirSync } from 'node:fs';

import type { Assessment } from '../../shared/schemas/assessment';
import { expect, test } from './fixtures';
import type { AppHarness } from './fixtures';
import { callApp, seriousA11y } from './helpers';

const SHOTS = 'test-results/screenshots';
const WARD = {
  name: 'Ủy ban nhân dân phường Hồng Bàng',
  code: 'P-HONGBANG',
  type: 'PHUONG',
  focalPoint: { name: 'Trần Thị Ngọc Ánh', title: 'Công chức Văn phòng – Thống kê', phone: '', email: '' },
  head: { name: 'Nguyễn Văn Đức', title: 'Chủ tịch UBND phường', phone: '', email: '' },
};
const list = (app: AppHarness) => callApp<Assessment[]>(app, 'assessments.list');

test('an impossible deadline (31/02/2026) or year blocks creation and says why; a valid one creates and opens the new assessment', async ({ page, app }) => {
  await callApp(app, 'unit.save', WARD);
  await app.open(page);
  const deadline = page.getByLabel('Hạn nộp (không bắt buộc, dd/mm/yyyy)');
  const create = page.getByRole('button', { name: 'Tạo bản tự đánh giá' });

  await deadline.fill('31/02/2026');
  await create.click();
  await expect(page.getByText('Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2025.')).toBeVisible();
  await expect(page.getByTestId('create-problem')).toHaveText('Chưa tạo bản tự đánh giá: hãy sửa các ô được đánh dấu bên dưới.');
  await expect(deadline).toHaveAttribute('aria-invalid', 'true');
  // Enter in the field commits and submits in one event: still refused.
  await deadline.press('Enter');
  await expect(page.getByTestId('create-problem')).toBeVisible();
  expect(await list(app)).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/create-invalid-deadline.png` });
  expect(await seriousA11y(page)).toEqual([]);

  // A year the app cannot assess: the app's own message, never the browser's bubble.
  await deadline.fill('28/02/2026');
  await page.getByLabel('Năm đánh giá').fill('20x5');
  await create.click();
  await expect(page.getByText('Năm không hợp lệ: hãy nhập năm gồm 4 chữ số, từ 2000 đến 2100.')).toBeVisible();
  expect(await list(app)).toEqual([]);

  await page.getByLabel('Năm đánh giá').fill('2025');
  await create.click();
  // Straight to the new assessment.
  await expect(page.getByRole('heading', { name: 'Tổng quan bản tự đánh giá' })).toBeVisible();
  const [created] = await list(app);
  expect(created).toMatchObject({ year: 2025, indicatorSetId: 'hp-2025-xa-phuong', deadline: '2026-02-28' });
  expect(new URL(page.url()).hash).toBe(`#/a/${created!.id}`);
});

test('a second assessment of the same year and set is refused with the reason and a way to open the existing one', async ({ page, app }) => {
  await callApp(app, 'unit.save', WARD);
  const existing = await callApp<Assessment>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-xa-phuong' });
  await app.open(page);
  await page.getByRole('button', { name: 'Tạo bản tự đánh giá' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Đã có bản tự đánh giá năm 2025 theo' })).toContainText(
    'Mỗi năm chỉ có một bản cho một bộ chỉ số: hãy mở bản đã có; muốn làm lại sau khi đã nộp thì tạo lần nộp mới trong bản đó.',
  );
  expect((await list(app)).map((a) => a.id)).toEqual([existing.id]);
  expect(await seriousA11y(page)).toEqual([]);
  await page.getByRole('link', { name: 'Mở bản đã có' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan bản tự đánh giá' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe(`#/a/${existing.id}`);

  // English: the same refusal in English.
  await page.getByRole('link', { name: '← Danh sách' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Create self-assessment' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A 2025 self-assessment on' })).toContainText('There is one per year and indicator set');
  await expect(page.getByRole('link', { name: 'Open the existing one' })).toBeVisible();
});
