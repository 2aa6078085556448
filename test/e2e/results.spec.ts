import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Download } from '@playwright/test';

import type { Job } from '../../shared/schemas/job';
import type { InboxImportResult } from '../../shared/ipc/channels/inbox';
import { loadTrustStore } from '../../electron/backend/services/bundle/verify/trust';
import { verifyPackage } from '../../electron/backend/services/bundle/verify/verify-bundle';
import type { Backend } from '../../electron/backend/backend';
import { ASCII_PASSWORD, createTestPki } from '../helpers/pki';
import { makeBundle, registerUnit, trustTestPki } from '../backend/inbox/make-bundle';
import { installOfficialSets, roundInput, SNV } from '../backend/round/fixtures';
import { expect, test } from './fixtures';
import { answerNextDialog, seriousA11y } from './helpers';

// See export.spec.ts: close the browser context first so the web host can close at once.
test.afterEach(async ({ context }) => {
  await context.close();
});

const ok = async <T>(b: Backend, channel: Parameters<Backend['call']>[0], input: unknown): Promise<T> => {
  const r = await b.call(channel, input as never);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

/** Imports a bundle as the inbox page would (an upload, then the 'inbox.import' job). */
const receive = async (b: Backend, file: string): Promise<string> => {
  const up = b.ctx.uploads.register(file, 'ho-so.asice', statSync(file).size);
  const started = await ok<Job>(b, 'inbox.import', { uploadId: up.id });
  const job = await b.ctx.jobs.wait(started.id);
  if (job.error) throw new Error(job.error.message);
  return (job.result as InboxImportResult).importId;
};

test('appraisal results through the UI: a changed score is refused without its reason, one unit then a whole block is signed and downloaded, "cần gửi lại" after an edit; vi and en', async ({ page, app }) => {
  test.setTimeout(240_000);
  const pki = await createTestPki();
  // The test PKI (test/helpers/pki.ts) is issued around the real clock, the harness's is fixed in 2025-12: signing
  // and the self-check must see a valid certificate, so this backend keeps the real time.
  app.backend.ctx.now = () => new Date();
  trustTestPki(app.dataDir, pki);
  await ok(app.backend, 'unit.save', SNV);
  installOfficialSets(app.backend);
  // The round's units come from the year's register: register first, then save the round.
  registerUnit(app.backend, { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' }, [pki.leaf]);
  registerUnit(app.backend, { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' }, [pki.leaf]);
  await ok(app.backend, 'round.save', roundInput());
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-results-'));
  await receive(app.backend, await makeBundle(app.backend, pki, join(dir, 'hai-an.asice'), { unit: { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' }, submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000f1' }));
  const dhImport = await receive(app.backend, await makeBundle(app.backend, pki, join(dir, 'du-hang.asice'), { unit: { code: 'P-DH', name: 'UBND phường Dư Hàng', type: 'PHUONG' }, submissionId: '0190a1b2-c3d4-7e5f-8a9b-0000000000f2' }));

  const signWithKey = async () => {
    await page.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(pki.p12.modernAscii);
    await page.getByLabel('Mật khẩu của tệp chứng thư số').fill(ASCII_PASSWORD);
    await page.getByRole('button', { name: 'Mở khóa ký' }).click();
  };
  const verified = async (d: Download) => {
    const v = await verifyPackage(await d.path(), { trust: loadTrustStore(join(app.dataDir, 'trust')), expectKind: 'appraisal-result' });
    return [v.result.kind, v.result.status, v.result.warnings.map((w) => w.code)];
  };

  await app.open(page);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.getByRole('tab', { name: 'Phường (2)' }).click();
  await page.getByRole('link', { name: 'UBND phường Dư Hàng' }).click();
  await expect(page.getByRole('heading', { name: /UBND phường Dư Hàng — năm 2025/ })).toBeVisible();
  const panel = page.getByTestId('result-panel');
  await expect(panel.getByTestId('result-sent')).toHaveText('Chưa gửi kết quả thẩm định cho đơn vị.');
  await expect(panel).toContainText('Thời hạn giải trình: từ 05/01/2026 đến 15/01/2026.');
  await expect(panel).toContainText('xếp hạng tạm thời 1/2 · 0 tiêu chí đổi điểm');

  // 1.2 (max 1, self 0,75) → 0 without a reason: the reason field becomes required, saving is blocked and says why.
  const row = page.getByTestId('node-row-1.2');
  await page.getByLabel('Điểm thẩm định tiêu chí 1.2').fill('0');
  const reason = page.getByLabel('Ý kiến thẩm định tiêu chí 1.2 — lý do đổi điểm (bắt buộc)');
  await expect(reason).toHaveAttribute('aria-required', 'true');
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(row.getByRole('alert')).toHaveText('Điểm thẩm định khác điểm tự chấm: hãy ghi lý do vào ý kiến thẩm định tiêu chí 1.2 rồi lưu. Chưa lưu.');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(row.getByTestId('appraised')).toHaveText('0,75');
  expect((app.backend.ctx.db.prepare('SELECT COUNT(*) AS n FROM appraisal').get() as { n: number }).n).toBe(0);
  expect(await seriousA11y(page)).toEqual([]);
  await reason.fill('Báo cáo quý III gửi chậm');
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('appraisal-status')).toHaveText('Đã lưu điểm thẩm định tiêu chí 1.2.');
  await expect(row.getByTestId('appraised')).toHaveText('0');
  await expect(panel).toContainText('xếp hạng tạm thời 2/2 · 1 tiêu chí đổi điểm');

  // One unit: key, job, download, self-verified package, recorded.
  await panel.getByRole('button', { name: 'Ký số và xuất kết quả thẩm định' }).click();
  const one = page.waitForEvent('download');
  await signWithKey();
  const d1 = await one;
  expect(d1.suggestedFilename()).toBe('P-DH_KetQuaThamDinh_2025_r1.asice');
  expect(await verified(d1)).toEqual(['appraisal-result', 'VALID_WITH_WARNINGS', ['W_SIGNER_NOT_REGISTERED']]);
  await expect(panel.getByTestId('results-note')).toHaveText('Đã xuất P-DH_KetQuaThamDinh_2025_r1.asice.');
  await expect(panel.getByTestId('result-sent')).toHaveText(/^Đã gửi kết quả thẩm định lần 1 lúc .+\.$/);
  const issued = app.backend.ctx.db.prepare('SELECT import_id AS i, revision AS r, package_sha256 AS s FROM issued_result').all();
  expect(issued).toEqual([{ i: dhImport, r: 1, s: createHash('sha256').update(readFileSync(await d1.path())).digest('hex') }]);

  // An edit after sending: "cần gửi lại".
  await page.getByLabel('Điểm thẩm định tiêu chí 1.2').fill('0,25');
  await page.getByLabel(/Ý kiến thẩm định tiêu chí 1\.2/).fill('Có báo cáo quý III nhưng gửi chậm');
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(row.getByTestId('appraised')).toHaveText('0,25');
  await expect(panel.getByTestId('result-sent')).toContainText('Thẩm định đã thay đổi sau khi gửi — cần gửi lại.');
  expect(await seriousA11y(page)).toEqual([]);

  // English: the same panel and the same refusal in the other language.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(panel.getByTestId('result-sent')).toContainText('The appraisal changed after it was sent — send it again.');
  await page.getByLabel('Appraised points for 1.1.1').fill('0');
  await page.getByTestId('node-row-1.1.1').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('node-row-1.1.1').getByRole('alert')).toHaveText('The appraised points differ from the self score: write the reason in the comment for 1.1.1, then save. Not saved.');
  await expect(page.getByLabel('Appraiser comment for 1.1.1 — reason for the change (required)')).toHaveAttribute('aria-required', 'true');
  expect(await seriousA11y(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // The list shows who was sent what; the whole block is one job, each package its own download. The refused 0
  // is still typed in 1.1.1: leaving asks first (in the language shown), and is accepted here.
  const asked = answerNextDialog(page, 'accept');
  await page.getByRole('link', { name: '← Danh sách hồ sơ' }).click();
  await expect.poll(() => asked).toEqual(['Thẩm định tiêu chí 1.1.1 có thay đổi chưa lưu. Rời trang thì các thay đổi này sẽ mất. Vẫn rời trang?']);
  await page.getByRole('tab', { name: 'Phường (2)' }).click();
  await expect(page.getByTestId('ranking-row-P-DH').getByTestId('result-sent')).toHaveText(/^Đã gửi KQ lần 1 \(\d{2}\/\d{2}\/\d{4}\) · cần gửi lại$/);
  await expect(page.getByTestId('ranking-row-P-HA').getByTestId('result-sent')).toHaveCount(0);
  await page.getByRole('button', { name: 'Ký số và xuất kết quả thẩm định cả khối Phường (2 đơn vị)' }).click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await signWithKey();
  await expect(page.getByTestId('results-block-note')).toHaveText('Đã xuất 2 gói kết quả thẩm định.', { timeout: 90_000 });
  await expect.poll(() => downloads.map((d) => d.suggestedFilename())).toEqual(['P-DH_KetQuaThamDinh_2025_r2.asice', 'P-HA_KetQuaThamDinh_2025_r1.asice']);
  for (const d of downloads) expect(await verified(d)).toEqual(['appraisal-result', 'VALID_WITH_WARNINGS', ['W_SIGNER_NOT_REGISTERED']]);
  await expect(page.getByTestId('ranking-row-P-DH').getByTestId('result-sent')).toHaveText(/^Đã gửi KQ lần 2 \(\d{2}\/\d{2}\/\d{4}\)$/);
  await expect(page.getByTestId('ranking-row-P-HA').getByTestId('result-sent')).toHaveText(/^Đã gửi KQ lần 1 \(\d{2}\/\d{2}\/\d{4}\)$/);
  expect(await seriousA11y(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('ranking-row-P-HA').getByTestId('result-sent')).toHaveText(/^Result r1 sent \(\d{2}\/\d{2}\/\d{4}\)$/);
  await expect(page.getByRole('button', { name: 'Sign and export the appraisal results of the whole Wards block (2 units)' })).toBeVisible();
  expect(await seriousA11y(page)).toEqual([]);
});
