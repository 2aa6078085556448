import { expect, test } from './fixtures';
import { callApp, seriousA11y } from './helpers';

/**
 * Roles (issue 14 item 1): at first start the app asks whom it serves; a ward's focal point then sees the unit's
 * menus only (no "Tiếp nhận hồ sơ", no "Sổ đăng ký"), Sở Nội vụ sees the receiving side; the choice survives a
 * reload and can be changed.
 */
test.afterEach(async ({ context }) => {
  await context.close();
});

test('first start asks the role; each role sees its own menus; the choice persists and can be changed', async ({ page, app }) => {
  await app.open(page);
  const nav = page.getByRole('navigation', { name: 'Chức năng chung' });
  const chooser = page.getByTestId('role-chooser');
  await expect(chooser.getByRole('heading', { name: 'Ứng dụng này phục vụ ai?' })).toBeVisible();
  // Not chosen yet: nothing is hidden.
  await expect(nav.getByRole('link', { name: 'Tiếp nhận hồ sơ' })).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);

  await chooser.getByRole('button', { name: /Đơn vị tự đánh giá/ }).click();
  await expect(page.getByTestId('role-line')).toHaveText('Vai trò: Đơn vị tự đánh giá (sở, ban, ngành; phường; xã, đặc khu) Đổi vai trò');
  await expect(nav.getByRole('link')).toHaveText(['Bộ chỉ số', 'Kiểm tra hồ sơ', 'Đợt đánh giá', 'Kết quả thẩm định', 'Sao lưu / Khôi phục', 'Trợ giúp']);
  expect(await callApp<{ role: string }>(app, 'settings.get')).toMatchObject({ role: 'unit' });

  await page.reload();
  await expect(nav.getByRole('link', { name: 'Tiếp nhận hồ sơ' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Đợt đánh giá' })).toBeVisible();

  await page.getByRole('button', { name: 'Đổi vai trò' }).click();
  await page.getByTestId('role-chooser').getByRole('button', { name: /Sở Nội vụ/ }).click();
  await expect(nav.getByRole('link')).toHaveText(['Bộ chỉ số', 'Kiểm tra hồ sơ', 'Tiếp nhận hồ sơ', 'Sổ đăng ký', 'Đợt đánh giá', 'Giải trình, kết quả', 'Sao lưu / Khôi phục', 'Trợ giúp']);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('role-line')).toContainText('Role: Sở Nội vụ (receiving and appraising)');
  expect(await callApp<{ role: string }>(app, 'settings.get')).toMatchObject({ role: 'receiver' });
});
