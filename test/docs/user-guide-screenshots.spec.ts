import 'reflect-metadata';

import { join } from 'node:path';

import type { Page } from '@playwright/test';

import type { TestBackend } from '../helpers/backend';
import { fillFromExample } from '../backend/bundle/stored-assessment';
import { expect, test } from '../e2e/fixtures';

/**
 * The screenshots of docs/user-guide.md, taken from the real UI in Chromium (playwright.docs.config.ts):
 * a fresh data folder for the welcome, then the shipped example (Sở Tư pháp, 2025) for the other pages.
 * Each shot waits for the page's own content, so a broken page fails the run instead of a blank image.
 */
const OUT = join(process.cwd(), 'docs', 'images', 'user-guide');
const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), animations: 'disabled' });

test('user guide screenshots', async ({ page, app }) => {
  await app.open(page);
  const base = page.url().split('#')[0]!;
  await expect(page.getByTestId('welcome')).toBeVisible();
  await shot(page, '01-chao-mung');

  const a = await fillFromExample(app.backend as unknown as TestBackend);
  // The guide is for a unit's focal point: from here on the unit role's menus (renderer/src/app/role-context.tsx).
  await page.getByTestId('role-chooser').getByRole('button', { name: /Đơn vị tự đánh giá/ }).click();
  await page.goto(`${base}#/`);
  await page.reload();
  const list = page.locator('#assessments-title');
  await expect(list).toBeVisible();
  // the list of assessments at the top of the shot (the unit card and the signature images are above it)
  await list.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, '02-trang-chu');

  await page.goto(`${base}#/a/${a.id}`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shot(page, '03-tong-quan');

  await page.goto(`${base}#/a/${a.id}/n/so25-1.1.2`);
  await expect(page.getByText('Số nhiệm vụ đã hoàn thành').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shot(page, '04-cham-tieu-chi');

  await page.goto(`${base}#/a/${a.id}/preflight`);
  await page.waitForLoadState('networkidle');
  await shot(page, '05-kiem-tra-truoc-khi-nop');

  await page.goto(`${base}#/a/${a.id}/report`);
  await page.waitForLoadState('networkidle');
  await shot(page, '06-bao-cao');

  await page.goto(`${base}#/a/${a.id}/submit`);
  await expect(page.getByTestId('submit-preflight')).toHaveText('Không còn lỗi phải sửa. Có thể ký và xuất hồ sơ.', { timeout: 20_000 });
  await shot(page, '07-xuat-ho-so');

  await page.goto(`${base}#/verify`);
  await expect(page.getByRole('heading', { name: 'Kiểm tra hồ sơ nộp', level: 1 })).toBeVisible();
  await shot(page, '08-kiem-tra-ho-so');

  await page.goto(`${base}#/help`);
  await expect(page.getByRole('heading', { name: 'Trợ giúp', level: 1 })).toBeVisible();
  await shot(page, '09-tro-giup');
});
