import { createPrivateKey, sign as nodeSign, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

import * as pkijs from 'pkijs';

import { AppFailure } from '../../../../shared/ipc/result';
import { decodeP12WithForge } from './forge-p12';
import type { RawP12 } from './forge-p12';
import { certDetails, ensurePkiEngine, OID, toArrayBuffer } from './pki';
import type { Signer } from './signer';

const BAG = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
};


class NeedsLegacy extends Error {}

/** pkijs on WebCrypto: modern files (PBES2/AES, HMAC-SHA-256 MAC). Unknown legacy PBE → NeedsLegacy. */
const decodeWithPkijs = async (file: Uint8Array, password: string): Promise<RawP12> => {
  ensurePkiEngine();
  const pwd = toArrayBuffer(new TextEncoder().encode(password.normalize('NFC')));
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(file));
  } catch {
    throw AppFailure.of('P12_UNREADABLE');
  }
  const legacyOrBad = (e: unknown): never => {
    const msg = e instanceof Error ? e.message : String(e);
    if (/1\.2\.840\.113549\.1\.12\.1\.|Unknown|not supported|Unsupported|RC2|DES/i.test(msg)) throw new NeedsLegacy(msg);
    if (/Integrity|decrypt|OperationError|bad decrypt/i.test(msg)) throw AppFailure.of('P12_WRONG_PASSWORD');
    throw new NeedsLegacy(msg);
  };
  try {
    await pfx.parseInternalValues({ password: pwd, checkIntegrity: true });
  } catch (e) {
    legacyOrBad(e);
  }
  const authSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authSafe) throw AppFailure.of('P12_UNREADABLE');
  try {
    await authSafe.parseInternalValues({ safeContents: authSafe.safeContents.map(() => ({ password: pwd })) });
  } catch (e) {
    legacyOrBad(e);
  }
  const keys: Buffer[] = [];
  const certs: Buffer[] = [];
  for (const sc of authSafe.parsedValue?.safeContents ?? []) {
    for (const bag of sc.value.safeBags) {
      if (bag.bagId === BAG.shroudedKeyBag) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        try {
          // parseInternalValues is declared protected in the typings but is the documented way to decrypt.
          await (shrouded as unknown as { parseInternalValues: (p: { password: ArrayBuffer }) => Promise<void> }).parseInternalValues({ password: pwd });
        } catch (e) {
          legacyOrBad(e);
        }
        if (shrouded.parsedValue) keys.push(Buffer.from(shrouded.parsedValue.toSchema().toBER(false)));
      } else if (bag.bagId === BAG.keyBag) {
        keys.push(Buffer.from((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false)));
      } else if (bag.bagId === BAG.certBag) {
        const cb = bag.bagValue as pkijs.CertBag;
        if (cb.certId === BAG.x509Certificate && cb.parsedValue instanceof pkijs.Certificate) {
          certs.push(Buffer.from(cb.parsedValue.toSchema(true).toBER(false)));
        }
      }
    }
  }
  return { keys, certs };
};

/**
 * Orders the other certificates from the signer upwards (issuer of the signer first). A self-signed root is
 * not shipped (it is the verifier's trust anchor) but is returned apart for the exporter's own self-check.
 */
const chainFor = (leaf: X509Certificate, others: X509Certificate[]): { chain: Uint8Array[]; root?: Uint8Array } => {
  const chain: Uint8Array[] = [];
  let cur = leaf;
  const pool = [...others];
  for (let i = 0; i < 8; i++) {
    const idx = pool.findIndex((c) => cur.checkIssued(c) && cur.verify(c.publicKey));
    if (idx < 0) break;
    const issuer = pool.splice(idx, 1)[0]!;
    if (issuer.checkIssued(issuer)) return { chain, root: new Uint8Array(issuer.raw) };
    chain.push(new Uint8Array(issuer.raw));
    cur = issuer;
  }
  return { chain };
};

const zero = (bufs: Buffer[]): void => bufs.forEach((b) => b.fill(0));

/**
 * Opens a .p12/.pfx: pkijs first, node-forge for legacy encodings. Picks the certificate whose public key
 * matches the private key (files often carry the chain too). The password is used here and dropped.
 */
export const openP12Signer = async (file: Uint8Array, password: string): Promise<Signer> => {
  let raw: RawP12;
  try {
    raw = await decodeWithPkijs(file, password);
  } catch (e) {
    if (!(e instanceof NeedsLegacy)) throw e;
    try {
      raw = decodeP12WithForge(file, password.normalize('NFC'));
    } catch (fe) {
      const msg = fe instanceof Error ? fe.message : String(fe);
      if (/password|MAC|decrypt/i.test(msg)) throw AppFailure.of('P12_WRONG_PASSWORD');
      throw AppFailure.of('P12_UNREADABLE');
    }
  }
  try {
    if (raw.keys.length === 0) throw AppFailure.of('P12_NO_KEY');
    if (raw.certs.length === 0) throw AppFailure.of('P12_NO_CERT');
    const certs = raw.certs.map((d) => new X509Certificate(d));
    let key: KeyObject | null = null;
    let leaf: X509Certificate | null = null;
    for (const k of raw.keys) {
      const candidate = createPrivateKey({ key: k, format: 'der', type: 'pkcs8' });
      const match = certs.find((c) => c.checkPrivateKey(candidate));
      if (match) {
        key = candidate;
        leaf = match;
        break;
      }
    }
    if (!key || !leaf) throw AppFailure.of('P12_KEY_CERT_MISMATCH');
    const certificate = new Uint8Array(leaf.raw);
    const signatureAlgorithm = key.asymmetricKeyType === 'ec' ? OID.ecdsaWithSha256 : OID.sha256WithRSA;
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') {
      throw AppFailure.of('KEY_TYPE_UNSUPPORTED');
    }
    let live: KeyObject | null = key;
    const { chain, root } = chainFor(leaf, certs.filter((c) => c !== leaf));
    return {
      certificate,
      chain,
      ...(root ? { root } : {}),
      details: certDetails(certificate),
      signatureAlgorithm,
      sign: async (data) => {
        if (!live) throw AppFailure.of('KEY_CLOSED');
        // ECDSA signatures go into CMS as DER (r, s); Node gives DER by default.
        return new Uint8Array(nodeSign('sha256', data, live));
      },
      close: async () => {
        live = null;
      },
    };
  } finally {
    zero(raw.keys);
  }
};
