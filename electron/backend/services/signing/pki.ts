import 'reflect-metadata';

import { createHash, webcrypto, X509Certificate as NativeX509 } from 'node:crypto';

import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

import type { SignerDetails } from '../../../../shared/schemas/submission';

/** pkijs on Node's own WebCrypto (Node ≥ 20 needs no polyfill). Idempotent. */
let engineReady = false;
export const ensurePkiEngine = (): void => {
  if (engineReady) return;
  const crypto = webcrypto as unknown as Crypto;
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto }));
  x509.cryptoProvider.set(crypto);
  engineReady = true;
};

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  md5: '1.2.840.113549.2.5',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecPublicKey: '1.2.840.10045.2.1',
} as const;

/** Digest algorithms accepted in CMS and certificates. SHA-1 and MD5 are refused (E_ALG). */
export const ACCEPTED_DIGESTS = new Set<string>([OID.sha256, OID.sha384, OID.sha512]);
export const ACCEPTED_SIGNATURE_ALGS = new Set<string>([
  OID.rsaEncryption,
  OID.sha256WithRSA,
  OID.sha384WithRSA,
  OID.sha512WithRSA,
  OID.ecdsaWithSha256,
  OID.ecdsaWithSha384,
]);
/** Certificate signature algorithms accepted anywhere on the path. */
export const ACCEPTED_CERT_SIG_ALGS = new Set<string>([
  OID.sha256WithRSA,
  OID.sha384WithRSA,
  OID.sha512WithRSA,
  OID.ecdsaWithSha256,
  OID.ecdsaWithSha384,
]);

export const toArrayBuffer = (u8: Uint8Array): ArrayBuffer =>
  u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;

export const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/**
 * Parsed forms of a certificate or CRL, remembered by the SHA-256 of its DER (so equal bytes, and only equal
 * bytes, share one parse). A batch import verifies hundreds of packages signed under the same CA and anchors:
 * parsing their ASN.1 again for every check of every package cost most of a package's verification time
 * (docs/performance.md, "Batch import"). Bounded; the oldest entry goes first. Callers never modify the objects.
 */
const PARSE_MEMO_MAX = 256;
const parseMemo = new Map<string, unknown>();
const memo = <T>(kind: string, der: Uint8Array, parse: () => T): T => {
  const key = `${kind}:${createHash('sha256').update(der).digest('hex')}`;
  const hit = parseMemo.get(key);
  if (hit !== undefined) return hit as T;
  const value = parse();
  if (parseMemo.size >= PARSE_MEMO_MAX) parseMemo.delete(parseMemo.keys().next().value!);
  parseMemo.set(key, value);
  return value;
};

export const parseCertificate = (der: Uint8Array): pkijs.Certificate => memo('pkijs', der, () => pkijs.Certificate.fromBER(toArrayBuffer(der)));

/** Node's own parse of a certificate (issuer checks, signatures, validity), remembered like parseCertificate. */
export const nativeCertificate = (der: Uint8Array): NativeX509 => memo('node', der, () => new NativeX509(der));

/** A CRL parsed by pkijs, remembered like parseCertificate. Throws on a CRL that does not parse. */
export const parseCrl = (der: Uint8Array): pkijs.CertificateRevocationList => memo('crl', der, () => pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der)));

const peculiar = (der: Uint8Array): x509.X509Certificate => memo('x509', der, () => new x509.X509Certificate(toArrayBuffer(der)));

export const certDer = (cert: pkijs.Certificate): Uint8Array => new Uint8Array(cert.toSchema(true).toBER(false));

/** "CN=…, O=…" in RFC 4514 order with UTF-8 kept (Vietnamese names stay readable). */
export const dnText = (der: Uint8Array, which: 'subject' | 'issuer'): string => {
  const c = peculiar(der);
  return which === 'subject' ? c.subject : c.issuer;
};

export const certDetails = (der: Uint8Array): SignerDetails => {
  const c = peculiar(der);
  return {
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    sha256: sha256(der).toString('hex'),
  };
};

/** True when KeyUsage allows signing documents (digitalSignature or nonRepudiation). */
export const canSignDocuments = (der: Uint8Array): boolean => {
  const c = peculiar(der);
  const ku = c.getExtension(x509.KeyUsagesExtension);
  if (!ku) return true; // RFC 5280: no extension means no restriction
  return (ku.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) !== 0;
};

/** True when the certificate is a CA allowed to sign certificates (basicConstraints cA and keyCertSign). */
export const isSigningCa = (der: Uint8Array): boolean => {
  const c = peculiar(der);
  const bc = c.getExtension(x509.BasicConstraintsExtension);
  if (!bc?.ca) return false;
  const ku = c.getExtension(x509.KeyUsagesExtension);
  return !ku || (ku.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
};
