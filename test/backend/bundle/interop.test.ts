import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { addCrlFiles, loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { openPkcs11Signer } from '../../../electron/backend/services/signing/pkcs11-signer';
import { launchWorker } from '../../../electron/workers/launch';
import type { Signer } from '../../../electron/backend/services/signing/signer';
import { ASCII_PASSWORD, createTestPki, VI_PASSWORD } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { createSoftHsmToken } from '../../helpers/softhsm';
import { knownSets, sampleInput } from './sample';

let pki: TestPki;
let work: string;

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(join(tmpdir(), 'cchc-interop-'));
}, 60_000);

/** The openssl-only recipe of docs/submission-format.md, run on an extracted copy. */
const opensslVerify = (bundle: string, caFile: string): { status: number; stderr: string; dir: string } => {
  const dir = mkdtempSync(join(work, 'x-'));
  execFileSync('unzip', ['-q', bundle, '-d', dir]);
  const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'META-INF/signature001.p7s'), '-content', join(dir, 'META-INF/ASiCManifest.xml'), '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null']);
  return { status: r.status ?? -1, stderr: r.stderr.toString(), dir };
};

/** Independent digest recompute: a regex over the manifest and sha256 of the extracted files (no app code). */
const recomputeDigests = (dir: string): string[] => {
  const xml = readFileSync(join(dir, 'META-INF/ASiCManifest.xml'), 'utf8');
  const re = /URI="([^"]+)"[^>]*>\s*<ds:DigestMethod[^>]*\/>\s*<ds:DigestValue>([^<]+)</g;
  const checked: string[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const got = createHash('sha256').update(readFileSync(join(dir, m[1]!))).digest('base64');
    expect(got, m[1]).toBe(m[2]);
    checked.push(m[1]!);
  }
  return checked;
};

const packWith = async (name: string, signer: Signer, zip?: { forceZip64?: boolean }) => {
  const input = sampleInput(join(work, `in-${name}`));
  const out = join(work, `${name}.asice`);
  const trust = loadTrustStore(pki.caFile);
  const res = await packBundle({
    out,
    submission: input.submission,
    evidence: input.evidence,
    reports: [{ path: 'report.pdf', data: Buffer.from('%PDF-1.4 báo cáo') }],
    signer,
    now: new Date(),
    verify: (f) => verifyBundle(f, { trust, lookupIndicatorSet: knownSets }),
    ...(zip ? { zip } : {}),
  });
  await signer.close();
  return { out, res };
};

const checkInterop = (out: string): void => {
  const o = opensslVerify(out, pki.caFile);
  expect(o.stderr).toContain('Verification successful');
  expect(o.status).toBe(0);
  expect(recomputeDigests(o.dir).sort()).toEqual(['evidence/0001.pdf', 'evidence/0002.jpg', 'evidence/0003.txt', 'report.pdf', 'submission.json']);
  expect(spawnSync('unzip', ['-tq', out]).status).toBe(0);
  // mimetype first, stored, no extra field: its content starts at byte 38 (30 + "mimetype").
  const head = readFileSync(out).subarray(0, 38 + 31);
  expect(head.readUInt16LE(8)).toBe(0);
  expect(head.readUInt16LE(28)).toBe(0);
  expect(head.subarray(38).toString('ascii')).toBe('application/vnd.etsi.asic-e+zip');
};

describe('interop: bundles verify with openssl and an independent digest recompute', () => {
  it('modern .p12 with a Vietnamese password', async () => {
    const { out, res } = await packWith('modern-vi', await openP12Signer(readFileSync(pki.p12.modernVi), VI_PASSWORD));
    expect(res.verification?.status).toBe('VALID_WITH_WARNINGS');
    expect(res.verification?.warnings.map((w) => w.code)).toEqual(['W_REVOCATION_UNKNOWN']);
    expect(res.sha256).toBe(createHash('sha256').update(readFileSync(out)).digest('hex'));
    checkInterop(out);
  });

  it('legacy (RC2/3DES) .p12, ASCII and Vietnamese passwords', async () => {
    for (const [file, pwd] of [
      [pki.p12.legacyAscii, ASCII_PASSWORD],
      [pki.p12.legacyVi, VI_PASSWORD],
    ] as const) {
      const { out } = await packWith(`legacy-${pwd.length}`, await openP12Signer(readFileSync(file), pwd));
      checkInterop(out);
    }
  });

  it('SoftHSM2 token (CKM_SHA256_RSA_PKCS) and the CKM_RSA_PKCS + DigestInfo fallback', async () => {
    const token = createSoftHsmToken(pki.leaf, [pki.intermediate]);
    const a = await packWith('hsm', await openPkcs11Signer({ module: token.module, env: token.env, launcher: launchWorker }, token.pin));
    checkInterop(a.out);
    const b = await packWith('hsm-raw', await openPkcs11Signer({ module: token.module, env: { ...token.env, CCHC_PKCS11_FORCE_RAW_RSA: '1' }, launcher: launchWorker }, token.pin));
    checkInterop(b.out);
  }, 60_000);

  it('a CRL that does not list the signer makes the bundle VALID (no warning)', async () => {
    const { out } = await packWith('crl', await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD));
    const r = await verifyBundle(out, { trust: addCrlFiles(loadTrustStore(pki.caFile), [pki.crlFile]), lookupIndicatorSet: knownSets });
    expect(r.status).toBe('VALID');
    expect(r.code).toBe('OK');
    expect(r.chain).toHaveLength(3);
  });

  it('ZIP64 records (forced) are read by yauzl, unzip and openssl alike', async () => {
    const { out, res } = await packWith('zip64', await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD), { forceZip64: true });
    expect(res.verification?.status).toBe('VALID_WITH_WARNINGS');
    expect(res.verification?.warnings.map((w) => w.code)).toEqual(['W_REVOCATION_UNKNOWN']);
    checkInterop(out);
  });

  it('openssl refuses a foreign CA and a changed manifest (the recipe can fail)', async () => {
    const { out } = await packWith('neg', await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD));
    const foreign = opensslVerify(out, pki.foreignCaFile);
    expect(foreign.stderr).toContain('Verification failure');
    expect(foreign.status).toBe(4); // openssl cms: 4 = the signature did not verify
    const o = opensslVerify(out, pki.caFile);
    const m = join(o.dir, 'META-INF/ASiCManifest.xml');
    execFileSync('sed', ['-i', 's/report.pdf/report.PDF/', m]);
    const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(o.dir, 'META-INF/signature001.p7s'), '-content', m, '-CAfile', pki.caFile, '-purpose', 'any', '-out', '/dev/null']);
    expect(r.stderr.toString()).toContain('Verification failure');
    expect(r.status).toBe(4);
    expect(readdirSync(work).some((f) => f.endsWith('.partial'))).toBe(false);
  });
});
