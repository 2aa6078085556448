import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { attachFiles } from '../../electron/backend/services/evidence/attach';
import { loadTrustStore } from '../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../electron/backend/services/bundle/verify/verify-bundle';
import { ASCII_PASSWORD, createTestPki } from '../helpers/pki';
import { daysAfter, finalFor, HONGBANG, packFinal, packResult, seedRoundAndSubmission } from '../backend/reply/reply-setup';
import { sampleResult } from '../backend/round/exchange-fixtures';
import { trustTestPki } from '../backend/inbox/make-bundle';
import { expect, test } from './fixtures';
import { answerNextDialog, callApp, seriousA11y } from './helpers';

/**
 * The unit's side after its submission, through the real UI: import Sở Nội vụ's appraisal result (packed
 * here with the test PKI, as the Sở side would), read self vs appraised, write a giải trình with one new
 * document, export it signed (the downloaded package verifies), see the export refused once the window has
 * passed, import the final result; English, and axe on the page.
 */
test('appraisal result → giải trình with a new document → signed export → refused after the window → final result', async ({ page, app }) => {
  test.setTimeout(240_000);
  const pki = await createTestPki();
  // The test certificates are valid around today: the harness's clock follows a movable "now".
  let now = new Date();
  (app.backend.ctx as { now: () => Date }).now = () => now;
  trustTestPki(app.dataDir, pki);
  await callApp(app, 'unit.save', HONGBANG);
  await callApp(app, 'settings.update', { role: 'unit' });
  const a = await callApp<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-xa-phuong' });
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-reply-'));
  const doc = join(dir, 'Kế hoạch CCHC 2025.pdf');
  writeFileSync(doc, '%PDF-1.4\n% kế hoạch\n');
  await attachFiles(app.backend.ctx.db, app.dataDir, { assessmentId: a.id, nodeId: null, files: [{ path: doc, name: 'Kế hoạch CCHC 2025.pdf' }] });
  const window = seedRoundAndSubmission(app.backend, a.id, now);
  const resultFile = await packResult(pki, { ...sampleResult(), explanationWindow: window });

  await app.open(page);
  await page.getByRole('navigation', { name: 'Chức năng chung' }).getByRole('link', { name: 'Kết quả thẩm định' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả thẩm định và giải trình', level: 1 })).toBeVisible();
  await expect(page.getByText('Chưa nhận kết quả thẩm định nào.')).toBeVisible();

  // 1. Import the result: verified, then shown side by side, the difference first.
  // Chosen twice in quick succession: one import, whose note stays (a second import's replay refusal replaced it).
  await page.getByLabel('Gói kết quả thẩm định của Sở Nội vụ (.asice)').setInputFiles(resultFile);
  await page.getByLabel('Gói kết quả thẩm định của Sở Nội vụ (.asice)').setInputFiles(resultFile).catch(() => {});
  await expect(page.getByTestId('reply-import-result-note')).toHaveText('Đã nhập kết quả thẩm định năm 2025 (lần 1).', { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('reply-import-result-note')).toHaveText('Đã nhập kết quả thẩm định năm 2025 (lần 1).');
  const rows = page.getByTestId('reply-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveText(['1.1.1', 'Ban hành kế hoạch CCHC năm', '1', '0,5', '−0,5', 'Kế hoạch ban hành sau thời hạn.'].join(''));
  await expect(page.getByTestId('reply-totals')).toHaveText('Tổng điểm: tự chấm 1,75, thẩm định 1,25');
  await expect(page.getByTestId('reply-rank')).toHaveText('Xếp hạng tạm thời trong khối: 2/3');
  await expect(page.getByTestId('reply-window')).toContainText('còn 6 ngày');
  // The same package again is refused with its reason.
  await page.getByLabel('Gói kết quả thẩm định của Sở Nội vụ (.asice)').setInputFiles(resultFile);
  await expect(page.getByRole('alert')).toContainText('Gói bị từ chối, không có gì được lưu', { timeout: 60_000 });
  expect(await seriousA11y(page)).toEqual([]);

  // 2. The giải trình: text required, the score exact and at most the maximum, one new document.
  await page.getByRole('button', { name: 'Giải trình tiêu chí 1.1.1' }).click();
  const item = page.getByTestId('draft-item-1.1.1');
  await expect(page.getByRole('button', { name: 'Lưu bản nháp' })).toBeDisabled();
  await item.getByLabel('Nội dung giải trình (bắt buộc)').fill('Kế hoạch được ban hành đúng hạn, xem quyết định kèm theo.');
  await item.getByTestId('requested-1.1.1').fill('1,5');
  await expect(item).toContainText('Không được vượt quá 1.');
  await expect(page.getByRole('button', { name: 'Lưu bản nháp' })).toBeDisabled();
  await item.getByTestId('requested-1.1.1').fill('1');
  await item.getByLabel('Thêm tài liệu mới cho giải trình').setInputFiles({ name: 'Quyết định 12-QĐ.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% quyết định\n') });
  await expect(item.getByLabel(/Quyết định 12-QĐ\.pdf/)).toBeChecked({ timeout: 30_000 });
  await expect(item.getByLabel(/Kế hoạch CCHC 2025\.pdf/)).not.toBeChecked();
  // Leaving with the draft unsaved asks first; declined, the page and what was typed stay.
  const entries = await page.evaluate(() => globalThis.history.length);
  const asked = answerNextDialog(page, 'dismiss');
  await page.getByRole('navigation', { name: 'Chức năng chung' }).getByRole('link', { name: 'Trợ giúp' }).click();
  await expect.poll(() => asked).toEqual(['Bản nháp giải trình có thay đổi chưa lưu. Rời trang thì các thay đổi này sẽ mất. Vẫn rời trang?']);
  await expect(page).toHaveURL(/#\/reply$/); // the dismissal is answered after the dialog event
  // The declined click was cancelled: no history entry, so back leaves the page instead of staying on it.
  expect(await page.evaluate(() => globalThis.history.length)).toBe(entries);
  await expect(item.getByLabel('Nội dung giải trình (bắt buộc)')).toHaveValue('Kế hoạch được ban hành đúng hạn, xem quyết định kèm theo.');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByTestId('reply-draft-note')).toHaveText('Đã lưu bản nháp giải trình.');
  expect(await seriousA11y(page)).toEqual([]);

  // 3. Export signed with a .p12, the package downloads and verifies as a giải trình.
  await page.getByRole('button', { name: 'Ký và xuất gói giải trình…' }).click();
  await page.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(pki.p12.modernAscii);
  await page.getByLabel('Mật khẩu của tệp chứng thư số').fill(ASCII_PASSWORD);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Mở khóa ký' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('P-HONGBANG_GiaiTrinh_2025_r1.asice');
  await expect(page.getByTestId('reply-export-note')).toContainText('Đã xuất gói giải trình P-HONGBANG_GiaiTrinh_2025_r1.asice (lần 1)');
  const v = await verifyPackage(await download.path(), { trust: loadTrustStore(pki.caFile), expectKind: 'explanation' });
  expect([v.result.status === 'INVALID' ? v.result.code : 'ok', v.exchange?.kind === 'explanation' ? v.exchange.content.items[0]!.requested : null]).toEqual(['ok', 1000]);
  expect(v.result.files.map((f) => f.originalName ?? f.path)).toContain('Quyết định 12-QĐ.pdf');
  expect(readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByTestId('reply-sent')).toContainText('Lần 1 — P-HONGBANG_GiaiTrinh_2025_r1.asice');

  // 4. After the window: the page says so and the export is refused with its reason.
  now = daysAfter(window.end, 1);
  await page.reload();
  await expect(page.getByTestId('reply-window')).toContainText('Đã hết thời hạn giải trình');
  await page.getByRole('button', { name: 'Ký và xuất gói giải trình…' }).click();
  await page.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(pki.p12.modernAscii);
  await page.getByLabel('Mật khẩu của tệp chứng thư số').fill(ASCII_PASSWORD);
  await page.getByRole('button', { name: 'Mở khóa ký' }).click();
  await expect(page.getByRole('alert')).toContainText('Đã hết thời hạn giải trình');

  // 5. The final result: imported, read-only, decisions and rank.
  await page.getByLabel('Gói kết quả cuối cùng của Sở Nội vụ (.asice)').setInputFiles(await packFinal(pki, finalFor()));
  await expect(page.getByTestId('reply-import-final-note')).toHaveText('Đã nhập kết quả cuối cùng năm 2025 (lần 1).', { timeout: 60_000 });
  await expect(page.getByTestId('final-row').nth(0)).toContainText('Chấp nhận giải trình');
  await expect(page.getByTestId('final-totals')).toHaveText('Tổng điểm cuối cùng: 1,75; xếp loại: chưa xếp loại');
  await expect(page.getByTestId('final-rank')).toHaveText('Xếp hạng chính thức trong khối: 1/3');
  await expect(page.getByRole('button', { name: 'Lưu bản nháp' })).toBeDisabled();
  expect(await seriousA11y(page)).toEqual([]);

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Appraisal result and explanation', level: 1 })).toBeVisible();
  await expect(page.getByTestId('reply-row').nth(0)).toContainText('−0.5');
  await expect(page.getByTestId('final-rank')).toHaveText('Official rank in the block: 1/3');
  // What was said before the switch is re-worded in the new language.
  await expect(page.getByTestId('reply-import-final-note')).toHaveText('Imported the 2025 final result (revision 1).');
  expect(await seriousA11y(page)).toEqual([]);
});
