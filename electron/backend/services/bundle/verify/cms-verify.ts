import { createHash, verify as nodeVerify } from 'node:crypto';

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import { ACCEPTED_DIGESTS, ACCEPTED_SIGNATURE_ALGS, ensurePkiEngine, nativeCertificate, OID, parseCertificate, toArrayBuffer } from '../../signing/pki';
import { fail } from './failure';

const HASH_NAME: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

export type CmsCheck = {
  signerCert: Uint8Array;
  /** DER of every certificate carried in the SignedData. */
  certificates: Uint8Array[];
  signingTime: Date | null;
};

const attrValue = (si: pkijs.SignerInfo, oid: string): asn1js.BaseBlock | undefined => {
  const attrs = si.signedAttrs?.attributes.filter((a) => a.type === oid) ?? [];
  if (attrs.length > 1) fail('E_SIGNATURE', `attribute ${oid} present twice`);
  if (attrs.length === 1 && attrs[0]!.values.length !== 1) fail('E_SIGNATURE', `attribute ${oid} must have one value`);
  return attrs[0]?.values[0];
};

/** ESS signingCertificateV2: the first ESSCertIDv2 must hash (SHA-256 by default) to the signer certificate. */
const checkSigningCertificateV2 = (value: asn1js.BaseBlock | undefined, cert: pkijs.Certificate, der: Uint8Array): void => {
  if (!(value instanceof asn1js.Sequence)) return fail('E_SIGNING_CERT_BINDING', 'signingCertificateV2 missing');
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence) || certs.valueBlock.value.length === 0) fail('E_SIGNING_CERT_BINDING', 'no ESSCertIDv2');
  const first = (certs as asn1js.Sequence).valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return fail('E_SIGNING_CERT_BINDING', 'bad ESSCertIDv2');
  const parts = first.valueBlock.value;
  let i = 0;
  let hashOid: string = OID.sha256;
  if (parts[0] instanceof asn1js.Sequence) {
    hashOid = new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId;
    i = 1;
  }
  if (!ACCEPTED_DIGESTS.has(hashOid)) fail('E_ALG', `signingCertificateV2 hash ${hashOid}`);
  const hashBlock = parts[i];
  if (!(hashBlock instanceof asn1js.OctetString)) return fail('E_SIGNING_CERT_BINDING', 'certHash missing');
  const want = Buffer.from(hashBlock.valueBlock.valueHexView);
  const got = createHash(HASH_NAME[hashOid]!).update(der).digest();
  if (!want.equals(got)) fail('E_SIGNING_CERT_BINDING', 'certHash does not match the signer certificate');
  const issuerSerial = parts[i + 1];
  if (issuerSerial instanceof asn1js.Sequence) {
    const serial = issuerSerial.valueBlock.value[1];
    if (!(serial instanceof asn1js.Integer) || !serial.isEqual(cert.serialNumber)) {
      fail('E_SIGNING_CERT_BINDING', 'issuerSerial does not match the signer certificate');
    }
  }
};

/**
 * Takes SignedData.certificates ([0] IMPLICIT) out of the parsed tree before pkijs reads the rest; each
 * certificate is then parsed from its DER as sent, through the memo of signing/pki.ts. Parsing the same CA
 * certificates with pkijs's schema again for every package was about half of this step in a batch import,
 * and re-encoding them could differ from the bytes signingCertificateV2 and the register's fingerprints
 * name. Elements that are not plain certificates (the other CertificateChoices) are ignored, as before.
 */
const takeCertificates = (signedDataBlock: asn1js.BaseBlock): Uint8Array[] => {
  if (!(signedDataBlock instanceof asn1js.Sequence)) return [];
  const fields = signedDataBlock.valueBlock.value;
  const at = fields.findIndex((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0);
  if (at < 0) return [];
  const [set] = fields.splice(at, 1) as [asn1js.Constructed];
  return set.valueBlock.value.filter((v) => v instanceof asn1js.Sequence).map((v) => new Uint8Array(v.valueBeforeDecodeView));
};

/**
 * Step 5: the CMS structure and the signature itself (not yet the trust path). Detached SignedData over
 * the manifest bytes, one SignerInfo, accepted algorithms, messageDigest, signature, signingCertificateV2.
 */
export const checkCms = (p7s: Buffer, manifest: Buffer): CmsCheck => {
  ensurePkiEngine();
  let signedData: pkijs.SignedData;
  let certs: { der: Uint8Array; cert: pkijs.Certificate }[];
  try {
    const asn = asn1js.fromBER(toArrayBuffer(p7s));
    if (asn.offset === -1 || asn.offset !== p7s.length) fail('E_NOT_SIGNED_DATA', 'not a single DER object');
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    if (ci.contentType !== OID.signedData) fail('E_NOT_SIGNED_DATA', `contentType ${ci.contentType}`);
    const sent = takeCertificates(ci.content as asn1js.BaseBlock);
    signedData = new pkijs.SignedData({ schema: ci.content });
    certs = sent.map((der) => ({ der, cert: parseCertificate(der) }));
  } catch (e) {
    if ((e as { name?: string }).name === 'BundleFailure') throw e;
    return fail('E_NOT_SIGNED_DATA', (e as Error).message.slice(0, 200));
  }
  if (signedData.encapContentInfo.eContent) fail('E_NOT_DETACHED', 'eContent present');
  if (signedData.encapContentInfo.eContentType !== OID.data) fail('E_NOT_SIGNED_DATA', `eContentType ${signedData.encapContentInfo.eContentType}`);
  if (signedData.signerInfos.length !== 1) fail('E_SIGNER_COUNT', `${signedData.signerInfos.length} SignerInfos`);
  const si = signedData.signerInfos[0]!;
  const digestOid = si.digestAlgorithm.algorithmId;
  if (!ACCEPTED_DIGESTS.has(digestOid)) fail('E_ALG', `digest ${digestOid}`);
  const sigOid = si.signatureAlgorithm.algorithmId;
  if (!ACCEPTED_SIGNATURE_ALGS.has(sigOid)) fail('E_ALG', `signature algorithm ${sigOid}`);
  if (!si.signedAttrs) return fail('E_SIGNATURE', 'no signed attributes');

  const sid = si.sid;
  const found = certs.find(({ cert: c }) =>
    sid instanceof pkijs.IssuerAndSerialNumber
      ? c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)
      : false,
  );
  if (!found) return fail('E_SIGNATURE', 'signer certificate not found in the SignedData');
  const { cert: signer, der: signerDer } = found;

  const ct = attrValue(si, OID.contentType);
  if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== OID.data) fail('E_SIGNATURE', 'contentType attribute');
  const md = attrValue(si, OID.messageDigest);
  if (!(md instanceof asn1js.OctetString)) return fail('E_SIGNATURE', 'messageDigest missing');
  const digest = createHash(HASH_NAME[digestOid]!).update(manifest).digest();
  if (!digest.equals(Buffer.from(md.valueBlock.valueHexView))) fail('E_SIGNATURE', 'messageDigest differs from the manifest');

  const toSign = Buffer.from(si.signedAttrs.encodedValue);
  toSign[0] = 0x31;
  const x = nativeCertificate(signerDer);
  const sigBytes = Buffer.from(si.signature.valueBlock.valueHexView);
  let ok = false;
  try {
    ok = nodeVerify(HASH_NAME[digestOid]!, toSign, x.publicKey, sigBytes);
  } catch {
    ok = false;
  }
  if (!ok) fail('E_SIGNATURE', 'signature does not verify with the signer certificate');

  checkSigningCertificateV2(attrValue(si, OID.signingCertificateV2), signer, signerDer);

  let signingTime: Date | null = null;
  const st = attrValue(si, OID.signingTime);
  if (st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime) signingTime = st.toDate();
  return { signerCert: signerDer, certificates: certs.map((c) => c.der), signingTime };
};
