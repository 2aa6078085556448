import 'reflect-metadata';

import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as x509 from '@peculiar/x509';

/**
 * A throw-away PKI generated at test time (nothing committed): root → intermediate → leaf, plus the bad
 * certificates the verifier must refuse, and .p12 files in the modern and the legacy (-legacy) encodings.
 */
const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

export const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 86_400_000;

export const VI_PASSWORD = 'Mật-khẩu1';
export const ASCII_PASSWORD = 'Passw0rd-123';
export const AGENCY_NAME = 'Sở Tư pháp thành phố Hải Phòng';

export type TestCert = { der: Uint8Array<ArrayBuffer>; pem: string; keys: CryptoKeyPair; pkcs8Pem: string; pemFile: string; keyFile: string };

export type TestPki = {
  dir: string;
  root: TestCert;
  intermediate: TestCert;
  leaf: TestCert;
  expiredLeaf: TestCert;
  notYetValidLeaf: TestCert;
  wrongKeyUsageLeaf: TestCert;
  sha1Leaf: TestCert;
  foreignRoot: TestCert;
  foreignLeaf: TestCert;
  /** Another person's certificate from the same CA (a second unit's signer in the register tests). */
  secondLeaf: TestCert;
  /** PEM file with the root only: the trust anchor. */
  caFile: string;
  foreignCaFile: string;
  /** CRLs (PEM): the intermediate's, revoking `revokedLeaf`, and the root's, revoking nothing we use. */
  revokedLeaf: TestCert;
  crlFile: string;
  p12: {
    modernVi: string;
    modernAscii: string;
    legacyVi: string;
    legacyAscii: string;
    expiredAscii: string;
    wrongKuAscii: string;
    sha1Ascii: string;
    foreignAscii: string;
    revokedAscii: string;
    secondAscii: string;
  };
};

export const pemOf = (der: ArrayBuffer, label: string): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

const genKeys = (): Promise<CryptoKeyPair> => crypto.subtle.generateKey(RSA, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

let serial = 0x1000;
const nextSerial = (): string => (serial++).toString(16).padStart(6, '0');

const finish = async (dir: string, name: string, cert: x509.X509Certificate, keys: CryptoKeyPair): Promise<TestCert> => {
  const der = new Uint8Array(cert.rawData);
  const pem = pemOf(cert.rawData, 'CERTIFICATE');
  const pkcs8Pem = pemOf(await crypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  const pemFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key`);
  writeFileSync(pemFile, pem);
  writeFileSync(keyFile, pkcs8Pem, { mode: 0o600 });
  return { der, pem, keys, pkcs8Pem, pemFile, keyFile };
};

const caExtensions = async (keys: CryptoKeyPair, pathLen?: number) => [
  new x509.BasicConstraintsExtension(true, pathLen, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
];

/** A root CA; by default valid from a year ago for ten years (fixed dates for tests that run on a fixed clock). */
export const selfSigned = async (dir: string, name: string, subject: string, validity?: { notBefore: Date; notAfter: Date }): Promise<TestCert> => {
  const keys = await genKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: subject,
    notBefore: validity?.notBefore ?? new Date(Date.now() - 365 * DAY),
    notAfter: validity?.notAfter ?? new Date(Date.now() + 3650 * DAY),
    signingAlgorithm: RSA,
    keys,
    extensions: await caExtensions(keys),
  });
  return finish(dir, name, cert, keys);
};

export const issue = async (
  dir: string,
  name: string,
  issuer: TestCert,
  opts: {
    subject: string;
    keys?: CryptoKeyPair;
    ca?: boolean;
    usages?: number;
    notBefore?: Date;
    notAfter?: Date;
    hash?: 'SHA-256' | 'SHA-1';
  },
): Promise<TestCert> => {
  const keys = opts.keys ?? (await genKeys());
  const issuerCert = new x509.X509Certificate(issuer.der);
  const extensions: x509.Extension[] = opts.ca
    ? await caExtensions(keys, 0)
    : [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          opts.usages ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ];
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuerCert));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: opts.subject,
    issuer: issuerCert.subject,
    notBefore: opts.notBefore ?? new Date(Date.now() - 30 * DAY),
    notAfter: opts.notAfter ?? new Date(Date.now() + 365 * DAY),
    signingAlgorithm: { ...RSA, hash: opts.hash ?? 'SHA-256' },
    publicKey: keys.publicKey,
    // WebCrypto binds an RSA key to one hash: a SHA-1 signature needs the issuer key imported for SHA-1.
    signingKey:
      opts.hash === 'SHA-1'
        ? await crypto.subtle.importKey('pkcs8', await crypto.subtle.exportKey('pkcs8', issuer.keys.privateKey), { ...RSA, hash: 'SHA-1' }, false, ['sign'])
        : issuer.keys.privateKey,
    extensions,
  });
  return finish(dir, name, cert, keys);
};

/** openssl pkcs12 -export; the password travels in an environment variable, never on the command line. */
export const makeP12 = (
  dir: string,
  name: string,
  cert: TestCert,
  chain: TestCert[],
  password: string,
  legacy: boolean,
): string => {
  const out = join(dir, `${name}.p12`);
  const chainFile = join(dir, `${name}-chain.pem`);
  writeFileSync(chainFile, chain.map((c) => c.pem).join(''));
  const args = ['pkcs12', '-export', '-inkey', cert.keyFile, '-in', cert.pemFile, '-passout', 'env:P12PASS', '-out', out];
  if (chain.length) args.push('-certfile', chainFile);
  if (legacy) args.push('-legacy');
  execFileSync('openssl', args, { env: { ...process.env, P12PASS: password }, stdio: 'pipe' });
  return out;
};

export const createTestPki = async (dir = mkdtempSync(join(tmpdir(), 'cchc-pki-'))): Promise<TestPki> => {
  const root = await selfSigned(dir, 'root', 'CN=CCHC Test Root CA, O=Test PKI, C=VN');
  const intermediate = await issue(dir, 'intermediate', root, { subject: 'CN=CCHC Test Issuing CA, O=Test PKI, C=VN', ca: true });
  const subject = `CN=Nguyễn Văn An, O=${AGENCY_NAME}, C=VN`;
  const leafKeys = await genKeys();
  const leaf = await issue(dir, 'leaf', intermediate, { subject, keys: leafKeys });
  const expiredLeaf = await issue(dir, 'expired', intermediate, {
    subject,
    keys: leafKeys,
    notBefore: new Date(Date.now() - 400 * DAY),
    notAfter: new Date(Date.now() - 2 * DAY),
  });
  const notYetValidLeaf = await issue(dir, 'future', intermediate, {
    subject,
    keys: leafKeys,
    notBefore: new Date(Date.now() + 10 * DAY),
    notAfter: new Date(Date.now() + 400 * DAY),
  });
  const wrongKeyUsageLeaf = await issue(dir, 'wrongku', intermediate, {
    subject,
    keys: leafKeys,
    usages: x509.KeyUsageFlags.keyEncipherment,
  });
  const sha1Leaf = await issue(dir, 'sha1', intermediate, { subject, keys: leafKeys, hash: 'SHA-1' });
  const revokedLeaf = await issue(dir, 'revoked', intermediate, { subject, keys: leafKeys });
  const secondLeaf = await issue(dir, 'second-leaf', intermediate, { subject: 'CN=Trần Thị Bình, O=UBND phường Dư Hàng, C=VN' });
  const foreignRoot = await selfSigned(dir, 'foreign-root', 'CN=Foreign Root CA, O=Elsewhere, C=VN');
  const foreignLeaf = await issue(dir, 'foreign-leaf', foreignRoot, { subject, keys: leafKeys });

  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, root.pem);
  const foreignCaFile = join(dir, 'foreign-ca.pem');
  writeFileSync(foreignCaFile, foreignRoot.pem);

  const crl = await x509.X509CrlGenerator.create({
    issuer: new x509.X509Certificate(intermediate.der).subject,
    thisUpdate: new Date(Date.now() - DAY),
    nextUpdate: new Date(Date.now() + 30 * DAY),
    // A reason code keeps crlEntryExtensions non-empty (an empty SEQUENCE is invalid and pkijs rejects it).
    entries: [{ serialNumber: new x509.X509Certificate(revokedLeaf.der).serialNumber, revocationDate: new Date(Date.now() - DAY), reason: x509.X509CrlReason.keyCompromise }],
    signingAlgorithm: RSA,
    signingKey: intermediate.keys.privateKey,
  });
  const rootCrl = await x509.X509CrlGenerator.create({
    issuer: new x509.X509Certificate(root.der).subject,
    thisUpdate: new Date(Date.now() - DAY),
    nextUpdate: new Date(Date.now() + 30 * DAY),
    entries: [{ serialNumber: 'ff0001', revocationDate: new Date(Date.now() - DAY), reason: x509.X509CrlReason.superseded }],
    signingAlgorithm: RSA,
    signingKey: root.keys.privateKey,
  });
  const crlFile = join(dir, 'crls.pem');
  writeFileSync(crlFile, pemOf(crl.rawData, 'X509 CRL') + pemOf(rootCrl.rawData, 'X509 CRL'));

  const p12 = {
    modernVi: makeP12(dir, 'modern-vi', leaf, [intermediate, root], VI_PASSWORD, false),
    modernAscii: makeP12(dir, 'modern-ascii', leaf, [intermediate], ASCII_PASSWORD, false),
    legacyVi: makeP12(dir, 'legacy-vi', leaf, [intermediate], VI_PASSWORD, true),
    legacyAscii: makeP12(dir, 'legacy-ascii', leaf, [intermediate], ASCII_PASSWORD, true),
    expiredAscii: makeP12(dir, 'expired', expiredLeaf, [intermediate], ASCII_PASSWORD, false),
    wrongKuAscii: makeP12(dir, 'wrongku', wrongKeyUsageLeaf, [intermediate], ASCII_PASSWORD, false),
    sha1Ascii: makeP12(dir, 'sha1', sha1Leaf, [intermediate], ASCII_PASSWORD, false),
    foreignAscii: makeP12(dir, 'foreign', foreignLeaf, [], ASCII_PASSWORD, false),
    revokedAscii: makeP12(dir, 'revoked', revokedLeaf, [intermediate], ASCII_PASSWORD, false),
    secondAscii: makeP12(dir, 'second', secondLeaf, [intermediate], ASCII_PASSWORD, false),
  };
  return {
    dir,
    root,
    intermediate,
    leaf,
    expiredLeaf,
    notYetValidLeaf,
    wrongKeyUsageLeaf,
    sha1Leaf,
    foreignRoot,
    foreignLeaf,
    secondLeaf,
    caFile,
    foreignCaFile,
    revokedLeaf,
    crlFile,
    p12,
  };
};
