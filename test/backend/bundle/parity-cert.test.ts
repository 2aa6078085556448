import 'reflect-metadata';

import { spawnSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';

import type { BundleCode } from '../../../shared/domain/bundle-codes';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { createTestPki } from '../../helpers/pki';
import type { TestCert, TestPki } from '../../helpers/pki';
import { bundleEntries, dataParts, signParts, testSigner } from './craft';
import { writeRawZip } from './raw-zip';
import { knownSets, sampleInput } from './sample';

/**
 * Verifier parity on certificate paths (issue 13): `openssl verify -CAfile root -untrusted chain leaf`
 * against `cchc verify` on a bundle signed with the same leaf and chain. Where openssl reports an error
 * (25 path length exceeded, 34 unhandled critical extension, 9 not yet valid at the signing time) we must
 * refuse with the matching code; where openssl accepts, so do we. One documented exception: constraints we
 * do not evaluate (nameConstraints, policy constraints) are refused even where openssl finds them satisfied.
 */

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 86_400_000;
const UNKNOWN_OID = '1.3.6.1.4.1.55555.1';
/** NameConstraints permitting only dNSName test.test (our leaf has no DNS name: openssl finds it satisfied). */
const NAME_CONSTRAINTS = Buffer.from('300fa00d300b8209746573742e74657374', 'hex');

let pki: TestPki;
let dir: string;
let serial = 0x7000;

const pemOf = (der: ArrayBuffer, label: string): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

type IssueOpts = { name: string; subject: string; ca?: boolean; pathLen?: number; extra?: x509.Extension[]; notBefore?: Date; selfSigned?: boolean };

/** A certificate under `issuer` (or self-signed), RSA-2048/SHA-256, with the CA or signer profile of test/helpers/pki.ts. */
const issue = async (issuer: TestCert | null, o: IssueOpts): Promise<TestCert> => {
  const keys = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const extensions: x509.Extension[] = o.ca
    ? [new x509.BasicConstraintsExtension(true, o.pathLen, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)]
    : [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true)];
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(new x509.X509Certificate(issuer.der)));
  extensions.push(...(o.extra ?? []));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16),
    subject: o.subject,
    issuer: issuer ? new x509.X509Certificate(issuer.der).subject : o.subject,
    notBefore: o.notBefore ?? new Date(Date.now() - 30 * DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    signingAlgorithm: RSA,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    extensions,
  });
  const pem = pemOf(cert.rawData, 'CERTIFICATE');
  const pemFile = join(dir, `${o.name}.pem`);
  const keyFile = join(dir, `${o.name}.key`);
  const pkcs8Pem = pemOf(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  writeFileSync(pemFile, pem);
  writeFileSync(keyFile, pkcs8Pem, { mode: 0o600 });
  return { der: new Uint8Array(cert.rawData), pem, keys, pkcs8Pem, pemFile, keyFile };
};

type ChainCase = {
  name: string;
  leaf: () => TestCert;
  chain: () => TestCert[];
  root: () => TestCert;
  signingTime?: () => Date;
  /** openssl's verdict: null = OK, else its error number. */
  openssl: number | null;
  /** Ours: 'VALID' (with only the revocation warning) or the refusal code. */
  ours: 'VALID' | BundleCode;
};

const c: Record<string, TestCert> = {};

beforeAll(async () => {
  pki = await createTestPki();
  dir = mkdtempSync(join(tmpdir(), 'cchc-parity-cert-'));
  const signer = 'CN=Nguyễn Văn An, O=Sở Tư pháp thành phố Hải Phòng, C=VN';
  // intermediate (pathLen 0) → sub-CA → leaf: the intermediate may not certify another CA.
  c.subCa = await issue(pki.intermediate, { name: 'sub-ca', subject: 'CN=Sub CA under pathLen 0, O=Test PKI, C=VN', ca: true });
  c.leafUnderSub = await issue(c.subCa, { name: 'leaf-under-sub', subject: signer });
  c.leafCritical = await issue(pki.intermediate, { name: 'leaf-critical', subject: signer, extra: [new x509.Extension(UNKNOWN_OID, true, new Uint8Array([5, 0]))] });
  c.leafNonCritical = await issue(pki.intermediate, { name: 'leaf-noncritical', subject: signer, extra: [new x509.Extension(UNKNOWN_OID, false, new Uint8Array([5, 0]))] });
  c.interCritical = await issue(pki.root, { name: 'inter-critical', subject: 'CN=Issuing CA with a critical extension, C=VN', ca: true, pathLen: 0, extra: [new x509.Extension(UNKNOWN_OID, true, new Uint8Array([5, 0]))] });
  c.leafUnderInterCritical = await issue(c.interCritical, { name: 'leaf-under-inter-critical', subject: signer });
  // A root limited to pathLen 0 that nevertheless has an intermediate below it.
  c.rootPathLen0 = await issue(null, { name: 'root-pathlen0', subject: 'CN=Root pathLen 0, C=VN', ca: true, pathLen: 0 });
  c.interUnderRoot0 = await issue(c.rootPathLen0, { name: 'inter-under-root0', subject: 'CN=Issuing CA under a pathLen-0 root, C=VN', ca: true, pathLen: 0 });
  c.leafUnderRoot0 = await issue(c.interUnderRoot0, { name: 'leaf-under-root0', subject: signer });
  c.leafFresh = await issue(pki.intermediate, { name: 'leaf-fresh', subject: signer, notBefore: new Date(Date.now() - DAY) });
  c.interNc = await issue(pki.root, { name: 'inter-nc', subject: 'CN=Issuing CA with nameConstraints, C=VN', ca: true, pathLen: 0, extra: [new x509.Extension('2.5.29.30', true, NAME_CONSTRAINTS)] });
  c.leafUnderNc = await issue(c.interNc, { name: 'leaf-under-nc', subject: signer });
}, 120_000);

const cases: ChainCase[] = [
  { name: 'root → intermediate (pathLen 0) → leaf', leaf: () => pki.leaf, chain: () => [pki.intermediate], root: () => pki.root, openssl: null, ours: 'VALID' },
  { name: 'intermediate with pathLen 0 signs a sub-CA', leaf: () => c.leafUnderSub!, chain: () => [c.subCa!, pki.intermediate], root: () => pki.root, openssl: 25, ours: 'E_CERT_PATH_LEN' },
  { name: 'root with pathLen 0 above an intermediate', leaf: () => c.leafUnderRoot0!, chain: () => [c.interUnderRoot0!], root: () => c.rootPathLen0!, openssl: 25, ours: 'E_CERT_PATH_LEN' },
  { name: 'unknown critical extension in the leaf', leaf: () => c.leafCritical!, chain: () => [pki.intermediate], root: () => pki.root, openssl: 34, ours: 'E_CERT_CRITICAL_EXTENSION' },
  { name: 'unknown critical extension in the intermediate', leaf: () => c.leafUnderInterCritical!, chain: () => [c.interCritical!], root: () => pki.root, openssl: 34, ours: 'E_CERT_CRITICAL_EXTENSION' },
  { name: 'unknown NON-critical extension in the leaf', leaf: () => c.leafNonCritical!, chain: () => [pki.intermediate], root: () => pki.root, openssl: null, ours: 'VALID' },
  {
    name: 'signingTime two days before the leaf\'s notBefore (openssl -attime signingTime)',
    leaf: () => c.leafFresh!,
    chain: () => [pki.intermediate],
    root: () => pki.root,
    signingTime: () => new Date(Date.now() - 3 * DAY),
    openssl: 9,
    ours: 'E_SIGNING_TIME_OUTSIDE_CERT',
  },
  { name: 'signingTime inside the leaf\'s validity', leaf: () => c.leafFresh!, chain: () => [pki.intermediate], root: () => pki.root, signingTime: () => new Date(Date.now() - DAY / 2), openssl: null, ours: 'VALID' },
];

/** `openssl verify`; -attime when a signing time is given (the question "was the leaf valid when it signed?"). */
const opensslVerify = (k: ChainCase): number | null => {
  const untrusted = join(dir, `untrusted-${k.name.replace(/\W+/g, '-')}.pem`);
  writeFileSync(untrusted, k.chain().map((x) => x.pem).join(''));
  const args = ['verify', '-CAfile', k.root().pemFile, '-untrusted', untrusted];
  if (k.signingTime) args.push('-attime', String(Math.floor(k.signingTime().getTime() / 1000)));
  const r = spawnSync('openssl', [...args, k.leaf().pemFile], { encoding: 'utf8' });
  if (r.status === 0) return null;
  const m = /error (\d+) at/.exec(`${r.stdout}${r.stderr}`);
  return m ? Number(m[1]) : -1;
};

const ourVerdict = async (k: ChainCase): Promise<string> => {
  const s = sampleInput(join(dir, 'src'), { submissionId: '0190a1b2-0000-7000-8000-0000000000c1' });
  const parts = dataParts(s.submission, s.evidence.map((e) => ({ path: e.path, data: readFileSync(e.source) })));
  const signed = await signParts(parts, { signer: testSigner(k.leaf(), k.chain()), ...(k.signingTime ? { signingTime: k.signingTime() } : {}) });
  const file = join(dir, `${k.name.replace(/\W+/g, '-')}.asice`);
  writeFileSync(file, writeRawZip(bundleEntries(parts, signed)));
  const anchor = join(dir, `anchor-${k.name.replace(/\W+/g, '-')}.pem`);
  writeFileSync(anchor, k.root().pem);
  const r = await verifyBundle(file, { trust: loadTrustStore(anchor), lookupIndicatorSet: knownSets });
  if (r.status === 'INVALID') return r.code;
  expect(r.warnings.map((w) => w.code)).toEqual(['W_REVOCATION_UNKNOWN']);
  return 'VALID';
};

describe('certificate parity with openssl verify', () => {
  for (const k of cases) {
    it(`${k.name}: openssl ${k.openssl ?? 'OK'}, cchc ${k.ours}`, async () => {
      expect(opensslVerify(k)).toBe(k.openssl);
      expect(await ourVerdict(k)).toBe(k.ours);
    }, 60_000);
  }

  it('refuses where openssl refuses and accepts where openssl accepts (the whole table)', () => {
    for (const k of cases) expect(k.openssl === null, k.name).toBe(k.ours === 'VALID');
  });

  it('stricter than openssl, on purpose: a nameConstraints extension is refused (we do not evaluate it)', async () => {
    const k: ChainCase = { name: 'nameConstraints in the intermediate', leaf: () => c.leafUnderNc!, chain: () => [c.interNc!], root: () => pki.root, openssl: null, ours: 'E_CERT_CRITICAL_EXTENSION' };
    expect(opensslVerify(k)).toBeNull();
    expect(await ourVerdict(k)).toBe('E_CERT_CRITICAL_EXTENSION');
  }, 60_000);
});
