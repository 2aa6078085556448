import 'reflect-metadata';

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import * as x509 from '@peculiar/x509';

import { AppFailure } from '../../../../shared/ipc/result';
import type { TrustEntry } from '../../../../shared/ipc/channels/trust';
import { fsyncDirSync, writeFileAtomicSync } from '../../storage/atomic-write';
import { ensurePkiEngine, isSigningCa, sha256, toArrayBuffer } from '../signing/pki';

/**
 * The appraiser's trust anchors and CRLs in <dataDir>/trust — the folder services/trust/verify.ts loads with
 * loadTrustStore (nothing is built in). Imported files are stored under their SHA-256 fingerprint:
 * `<fp>.pem` for a CA certificate, `<fp>.crl` (DER) for a revocation list, so importing twice is a no-op.
 * Files an administrator copied there by hand are listed too (every certificate/CRL they contain).
 */
export const trustDir = (dataDir: string): string => join(dataDir, 'trust');

/** The largest trust file read (import, listing, backup restore). */
export const MAX_TRUST_FILE_BYTES = 4 * 1024 * 1024;
const MAX_IMPORT = MAX_TRUST_FILE_BYTES;
const TRUST_FILE_RE = /\.(pem|crt|cer|der|crl)$/i;

const pemBlocks = (text: string, label: string): Uint8Array[] => {
  const out: Uint8Array[] = [];
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
  return out;
};

const toPem = (der: Uint8Array, label: string): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

const fingerprint = (der: Uint8Array): string => sha256(der).toString('hex');

type Parsed = { kind: 'anchor'; der: Uint8Array; cert: x509.X509Certificate } | { kind: 'crl'; der: Uint8Array; crl: x509.X509Crl };

const tryCert = (der: Uint8Array): x509.X509Certificate | null => {
  try {
    return new x509.X509Certificate(toArrayBuffer(der));
  } catch {
    return null;
  }
};
const tryCrl = (der: Uint8Array): x509.X509Crl | null => {
  try {
    return new x509.X509Crl(toArrayBuffer(der));
  } catch {
    return null;
  }
};

/** Every certificate and CRL in a PEM (several blocks allowed) or DER blob; unreadable parts are skipped. */
const parseAll = (data: Uint8Array): Parsed[] => {
  ensurePkiEngine();
  const text = Buffer.from(data).toString('latin1');
  const out: Parsed[] = [];
  if (text.includes('-----BEGIN')) {
    for (const der of pemBlocks(text, 'CERTIFICATE')) {
      const cert = tryCert(der);
      if (cert) out.push({ kind: 'anchor', der, cert });
    }
    for (const der of pemBlocks(text, 'X509 CRL')) {
      const crl = tryCrl(der);
      if (crl) out.push({ kind: 'crl', der, crl });
    }
    return out;
  }
  const der = new Uint8Array(data);
  const cert = tryCert(der);
  if (cert) return [{ kind: 'anchor', der, cert }];
  const crl = tryCrl(der);
  return crl ? [{ kind: 'crl', der, crl }] : [];
};

const entryOf = (p: Parsed, file: string): TrustEntry =>
  p.kind === 'anchor'
    ? {
        kind: 'anchor',
        fingerprint: fingerprint(p.der),
        subject: p.cert.subject,
        issuer: p.cert.issuer,
        notBefore: p.cert.notBefore.toISOString(),
        notAfter: p.cert.notAfter.toISOString(),
        fileName: file,
      }
    : {
        kind: 'crl',
        fingerprint: fingerprint(p.der),
        subject: p.crl.issuer,
        issuer: p.crl.issuer,
        notBefore: p.crl.thisUpdate.toISOString(),
        notAfter: p.crl.nextUpdate ? p.crl.nextUpdate.toISOString() : null,
        fileName: file,
      };

const trustFiles = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => TRUST_FILE_RE.test(f) && !f.startsWith('.') && statSync(join(dir, f)).isFile()).sort() : [];

const readSmall = (file: string): Uint8Array | null => (statSync(file).size > MAX_IMPORT ? null : new Uint8Array(readFileSync(file)));

/** Anchors first, then CRLs; each fingerprint once (the same CA copied twice is one anchor). */
export const listTrust = (dataDir: string): TrustEntry[] => {
  const dir = trustDir(dataDir);
  const seen = new Set<string>();
  const out: TrustEntry[] = [];
  for (const f of trustFiles(dir)) {
    const data = readSmall(join(dir, f));
    if (!data) continue;
    for (const p of parseAll(data)) {
      const e = entryOf(p, f);
      if (seen.has(e.fingerprint)) continue;
      seen.add(e.fingerprint);
      out.push(e);
    }
  }
  return out.sort((a, b) => (a.kind === b.kind ? a.subject.localeCompare(b.subject) : a.kind === 'anchor' ? -1 : 1));
};

/** A trust file that passed checkTrustFile: what it holds, ready to store. */
export type CheckedTrustFile = { readonly items: readonly Parsed[] };

/** Why a trust file is refused (the caller words it: trust.import directly, backup restore per entry). */
export type TrustFileProblem = { problem: 'size' } | { problem: 'unreadable' } | { problem: 'not-a-ca'; subject: string };

/**
 * The checks of trust.import, for any file that is to become a trust anchor: not empty, at most 4 MiB, at
 * least one certificate or CRL in it, and every certificate a CA (basicConstraints cA=TRUE and, if present,
 * keyCertSign) — a leaf is never an anchor. Nothing is written here.
 */
export const checkTrustFile = (data: Uint8Array): CheckedTrustFile | TrustFileProblem => {
  if (data.length === 0 || data.length > MAX_IMPORT) return { problem: 'size' };
  const parsed = parseAll(data);
  if (parsed.length === 0) return { problem: 'unreadable' };
  const leaf = parsed.find((p) => p.kind === 'anchor' && !isSigningCa(p.der));
  if (leaf && leaf.kind === 'anchor') return { problem: 'not-a-ca', subject: leaf.cert.subject };
  return { items: parsed };
};

/**
 * Stores checked items under their own SHA-256 fingerprint (`<fp>.pem` / `<fp>.crl`): a file name can never
 * claim another certificate's place, and storing twice is a no-op.
 */
export const storeTrust = (dataDir: string, checked: CheckedTrustFile): TrustEntry[] => {
  const dir = trustDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const out: TrustEntry[] = [];
  for (const p of checked.items) {
    const fp = fingerprint(p.der);
    const file = p.kind === 'anchor' ? `${fp}.pem` : `${fp}.crl`;
    writeFileAtomicSync(join(dir, file), p.kind === 'anchor' ? toPem(p.der, 'CERTIFICATE') : p.der);
    out.push(entryOf(p, file));
  }
  return out;
};

/**
 * Validates and stores one file: CA certificates and CRLs (checkTrustFile). A leaf certificate, garbage or
 * an empty file is refused with a Vietnamese message and nothing is written. Returns the entries stored (a
 * PEM may hold a CA chain and CRLs).
 */
export const importTrust = (dataDir: string, data: Uint8Array, name: string): TrustEntry[] => {
  const checked = checkTrustFile(data);
  if ('problem' in checked) {
    if (checked.problem === 'size') throw AppFailure.of('TRUST_FILE_SIZE', { name });
    if (checked.problem === 'unreadable') throw AppFailure.of('TRUST_FILE_UNREADABLE', { name });
    throw AppFailure.of('TRUST_NOT_A_CA', { subject: checked.subject });
  }
  return storeTrust(dataDir, checked);
};

/**
 * Removes an anchor or CRL by fingerprint, wherever it is: its own file is deleted; a hand-copied bundle
 * file holding several is rewritten (atomically) without it. Returns false when it was not there.
 */
export const removeTrust = (dataDir: string, fp: string): boolean => {
  const dir = trustDir(dataDir);
  let removed = false;
  for (const f of trustFiles(dir)) {
    const path = join(dir, f);
    const data = readSmall(path);
    if (!data) continue;
    const items = parseAll(data);
    if (!items.some((p) => fingerprint(p.der) === fp)) continue;
    const rest = items.filter((p) => fingerprint(p.der) !== fp);
    if (rest.length === 0) rmSync(path, { force: true });
    else writeFileAtomicSync(path, rest.map((p) => toPem(p.der, p.kind === 'anchor' ? 'CERTIFICATE' : 'X509 CRL')).join(''));
    removed = true;
  }
  if (removed) fsyncDirSync(dir);
  return removed;
};
