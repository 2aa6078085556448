import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { extractPdfSignatures } from '../../../electron/backend/services/pades/extract-signature';
import { signPdf } from '../../../electron/backend/services/pades/sign-pdf';
import type { SignPdfOptions } from '../../../electron/backend/services/pades/types';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import type { Signer } from '../../../electron/backend/services/signing/signer';
import { isAppFailure } from '../../../shared/ipc/result';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { expectValidPades } from './checks';
import { encodePng, fonts, reportPdf, sealPng, signaturePng, xrefStreamPdf } from './fixtures';
import { nssDbTrusting, opensslVerify, pdfsig, pdftotext, rawLastSignature } from './tools';

let pki: TestPki;
let nssDir: string;
let signer: Signer;
let input: Buffer;
const when = new Date('2026-03-15T02:04:05Z');

beforeAll(async () => {
  pki = await createTestPki();
  nssDir = nssDbTrusting(pki.caFile);
  signer = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
  input = await reportPdf();
}, 60_000);

const trust = () => ({ nssDir, caFile: pki.caFile });

/** The signer's images between the report's own title and name lines: no text of ours on the page. */
const imagesOnly = (): SignPdfOptions => ({
  signer,
  signingTime: when,
  fonts: fonts(),
  placement: { pageIndex: 0, rect: [330, 120, 530, 220] },
  appearance: {
    kind: 'nd30',
    title: 'GIÁM ĐỐC',
    name: 'Nguyễn Văn An',
    organisation: 'Sở Tư pháp thành phố Hải Phòng',
    signatureImage: signaturePng(),
    seal: { image: sealPng(), widthMm: 36 },
    showTitleAndName: false,
  },
  reason: 'Ký báo cáo tự đánh giá (Chỉ số CCHC)',
  location: 'Hải Phòng',
});

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return isAppFailure(e) ? e.code : `THROWN ${(e as Error).message}`;
  }
};

describe('signPdf (PAdES baseline B-B) on the pdfmake report, .p12 signer', () => {
  it('pdfsig: valid, trusted, whole document; openssl verifies the ByteRange bytes; text unchanged; a flipped byte fails both', async () => {
    const signed = await signPdf(input, imagesOnly());
    await expectValidPades(signed, input, trust(), { sameText: true });
    // /M carries the claimed time in Vietnam time (the CMS has no signingTime).
    expect(Buffer.from(signed).toString('latin1')).toContain("/M (D:20260315090405+07'00')");
  });

  it('an input with a cross-reference stream and object streams (qpdf) signs the same way', async () => {
    const xs = xrefStreamPdf(input);
    expect(xs.toString('latin1')).toMatch(/\/Type\s*\/XRef/);
    expect(xs.toString('latin1')).not.toMatch(/^xref\s*$/m);
    const signed = await signPdf(xs, imagesOnly());
    await expectValidPades(signed, xs, trust(), { sameText: true });
  });

  it('a second signature (the attachment variant) keeps the first one intact', async () => {
    const once = await signPdf(input, imagesOnly());
    const twice = await signPdf(once, {
      signer,
      signingTime: new Date('2026-03-15T03:00:00Z'),
      fonts: fonts(),
      placement: 'first-page-top-right',
      appearance: { kind: 'attachment', documentNumber: 'Số: 15/BC-STP' },
    });
    await expectValidPades(twice, once, trust());
    const sigs = pdfsig(twice, nssDir);
    expect(sigs).toHaveLength(2);
    expect(sigs[0]!.validation).toBe('Signature is Valid.');
    expect(sigs[0]!.total).toBe(false);
    // The first signature, checked by openssl on its own ranges inside the twice-signed file.
    const first = rawLastSignature(once);
    expect(opensslVerify({ ...first, signed: Buffer.concat([Buffer.from(twice).subarray(0, first.byteRange[1]), Buffer.from(twice).subarray(first.byteRange[2]!, first.byteRange[2]! + first.byteRange[3]!)]) }, pki.caFile).ok).toBe(true);
    const own = await extractPdfSignatures(twice);
    expect(own.map((s) => [s.fieldName, s.coversWholeFile])).toEqual([
      ['Signature1', false],
      ['Signature2', true],
    ]);
    // The attachment appearance: document number and ISO 8601 Vietnam time, added to the page text.
    const text = pdftotext(twice, ['-f', '1', '-l', '1']);
    expect(text).toContain('Số: 15/BC-STP\n2026-03-15T10:00:00+07:00');
  });

  it('text-only appearance: the report text is unchanged apart from the appearance block', async () => {
    const signed = await signPdf(input, {
      ...imagesOnly(),
      appearance: { kind: 'nd30', title: 'Giám đốc', name: 'Nguyễn Văn An', organisation: 'Sở Tư pháp thành phố Hải Phòng' },
    });
    await expectValidPades(signed, input, trust());
    const block = ['Ký bởi: Nguyễn Văn An', 'Chức vụ: Giám đốc', 'Cơ quan: Sở Tư pháp thành phố Hải Phòng', 'Thời gian ký: 2026-03-15T09:04:05+07:00'].join('\n');
    const after = pdftotext(signed);
    expect(after).toContain(`${block}\n`);
    expect(after.replace(`${block}\n\n`, '')).toBe(pdftotext(input));
  });

  it('refuses what it cannot sign honestly, with specific codes', async () => {
    expect(await codeOf(signPdf(Buffer.from('%PDF-1.4\nnot really a pdf'), imagesOnly()))).toBe('BAD_FILE');
    expect(await codeOf(signPdf(input, { ...imagesOnly(), placement: { pageIndex: 99, rect: [0, 0, 10, 10] } }))).toBe('VALIDATION');
    expect(await codeOf(signPdf(input, { ...imagesOnly(), placement: 'first-page-top-right' }))).toBe('VALIDATION');
    const { signatureImage: _drop, ...noSignature } = imagesOnly().appearance as Extract<SignPdfOptions['appearance'], { kind: 'nd30' }>;
    expect(await codeOf(signPdf(input, { ...imagesOnly(), appearance: noSignature }))).toBe('VALIDATION');
    expect(await codeOf(signPdf(input, { ...imagesOnly(), appearance: { kind: 'attachment', documentNumber: '  ' } }))).toBe('VALIDATION');
    // A character the font lacks would vanish from the appearance: refused, not dropped.
    expect(await codeOf(signPdf(input, { ...imagesOnly(), appearance: { kind: 'attachment', documentNumber: 'Số 1 \u{1F600}' } }))).toBe('VALIDATION');
    const once = await signPdf(input, imagesOnly());
    expect(await codeOf(signPdf(once, { ...imagesOnly(), fieldName: 'Signature1' }))).toBe('CONFLICT');
    // Uploaded images are validated before the document is touched (validatePng, png-image.test.ts).
    const nd30 = imagesOnly().appearance as Extract<SignPdfOptions['appearance'], { kind: 'nd30' }>;
    const opaque = encodePng(20, 10, () => [0, 0, 255, 255], 2);
    expect(await codeOf(signPdf(input, { ...imagesOnly(), appearance: { ...nd30, signatureImage: opaque } }))).toBe('BAD_FILE');
    expect(await codeOf(signPdf(input, { ...imagesOnly(), appearance: { ...nd30, seal: { image: Buffer.from('GIF89a'), widthMm: 36 } } }))).toBe('BAD_FILE');
    expect(await codeOf(signPdf(input, { ...imagesOnly(), appearance: { ...nd30, seal: { image: sealPng(), widthMm: 400 } } }))).toBe('VALIDATION');
  });
});
