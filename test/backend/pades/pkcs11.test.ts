import { beforeAll, describe, expect, it } from 'vitest';

import { signPdf } from '../../../electron/backend/services/pades/sign-pdf';
import { openPkcs11Signer } from '../../../electron/backend/services/signing/pkcs11-signer';
import { launchWorker } from '../../../electron/workers/launch';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { createSoftHsmToken } from '../../helpers/softhsm';
import type { TestToken } from '../../helpers/softhsm';
import { expectValidPades } from './checks';
import { fonts, reportPdf, sealPng, signaturePng, xrefStreamPdf } from './fixtures';
import { nssDbTrusting } from './tools';

/**
 * The key stays on a SoftHSM2 token: signPdf hashes the /ByteRange, builds the signed attributes and the
 * token signs them in the PKCS#11 worker process (as in bundle signing), with both mechanisms the worker
 * knows (CKM_SHA256_RSA_PKCS and the CKM_RSA_PKCS + DigestInfo fallback).
 */

let pki: TestPki;
let token: TestToken;
let nssDir: string;

beforeAll(async () => {
  pki = await createTestPki();
  token = createSoftHsmToken(pki.leaf, [pki.intermediate]);
  nssDir = nssDbTrusting(pki.caFile);
}, 60_000);

describe('signPdf with a PKCS#11 token (SoftHSM2)', () => {
  for (const [label, env] of [
    ['CKM_SHA256_RSA_PKCS', {}],
    ['CKM_RSA_PKCS + DigestInfo', { CCHC_PKCS11_FORCE_RAW_RSA: '1' }],
  ] as const) {
    it(`${label}: the signed report passes pdfsig and openssl, text unchanged, tampering detected`, async () => {
      const signer = await openPkcs11Signer({ module: token.module, env: { ...token.env, ...env }, launcher: launchWorker }, token.pin);
      try {
        expect(signer.chain).toHaveLength(1);
        const input = await reportPdf();
        const signed = await signPdf(input, {
          signer,
          signingTime: new Date('2026-03-15T02:04:05Z'),
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
        });
        await expectValidPades(signed, input, { nssDir, caFile: pki.caFile }, { sameText: true });
      } finally {
        await signer.close();
      }
    }, 60_000);
  }

  it('an xref-stream input signed on the token passes the same checks', async () => {
    const signer = await openPkcs11Signer({ module: token.module, env: token.env, launcher: launchWorker }, token.pin);
    try {
      const input = xrefStreamPdf(await reportPdf());
      const signed = await signPdf(input, {
        signer,
        signingTime: new Date('2026-03-15T02:04:05Z'),
        fonts: fonts(),
        placement: 'first-page-top-right',
        appearance: { kind: 'attachment', documentNumber: 'Số: 15/BC-STP' },
      });
      await expectValidPades(signed, input, { nssDir, caFile: pki.caFile });
    } finally {
      await signer.close();
    }
  }, 60_000);
});
