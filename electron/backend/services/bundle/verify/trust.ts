import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { readCertificates } from '../../signing/pem';

/**
 * Trust anchors (and optional CRLs) configured by the appraiser: nothing is built in.
 * `selfCheckWhenEmpty` is the unit side's choice (services/trust/verify.ts): with no anchor configured, the
 * bundle is checked against the top of its own certificate chain and warned W_TRUST_NOT_CONFIGURED, instead
 * of refused with E_UNTRUSTED (the default, kept by the inbox and the CLI).
 */
export type TrustStore = { anchors: Uint8Array[]; crls: Uint8Array[]; selfCheckWhenEmpty?: boolean };

const MAX_TRUST_FILE = 4 * 1024 * 1024;

const crlsIn = (data: Buffer, name: string): Uint8Array[] => {
  const text = data.toString('latin1');
  if (text.includes('-----BEGIN X509 CRL-----')) {
    const out: Uint8Array[] = [];
    const re = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/g;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
    return out;
  }
  return /\.crl$/i.test(name) && !text.includes('-----BEGIN') ? [new Uint8Array(data)] : [];
};

const addFile = (file: string, store: TrustStore): void => {
  const data = readFileSync(file);
  if (data.length > MAX_TRUST_FILE) throw new Error(`trust file too large: ${file}`);
  const name = file.toLowerCase();
  store.crls.push(...crlsIn(data, name));
  const text = data.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) store.anchors.push(...readCertificates(data));
  else if (/\.(der|cer|crt)$/.test(name) && !text.includes('-----BEGIN')) store.anchors.push(new Uint8Array(data));
};

/** A PEM/DER file, or a folder of *.pem, *.crt, *.cer, *.der (anchors) and *.crl (revocation lists). */
export const loadTrustStore = (path: string): TrustStore => {
  const store: TrustStore = { anchors: [], crls: [] };
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const f of readdirSync(path).sort()) {
      if (/\.(pem|crt|cer|der|crl)$/i.test(f) && statSync(join(path, f)).isFile()) addFile(join(path, f), store);
    }
  } else addFile(path, store);
  return store;
};

/** Adds CRL files (PEM or DER) to a store. */
export const addCrlFiles = (store: TrustStore, files: string[]): TrustStore => {
  for (const f of files) store.crls.push(...crlsIn(readFileSync(f), f.toLowerCase().endsWith('.crl') ? f : `${f}.crl`));
  return store;
};
