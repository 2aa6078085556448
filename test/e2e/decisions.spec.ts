import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadTrustStore } from '../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../electron/backend/services/bundle/verify/verify-bundle';
import { ASCII_PASSWORD, createTestPki } from '../helpers/pki';
import { HA, KA, packExplanation, seedWorld } from '../backend/decisions/world';
import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';

// See export.spec.ts: close the browser context first so the web host can close at once.
test.afterEach(async ({ context }) => {
  await context.close();
});

/**
 * Issue 14 item 6 through the real UI (Sở Nội vụ): two wards sent the same answers (4 points each); Hải An's
 * 3.1 was appraised at 0 and it sends a giải trình with a new PDF. Import it (and a replay, refused), try to
 * close with the giải trình undecided (refused, naming the unit), preview the new evidence, refuse a "keep"
 * without a reason, accept 1,5, close: both wards final 4 points, sharing rank 1. Vietnamese, then English; axe.
 */
test('giải trình: import, decide each criterion, close the round, final ranks', async ({ page, app }) => {
  test.setTimeout(240_000);
  const pki = await createTestPki();
  const w = await seedWorld(app.backend, app.dataDir, pki, [HA, KA]);
  const ha = w.imports.get(HA.code)!;
  const ap = await app.backend.call('inbox.appraise', { importId: ha.importId, nodeId: 'xa25-3.1', appraisedMilli: 0, comment: 'Không có ảnh chụp bảng công khai.' });
  expect(ap.ok).toBe(true);
  const pdf = readFileSync(join(process.cwd(), 'resources', 'examples', 'evidence', 'ke-hoach-cchc-2025.pdf'));
  const file = await packExplanation(w, HA, {
    items: [{ nodeId: 'xa25-3.1', code: '3.1', text: 'Đã công khai đầy đủ thủ tục hành chính, xem ảnh chụp kèm theo.', requested: 1500 }],
    evidence: [{ data: pdf, name: 'Ảnh chụp bảng công khai.pdf' }],
  });

  page.on('dialog', (d) => void d.accept());
  await app.open(page);
  await page.getByRole('link', { name: 'Giải trình, kết quả' }).click();
  await expect(page.getByRole('heading', { name: 'Giải trình và kết quả cuối cùng', level: 1 })).toBeVisible();

  const input = page.getByLabel('Các tệp gói giải trình (.asice), chọn được nhiều tệp');
  // Chosen twice in quick succession (before the page re-renders the input disabled): one import, and its
  // outcome stays on screen (a second job's replay refusal used to replace it).
  await input.setInputFiles(file);
  await input.setInputFiles(file).catch(() => {});
  await expect(page.getByTestId('decisions-outcomes')).toContainText('đã nhập giải trình lần 1 của UBND phường Hải An (1 tiêu chí, 1 tài liệu mới)', { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('decisions-outcomes')).toContainText('đã nhập giải trình lần 1 của UBND phường Hải An');
  // The same package again: a replay, refused with its code and nothing stored.
  await input.setInputFiles(file);
  await expect(page.getByTestId('decisions-outcomes')).toContainText('bị từ chối, không có gì được lưu', { timeout: 60_000 });
  await expect(page.getByTestId('decisions-outcomes')).toContainText('E_REPLAY');

  await expect(page.getByTestId(`decisions-unit-${HA.code}`)).toContainText('Chờ quyết định (0/1)');
  await expect(page.getByTestId(`decisions-unit-${KA.code}`)).toContainText('Không giải trình');
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByRole('button', { name: 'Kết thúc đợt đánh giá' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa kết thúc được' })).toContainText('còn tiêu chí chưa quyết định: P-HA');

  await page.getByRole('link', { name: 'UBND phường Hải An' }).click();
  await expect(page.getByRole('heading', { name: 'Giải trình của UBND phường Hải An', level: 1 })).toBeVisible();
  const item = page.getByTestId('decision-xa25-3.1');
  await expect(item).toContainText('Không có ảnh chụp bảng công khai.');
  await expect(item).toContainText('Đã công khai đầy đủ thủ tục hành chính');
  await item.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByTestId('decision-preview')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Đóng' }).click();

  await item.getByLabel('Giữ nguyên điểm thẩm định').check();
  await item.getByTestId('decision-xa25-3.1-save').click();
  await expect(item.getByRole('alert')).toContainText('phải chọn lý do');
  await item.getByLabel('Chấp nhận, điểm mới').check();
  await item.getByLabel(/Điểm mới/).fill('1,6');
  await item.getByTestId('decision-xa25-3.1-save').click();
  await expect(item.getByRole('alert')).toContainText('từ 0 đến 1,5');
  await item.getByLabel(/Điểm mới/).fill('1,5');
  await item.getByTestId('decision-xa25-3.1-save').click();
  await expect(item.getByTestId('decision-xa25-3.1-state')).toHaveText('Đã quyết định: Chấp nhận, điểm mới 1,5');
  await expect(page.getByTestId('decision-totals')).toHaveText('Tổng điểm: tự đánh giá 4; thẩm định 2,5; sau quyết định 4 (chỉ số 4,00 %)');
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByRole('link', { name: '← Giải trình và kết quả cuối cùng' }).click();
  await page.getByRole('button', { name: 'Kết thúc đợt đánh giá' }).click();
  await expect(page.getByTestId('decisions-closed')).toContainText('Đợt đánh giá đã kết thúc');
  for (const code of [HA.code, KA.code]) {
    const row = page.getByTestId(`decisions-unit-${code}`);
    await expect(row.locator('td').nth(3)).toHaveText('4');
    await expect(row.locator('td').nth(4)).toHaveText('4,00');
    await expect(row.locator('td').nth(6)).toHaveText('1');
  }
  await expect(page.getByTestId(`decisions-unit-${HA.code}`).locator('td').nth(2)).toHaveText('2,5');
  expect(await seriousA11y(page)).toEqual([]);

  // The notice of the final results (PDF): a number in words blocks it and says why; "15" / "TB-SNV" numbers it.
  const numberField = page.getByLabel('Số văn bản');
  await numberField.fill('mười lăm');
  await expect(page.getByText('Số văn bản chỉ gồm chữ số, tối đa 7 chữ số (ví dụ 15).')).toBeVisible();
  const pdfButton = page.getByRole('button', { name: 'Xuất văn bản kết quả (PDF)' });
  await expect(pdfButton).toBeDisabled();
  await numberField.fill('15');
  const notice = page.waitForEvent('download');
  await pdfButton.click();
  const noticeText = spawnSync('pdftotext', ['-layout', await (await notice).path(), '-'], { encoding: 'utf8' }).stdout;
  expect(noticeText).toMatch(/Số:\s*15\/TB-SNV/);
  expect(noticeText).toContain('Kết quả Chỉ số CCHC năm 2025');

  // The signed final result for one unit: key, job, download; the package verifies as a final-result.
  // The test PKI is issued around the real clock (the harness's is fixed in 2025-12): signing sees the real time.
  app.backend.ctx.now = () => new Date();
  const finals = page.getByTestId('final-packages');
  await finals.getByLabel('Xuất cho').selectOption(`unit:${HA.code}`);
  await finals.getByRole('button', { name: 'Ký và xuất…' }).click();
  await page.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(pki.p12.modernAscii);
  await page.getByLabel('Mật khẩu của tệp chứng thư số').fill(ASCII_PASSWORD);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Mở khóa ký' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe(`${HA.code}_KetQuaCuoiCung_2025_r1.asice`);
  const v = await verifyPackage(await d.path(), { trust: loadTrustStore(join(app.dataDir, 'trust')), expectKind: 'final-result' });
  expect([v.result.kind, v.result.status, v.exchange?.kind === 'final-result' ? v.exchange.content.totals.final.final : null]).toEqual(['final-result', 'VALID_WITH_WARNINGS', 4000]);
  await expect(page.getByTestId('decisions-exported')).toContainText('KetQuaCuoiCung');
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Explanations and final results', level: 1 })).toBeVisible();
  await expect(page.getByTestId('decisions-closed')).toContainText('The round was closed');
  await expect(page.getByTestId(`decisions-unit-${HA.code}`)).toContainText('Decided');
  // The set's band "Yếu", by its English name.
  await expect(page.getByTestId(`decisions-unit-${HA.code}`).locator('td').nth(5)).toHaveText('Weak');
  await expect(page.getByRole('button', { name: 'Export results to Excel' })).toBeVisible();
  await page.getByRole('link', { name: 'UBND phường Hải An' }).click();
  await expect(page.getByTestId('decision-read-only')).toHaveText('The round is closed: read-only.');
  expect(await seriousA11y(page)).toEqual([]);
});
