import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';

import { BUNDLE_CODES } from '../../shared/domain/bundle-codes';
import { createTestPki } from '../helpers/pki';
import { certDetails, makeBundle, trustTestPki } from '../backend/inbox/make-bundle';
import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

const HAI_AN = { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const };
const DU_HANG = { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' as const };

test('an appraiser imports the unit list, registers two signers, receives a valid bundle and sees an impersonating one refused in Vietnamese', async ({ page, app }) => {
  test.setTimeout(180_000);
  const pki = await createTestPki();
  trustTestPki(app.dataDir, pki);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-registry-'));

  // The Excel template Sở Nội vụ fills in: two wards, and Dư Hàng's signer (Trần Thị Bình) by fingerprint.
  const second = certDetails(pki.secondLeaf);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Đơn vị').addRows([
    ['Mã đơn vị', 'Tên đơn vị', 'Khối'],
    [HAI_AN.code, HAI_AN.name, 'Phường'],
    [DU_HANG.code, DU_HANG.name, 'Phường'],
  ]);
  wb.addWorksheet('Người ký').addRows([
    ['Mã đơn vị', 'Vân tay SHA-256', 'Chủ thể', 'Tổ chức cấp', 'Số hiệu', 'Hiệu lực từ', 'Hiệu lực đến'],
    [DU_HANG.code, second.sha256.toUpperCase(), second.subject, second.issuer, second.serial, second.notBefore.slice(0, 10), second.notAfter.slice(0, 10)],
  ]);
  const template = join(dir, 'so-dang-ky-2025.xlsx');
  await wb.xlsx.writeFile(template);
  // Hải An's real bundle (signed by Nguyễn Văn An), and one signed by the same person that claims to be Dư Hàng.
  const haiAn = await makeBundle(app.backend, pki, join(dir, 'hai-an.asice'), { unit: HAI_AN, submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000f1' });
  const fake = await makeBundle(app.backend, pki, join(dir, 'mao-danh.asice'), { unit: DU_HANG, submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000f2' });

  await app.open(page);
  await page.getByRole('link', { name: 'Sổ đăng ký' }).click();
  await expect(page.getByRole('heading', { name: 'Sổ đăng ký đơn vị và người ký', level: 1 })).toBeVisible();
  await page.getByLabel('Năm cần mở hoặc nhập danh sách').fill('2025');
  await page.getByLabel('Người thẩm định (ghi vào nhật ký)').fill('Lê Thị Hoa');
  await page.getByRole('button', { name: 'Lưu tên' }).click();
  await expect(page.getByTestId('registry-status')).toHaveText('Đã lưu tên người thẩm định.');
  await page.getByTestId('registry-template-input').setInputFiles(template);
  await expect(page.getByTestId('registry-import-report')).toContainText('Đã nhập so-dang-ky-2025.xlsx: 2 đơn vị, 1 người ký.');
  await expect(page.getByTestId('registry-unit-P-DH')).toContainText('UBND phường Dư Hàng');
  await expect(page.getByTestId('registry-signers').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('registry-signers')).toContainText('Trần Thị Bình');
  expect(await seriousA11y(page)).toEqual([]);

  // Hải An's first bundle: its signer is not registered yet → refused; the appraiser decides to trust it for Hải An.
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.getByLabel('Tệp hồ sơ nộp (.asice)').setInputFiles(haiAn);
  const panel = page.getByTestId('trust-signer');
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('alert').first()).toContainText(BUNDLE_CODES.E_SIGNER_NOT_REGISTERED.vi);
  await page.screenshot({ path: join('test-results', 'e2e', 'registry-trust-panel.png'), fullPage: true });
  await panel.getByLabel('Đơn vị').selectOption('P-HA');
  await panel.getByRole('button', { name: 'Tin cậy người ký này cho đơn vị UBND phường Hải An' }).click();
  await expect(panel).toContainText('Đã đăng ký người ký', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Tiếp nhận lại hồ sơ' }).click();
  await expect(page.getByTestId('inbox-imported')).toContainText('UBND phường Hải An', { timeout: 60_000 });
  await expect(page.getByTestId('ranking-row-P-HA')).toBeVisible();

  // Survey results are Sở Nội vụ's: the unit's declared value is not used (0 points) until the appraiser enters one.
  await page.getByRole('link', { name: 'UBND phường Hải An' }).click();
  const surveyRow = page.getByTestId('node-row-1.6');
  await expect(surveyRow.getByTestId('appraised')).toHaveText('0');
  await page.getByLabel('Kết quả điều tra tiêu chí 1.6 (UBND phường Hải An)').fill('80');
  await surveyRow.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('appraisal-status')).toHaveText('Đã lưu kết quả điều tra tiêu chí 1.6.');
  await expect(surveyRow.getByTestId('appraised')).not.toHaveText('0');
  await page.screenshot({ path: join('test-results', 'e2e', 'registry-survey-entry.png'), fullPage: false });
  expect(await seriousA11y(page)).toEqual([]);
  await page.getByRole('link', { name: '← Danh sách hồ sơ' }).click();

  // The impersonating bundle: same certificate, declares Dư Hàng → refused with the reason in Vietnamese, nothing stored.
  await page.getByLabel('Tệp hồ sơ nộp (.asice)').setInputFiles(fake);
  const refusal = page.getByRole('alert').filter({ hasText: 'E_SIGNER_NOT_REGISTERED' });
  await expect(refusal).toContainText(`Hồ sơ bị từ chối (E_SIGNER_NOT_REGISTERED): ${BUNDLE_CODES.E_SIGNER_NOT_REGISTERED.vi}`, { timeout: 60_000 });
  await expect(refusal).toContainText('Không có gì được lưu.');
  await expect(page.getByTestId('ranking-row-P-DH')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Phường (1)' })).toBeVisible();

  // The register now holds both signers, and the log says who trusted which certificate.
  await page.getByRole('link', { name: 'Sổ đăng ký' }).click();
  await expect(page.getByTestId('registry-signers').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('registry-signers')).toContainText('Nguyễn Văn An');
  await page.getByTestId('registry-audit').locator('summary').click();
  await expect(page.getByTestId('registry-audit')).toContainText('Lê Thị Hoa · Tin cậy người ký từ hồ sơ · P-HA');
  await page.getByLabel('Tìm đơn vị hoặc người ký').fill('du hang');
  await expect(page.getByTestId('registry-units').locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: join('test-results', 'e2e', 'registry-page.png'), fullPage: true });
});
