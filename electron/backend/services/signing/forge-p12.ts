import { createRequire } from 'node:module';

/**
 * node-forge, only as the fallback for legacy PKCS#12 files (RC2-40 / 3DES, SHA-1 MAC: Windows exports),
 * which WebCrypto cannot decrypt. It only ever parses the user's own key file, never untrusted input
 * (forge's ASN.1 parser had CVEs; nothing on the verify side uses it).
 */
type ForgeAsn1 = unknown;
type ForgeBag = {
  key?: unknown;
  cert?: { tbsCertificate?: unknown } | null;
  asn1?: ForgeAsn1;
};
type Forge = {
  util: { createBuffer: (bytes: string, enc?: string) => unknown };
  asn1: { fromDer: (buf: unknown, strict?: boolean) => ForgeAsn1; toDer: (a: ForgeAsn1) => { getBytes: () => string } };
  pkcs12: {
    pkcs12FromAsn1: (a: ForgeAsn1, strict: boolean, password: string) => {
      getBags: (f: { bagType: string }) => Record<string, ForgeBag[] | undefined>;
    };
  };
  pki: {
    oids: Record<string, string>;
    privateKeyToAsn1: (k: unknown) => ForgeAsn1;
    wrapRsaPrivateKey: (a: ForgeAsn1) => ForgeAsn1;
    certificateToAsn1: (c: unknown) => ForgeAsn1;
  };
};

const forge = createRequire(import.meta.url)('node-forge') as Forge;

const derOf = (a: ForgeAsn1): Buffer => Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary');

export type RawP12 = { keys: Buffer[]; certs: Buffer[] };

/** Decodes a .p12 with node-forge: PKCS#8 DER private keys and DER certificates. Throws on a bad password. */
export const decodeP12WithForge = (file: Uint8Array, password: string): RawP12 => {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(file).toString('binary')), false);
  const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  const keys: Buffer[] = [];
  for (const bagType of [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!]) {
    for (const bag of p12.getBags({ bagType })[bagType] ?? []) {
      if (bag.key) keys.push(derOf(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))));
      else if (bag.asn1) keys.push(derOf(bag.asn1)); // non-RSA key: forge keeps the PrivateKeyInfo as is
    }
  }
  const certs: Buffer[] = [];
  const certBag = forge.pki.oids.certBag!;
  for (const bag of p12.getBags({ bagType: certBag })[certBag] ?? []) {
    // certificateToAsn1 reuses the parsed TBSCertificate, so the bytes (and the fingerprint) are unchanged.
    if (bag.cert) certs.push(derOf(forge.pki.certificateToAsn1(bag.cert)));
    else if (bag.asn1) certs.push(derOf(bag.asn1));
  }
  return { keys, certs };
};
