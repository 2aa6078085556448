import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';

test('the unit profile form says what is missing in Vietnamese, keeps the focus on it and saves nothing (no browser bubble)', async ({ page, app }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'Hồ sơ đơn vị' })).toBeVisible();
  await page.getByLabel('Tên đơn vị').fill('Ủy ban nhân dân phường Lê Chân');
  await page.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }).click();
  await expect(page.getByTestId('unit-not-saved')).toHaveText('Chưa lưu: còn 3 ô cần sửa (đánh dấu bên dưới).');
  await expect(page.getByText('Hãy nhập mã đơn vị.')).toBeVisible();
  await expect(page.getByLabel('Mã đơn vị')).toBeFocused();
  // The browser's own check did not run (it would have said "Please fill out this field" and stopped the submit).
  expect(await page.locator('form[aria-labelledby="unit-form-title"]').evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true);
  expect(await seriousA11y(page)).toEqual([]);
  const res = await app.backend.call('unit.get', {});
  expect(res.ok && res.value).toBe(null);
});
