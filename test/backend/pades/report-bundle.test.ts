import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { SubmissionExportResult } from '../../../shared/ipc/channels/submission';
import type { ChosenKey } from '../../../shared/ipc/channels/signing';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { Job } from '../../../shared/schemas/job';
import { addCrlFiles, loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki, VI_PASSWORD } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { fillFromExample } from '../bundle/stored-assessment';
import { expectValidPades } from './checks';
import { sealPng, signaturePng } from './fixtures';
import { isBlue, isRed, nssDbTrusting, pdftotext, pixelBox, renderPage } from './tools';

/**
 * The bundle the app exports carries report.pdf signed as a PDF (PAdES baseline B-B) by the bundle's
 * signer, with the unit profile's images: Sở Nội vụ's PDF tools see the signature, and the bundle, whose
 * manifest covers the signed bytes, still verifies.
 */

let pki: TestPki;
let nssDir: string;
let b: TestBackend | undefined;
beforeAll(async () => {
  pki = await createTestPki();
  nssDir = nssDbTrusting(pki.caFile);
}, 60_000);
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const upload = (t: TestBackend, name: string, data: Buffer): string => {
  const path = join(makeTempDir('cchc-img-'), name);
  writeFileSync(path, data);
  return t.ctx.uploads.register(path, name, data.length).id;
};

/** Exports the bundle through the channels (key preview, then the export job) and returns report.pdf from it. */
const exportBundle = async (t: TestBackend, a: Assessment): Promise<{ bundle: string; report: Buffer; result: SubmissionExportResult }> => {
  t.host.nextPicks.push([pki.p12.modernVi]);
  const preview = await callOk<ChosenKey>(t, 'signing.chooseKey', { source: { kind: 'p12', password: VI_PASSWORD } });
  const bundle = join(makeTempDir('cchc-pades-bundle-'), 'STP-HP_2025.asice');
  t.host.nextSaveTargets.push(bundle);
  const job = await t.ctx.jobs.wait((await callOk<Job>(t, 'submission.export', { assessmentId: a.id, keyId: preview.keyId, password: VI_PASSWORD })).id);
  expect(job.error).toBeUndefined();
  expect(job.state).toBe('done');
  const x = makeTempDir('cchc-pades-x-');
  execFileSync('unzip', ['-q', bundle, 'report.pdf', '-d', x]);
  return { bundle, report: readFileSync(join(x, 'report.pdf')), result: job.result as SubmissionExportResult };
};

/** The report as pdfmake wrote it: everything up to the first end-of-file marker (the signature is an update after it). */
const unsignedPart = (pdf: Buffer): Buffer => {
  const end = pdf.indexOf('%%EOF') + '%%EOF'.length;
  return pdf.subarray(0, pdf[end] === 0x0d && pdf[end + 1] === 0x0a ? end + 2 : pdf[end] === 0x0a || pdf[end] === 0x0d ? end + 1 : end);
};

const pageCount = (pdf: Buffer): number => {
  const file = join(makeTempDir('cchc-pages-'), 'r.pdf');
  writeFileSync(file, pdf);
  return Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
};

describe('report.pdf in the exported bundle is PAdES-signed by the bundle signer', () => {
  it('with the profile images: pdfsig valid and whole document, openssl verifies, text unchanged, images on the signature page, bundle verifies', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    await callOk(b, 'unit.setSignatureImage', { kind: 'signature', uploadId: upload(b, 'chu-ky.png', signaturePng()) });
    await callOk(b, 'unit.setSignatureImage', { kind: 'seal', uploadId: upload(b, 'con-dau.png', sealPng()), widthMm: 36 });
    const { bundle, report, result } = await exportBundle(b, a);
    expect(result.status).toBe('VALID_WITH_WARNINGS'); // the export's own self-check (signer's root, no CRL)

    const original = unsignedPart(report);
    expect(pdftotext(original)).toContain('BÁO CÁO');
    await expectValidPades(report, original, { nssDir, caFile: pki.caFile }, { sameText: true });
    // The appearance uses the two stored images (one image XObject each, alpha as /SMask).
    const update = report.subarray(original.length).toString('latin1');
    expect(update.match(/\/Subtype\s*\/Image/g)).toHaveLength(4);
    expect(update.match(/\/SMask\s+\d+ 0 R/g)).toHaveLength(2);
    const page = renderPage(report, pageCount(report), 100, 'bundle-report-signature-page');
    const blue = pixelBox(page, isBlue);
    const red = pixelBox(page, isRed);
    expect(blue.count).toBeGreaterThan(100);
    expect(red.count).toBeGreaterThan(100);
    // the seal overlaps the left part of the signature image
    expect(red.x1).toBeGreaterThan(blue.x0);
    expect(red.x1).toBeLessThan(blue.x1);

    // cchc verify's library on the written bundle, with the test CA and its CRLs: the manifest covers the signed PDF.
    const v = await verifyBundle(bundle, { trust: addCrlFiles(loadTrustStore(pki.caFile), [pki.crlFile]) });
    expect([v.status, v.code]).toEqual(['VALID', 'OK']);
  }, 120_000);

  it('without images: the text-only appearance (who, title, organisation, time) and a valid signature', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    const { report } = await exportBundle(b, a);
    const original = unsignedPart(report);
    await expectValidPades(report, original, { nssDir, caFile: pki.caFile });
    const update = report.subarray(original.length).toString('latin1');
    expect(update).not.toMatch(/\/Subtype\s*\/Image/);
    const added = pdftotext(report).replace(pdftotext(original), '');
    expect(added).toContain('Ký bởi: Phạm Văn Đông');
    expect(added).toContain('Chức vụ: Giám đốc');
  }, 120_000);
});
