import 'reflect-metadata';

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as x509 from '@peculiar/x509';

import { ASCII_PASSWORD, issue, makeP12, pemOf, RSA, selfSigned } from './pki';
import type { TestCert } from './pki';

/**
 * The PKI of a whole round: one root and one issuing CA, and one signer per organisation (Sở Nội vụ and each
 * unit), each with its .p12 (password ASCII_PASSWORD). Fixed dates (certificates from 2025-01-01 for many
 * years, CRLs current from 2025-01-01) so the run can follow a fixed calendar in December 2025 — the round's
 * deadlines — while openssl and the real clock also see valid certificates.
 */
export type RoundSigner = { cert: TestCert; p12: string };
export type RoundPki<K extends string> = { dir: string; root: TestCert; caFile: string; crlFile: string; signers: Record<K, RoundSigner>; password: string };

/** Common names of the root and the issuing CA (what "Chứng thư gốc tin cậy" lists). */
export const ROOT_NAME = 'CA gốc Thử nghiệm Đợt đánh giá';
export const CA_NAME = 'CA cấp dưới Thử nghiệm';

const FROM = new Date('2025-01-01T00:00:00Z');
const UNTIL = new Date('2045-01-01T00:00:00Z');

const crlOf = async (issuer: TestCert, unrelatedSerial: string): Promise<string> => {
  const crl = await x509.X509CrlGenerator.create({
    issuer: new x509.X509Certificate(issuer.der).subject,
    thisUpdate: FROM,
    nextUpdate: UNTIL,
    // One unrelated entry: an entry's reason keeps crlEntryExtensions non-empty (as test/helpers/pki.ts notes).
    entries: [{ serialNumber: unrelatedSerial, revocationDate: FROM, reason: x509.X509CrlReason.superseded }],
    signingAlgorithm: RSA,
    signingKey: issuer.keys.privateKey,
  });
  return pemOf(crl.rawData, 'X509 CRL');
};

/** `subjects`: the signer's distinguished name per key, e.g. { snv: 'CN=Lê Thị Hoa, O=Sở Nội vụ …, C=VN' }. */
export const createRoundPki = async <K extends string>(subjects: Record<K, string>): Promise<RoundPki<K>> => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-round-pki-'));
  const validity = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2050-01-01T00:00:00Z') };
  const root = await selfSigned(dir, 'root', `CN=${ROOT_NAME}, O=Test PKI, C=VN`, validity);
  const ca = await issue(dir, 'ca', root, { subject: `CN=${CA_NAME}, O=Test PKI, C=VN`, ca: true, ...validity });
  const signers = {} as Record<K, RoundSigner>;
  for (const key of Object.keys(subjects) as K[]) {
    const cert = await issue(dir, key, ca, { subject: subjects[key], notBefore: FROM, notAfter: UNTIL });
    signers[key] = { cert, p12: makeP12(dir, key, cert, [ca], ASCII_PASSWORD, false) };
  }
  const caFile = join(dir, 'ca-goc.pem');
  writeFileSync(caFile, root.pem);
  const crlFile = join(dir, 'crls.pem');
  writeFileSync(crlFile, (await crlOf(root, 'ff0101')) + (await crlOf(ca, 'ff0102')));
  return { dir, root, caFile, crlFile, signers, password: ASCII_PASSWORD };
};
