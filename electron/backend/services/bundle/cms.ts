import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import type { Signer } from '../signing/signer';
import { ensurePkiEngine, OID, parseCertificate, sha256, toArrayBuffer } from '../signing/pki';

/** The signed attributes of a CAdES-BES (baseline B-B) signature, in DER (sorted) order. */
export type SignedAttributes = { attributes: pkijs.Attribute[]; der: Uint8Array };

const attr = (type: string, value: asn1js.BaseBlock): pkijs.Attribute => new pkijs.Attribute({ type, values: [value] });

/** ESS signingCertificateV2 with SHA-256 (the default hash, so hashAlgorithm is omitted) and issuerSerial. */
const signingCertificateV2 = (certDerBytes: Uint8Array, certHash: Uint8Array): asn1js.Sequence => {
  const cert = parseCertificate(certDerBytes);
  const issuerName = asn1js.fromBER(cert.issuer.toSchema().toBER(false)).result;
  const serial = asn1js.fromBER(cert.serialNumber.toBER(false)).result;
  const generalNames = new asn1js.Sequence({
    value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [issuerName] })],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), new asn1js.Sequence({ value: [generalNames, serial] })],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
};

/**
 * Builds contentType, signingTime, messageDigest and signingCertificateV2, sorted by their DER encodings
 * (X.690 SET OF order: pkijs keeps array order and stricter validators refuse unsorted sets).
 * `der` is the exact byte string to sign: the attributes as a universal SET (tag 0x31), RFC 5652 §5.4.
 * `signingTime: null` leaves signingTime out: PAdES baseline forbids it in the CMS (the PDF's /M carries the
 * claimed time instead, see services/pades/sign-pdf.ts); the ASiC-E bundle always passes a Date.
 */
export const buildSignedAttributes = (opts: {
  contentDigest: Uint8Array;
  signerCertificate: Uint8Array;
  signingTime: Date | null;
  /** Only tests change this (to prove SHA-1 is refused). */
  certHash?: Uint8Array;
}): SignedAttributes => {
  ensurePkiEngine();
  const attributes = [
    attr(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    ...(opts.signingTime ? [attr(OID.signingTime, new asn1js.UTCTime({ valueDate: opts.signingTime }))] : []),
    attr(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(opts.contentDigest) })),
    attr(OID.signingCertificateV2, signingCertificateV2(opts.signerCertificate, opts.certHash ?? sha256(opts.signerCertificate))),
  ];
  const sorted = attributes
    .map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }))
    .sort((x, y) => Buffer.compare(x.der, y.der))
    .map((x) => x.a);
  const set = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted });
  const der = new Uint8Array(set.toSchema().toBER(false));
  der[0] = 0x31; // [0] IMPLICIT → SET OF for the signature input
  return { attributes: sorted, der };
};

const algId = (oid: string, withNull: boolean): pkijs.AlgorithmIdentifier =>
  new pkijs.AlgorithmIdentifier(withNull ? { algorithmId: oid, algorithmParams: new asn1js.Null() } : { algorithmId: oid });

/** Assembles a detached CMS SignedData v1 (eContentType id-data, no eContent, one SignerInfo) as DER. */
export const assembleSignedData = (opts: {
  signed: SignedAttributes;
  signature: Uint8Array;
  signerCertificate: Uint8Array;
  chain: Uint8Array[];
  signatureAlgorithm: string;
  digestAlgorithm?: string;
}): Uint8Array => {
  ensurePkiEngine();
  const digestOid = opts.digestAlgorithm ?? OID.sha256;
  const signerCert = parseCertificate(opts.signerCertificate);
  const isRsa = opts.signatureAlgorithm.startsWith('1.2.840.113549.1.1.');
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCert.issuer, serialNumber: signerCert.serialNumber }),
    digestAlgorithm: algId(digestOid, false),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: opts.signed.attributes }),
    signatureAlgorithm: algId(opts.signatureAlgorithm, isRsa),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(opts.signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [algId(digestOid, false)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [signerCert, ...opts.chain.map(parseCertificate)],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
};

/** Signs the exact manifest bytes with `signer`; returns the DER of META-INF/signature001.p7s. */
export const signDetached = async (content: Uint8Array, signer: Signer, signingTime: Date): Promise<Uint8Array> => {
  const signed = buildSignedAttributes({
    contentDigest: sha256(content),
    signerCertificate: signer.certificate,
    signingTime,
  });
  const signature = await signer.sign(signed.der);
  return assembleSignedData({
    signed,
    signature,
    signerCertificate: signer.certificate,
    chain: signer.chain,
    signatureAlgorithm: signer.signatureAlgorithm,
  });
};
