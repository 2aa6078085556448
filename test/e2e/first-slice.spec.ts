import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from './fixtures';

test('creates a unit profile and an assessment through the real UI, and finds them after a restart', async ({ page, app }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'Hồ sơ đơn vị' })).toBeVisible();

  await page.getByLabel('Tên đơn vị').fill('Phường Hồng Bàng');
  await page.getByLabel('Mã đơn vị').fill('P-HONGBANG');
  await page.getByLabel('Loại đơn vị').selectOption('PHUONG');
  const focal = page.getByRole('group', { name: 'Cán bộ đầu mối CCHC' });
  await focal.getByLabel('Họ và tên').fill('Trần Thị Ngọc Ánh');
  const head = page.getByRole('group', { name: 'Thủ trưởng đơn vị' });
  await head.getByLabel('Họ và tên').fill('Nguyễn Văn Đức');
  await head.getByLabel('Chức vụ').fill('Chủ tịch UBND phường');
  await page.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }).click();
  await expect(page.getByTestId('unit-name')).toHaveText('Phường Hồng Bàng');

  await page.getByLabel('Hạn nộp (không bắt buộc, dd/mm/yyyy)').fill('31/12/2025');
  await page.getByRole('button', { name: 'Tạo bản tự đánh giá' }).click();
  // Creating opens the new assessment; its list entry is on the start page.
  await expect(page.getByRole('heading', { name: 'Tổng quan bản tự đánh giá' })).toBeVisible();
  await page.getByRole('link', { name: '← Danh sách' }).click();
  await expect(page.getByTestId('assessment-item')).toHaveCount(1);
  const itemText = (await page.getByTestId('assessment-item').textContent()) ?? '';
  expect(itemText).toContain('2025');

  const stored = await app.backend.call('assessments.list', {});
  expect(stored.ok && (stored.value as Array<{ deadline: string | null }>)[0]?.deadline).toBe('2025-12-31');

  // The data is in a real SQLite file on disk.
  expect(existsSync(join(app.dataDir, 'cchc.sqlite'))).toBe(true);

  await page.reload();
  await expect(page.getByTestId('assessment-item')).toHaveCount(1);

  await app.restart();
  await app.open(page);
  await expect(page.getByTestId('unit-name')).toHaveText('Phường Hồng Bàng');
  await expect(page.getByTestId('assessment-item')).toHaveText(itemText);

  // English switch
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Self-assessments' })).toBeVisible();
});
