import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { listPkcs11Tokens, openPkcs11Signer } from '../../../electron/backend/services/signing/pkcs11-signer';
import { launchWorker } from '../../../electron/workers/launch';
import { isAppFailure } from '../../../shared/ipc/result';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { createSoftHsmToken, SOFTHSM_MODULE } from '../../helpers/softhsm';
import type { TestToken } from '../../helpers/softhsm';

let pki: TestPki;
let token: TestToken;
beforeAll(async () => {
  pki = await createTestPki();
  token = createSoftHsmToken(pki.leaf, [pki.intermediate]);
}, 60_000);

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    const v = await p;
    if (v && typeof v === 'object' && 'close' in v) await (v as { close: () => Promise<void> }).close();
    return 'OK';
  } catch (e) {
    return isAppFailure(e) ? e.code : `THROWN ${(e as Error).message}`;
  }
};

describe('Pkcs11Signer on SoftHSM2 (worker process)', () => {
  it('lists the initialised token only', async () => {
    const tokens = await listPkcs11Tokens({ module: token.module, env: token.env, launcher: launchWorker });
    expect(tokens.map((t) => t.label)).toEqual([token.label]);
  });

  it('opens with the PIN, shows the signer, finds the intermediate, signs', async () => {
    const s = await openPkcs11Signer({ module: token.module, env: token.env, launcher: launchWorker }, token.pin);
    try {
      expect(Buffer.from(s.certificate).equals(Buffer.from(pki.leaf.der))).toBe(true);
      expect(s.details.subject).toContain('Nguyễn Văn An');
      expect(s.chain).toHaveLength(1);
      expect((await s.sign(new Uint8Array([9, 9]))).length).toBe(256);
    } finally {
      await s.close();
    }
  });

  it('a wrong PIN is PIN_INCORRECT and is not retried (the right PIN still works after one failure)', async () => {
    expect(await codeOf(openPkcs11Signer({ module: token.module, env: token.env, launcher: launchWorker }, '000000'))).toBe('PIN_INCORRECT');
    expect(await codeOf(openPkcs11Signer({ module: token.module, env: token.env, launcher: launchWorker }, token.pin))).toBe('OK');
  });

  it('a library that is not a PKCS#11 module is TOKEN_ERROR', async () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'cchc-fake-')), 'fake.so');
    writeFileSync(fake, 'not a shared object');
    expect(await codeOf(openPkcs11Signer({ module: fake, env: token.env, launcher: launchWorker }, '1234'))).toBe('TOKEN_ERROR');
  });

  it('no token present is TOKEN_ERROR with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-empty-hsm-'));
    mkdirSync(join(dir, 'tokens'));
    writeFileSync(join(dir, 'softhsm2.conf'), `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\n`);
    try {
      await openPkcs11Signer({ module: SOFTHSM_MODULE, env: { SOFTHSM2_CONF: join(dir, 'softhsm2.conf') }, launcher: launchWorker }, '1234');
      expect.unreachable();
    } catch (e) {
      expect(isAppFailure(e) && e.code).toBe('TOKEN_ERROR');
      expect((e as Error).message).toContain('Không tìm thấy thiết bị ký số');
    }
  });

  it('a hung worker times out with TOKEN_ERROR', async () => {
    const r = codeOf(openPkcs11Signer({ module: token.module, env: token.env, timeoutMs: 1, launcher: launchWorker }, token.pin));
    expect(await r).toBe('TOKEN_ERROR');
  });
});
