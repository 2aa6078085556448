import 'reflect-metadata';

import { createHash, webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as x509 from '@peculiar/x509';

import { BUNDLE_CODES } from '../../shared/domain/bundle-codes';
import type { BundleCode } from '../../shared/domain/bundle-codes';
import type { TestBackend } from '../helpers/backend';
import { AGENCY_NAME, makeP12, VI_PASSWORD } from '../helpers/pki';
import type { TestCert } from '../helpers/pki';
import { fillFromExample } from '../backend/bundle/stored-assessment';
import { expect, test } from './fixtures';
import { seriousA11y as seriousViolations } from './helpers';
import type { AppHarness } from './fixtures';

/**
 * The whole "Xuất hồ sơ nộp" flow through the real web host: wizard → .p12 upload → wrong then right
 * password → signer → export → VALID → download ("PK") → dashboard locked; then "Kiểm tra hồ sơ": import
 * the CA through the UI, verify the downloaded bundle (VALID) and a copy with one flipped byte (INVALID).
 * The fixture's clock is 10/12/2025, so the PKI gets fixed dates around it (valid 2025-01-01 → 2030-01-01).
 */
const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const pem = (der: ArrayBuffer, label: string) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

const certFile = async (dir: string, name: string, cert: x509.X509Certificate, keys: CryptoKeyPair): Promise<TestCert> => {
  const pkcs8Pem = pem(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  const c: TestCert = { der: new Uint8Array(cert.rawData), pem: pem(cert.rawData, 'CERTIFICATE'), keys, pkcs8Pem, pemFile: join(dir, `${name}.pem`), keyFile: join(dir, `${name}.key`) };
  writeFileSync(c.pemFile, c.pem);
  writeFileSync(c.keyFile, pkcs8Pem, { mode: 0o600 });
  return c;
};

const newKeys = async () => (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
const caExtensions = async (keys: CryptoKeyPair, pathLen?: number) => [
  new x509.BasicConstraintsExtension(true, pathLen, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
];
const crlOf = async (issuer: x509.X509Certificate, keys: CryptoKeyPair, serial: string) =>
  (
    await x509.X509CrlGenerator.create({
      issuer: issuer.subject,
      thisUpdate: new Date(Date.now() - 86_400_000),
      nextUpdate: new Date(Date.now() + 30 * 86_400_000),
      entries: [{ serialNumber: serial, revocationDate: new Date('2025-06-01T00:00:00Z'), reason: x509.X509CrlReason.superseded }],
      signingAlgorithm: RSA,
      signingKey: keys.privateKey,
    })
  ).rawData;

/** Root → issuing CA → signer, as Vietnamese CAs issue them; CRLs of both CAs (revoking unrelated serials). */
const makePki = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-pki-'));
  const rootKeys = await newKeys();
  const rootCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0a01',
    name: 'CN=CA gốc Thử nghiệm, O=Test PKI, C=VN',
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
    signingAlgorithm: RSA,
    keys: rootKeys,
    extensions: await caExtensions(rootKeys),
  });
  const root = await certFile(dir, 'root', rootCert, rootKeys);
  const caKeys = await newKeys();
  const caCert = await x509.X509CertificateGenerator.create({
    serialNumber: '0a02',
    subject: 'CN=CA cấp dưới Thử nghiệm, O=Test PKI, C=VN',
    issuer: rootCert.subject,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    signingAlgorithm: RSA,
    publicKey: caKeys.publicKey,
    signingKey: rootKeys.privateKey,
    extensions: [...(await caExtensions(caKeys, 0)), await x509.AuthorityKeyIdentifierExtension.create(rootCert)],
  });
  const ca = await certFile(dir, 'ca', caCert, caKeys);
  const leafKeys = await newKeys();
  const leafCert = await x509.X509CertificateGenerator.create({
    serialNumber: '0b02',
    subject: `CN=Nguyễn Văn An, O=${AGENCY_NAME}, C=VN`,
    issuer: caCert.subject,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z'),
    signingAlgorithm: RSA,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  const leaf = await certFile(dir, 'leaf', leafCert, leafKeys);
  // Current CRLs make the verdict VALID rather than "revocation unknown" (W_REVOCATION_UNKNOWN).
  const crlFile = join(dir, 'crls.pem');
  writeFileSync(crlFile, pem(await crlOf(rootCert, rootKeys, 'ff01'), 'X509 CRL') + pem(await crlOf(caCert, caKeys, 'ff02'), 'X509 CRL'));
  const caFile = join(dir, 'ca-goc-thu-nghiem.pem');
  writeFileSync(caFile, root.pem);
  const p12 = makeP12(dir, 'chu-ky', leaf, [ca, root], VI_PASSWORD, false);
  return { dir, caFile, crlFile, p12, root, leaf };
};

test.afterEach(async ({ context }) => {
  await context.close();
});


const importCrlThroughBackend = async (app: AppHarness, file: string) => {
  const up = app.backend.ctx.uploads.register(file, 'crls.pem', readFileSync(file).length);
  const r = await app.backend.call('trust.import', { uploadId: up.id });
  if (!r.ok) throw new Error(r.error.message);
};

test('Xuất hồ sơ nộp → download → locked; Kiểm tra hồ sơ: VALID, then INVALID after one flipped byte', async ({ page, app }) => {
  test.setTimeout(180_000);
  const pki = await makePki();
  // fillFromExample needs only ctx and call(): the harness backend has both.
  const a = await fillFromExample(app.backend as unknown as TestBackend);
  await importCrlThroughBackend(app, pki.crlFile);

  await app.open(page);
  await page.goto(`${page.url().split('#')[0]}#/a/${a.id}/submit`);
  await expect(page.getByRole('heading', { name: 'Xuất hồ sơ nộp', level: 1 })).toBeVisible();

  // 1. Preflight passes.
  await expect(page.getByTestId('submit-preflight')).toHaveText('Không còn lỗi phải sửa. Có thể ký và xuất hồ sơ.', { timeout: 20_000 });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  // 2. Key: .p12 upload + wrong password → the backend's message, field emptied, nothing retried.
  await expect(page.getByRole('heading', { name: 'Bước 2/5: Chọn khóa ký' })).toBeFocused();
  await page.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(pki.p12);
  const password = page.getByLabel('Mật khẩu của tệp chứng thư số');
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveAttribute('autocomplete', 'off');
  await password.fill('sai-mật-khẩu');
  await page.getByRole('button', { name: 'Mở khóa ký' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Mật khẩu của tệp chứng thư số \(\.p12\/\.pfx\) không đúng\./);
  await expect(password).toHaveValue('');
  await expect(password).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await password.fill(VI_PASSWORD);
  await page.keyboard.press('Enter');

  // 3. Signer details: the person by name and organisation (not a raw DN); the lock said before signing.
  const signer = page.getByTestId('submit-signer');
  const person = page.getByTestId('submit-signer-person');
  await expect(person).toContainText('Họ và tênNguyễn Văn An');
  await expect(person).toContainText(`Cơ quan, đơn vị${AGENCY_NAME}`);
  await expect(person).toContainText('Tổ chức cấpCA cấp dưới Thử nghiệm');
  await expect(person).not.toContainText('CN=');
  await expect(page.getByTestId('submit-will-lock')).toContainText('Sau khi ký, bản tự đánh giá sẽ bị khóa');
  await expect(page.getByTestId('submit-will-lock')).toContainText('lần nộp 1 được khóa: mọi trang chỉ để xem');
  await signer.getByText('Thông tin kỹ thuật của chứng thư').click();
  await expect(signer).toContainText('CN=Nguyễn Văn An');
  await expect(signer).toContainText('CN=CA cấp dưới Thử nghiệm');
  await expect(signer).toContainText('từ 01/01/2025 đến 01/01/2030');
  const leafFp = createHash('sha256').update(pki.leaf.der).digest('hex');
  await expect(signer.locator('dd.fingerprint')).toHaveAttribute('data-fingerprint', leafFp);
  await expect(signer.locator('dd.fingerprint')).toHaveText(leafFp.toUpperCase().match(/.{2}/g)!.join(':'));
  await expect(page.getByTestId('submit-refused')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // 4–5. Export with progress → the built-in verification → download.
  await page.getByRole('button', { name: 'Ký và xuất hồ sơ' }).click();
  const verdict = page.getByTestId('submit-verdict');
  await expect(verdict).toBeVisible({ timeout: 90_000 });
  // No trust anchor on this unit yet: the re-check says so plainly (the same words as "Kiểm tra hồ sơ" below).
  await expect(verdict).toHaveAttribute('data-status', 'VALID_WITH_WARNINGS');
  await expect(verdict).toContainText('HỢP LỆ (CÓ CẢNH BÁO)');
  await expect(verdict).toContainText('Chưa cấu hình chứng thư gốc tin cậy — không xác định được người ký có được tin cậy.');
  await expect(page.getByTestId('submit-warnings').locator('li')).toHaveText([BUNDLE_CODES.W_TRUST_NOT_CONFIGURED.vi]);
  const wizardVerdict = { status: await verdict.getAttribute('data-status'), code: await verdict.getAttribute('data-code'), text: await verdict.innerText() };
  const file = page.getByTestId('submit-file');
  await expect(file).toContainText(/STP-HP_2025_.*\.asice/);
  await expect(file).toContainText(/[0-9a-f]{64}/);
  expect(await seriousViolations(page)).toEqual([]);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Tải hồ sơ về máy/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^STP-HP_2025_.*\.asice$/);
  const bundle = readFileSync(await download.path());
  expect(bundle.subarray(0, 2).toString('latin1')).toBe('PK');
  const shown = (await file.locator('dd.fingerprint').textContent()) ?? '';
  expect(shown).toBe(createHash('sha256').update(bundle).digest('hex'));

  // 6. Locked: said here, and on the dashboard.
  await expect(page.getByTestId('submit-locked')).toContainText('Lần nộp 1 đã được khóa');
  await page.getByRole('link', { name: 'Về trang Tổng quan' }).click();
  await expect(page.getByText('Bản tự đánh giá đã khóa vì đã xuất hồ sơ nộp (lần 1). Mọi trang chỉ để xem.')).toBeVisible();

  // Kiểm tra hồ sơ, still without a trust anchor: the same verdict, code and words as the wizard.
  await page.goto(`${page.url().split('#')[0]}#/verify`);
  await expect(page.getByRole('heading', { name: 'Kiểm tra hồ sơ nộp', level: 1 })).toBeVisible();
  const bundleInput = page.getByLabel('Hồ sơ cần kiểm tra (.asice)');
  await bundleInput.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.etsi.asic-e+zip', buffer: bundle });
  const v = page.getByTestId('verify-verdict');
  await expect(v).toHaveAttribute('data-status', 'VALID_WITH_WARNINGS', { timeout: 60_000 });
  expect({ status: await v.getAttribute('data-status'), code: await v.getAttribute('data-code'), text: await v.innerText() }).toEqual(wizardVerdict);
  await expect(page.getByTestId('verify-warnings').locator('li')).toHaveText([BUNDLE_CODES.W_TRUST_NOT_CONFIGURED.vi]);
  expect(await seriousViolations(page)).toEqual([]);

  // The CA imported through the UI, beside the CRL imported in the setup: now VALID.
  await page.getByLabel('Thêm chứng thư gốc (PEM/DER) hoặc CRL').setInputFiles(pki.caFile);
  await expect(page.getByTestId('trust-note')).toHaveText('Đã thêm: CA gốc Thử nghiệm');
  const rootFp = createHash('sha256').update(pki.root.der).digest('hex');
  await expect(page.getByTestId('trust-list').locator(`tr[data-fingerprint="${rootFp}"]`)).toContainText('Chứng thư gốc');
  await expect(page.getByTestId('trust-list').locator('tbody tr')).toHaveCount(3);

  await bundleInput.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.etsi.asic-e+zip', buffer: bundle });
  await expect(v).toHaveAttribute('data-status', 'VALID', { timeout: 60_000 });
  await expect(v).toContainText(BUNDLE_CODES.OK.vi);
  await expect(page.getByTestId('verify-signer')).toContainText('CN=Nguyễn Văn An');
  await expect(page.getByTestId('verify-signer-person')).toContainText('Họ và tênNguyễn Văn An');
  await expect(page.getByTestId('verify-submission')).toContainText('STP-HP');
  await expect(page.getByTestId('verify-submission')).toContainText('hp-2025-so');
  await expect(page.getByTestId('verify-files')).toContainText('submission.json');
  await expect(page.getByTestId('verify-files')).toContainText('ke-hoach-cchc-2025.pdf');
  expect(await seriousViolations(page)).toEqual([]);

  // One flipped byte inside a stored evidence file → INVALID with its code and explanation.
  const evidence = readFileSync(join(process.cwd(), 'resources', 'examples', 'evidence', 'ke-hoach-cchc-2025.pdf'));
  const at = bundle.indexOf(evidence.subarray(0, 64));
  expect(at).toBeGreaterThan(0);
  const tampered = Buffer.from(bundle);
  const pos = at + Math.floor(evidence.length / 2);
  tampered[pos] = tampered[pos]! ^ 0x01;
  await bundleInput.setInputFiles({ name: 'ho-so-bi-sua.asice', mimeType: 'application/vnd.etsi.asic-e+zip', buffer: tampered });
  await expect(v).toHaveAttribute('data-status', 'INVALID', { timeout: 60_000 });
  const code = (await v.getAttribute('data-code')) as BundleCode;
  expect(code).toBe('E_DIGEST_MISMATCH');
  await expect(v).toContainText('KHÔNG HỢP LỆ');
  await expect(v).toContainText(BUNDLE_CODES[code].vi);
  await expect(v).toContainText(`Mã kết quả: ${code}`);
});

/** Exports the current revision through the backend (the wizard itself is covered above). */
const exportThroughBackend = async (app: AppHarness, assessmentId: string, p12: string) => {
  const up = app.backend.ctx.uploads.register(p12, 'chu-ky.p12', readFileSync(p12).length);
  const pv = await app.backend.call('signing.chooseKey', { source: { kind: 'p12', password: VI_PASSWORD, uploadId: up.id } });
  if (!pv.ok) throw new Error(pv.error.message);
  const started = await app.backend.call('submission.export', { assessmentId, keyId: (pv.value as { keyId: string }).keyId, password: VI_PASSWORD });
  if (!started.ok) throw new Error(started.error.message);
  const job = await app.backend.ctx.jobs.wait((started.value as { id: string }).id);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.error?.message ?? ''}`);
  return job.result as { sha256: string; revision: number };
};

test('submission history: after a new revision, the earlier bundle stays listed and downloads again', async ({ page, app }) => {
  test.setTimeout(180_000);
  const pki = await makePki();
  const a = await fillFromExample(app.backend as unknown as TestBackend);
  const first = await exportThroughBackend(app, a.id, pki.p12);
  const reopened = await app.backend.call('assessments.newRevision', { assessmentId: a.id });
  if (!reopened.ok) throw new Error(reopened.error.message);
  const second = await exportThroughBackend(app, a.id, pki.p12);
  expect([first.revision, second.revision]).toEqual([1, 2]);

  await app.open(page);
  await page.goto(`${page.url().split('#')[0]}#/a/${a.id}`);
  const history = page.getByTestId('submission-history');
  await expect(history.getByRole('heading', { name: 'Hồ sơ nộp đã xuất' })).toBeVisible();
  const rows = history.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Lần 1');
  await expect(rows.nth(0)).toContainText('Nguyễn Văn An');
  await expect(rows.nth(0)).toContainText(/STP-HP_2025_.*\.asice/);
  await expect(rows.nth(1)).toContainText('Lần 2');
  expect(await seriousViolations(page)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await history.getByRole('button', { name: 'Tải hồ sơ lần 1' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/STP-HP_2025_.*\.asice$/);
  const bytes = readFileSync(await download.path());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.sha256);
  expect(first.sha256).not.toBe(second.sha256);
});
