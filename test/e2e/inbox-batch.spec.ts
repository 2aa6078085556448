import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestPki } from '../helpers/pki';
import { makeBundle, registerUnit, SO_UNIT, tamperEvidence, trustTestPki } from '../backend/inbox/make-bundle';
import { DEADLINES, installOfficialSets, OFFICIAL_SETS } from '../backend/round/fixtures';
import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';

// See export.spec.ts: close the browser context first so the web host can close at once.
test.afterEach(async ({ context }) => {
  await context.close();
});

const PHUONG = { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const };
const XA = { code: 'X-CH', name: 'Đặc khu Cát Hải', type: 'XA_DAC_KHU' as const };
const LATE = { code: 'X-BLV', name: 'Đặc khu Bạch Long Vĩ', type: 'XA_DAC_KHU' as const };
const STRANGER = { code: 'P-LA', name: 'UBND phường Lạ', type: 'PHUONG' as const };

test('batch import of a block through the UI: a summary per file, then the round dashboard with counts, filters and an overdue unit', async ({ page, app }) => {
  test.setTimeout(180_000);
  const pki = await createTestPki();
  trustTestPki(app.dataDir, pki);
  installOfficialSets(app.backend);
  for (const u of [SO_UNIT, PHUONG, XA, LATE]) registerUnit(app.backend, u, [pki.leaf]);
  // The 2025 round (units from the register), due 30/11/2025; the harness's today is 10/12/2025.
  const saved = await app.backend.call('round.save', { year: 2025, sets: OFFICIAL_SETS, deadlines: DEADLINES });
  expect(saved.ok).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-batch-'));
  const sub = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-0000000003${String(n).padStart(2, '0')}`;
  const files = [
    await makeBundle(app.backend, pki, join(dir, '1-so.asice'), { unit: SO_UNIT, submissionId: sub(1) }),
    await makeBundle(app.backend, pki, join(dir, '2-phuong.asice'), { unit: PHUONG, submissionId: sub(2) }),
    tamperEvidence(await makeBundle(app.backend, pki, join(dir, 'x.asice'), { unit: XA, submissionId: sub(3) }), join(dir, '3-tampered.asice')),
    await makeBundle(app.backend, pki, join(dir, '4-stranger.asice'), { unit: STRANGER, submissionId: sub(4) }),
    await makeBundle(app.backend, pki, join(dir, '5-xa.asice'), { unit: XA, submissionId: sub(5) }),
  ];

  await app.open(page);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Nhận hàng loạt' })).toBeVisible();
  // Chosen twice in quick succession: one batch, whose summary stays (a second batch of replays replaced it).
  await page.getByLabel('Nhiều hồ sơ nộp cùng lúc (.asice)').setInputFiles(files);
  await page.getByLabel('Nhiều hồ sơ nộp cùng lúc (.asice)').setInputFiles(files).catch(() => {});

  const summary = page.getByTestId('inbox-batch-summary');
  await expect(summary.getByRole('status')).toHaveText('Đã xử lý 5 hồ sơ: tiếp nhận 3, từ chối 2.', { timeout: 120_000 });
  const rows = summary.getByTestId('inbox-batch-row');
  await expect(rows).toHaveCount(5);
  const cells = (i: number) => rows.nth(i).locator('td');
  await expect(cells(0)).toHaveText(['1-so.asice', `Đã tiếp nhận: ${SO_UNIT.name}, phiên bản 1. Mở hồ sơ`]);
  await expect(cells(1)).toHaveText(['2-phuong.asice', 'Đã tiếp nhận: UBND phường Hải An, phiên bản 1. Mở hồ sơ']);
  await expect(cells(2).nth(0)).toHaveText('3-tampered.asice');
  await expect(cells(2).nth(1)).toHaveText('Từ chối (E_DIGEST_MISMATCH): Nội dung một tệp đã bị thay đổi sau khi ký (mã băm không khớp).');
  await expect(cells(3).nth(0)).toHaveText('4-stranger.asice');
  await expect(cells(3).nth(1)).toHaveText('Từ chối (E_UNIT_UNKNOWN): Mã đơn vị trong hồ sơ không có trong danh sách đơn vị của năm này trong Sổ đăng ký (P-LA / 2025).');
  await expect(cells(4)).toHaveText(['5-xa.asice', 'Đã tiếp nhận: Đặc khu Cát Hải, phiên bản 1. Mở hồ sơ']);
  // The ranking below follows: the ward block holds the one ward accepted.
  await expect(page.getByRole('tab', { name: 'Phường (1)' })).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);
  // The summary is reworded by a language switch, not left in the language it was made in.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(summary.getByRole('status')).toHaveText('5 packages processed: 3 imported, 2 refused.');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(summary.getByRole('status')).toHaveText('Đã xử lý 5 hồ sơ: tiếp nhận 3, từ chối 2.');

  await page.getByRole('link', { name: /Theo dõi đợt đánh giá/ }).click();
  await expect(page.getByRole('heading', { name: 'Theo dõi đợt đánh giá', level: 1 })).toBeVisible();
  await expect(page.getByTestId('dashboard-due')).toHaveText('Hạn nộp bản tự đánh giá: 30/11/2025 (hôm nay 10/12/2025).');
  // Counts per block: NOT_SUBMITTED, SUBMITTED, APPRAISING, RESULT_SENT, EXPLANATION_RECEIVED, CLOSED, overdue, total.
  const counts = (b: string) => page.getByTestId(`dashboard-counts-${b}`).locator('td');
  await expect(counts('SO')).toHaveText(['0', '1', '0', '0', '0', '0', '0', '1']);
  await expect(counts('PHUONG')).toHaveText(['0', '1', '0', '0', '0', '0', '0', '1']);
  await expect(counts('XA_DAC_KHU')).toHaveText(['1', '1', '0', '0', '0', '0', '1', '2']);
  await expect(page.getByTestId('dashboard-unit-X-BLV').getByTestId('dashboard-unit-state')).toHaveText('Chưa nộp · Quá hạn nộp');
  await expect(page.getByTestId('dashboard-unit-X-CH').getByTestId('dashboard-unit-state')).toHaveText('Đã nộp');
  expect(await seriousA11y(page)).toEqual([]);

  await page.getByLabel('Lọc theo khối').selectOption('PHUONG');
  await expect(page.getByTestId('dashboard-units').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('dashboard-unit-P-HA')).toBeVisible();
  await page.getByLabel('Lọc theo khối').selectOption('all');
  await page.getByLabel('Lọc theo trạng thái').selectOption('overdue');
  await expect(page.getByTestId('dashboard-units').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('dashboard-unit-X-BLV')).toBeVisible();
  await page.getByLabel('Lọc theo trạng thái').selectOption('SUBMITTED');
  await expect(page.getByTestId('dashboard-units').locator('tbody tr')).toHaveCount(3);
});
