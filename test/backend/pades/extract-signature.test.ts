import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { extractPdfSignature, extractPdfSignatures } from '../../../electron/backend/services/pades/extract-signature';
import { signPdf } from '../../../electron/backend/services/pades/sign-pdf';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { isAppFailure } from '../../../shared/ipc/result';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import { fonts, reportPdf } from './fixtures';
import { rawLastSignature } from './tools';

/** The reader's strict checks, each met by a file crafted to break exactly one of them. */

let input: Buffer;
let signed: Buffer;

beforeAll(async () => {
  const pki = await createTestPki();
  const signer = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
  input = await reportPdf();
  signed = Buffer.from(
    await signPdf(input, {
      signer,
      signingTime: new Date('2026-03-15T02:04:05Z'),
      fonts: fonts(),
      placement: 'first-page-top-right',
      appearance: { kind: 'attachment', documentNumber: 'Số: 15/BC-STP' },
    }),
  );
}, 60_000);

/** Rewrites the numbers of the last /ByteRange in place (same width: the signer pads it with spaces). */
const withByteRange = (pdf: Buffer, nums: number[]): Buffer => {
  const s = pdf.toString('latin1');
  const at = s.lastIndexOf('/ByteRange');
  const open = s.indexOf('[', at);
  const close = s.indexOf(']', open);
  const text = `[${nums.join(' ')}`;
  expect(text.length).toBeLessThan(close - open + 1);
  const copy = Buffer.from(pdf);
  copy.write(text.padEnd(close - open, ' '), open, 'latin1');
  return copy;
};

const failure = async (pdf: Uint8Array): Promise<string> => {
  try {
    await extractPdfSignature(pdf);
    return 'OK';
  } catch (e) {
    return isAppFailure(e) ? `${e.code}: ${e.message}` : `THROWN ${(e as Error).message}`;
  }
};

describe('extractPdfSignature', () => {
  it('reads the signature: ranges around /Contents, the CMS without padding, the SubFilter', async () => {
    const sig = await extractPdfSignature(signed);
    const raw = rawLastSignature(signed);
    expect(sig).toEqual({ fieldName: 'Signature1', byteRange: raw.byteRange, cms: new Uint8Array(raw.cms), subFilter: 'ETSI.CAdES.detached', coversWholeFile: true });
    expect(await extractPdfSignatures(input)).toEqual([]);
    expect(await failure(input)).toBe('BAD_FILE: Tệp PDF không có chữ ký số.');
  });

  it('bytes added after signing: the signature no longer covers the file', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% added later\n')]);
    expect((await extractPdfSignatures(appended)).map((s) => s.coversWholeFile)).toEqual([false]);
    expect(await failure(appended)).toMatch(/^BAD_FILE: Không có chữ ký nào bao trọn tệp PDF/);
  });

  it('a gap wider or narrower than the /Contents string, or not starting at 0, is refused', async () => {
    const [, l1, c, l2] = rawLastSignature(signed).byteRange as [number, number, number, number];
    expect(await failure(withByteRange(signed, [0, l1 - 1, c, l2]))).toMatch(/không đúng là \/Contents/);
    expect(await failure(withByteRange(signed, [0, l1, c + 1, l2 - 1]))).toMatch(/không đúng là \/Contents/);
    expect(await failure(withByteRange(signed, [0, l1 + 1, c - 1, l2 + 1]))).toMatch(/không đúng là \/Contents/);
    expect(await failure(withByteRange(signed, [1, l1 - 1, c, l2]))).toMatch(/nằm ngoài tệp/);
    expect(await failure(withByteRange(signed, [0, l1, c, l2 + 10]))).toMatch(/nằm ngoài tệp/);
    // The untouched file still reads: the rewrite helper itself changes nothing else.
    expect(await failure(withByteRange(signed, [0, l1, c, l2]))).toBe('OK');
  });

  it('/Contents that is not one DER object followed by zero padding is refused', async () => {
    const [, l1] = rawLastSignature(signed).byteRange as [number, number];
    const notDer = Buffer.from(signed);
    notDer.write('31', l1 + 1, 'latin1'); // SET instead of SEQUENCE
    expect(await failure(notDer)).toMatch(/không phải một CMS DER/);
    const noisyPadding = Buffer.from(signed);
    const s = noisyPadding.toString('latin1');
    noisyPadding.write('7', s.indexOf('>', l1) - 1, 'latin1'); // last padding digit
    expect(await failure(noisyPadding)).toMatch(/không phải một CMS DER/);
  });

  it('a file that is not a PDF is BAD_FILE', async () => {
    expect(await failure(Buffer.from('PK\u0003\u0004 not a pdf'))).toBe('BAD_FILE: Tệp PDF bị hỏng hoặc không đúng định dạng.');
  });
});
