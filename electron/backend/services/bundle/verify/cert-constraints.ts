import type * as pkijs from 'pkijs';

import { dnText, parseCertificate } from '../../signing/pki';
import { fail } from './failure';

/**
 * Critical extensions this verifier understands (the set OpenSSL handles, minus the constraints below):
 * basicConstraints and keyUsage are enforced; extKeyUsage, subjectAltName, certificatePolicies, CRL
 * distribution points and OCSP no-check restrict nothing we rely on (like `openssl verify` without
 * -purpose/-policy). Any other critical extension makes the certificate unusable (RFC 5280 §4.2).
 */
const UNDERSTOOD_CRITICAL = new Set([
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies
  '2.5.29.37', // extKeyUsage
  '1.3.6.1.5.5.7.48.1.5', // id-pkix-ocsp-nocheck
]);

/**
 * Constraints that OpenSSL enforces and this verifier does not evaluate: refused whether marked critical
 * or not, so that we never accept a path that `openssl verify` would reject for them.
 */
const UNENFORCED = new Map([
  ['2.5.29.30', 'nameConstraints'],
  ['2.5.29.33', 'policyMappings'],
  ['2.5.29.36', 'policyConstraints'],
  ['2.5.29.54', 'inhibitAnyPolicy'],
]);

const BASIC_CONSTRAINTS = '2.5.29.19';

/** pathLenConstraint of a parsed certificate, or undefined when absent (or not a CA). */
const pathLenOf = (c: pkijs.Certificate): number | undefined => {
  const bc = c.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS)?.parsedValue as pkijs.BasicConstraints | undefined;
  const v = bc?.cA ? bc.pathLenConstraint : undefined;
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : v.valueBlock.valueDec;
};

/** Every certificate of the path, anchor included (as OpenSSL does): unknown critical extensions, unenforced constraints, duplicates. */
const checkExtensions = (path: Uint8Array[], certs: pkijs.Certificate[]): void => {
  certs.forEach((c, i) => {
    const who = (): string => dnText(path[i]!, 'subject');
    const seen = new Set<string>();
    for (const ext of c.extensions ?? []) {
      if (seen.has(ext.extnID)) fail('E_CERT_CRITICAL_EXTENSION', `${who()}: extension ${ext.extnID} appears twice`);
      seen.add(ext.extnID);
      const unenforced = UNENFORCED.get(ext.extnID);
      if (unenforced) fail('E_CERT_CRITICAL_EXTENSION', `${who()}: ${unenforced} is not enforced by this verifier`);
      if (ext.critical && !UNDERSTOOD_CRITICAL.has(ext.extnID)) fail('E_CERT_CRITICAL_EXTENSION', `${who()}: unknown critical extension ${ext.extnID}`);
    }
  });
};

/**
 * basicConstraints pathLenConstraint (RFC 5280 §4.2.1.9): a CA may have at most pathLen non-self-issued
 * intermediate certificates between itself and the end-entity certificate. `path` runs leaf → anchor.
 */
const checkPathLength = (path: Uint8Array[], certs: pkijs.Certificate[]): void => {
  const selfIssued = certs.map((c) => c.subject.isEqual(c.issuer));
  for (let i = 1; i < certs.length; i++) {
    const pathLen = pathLenOf(certs[i]!);
    if (pathLen === undefined) continue;
    const below = selfIssued.slice(1, i).filter((s) => !s).length;
    if (below > pathLen) fail('E_CERT_PATH_LEN', `${dnText(path[i]!, 'subject')} allows ${pathLen} intermediate CA(s) below it, the path has ${below}`);
  }
};

/** Step 6, the path constraints OpenSSL checks and pkijs does not (X509_V_ERR_PATH_LENGTH_EXCEEDED, _UNHANDLED_CRITICAL_EXTENSION). */
export const checkPathConstraints = (path: Uint8Array[]): void => {
  const certs = path.map(parseCertificate);
  checkExtensions(path, certs);
  checkPathLength(path, certs);
};
