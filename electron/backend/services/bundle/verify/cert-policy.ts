import { createHash } from 'node:crypto';

import type * as pkijs from 'pkijs';

import type { BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import { SIGNING_TIME_SKEW_MS } from '../constants';
import { ACCEPTED_CERT_SIG_ALGS, canSignDocuments, dnText, ensurePkiEngine, isSigningCa, nativeCertificate, parseCertificate, parseCrl } from '../../signing/pki';
import { pkijsChainValid } from './chain-second-opinion';
import { checkPathConstraints } from './cert-constraints';
import type { CmsCheck } from './cms-verify';
import { fail } from './failure';
import type { TrustStore } from './trust';

const fp = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');

export type PolicyResult = { chain: string[]; warnings: BundleWarningCode[] };

/** Walks leaf → issuer through the bundle's certificates until a configured anchor (compared by fingerprint). */
const buildPath = (leaf: Uint8Array, pool: Uint8Array[], anchors: Uint8Array[]): Uint8Array[] | null => {
  const anchorFps = new Set(anchors.map(fp));
  const candidates = [...anchors, ...pool].map((d) => ({ der: d, x: nativeCertificate(d) }));
  const path: Uint8Array[] = [leaf];
  let cur = nativeCertificate(leaf);
  if (anchorFps.has(fp(leaf))) return path;
  for (let depth = 0; depth < 8; depth++) {
    const next = candidates.find((c) => !path.some((p) => fp(p) === fp(c.der)) && cur.checkIssued(c.x) && cur.verify(c.x.publicKey));
    if (!next) return null;
    path.push(next.der);
    if (anchorFps.has(fp(next.der))) return path;
    cur = next.x;
  }
  return null;
};

/** The top of the signer's own chain (the last certificate reachable by issuer links inside the bundle). */
const ownChainTop = (leaf: Uint8Array, pool: Uint8Array[]): Uint8Array => {
  const seen = new Set([fp(leaf)]);
  let cur = { der: leaf, x: nativeCertificate(leaf) };
  for (let depth = 0; depth < 8; depth++) {
    const next = pool.map((d) => ({ der: d, x: nativeCertificate(d) })).find((c) => !seen.has(fp(c.der)) && cur.x.checkIssued(c.x) && cur.x.verify(c.x.publicKey));
    if (!next) break;
    seen.add(fp(next.der));
    cur = next;
  }
  return cur.der;
};

const weakKey = (der: Uint8Array): boolean => {
  const d = nativeCertificate(der).publicKey.asymmetricKeyDetails;
  return d?.modulusLength !== undefined && d.modulusLength < 2048;
};

/**
 * Whether the CRL's signature verifies with the issuer's key, remembered per pair of parsed objects (each is
 * parsed once per DER, signing/pki.ts): the same CRL was verified again for every package of a batch.
 */
const crlVerdicts = new WeakMap<pkijs.CertificateRevocationList, WeakMap<pkijs.Certificate, boolean>>();
const crlSignedBy = async (crl: pkijs.CertificateRevocationList, issuer: pkijs.Certificate): Promise<boolean> => {
  const known = crlVerdicts.get(crl)?.get(issuer);
  if (known !== undefined) return known;
  let ok = false;
  try {
    ok = await crl.verify({ issuerCertificate: issuer });
  } catch {
    ok = false;
  }
  if (!crlVerdicts.has(crl)) crlVerdicts.set(crl, new WeakMap());
  crlVerdicts.get(crl)!.set(issuer, ok);
  return ok;
};

/** CRL check for one certificate; 'unknown' when no valid CRL from its issuer is available. */
const revocation = async (cert: Uint8Array, issuer: Uint8Array, crls: pkijs.CertificateRevocationList[], now: Date): Promise<'good' | 'revoked' | 'unknown'> => {
  const c = parseCertificate(cert);
  const iss = parseCertificate(issuer);
  for (const crl of crls) {
    if (!crl.issuer.isEqual(c.issuer)) continue;
    if (!(await crlSignedBy(crl, iss))) continue;
    if (crl.thisUpdate.value > now) continue;
    if (crl.isCertificateRevoked(c)) return 'revoked';
    if (!crl.nextUpdate || crl.nextUpdate.value >= now) return 'good';
  }
  return 'unknown';
};

/**
 * Step 6: algorithms and key sizes on the path, validity now, path to a configured trust anchor (pkijs
 * with checkChain, plus our own walk for the CA flags, path-length constraints, critical extensions and the
 * displayed chain), key usage, revocation, signingTime (not in the future, inside the signer's validity).
 */
export const checkCertificatePolicy = async (cms: CmsCheck, configured: TrustStore, now: Date): Promise<PolicyResult> => {
  ensurePkiEngine();
  const leaf = cms.signerCert;
  const warnings: BundleWarningCode[] = [];
  // Unit side without anchors: every other check still runs, against the bundle's own chain; the verdict
  // says plainly that who signed is not established (W_TRUST_NOT_CONFIGURED, docs/submission-format.md).
  const selfCheck = configured.anchors.length === 0 && configured.selfCheckWhenEmpty === true;
  const trust: TrustStore = selfCheck
    ? { anchors: [ownChainTop(leaf, cms.certificates.filter((d) => fp(d) !== fp(leaf)))], crls: configured.crls }
    : configured;
  if (selfCheck) warnings.push('W_TRUST_NOT_CONFIGURED');
  const leafX = nativeCertificate(leaf);
  const anchorFps = new Set(trust.anchors.map(fp));
  const path = buildPath(leaf, cms.certificates.filter((d) => fp(d) !== fp(leaf)), trust.anchors);
  // Algorithms first, on every certificate we can see (anchors' self-signatures do not matter).
  for (const der of [leaf, ...(path ?? []).slice(1)]) {
    if (anchorFps.has(fp(der))) continue;
    const alg = parseCertificate(der).signatureAlgorithm.algorithmId;
    if (!ACCEPTED_CERT_SIG_ALGS.has(alg)) fail('E_ALG', `certificate ${dnText(der, 'subject')} signed with ${alg}`);
    if (weakKey(der)) fail('E_ALG', 'RSA key shorter than 2048 bits');
  }
  if (now.getTime() > Date.parse(leafX.validTo)) fail('E_CERT_EXPIRED', `notAfter ${new Date(leafX.validTo).toISOString()}`);
  if (now.getTime() < Date.parse(leafX.validFrom)) fail('E_CERT_NOT_YET_VALID', `notBefore ${new Date(leafX.validFrom).toISOString()}`);
  if (trust.anchors.length === 0) fail('E_UNTRUSTED', 'no trust anchors configured');
  if (!path) fail('E_UNTRUSTED', 'no path from the signer to a configured trust anchor');
  const p = path!;
  for (const der of p.slice(1)) {
    const x = nativeCertificate(der);
    if (!isSigningCa(der)) fail('E_UNTRUSTED', `${dnText(der, 'subject')} is not a CA`);
    if (now.getTime() > Date.parse(x.validTo) || now.getTime() < Date.parse(x.validFrom)) fail('E_UNTRUSTED', `CA certificate outside its validity: ${dnText(der, 'subject')}`);
  }
  checkPathConstraints(p);
  // pkijs decides too (its chain engine with only the configured anchors trusted; issue #332: checkChain on).
  if (!(await pkijsChainValid(leaf, cms.certificates.filter((d) => fp(d) !== fp(leaf)), trust.anchors, now))) fail('E_UNTRUSTED', 'pkijs chain validation failed');
  if (!canSignDocuments(leaf) || isSigningCa(leaf)) fail('E_KEY_USAGE', 'neither digitalSignature nor nonRepudiation, or a CA certificate');

  const crls: pkijs.CertificateRevocationList[] = [];
  for (const d of trust.crls) {
    try {
      crls.push(parseCrl(d));
    } catch {
      /* an unreadable CRL counts as absent */
    }
  }
  let unknown = false;
  for (let i = 0; i < p.length - 1; i++) {
    const state = await revocation(p[i]!, p[i + 1]!, crls, now);
    if (state === 'revoked') fail('E_REVOKED', `${dnText(p[i]!, 'subject')} is on the CRL`);
    if (state === 'unknown') unknown = true;
  }
  if (unknown) warnings.push('W_REVOCATION_UNKNOWN');
  if (cms.signingTime && cms.signingTime.getTime() > now.getTime() + SIGNING_TIME_SKEW_MS) {
    fail('E_SIGNING_TIME', `signingTime ${cms.signingTime.toISOString()}`);
  }
  // The signer claims to have signed while the certificate was valid; a time before notBefore (or after
  // notAfter) is a back-dated or impossible signature.
  if (cms.signingTime) {
    const t = cms.signingTime.getTime();
    if (t < Date.parse(leafX.validFrom) || t > Date.parse(leafX.validTo)) {
      fail('E_SIGNING_TIME_OUTSIDE_CERT', `signingTime ${cms.signingTime.toISOString()} outside ${new Date(leafX.validFrom).toISOString()} … ${new Date(leafX.validTo).toISOString()}`);
    }
  }
  return { chain: p.map((d) => dnText(d, 'subject')), warnings };
};
