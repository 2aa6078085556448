import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { TestBackend } from '../helpers/backend';
import { AGENCY_NAME, createTestPki, issue, makeP12, VI_PASSWORD } from '../helpers/pki';
import { fillFromExample } from '../backend/bundle/stored-assessment';
import { encodePng, sealPng, signaturePng } from '../backend/pades/fixtures';
import { nssDbTrusting, pdfsig } from '../backend/pades/tools';
import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';

/**
 * Issue 15 in the browser: the unit profile takes the head's signature and the seal (a PNG without
 * transparency is refused and nothing is stored), the preview shows the ND 30 signature block with the seal
 * over the left third of the signature; the report page exports the report signed by a .p12 chosen as in the
 * submission wizard, and pdfsig finds the signature valid over the whole document.
 */

test.afterEach(async ({ context }) => {
  await context.close();
});

test('unit profile images with preview → "Xuất báo cáo PDF có ký số" → pdfsig valid', async ({ page, app }) => {
  test.setTimeout(180_000);
  const pki = await createTestPki();
  // The harness's clock is 10/12/2025: a signer valid around it.
  const leaf = await issue(pki.dir, 'e2e-signer', pki.intermediate, {
    subject: `CN=Nguyễn Văn An, O=${AGENCY_NAME}, C=VN`,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z'),
  });
  const p12 = makeP12(pki.dir, 'e2e-signer', leaf, [pki.intermediate, pki.root], VI_PASSWORD, false);
  const a = await fillFromExample(app.backend as unknown as TestBackend);

  await app.open(page);
  const card = page.getByTestId('signature-images');
  await expect(card.getByRole('heading', { name: 'Chữ ký số hiển thị: ảnh chữ ký và con dấu' })).toBeVisible();
  // Without images, the text appearance.
  await expect(page.getByTestId('signature-preview')).toContainText('Ký bởi: Phạm Văn Đông');

  // A PNG without transparency is refused with its reason; nothing is stored.
  await page.getByTestId('upload-signature').setInputFiles({ name: 'chu-ky-nen-trang.png', mimeType: 'image/png', buffer: encodePng(60, 30, () => [20, 40, 200, 255], 2) });
  await expect(card.getByRole('alert')).toContainText('Ảnh chữ ký không có nền trong suốt (PNG cần kênh alpha).');
  await expect(page.getByTestId('image-signature-status')).toHaveText('Chưa có');

  await page.getByTestId('upload-signature').setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: signaturePng() });
  await expect(page.getByTestId('image-signature-status')).toHaveText(/^300 × 120 điểm ảnh, /);
  await page.getByLabel('Độ rộng thật của con dấu (mm)').fill('40');
  await page.getByTestId('upload-seal').setInputFiles({ name: 'con-dau.png', mimeType: 'image/png', buffer: sealPng() });
  await expect(page.getByTestId('image-seal-status')).toHaveText(/^240 × 240 điểm ảnh, /);
  await expect(page.getByTestId('signature-images-status')).toHaveText('Đã lưu ảnh con dấu của đơn vị.');

  // The preview: the seal at 40 mm (4/3 px per pt), its right edge one third into the signature image.
  const sig = (await page.getByTestId('preview-signature').boundingBox())!;
  const seal = (await page.getByTestId('preview-seal').boundingBox())!;
  expect(Math.abs(seal.width - (40 * 72) / 25.4 * (96 / 72))).toBeLessThan(1);
  expect(Math.abs(seal.x + seal.width - (sig.x + sig.width / 3))).toBeLessThan(1);
  expect(Math.abs(seal.y + seal.height / 2 - (sig.y + sig.height / 2))).toBeLessThan(1);
  await page.getByTestId('signature-preview').screenshot({ path: join('test-results', 'e2e', 'signature-preview.png') });
  await card.screenshot({ path: join('test-results', 'e2e', 'signature-images-card.png') });
  expect(await seriousA11y(page)).toEqual([]);

  // The report page: choose the key as in the submission wizard, confirm, sign, download.
  await page.goto(`${page.url().split('#')[0]}#/a/${a.id}/report`);
  const signed = page.getByTestId('signed-pdf-export');
  await signed.getByRole('button', { name: 'Xuất báo cáo PDF có ký số' }).click();
  await signed.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(p12);
  await signed.getByLabel('Mật khẩu của tệp chứng thư số').fill(VI_PASSWORD);
  await signed.getByRole('button', { name: 'Mở khóa ký' }).click();
  await expect(page.getByTestId('signed-pdf-signer')).toContainText('CN=Nguyễn Văn An');
  expect(await seriousA11y(page)).toEqual([]);
  const downloading = page.waitForEvent('download');
  await signed.getByRole('button', { name: 'Ký và lưu báo cáo' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('STP-HP_2025_bao-cao-tu-danh-gia_ky-so.pdf');
  await expect(page.getByTestId('signed-pdf-status')).toHaveText(/^Đã lưu báo cáo có ký số STP-HP_2025_bao-cao-tu-danh-gia_ky-so\.pdf \(/);
  const pdf = readFileSync(await download.path());
  expect(pdfsig(pdf, nssDbTrusting(pki.caFile))).toEqual([
    { validation: 'Signature is Valid.', certificate: 'Certificate is Trusted.', total: true, subFilter: 'ETSI.CAdES.detached' },
  ]);
  // the appearance carries both profile images (each with its alpha mask)
  const update = pdf.subarray(pdf.indexOf('%%EOF') + 6).toString('latin1');
  expect(update.match(/\/Subtype\s*\/Image/g)).toHaveLength(4);
});
