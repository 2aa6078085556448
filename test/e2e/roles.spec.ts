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

/**
 * The top bar at the common 1366 px laptop width: each role's menu stays on one line (every link one text line
 * high, all on the same row, nothing past the window's edge), in Vietnamese and in English, axe clean.
 */
test('the top menu of each role fits on one line at 1366 px, Vietnamese and English', async ({ page, app }) => {
  await app.open(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const role of ['receiver', 'unit'] as const) {
    await callApp(app, 'settings.update', { role, language: 'vi' });
    await page.reload();
    for (const lang of ['Tiếng Việt', 'English'] as const) {
      await page.locator('.lang-switch').getByRole('button', { name: lang }).click();
      const nav = page.getByRole('navigation', { name: lang === 'English' ? 'General' : 'Chức năng chung' });
      await expect(nav.getByRole('link')).toHaveCount(role === 'receiver' ? 8 : 6);
      const boxes = await page.locator('.topbar').evaluate((bar) => {
        const links = [...bar.querySelectorAll('nav a')].map((a) => {
          const r = a.getBoundingClientRect();
          const lines = Math.round(r.height / parseFloat(getComputedStyle(a).lineHeight || '0'));
          return { text: a.textContent, top: Math.round(r.top), right: Math.round(r.right), lines };
        });
        return { links, barRight: Math.round(bar.getBoundingClientRect().right), scroll: document.documentElement.scrollWidth };
      });
      const where = `${role}, ${lang}`;
      expect(boxes.links.filter((l) => l.lines !== 1).map((l) => l.text), where).toEqual([]);
      expect(new Set(boxes.links.map((l) => l.top)).size, where).toBe(1);
      expect(Math.max(...boxes.links.map((l) => l.right)), where).toBeLessThanOrEqual(boxes.barRight);
      expect(boxes.scroll, where).toBeLessThanOrEqual(1366);
      await page.screenshot({ path: `test-results/e2e/topnav-1366-${role}-${lang === 'English' ? 'en' : 'vi'}.png`, clip: { x: 0, y: 0, width: 1366, height: 120 } });
    }
  }
  expect(await seriousA11y(page)).toEqual([]);
});
