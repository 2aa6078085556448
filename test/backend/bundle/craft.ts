import { createHash, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { Submission } from '../../../shared/schemas/submission';
import { assembleSignedData, buildSignedAttributes } from '../../../electron/backend/services/bundle/cms';
import { ASIC_MIMETYPE, mediaTypeFor } from '../../../electron/backend/services/bundle/constants';
import { buildManifest } from '../../../electron/backend/services/bundle/manifest';
import type { Signer } from '../../../electron/backend/services/signing/signer';
import { certDetails, OID } from '../../../electron/backend/services/signing/pki';
import type { TestCert, TestPki } from '../../helpers/pki';
import { writeRawZip } from './raw-zip';
import type { RawEntry } from './raw-zip';
import { sampleInput } from './sample';

export type Part = { name: string; data: Buffer; method?: number };

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A Signer straight from a test certificate (no usability policy: the verifier must catch bad ones). */
export const testSigner = (cert: TestCert, chain: TestCert[] = []): Signer => {
  const key = createPrivateKey(cert.pkcs8Pem);
  return {
    certificate: cert.der,
    chain: chain.map((c) => c.der),
    details: certDetails(cert.der),
    signatureAlgorithm: OID.sha256WithRSA,
    sign: async (data) => new Uint8Array(nodeSign('sha256', data, key)),
    close: async () => undefined,
  };
};

/** Data objects of a bundle: submission.json + evidence files (read from disk). */
export const dataParts = (submission: Submission, evidence: { path: string; data: Buffer }[]): Part[] => [
  { name: 'submission.json', data: Buffer.from(`${canonicalJson(submission)}\n`), method: 8 },
  ...evidence.map((e) => ({ name: e.path, data: e.data, method: e.path.endsWith('.txt') ? 8 : 0 })),
];

export type SignOptions = {
  signer: Signer;
  signingTime?: Date;
  /** Override the manifest text (after it is built) before signing. */
  manifestOverride?: (xml: string) => string;
  /** Sign with SHA-1 using this certificate's key (must be refused). */
  sha1?: TestCert;
  /** Replace the certHash of signingCertificateV2. */
  certHash?: Buffer;
  /** Certificates placed in SignedData (default: signer + its chain). */
  certificates?: Uint8Array[];
};

/** Builds manifest + signature over `parts` the same way the app does, with knobs for the bad cases. */
export const signParts = async (parts: Part[], o: SignOptions): Promise<{ manifest: Buffer; p7s: Buffer }> => {
  let xml = Buffer.from(buildManifest(parts.map((p) => ({ uri: p.name, mimeType: mediaTypeFor(p.name), sha256: sha(p.data) })))).toString('utf8');
  if (o.manifestOverride) xml = o.manifestOverride(xml);
  const manifest = Buffer.from(xml, 'utf8');
  const digest = createHash(o.sha1 ? 'sha1' : 'sha256').update(manifest).digest();
  const signed = buildSignedAttributes({
    contentDigest: digest,
    signerCertificate: o.signer.certificate,
    signingTime: o.signingTime ?? new Date(),
    ...(o.certHash ? { certHash: o.certHash } : {}),
  });
  const signature = o.sha1
    ? new Uint8Array(nodeSign('sha1', signed.der, createPrivateKey(o.sha1.pkcs8Pem)))
    : await o.signer.sign(signed.der);
  const certs = o.certificates ?? [o.signer.certificate, ...o.signer.chain];
  const p7s = assembleSignedData({
    signed,
    signature,
    signerCertificate: certs[0]!,
    chain: certs.slice(1),
    signatureAlgorithm: o.sha1 ? '1.2.840.113549.1.1.5' : o.signer.signatureAlgorithm,
    ...(o.sha1 ? { digestAlgorithm: OID.sha1 } : {}),
  });
  return { manifest, p7s: Buffer.from(p7s) };
};

/** The entries of a complete bundle, for writeRawZip (callers mutate the list for bad cases). */
export const bundleEntries = (parts: Part[], signed: { manifest: Buffer; p7s: Buffer }): RawEntry[] => [
  { name: 'mimetype', data: Buffer.from(ASIC_MIMETYPE), method: 0 },
  ...parts.map((p) => ({ name: p.name, data: p.data, method: p.method ?? 0 })),
  { name: 'META-INF/ASiCManifest.xml', data: signed.manifest, method: 8 },
  { name: 'META-INF/signature001.p7s', data: signed.p7s, method: 0 },
];

/** The sample submission and its evidence (sample.ts), signed by the test PKI's leaf, written as `<dir>/good.asice`. */
export const writeSignedSample = async (pki: TestPki, dir: string): Promise<string> => {
  const s = sampleInput(join(dir, 'src'));
  const parts = dataParts(s.submission, s.evidence.map((e) => ({ path: e.path, data: readFileSync(e.source) })));
  const file = join(dir, 'good.asice');
  writeFileSync(file, writeRawZip(bundleEntries(parts, await signParts(parts, { signer: testSigner(pki.leaf, [pki.intermediate]) }))));
  return file;
};
