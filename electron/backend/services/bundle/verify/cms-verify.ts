import { createHash, verify as nodeVerify } from 'node:crypto';

import { bytesOf, childrenOf, contentOf, expectTag, oidText, readDer, TAG, timeOf } from '../../signing/der';
import type { Der } from '../../signing/der';
import { ACCEPTED_DIGESTS, ACCEPTED_SIGNATURE_ALGS, nativeCertificate, OID } from '../../signing/pki';
import { readCms } from './cms-read';
import type { CmsParts } from './cms-read';
import { fail } from './failure';

const HASH_NAME: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

export type CmsCheck = {
  signerCert: Uint8Array;
  /** DER of every certificate carried in the SignedData. */
  certificates: Uint8Array[];
  signingTime: Date | null;
};

type Signer = NonNullable<CmsParts['signer']>;
type AttrValue = { der: Der; bytes: Uint8Array };

const attrValue = (si: Signer, oid: string): AttrValue | undefined => {
  const attrs = si.attributes.filter((a) => a.type === oid);
  if (attrs.length > 1) fail('E_SIGNATURE', `attribute ${oid} present twice`);
  if (attrs.length === 1 && attrs[0]!.values.length !== 1) fail('E_SIGNATURE', `attribute ${oid} must have one value`);
  return attrs[0]?.values[0];
};

/** The issuer Name's encoding and the serial INTEGER's content of a certificate (TBSCertificate fields). */
const issuerAndSerial = (der: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } => {
  const [tbs] = childrenOf(der, readDer(der, 0));
  const f = childrenOf(der, expectTag(tbs, TAG.SEQUENCE, 'TBSCertificate'));
  const at = f[0]?.tag === TAG.ctx(0) ? 1 : 0;
  return { serial: contentOf(der, expectTag(f[at], TAG.INTEGER, 'serialNumber')), issuer: bytesOf(der, expectTag(f[at + 2], TAG.SEQUENCE, 'issuer')) };
};

/** ESS signingCertificateV2: the first ESSCertIDv2 must hash (SHA-256 by default) to the signer certificate. */
const checkSigningCertificateV2 = (value: AttrValue | undefined, der: Uint8Array, serial: Uint8Array, p7s: Uint8Array): void => {
  if (!value || value.der.tag !== TAG.SEQUENCE) return fail('E_SIGNING_CERT_BINDING', 'signingCertificateV2 missing');
  const [certs] = childrenOf(p7s, value.der);
  if (!certs || certs.tag !== TAG.SEQUENCE) return fail('E_SIGNING_CERT_BINDING', 'no ESSCertIDv2');
  const [first] = childrenOf(p7s, certs);
  if (!first) return fail('E_SIGNING_CERT_BINDING', 'no ESSCertIDv2');
  if (first.tag !== TAG.SEQUENCE) return fail('E_SIGNING_CERT_BINDING', 'bad ESSCertIDv2');
  const parts = childrenOf(p7s, first);
  let i = 0;
  let hashOid: string = OID.sha256;
  if (parts[0]?.tag === TAG.SEQUENCE) {
    hashOid = oidText(p7s, childrenOf(p7s, parts[0])[0]!);
    i = 1;
  }
  if (!ACCEPTED_DIGESTS.has(hashOid)) fail('E_ALG', `signingCertificateV2 hash ${hashOid}`);
  const hashBlock = parts[i];
  if (!hashBlock || hashBlock.tag !== TAG.OCTET_STRING) return fail('E_SIGNING_CERT_BINDING', 'certHash missing');
  const got = createHash(HASH_NAME[hashOid]!).update(der).digest();
  if (!got.equals(contentOf(p7s, hashBlock))) fail('E_SIGNING_CERT_BINDING', 'certHash does not match the signer certificate');
  const issuerSerial = parts[i + 1];
  if (issuerSerial?.tag === TAG.SEQUENCE) {
    const sn = childrenOf(p7s, issuerSerial)[1];
    if (!sn || sn.tag !== TAG.INTEGER || !Buffer.from(contentOf(p7s, sn)).equals(serial)) fail('E_SIGNING_CERT_BINDING', 'issuerSerial does not match the signer certificate');
  }
};

/**
 * Step 5: the CMS structure and the signature itself (not yet the trust path). Detached SignedData over
 * the manifest bytes, one SignerInfo, accepted algorithms, messageDigest, signature, signingCertificateV2.
 * Read by position (cms-read.ts); the certificates are used as sent and parsed through the memo of
 * signing/pki.ts.
 */
export const checkCms = (p7s: Buffer, manifest: Buffer): CmsCheck => {
  let cms: CmsParts;
  let certs: { der: Uint8Array; id: { issuer: Uint8Array; serial: Uint8Array } }[];
  try {
    cms = readCms(p7s);
    if (cms.contentType !== OID.signedData) fail('E_NOT_SIGNED_DATA', `contentType ${cms.contentType}`);
    certs = cms.certificates.map((der) => {
      nativeCertificate(der); // a certificate Node cannot parse is not a certificate
      return { der, id: issuerAndSerial(der) };
    });
  } catch (e) {
    if ((e as { name?: string }).name === 'BundleFailure') throw e;
    return fail('E_NOT_SIGNED_DATA', (e as Error).message.slice(0, 200));
  }
  if (cms.eContentPresent) fail('E_NOT_DETACHED', 'eContent present');
  if (cms.eContentType !== OID.data) fail('E_NOT_SIGNED_DATA', `eContentType ${cms.eContentType}`);
  if (cms.signerCount !== 1 || !cms.signer) return fail('E_SIGNER_COUNT', `${cms.signerCount} SignerInfos`);
  const si = cms.signer;
  const digestOid = si.digestOid;
  if (!ACCEPTED_DIGESTS.has(digestOid)) fail('E_ALG', `digest ${digestOid}`);
  if (!ACCEPTED_SIGNATURE_ALGS.has(si.signatureOid)) fail('E_ALG', `signature algorithm ${si.signatureOid}`);
  if (!si.signedAttrs) return fail('E_SIGNATURE', 'no signed attributes');

  const sidIssuer = si.issuer;
  const sidSerial = si.serial;
  const found = sidIssuer && sidSerial ? certs.find(({ id }) => Buffer.from(id.issuer).equals(sidIssuer) && Buffer.from(id.serial).equals(sidSerial)) : undefined;
  if (!found) return fail('E_SIGNATURE', 'signer certificate not found in the SignedData');
  const signerDer = found.der;

  const ct = attrValue(si, OID.contentType);
  if (!ct || ct.der.tag !== TAG.OID || oidText(p7s, ct.der) !== OID.data) fail('E_SIGNATURE', 'contentType attribute');
  const md = attrValue(si, OID.messageDigest);
  if (!md || md.der.tag !== TAG.OCTET_STRING) return fail('E_SIGNATURE', 'messageDigest missing');
  const digest = createHash(HASH_NAME[digestOid]!).update(manifest).digest();
  if (!digest.equals(contentOf(p7s, md.der))) fail('E_SIGNATURE', 'messageDigest differs from the manifest');

  // What was signed: the signed attributes as a SET (RFC 5652 §5.4), i.e. the [0] element re-tagged.
  const toSign = Buffer.from(si.signedAttrs);
  toSign[0] = 0x31;
  let ok = false;
  try {
    ok = nodeVerify(HASH_NAME[digestOid]!, toSign, nativeCertificate(signerDer).publicKey, si.signature);
  } catch {
    ok = false;
  }
  if (!ok) fail('E_SIGNATURE', 'signature does not verify with the signer certificate');

  checkSigningCertificateV2(attrValue(si, OID.signingCertificateV2), signerDer, found.id.serial, p7s);

  let signingTime: Date | null = null;
  const st = attrValue(si, OID.signingTime);
  if (st && (st.der.tag === TAG.UTC_TIME || st.der.tag === TAG.GENERALIZED_TIME)) {
    try {
      signingTime = timeOf(p7s, st.der);
    } catch {
      fail('E_SIGNATURE', 'signingTime');
    }
  }
  return { signerCert: new Uint8Array(signerDer), certificates: certs.map((c) => new Uint8Array(c.der)), signingTime };
};
