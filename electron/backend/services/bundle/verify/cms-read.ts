import { bytesOf, childrenOf, contentOf, DerError, expectTag, oidText, readDer, TAG } from '../../signing/der';
import type { Der } from '../../signing/der';

/**
 * The parts of a CMS SignedData (RFC 5652 §5) that the verifier checks (cms-verify.ts), read from the bytes by
 * position (signing/der.ts). Byte fields are views into the input, as sent: the certificates, the issuer name
 * and serial of the signer identifier, the signed attributes (re-tagged as a SET they are what was signed).
 * Throws DerError when the shape is not a SignedData.
 */
export type CmsParts = {
  contentType: string;
  eContentType: string;
  eContentPresent: boolean;
  /** DER of each plain certificate (a SEQUENCE) in `certificates`; other CertificateChoices are ignored. */
  certificates: Uint8Array[];
  signerCount: number;
  signer: {
    /** IssuerAndSerialNumber: the issuer Name's encoding and the serial INTEGER's content; null for a key identifier. */
    issuer: Uint8Array | null;
    serial: Uint8Array | null;
    digestOid: string;
    signatureOid: string;
    /** The whole [0] IMPLICIT signedAttrs element, or null. */
    signedAttrs: Uint8Array | null;
    /** Each attribute's type and its values (each value's whole encoding). */
    attributes: { type: string; values: { der: Der; bytes: Uint8Array }[] }[];
    signature: Uint8Array;
  } | null;
};

const algorithmOid = (buf: Uint8Array, d: Der | undefined, what: string): string => {
  const seq = expectTag(d, TAG.SEQUENCE, what);
  return oidText(buf, childrenOf(buf, seq)[0]!);
};

const readSignerInfo = (buf: Uint8Array, si: Der): NonNullable<CmsParts['signer']> => {
  const f = childrenOf(buf, expectTag(si, TAG.SEQUENCE, 'SignerInfo'));
  let i = 1; // [0] version
  expectTag(f[0], TAG.INTEGER, 'SignerInfo version');
  const sid = f[i++];
  let issuer: Uint8Array | null = null;
  let serial: Uint8Array | null = null;
  if (sid?.tag === TAG.SEQUENCE) {
    const [name, sn] = childrenOf(buf, sid);
    issuer = bytesOf(buf, expectTag(name, TAG.SEQUENCE, 'issuer'));
    serial = contentOf(buf, expectTag(sn, TAG.INTEGER, 'serialNumber'));
  } else if (!sid || sid.tag !== TAG.ctxPrimitive(0)) throw new DerError('SignerIdentifier');
  const digestOid = algorithmOid(buf, f[i++], 'digestAlgorithm');
  let signedAttrs: Uint8Array | null = null;
  const attributes: NonNullable<CmsParts['signer']>['attributes'] = [];
  if (f[i]?.tag === TAG.ctx(0)) {
    const sa = f[i++]!;
    signedAttrs = bytesOf(buf, sa);
    for (const a of childrenOf(buf, sa)) {
      const [type, values] = childrenOf(buf, expectTag(a, TAG.SEQUENCE, 'Attribute'));
      attributes.push({ type: oidText(buf, type!), values: childrenOf(buf, expectTag(values, TAG.SET, 'attrValues')).map((der) => ({ der, bytes: bytesOf(buf, der) })) });
    }
  }
  const signatureOid = algorithmOid(buf, f[i++], 'signatureAlgorithm');
  const signature = contentOf(buf, expectTag(f[i++], TAG.OCTET_STRING, 'signature'));
  if (f[i]?.tag === TAG.ctx(1)) i++; // unsignedAttrs: not read
  if (i !== f.length) throw new DerError('SignerInfo: unexpected fields');
  return { issuer, serial, digestOid, signatureOid, signedAttrs, attributes, signature };
};

export const readCms = (p7s: Uint8Array): CmsParts => {
  const top = readDer(p7s, 0);
  if (top.end !== p7s.length) throw new DerError('not a single object');
  const [ct, explicit] = childrenOf(p7s, expectTag(top, TAG.SEQUENCE, 'ContentInfo'));
  const contentType = oidText(p7s, ct!);
  const parts: CmsParts = { contentType, eContentType: '', eContentPresent: false, certificates: [], signerCount: 0, signer: null };
  const [sd] = childrenOf(p7s, expectTag(explicit, TAG.ctx(0), 'content'));
  const f = childrenOf(p7s, expectTag(sd, TAG.SEQUENCE, 'SignedData'));
  expectTag(f[0], TAG.INTEGER, 'SignedData version');
  expectTag(f[1], TAG.SET, 'digestAlgorithms');
  const [eType, eContent] = childrenOf(p7s, expectTag(f[2], TAG.SEQUENCE, 'encapContentInfo'));
  parts.eContentType = oidText(p7s, eType!);
  parts.eContentPresent = eContent !== undefined;
  let i = 3;
  if (f[i]?.tag === TAG.ctx(0)) parts.certificates = childrenOf(p7s, f[i++]!).filter((c) => c.tag === TAG.SEQUENCE).map((c) => bytesOf(p7s, c));
  if (f[i]?.tag === TAG.ctx(1)) i++; // crls: not used (the trust store's CRLs are)
  const infos = childrenOf(p7s, expectTag(f[i++], TAG.SET, 'signerInfos'));
  if (i !== f.length) throw new DerError('SignedData: unexpected fields');
  parts.signerCount = infos.length;
  if (infos.length === 1) parts.signer = readSignerInfo(p7s, infos[0]!);
  return parts;
};
