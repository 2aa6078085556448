import 'reflect-metadata';

import { createHash } from 'node:crypto';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { BUNDLE_CODES } from '../../shared/domain/bundle-codes';
import { createTestPki } from '../helpers/pki';
import { expect, test } from './fixtures';

/**
 * "Kiểm tra hồ sơ" without a bundle engineer's help: the trust-anchor section (import PEM and DER CAs and a
 * CRL, refuse a leaf and garbage, remove with a keyboard-confirmed question) and the verdict for a file
 * that is not a bundle. The full VALID/INVALID path with a real bundle is in submission.spec.ts.
 */
test.afterEach(async ({ context }) => {
  await context.close();
});

const fp = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
const serious = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);

test('trust anchors: import PEM/DER CA and CRL, refuse a leaf and garbage, remove; a non-bundle is INVALID (E_NOT_ZIP)', async ({ page, app }) => {
  test.setTimeout(120_000);
  const pki = await createTestPki();
  await app.open(page);
  await page.getByRole('navigation', { name: 'Chức năng chung' }).getByRole('link', { name: 'Kiểm tra hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Kiểm tra hồ sơ nộp', level: 1 })).toBeVisible();
  await expect(page.getByText('Chưa có chứng thư gốc tin cậy nào')).toBeVisible();
  expect(await serious(page)).toEqual([]);

  const input = page.getByLabel('Thêm chứng thư gốc (PEM/DER) hoặc CRL');
  const note = page.getByTestId('trust-note');
  const rows = page.getByTestId('trust-list').locator('tbody tr');

  // A leaf certificate is not a CA: refused with the backend's message, nothing listed.
  await input.setInputFiles(pki.leaf.pemFile);
  await expect(page.getByRole('alert')).toContainText('không phải chứng thư của tổ chức chứng thực (CA)');
  await input.setInputFiles({ name: 'rac.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from('không phải chứng thư') });
  await expect(page.getByRole('alert')).toContainText('không phải chứng thư số (PEM/DER) hoặc danh sách thu hồi (CRL) đọc được');
  await expect(page.getByTestId('trust-list')).toHaveCount(0);

  // PEM root, DER issuing CA, PEM CRLs.
  await input.setInputFiles(pki.caFile);
  await expect(note).toHaveText('Đã thêm: CCHC Test Root CA');
  await input.setInputFiles({ name: 'issuing.cer', mimeType: 'application/pkix-cert', buffer: Buffer.from(pki.intermediate.der) });
  await expect(note).toHaveText('Đã thêm: CCHC Test Issuing CA');
  await input.setInputFiles(pki.crlFile);
  await expect(rows).toHaveCount(4);
  const rootRow = page.locator(`tr[data-fingerprint="${fp(pki.root.der)}"]`);
  await expect(rootRow).toContainText('Chứng thư gốc');
  await expect(rootRow).toContainText('CN=CCHC Test Root CA, O=Test PKI, C=VN');
  await expect(rootRow.locator('td.fingerprint')).toHaveText(fp(pki.root.der).toUpperCase().match(/.{2}/g)!.join(':'));
  await expect(rows.filter({ hasText: 'Danh sách thu hồi (CRL)' })).toHaveCount(2);
  expect(await serious(page)).toEqual([]);

  // Remove the issuing CA with the keyboard: the question takes focus; Enter confirms.
  await page.getByRole('button', { name: 'Bỏ chứng thư gốc CCHC Test Issuing CA' }).press('Enter');
  const confirm = page.getByRole('button', { name: 'Bỏ khỏi danh sách' });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(note).toHaveText('Đã bỏ: CCHC Test Issuing CA');
  await expect(rows).toHaveCount(3);
  await expect(page.locator(`tr[data-fingerprint="${fp(pki.intermediate.der)}"]`)).toHaveCount(0);
  // "Giữ lại" keeps it.
  await page.getByRole('button', { name: 'Bỏ chứng thư gốc CCHC Test Root CA' }).click();
  await page.getByRole('button', { name: 'Giữ lại' }).click();
  await expect(rows).toHaveCount(3);

  // What the backend lists is what the page shows (and survives a reload).
  const listed = await app.backend.call('trust.list', {});
  expect(listed.ok && (listed.value as Array<{ fingerprint: string }>).map((e) => e.fingerprint)).toContain(fp(pki.root.der));
  await page.reload();
  await expect(rows).toHaveCount(3);

  // A file that is not a bundle.
  await page.getByLabel('Hồ sơ cần kiểm tra (.asice)').setInputFiles({ name: 'khong-phai.asice', mimeType: 'application/octet-stream', buffer: Buffer.from('đây không phải tệp zip') });
  const verdict = page.getByTestId('verify-verdict');
  await expect(verdict).toHaveAttribute('data-status', 'INVALID', { timeout: 60_000 });
  await expect(verdict).toHaveAttribute('data-code', 'E_NOT_ZIP');
  await expect(verdict).toContainText('KHÔNG HỢP LỆ');
  await expect(verdict).toContainText(BUNDLE_CODES.E_NOT_ZIP.vi);
  await expect(page.getByText('Tệp: khong-phai.asice')).toBeVisible();

  // English UI: the same verdict and explanation in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(verdict).toContainText('INVALID');
  await expect(verdict).toContainText(BUNDLE_CODES.E_NOT_ZIP.en);
  await expect(page.getByRole('heading', { name: 'Trust anchors' })).toBeVisible();
  expect(await serious(page)).toEqual([]);
});
