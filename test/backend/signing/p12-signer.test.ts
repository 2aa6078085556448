import { readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { signerProblem } from '../../../electron/backend/services/signing/signer-policy';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { isAppFailure } from '../../../shared/ipc/result';
import { ASCII_PASSWORD, createTestPki, makeP12, VI_PASSWORD } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return isAppFailure(e) ? e.code : `THROWN ${(e as Error).message}`;
  }
};

describe('P12Signer', () => {
  it.each([
    ['modern, Vietnamese password', 'modernVi', VI_PASSWORD],
    ['modern, ASCII password', 'modernAscii', ASCII_PASSWORD],
    ['legacy RC2/3DES, Vietnamese password', 'legacyVi', VI_PASSWORD],
    ['legacy RC2/3DES, ASCII password', 'legacyAscii', ASCII_PASSWORD],
  ] as const)('opens a %s file and picks the certificate matching the key', async (_n, key, pwd) => {
    const s = await openP12Signer(readFileSync(pki.p12[key]), pwd);
    expect(Buffer.from(s.certificate).equals(Buffer.from(pki.leaf.der))).toBe(true);
    expect(s.details.subject).toContain('Nguyễn Văn An');
    expect(s.details.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The chain carries the intermediate, never the root (the verifier's anchor).
    expect(s.chain.map((c) => Buffer.from(c).equals(Buffer.from(pki.intermediate.der)))).toEqual([true]);
    const sig = await s.sign(new Uint8Array([1, 2, 3]));
    expect(sig.length).toBe(256);
    await s.close();
    await expect(s.sign(new Uint8Array([1]))).rejects.toThrow();
  });

  it('a wrong password is WRONG_PASSWORD for modern and legacy files (NFD-typed password still works)', async () => {
    expect(await codeOf(openP12Signer(readFileSync(pki.p12.modernVi), 'Mat-khau1'))).toBe('WRONG_PASSWORD');
    expect(await codeOf(openP12Signer(readFileSync(pki.p12.legacyVi), 'Mat-khau1'))).toBe('WRONG_PASSWORD');
    expect(await codeOf(openP12Signer(readFileSync(pki.p12.modernAscii), ''))).toBe('WRONG_PASSWORD');
    expect(await codeOf(openP12Signer(readFileSync(pki.p12.modernVi), VI_PASSWORD.normalize('NFD')))).toBe('OK');
  });

  it('garbage is BAD_FILE', async () => {
    expect(await codeOf(openP12Signer(Buffer.from('not a pfx at all'), 'x'))).toBe('BAD_FILE');
  });

  it('a file whose chain comes in another order still picks the key owner', async () => {
    const f = makeP12(pki.dir, 'reordered', pki.leaf, [pki.root, pki.intermediate], ASCII_PASSWORD, false);
    const s = await openP12Signer(readFileSync(f), ASCII_PASSWORD);
    expect(Buffer.from(s.certificate).equals(Buffer.from(pki.leaf.der))).toBe(true);
    expect(s.chain).toHaveLength(1);
  });

  it('expired, not-yet-valid and wrong-key-usage certificates are refused before signing', async () => {
    const now = new Date();
    const expired = await openP12Signer(readFileSync(pki.p12.expiredAscii), ASCII_PASSWORD);
    expect(signerProblem(expired, now)?.code).toBe('CERT_EXPIRED');
    const wrongKu = await openP12Signer(readFileSync(pki.p12.wrongKuAscii), ASCII_PASSWORD);
    expect(signerProblem(wrongKu, now)?.code).toBe('CERT_INVALID');
    const good = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
    expect(signerProblem(good, now)).toBeNull();
    expect(signerProblem(good, new Date(Date.parse(good.details.notBefore) - 1000))?.code).toBe('CERT_INVALID');
  });
});
