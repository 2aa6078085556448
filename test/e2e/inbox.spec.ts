import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';


import { createTestPki } from '../helpers/pki';
import { makeBundle, registerUnit, trustTestPki } from '../backend/inbox/make-bundle';
import { expect, test } from './fixtures';
import { answerNextDialog, seriousA11y } from './helpers';

// See export.spec.ts: close the browser context first so the web host can close at once.
test.afterEach(async ({ context }) => {
  await context.close();
});


test('receive bundles through the UI, see them ranked in their block, appraise one, the ranking follows', async ({ page, app }) => {
  test.setTimeout(120_000);
  const pki = await createTestPki();
  trustTestPki(app.dataDir, pki);
  // Sở Nội vụ's register lists both wards with the test signer (test/e2e/registry.spec.ts walks the register's UI).
  registerUnit(app.backend, { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' }, [pki.leaf]);
  registerUnit(app.backend, { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' }, [pki.leaf]);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-inbox-'));
  const haiAn = await makeBundle(app.backend, pki, join(dir, 'hai-an.asice'), {
    unit: { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' },
    submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000e1',
  });
  const duHang = await makeBundle(app.backend, pki, join(dir, 'du-hang.asice'), {
    unit: { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' },
    submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000e2',
  });

  await app.open(page);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 })).toBeVisible();

  for (const [file, name] of [
    [haiAn, 'UBND phường Hải An'],
    [duHang, 'UBND phường Dư Hàng'],
  ] as const) {
    await page.getByLabel('Tệp hồ sơ nộp (.asice)').setInputFiles(file);
    await expect(page.getByTestId('inbox-imported')).toContainText(name, { timeout: 60_000 });
  }
  // Placed in the ward block (the tab of the last import is open), identical answers → shared rank 1.
  await expect(page.getByRole('tab', { name: 'Phường (2)' })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByTestId('ranking-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('ranking-row-P-DH').getByTestId('rank')).toHaveText('1');
  await expect(page.getByTestId('ranking-row-P-HA').getByTestId('rank')).toHaveText('1');
  const index = (await page.getByTestId('ranking-row-P-DH').getByTestId('index').textContent())!;

  // Keyboard: the other blocks are one arrow key away, and empty.
  await page.getByRole('tab', { name: 'Phường (2)' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Sở, ban, ngành (0)' })).toBeFocused();
  await expect(page.getByText('Chưa có hồ sơ nào trong khối này.')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Phường (2)' })).toHaveAttribute('aria-selected', 'true');
  expect(await seriousA11y(page)).toEqual([]);

  // Appraise Dư Hàng: 1.2 (max 1, self 0,75) → 0.
  await page.getByRole('link', { name: 'UBND phường Dư Hàng' }).click();
  await expect(page.getByRole('heading', { name: /UBND phường Dư Hàng — năm 2025/ })).toBeVisible();
  await expect(page.getByTestId('inbox-verification')).toContainText('Hợp lệ');
  await expect(page.getByTestId('inbox-signer')).toContainText('Nguyễn Văn An');
  await expect(page.getByTestId('inbox-evidence').locator('tbody tr').first()).toBeVisible();
  // The stored verdict is shown by its code in the language chosen now, not in the words it was stored with.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('inbox-verification')).toContainText('Valid bundle: signature correct, every file intact.');
  await expect(page.getByTestId('inbox-verification')).not.toContainText('Hồ sơ hợp lệ');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  const row = page.getByTestId('node-row-1.2');
  const self = (await row.locator('td').nth(3).textContent())!;
  expect(self).not.toBe('0');
  await page.getByLabel('Điểm thẩm định tiêu chí 1.2').fill('0');
  await page.getByLabel('Ý kiến thẩm định tiêu chí 1.2').fill('Báo cáo quý III gửi chậm, không có văn bản giải trình');
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('appraisal-status')).toHaveText('Đã lưu điểm thẩm định tiêu chí 1.2.');
  // The note follows a language switch (renderer/src/app/use-note.ts), and back.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('appraisal-status')).toHaveText('Appraisal of 1.2 saved.');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByTestId('appraisal-status')).toHaveText('Đã lưu điểm thẩm định tiêu chí 1.2.');
  await expect(row.getByTestId('appraised')).toHaveText('0');
  // An out-of-range value is caught before it is sent.
  await page.getByLabel('Điểm thẩm định tiêu chí 1.1.1').fill('7');
  await page.getByTestId('node-row-1.1.1').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('node-row-1.1.1').getByRole('alert')).toContainText('từ 0 đến 1');

  // Preview of a PDF evidence file.
  await page.getByRole('button', { name: /^Xem .*\.pdf$/ }).first().click();
  await expect(page.getByTestId('inbox-preview')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await seriousA11y(page)).toEqual([]);

  // Back to the list. The refused 7 is still typed in 1.1.1, unsaved: leaving asks first; accepted, it goes.
  const asked = answerNextDialog(page, 'accept');
  await page.getByRole('link', { name: '← Danh sách hồ sơ' }).click();
  await expect.poll(() => asked).toEqual(['Thẩm định tiêu chí 1.1.1 có thay đổi chưa lưu. Rời trang thì các thay đổi này sẽ mất. Vẫn rời trang?']);
  // Dư Hàng dropped to rank 2 with a lower index.
  await page.getByRole('tab', { name: 'Phường (2)' }).click();
  await expect(page.getByTestId('ranking-row-P-DH').getByTestId('rank')).toHaveText('2');
  await expect(page.getByTestId('ranking-row-P-HA').getByTestId('rank')).toHaveText('1');
  await expect(page.getByTestId('ranking-row-P-DH').getByTestId('index')).not.toHaveText(index);
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-testid', 'ranking-row-P-HA');
});
