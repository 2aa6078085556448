import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { BundleCode } from '../../../shared/domain/bundle-codes';
import type { Submission } from '../../../shared/schemas/submission';
import { OID, toArrayBuffer } from '../../../electron/backend/services/signing/pki';
import { addCrlFiles, loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import type { VerifyOptions } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { createTestPki } from '../../helpers/pki';
import type { TestCert, TestPki } from '../../helpers/pki';
import { bundleEntries, dataParts, signParts, testSigner } from './craft';
import type { Part, SignOptions } from './craft';
import { writeRawZip } from './raw-zip';
import type { RawEntry } from './raw-zip';
import { knownSets, sampleInput } from './sample';

const DAY = 86_400_000;
const REPLAYED_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

let pki: TestPki;
let work: string;
let submission: Submission;
let evidence: { path: string; data: Buffer }[];

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(join(tmpdir(), 'cchc-bad-'));
  const s = sampleInput(join(work, 'src'), { submissionId: '0190a1b2-0000-7000-8000-000000000001' });
  submission = s.submission;
  evidence = s.evidence.map((e) => ({ path: e.path, data: readFileSync(e.source) }));
}, 60_000);

const parts = (sub: Submission = submission, ev = evidence): Part[] => dataParts(sub, ev);

const signed = async (p: Part[], o: Partial<SignOptions> & { cert?: TestCert; chain?: TestCert[] } = {}) =>
  signParts(p, { signer: testSigner(o.cert ?? pki.leaf, o.chain ?? [pki.intermediate]), ...o });

/** A complete, valid entry list (mutated by the cases). */
const goodEntries = async (sub?: Submission, o?: Parameters<typeof signed>[1]): Promise<RawEntry[]> => {
  const p = parts(sub);
  return bundleEntries(p, await signed(p, o));
};

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Re-signs a SignedData after a structural change (pkijs round trip). */
const patchCms = (p7s: Buffer, f: (sd: pkijs.SignedData) => void): Buffer => {
  const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(p7s));
  const sd = new pkijs.SignedData({ schema: ci.content });
  f(sd);
  return Buffer.from(new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER(false));
};

const replace = (entries: RawEntry[], name: string, f: (e: RawEntry) => RawEntry): RawEntry[] =>
  entries.map((e) => (e.name === name ? f(e) : e));

type Case = { name: string; code: BundleCode; build: () => Promise<Buffer>; opts?: () => Partial<VerifyOptions> };

const cases: Case[] = [
  // --- container / zip ---
  { name: 'not a zip (a PDF renamed)', code: 'E_NOT_ZIP', build: async () => Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n') },
  { name: 'empty file', code: 'E_NOT_ZIP', build: async () => Buffer.alloc(0) },
  { name: 'truncated in half', code: 'E_TRUNCATED', build: async () => { const z = writeRawZip(await goodEntries()); return z.subarray(0, z.length >> 1); } },
  { name: 'truncated inside the central directory', code: 'E_TRUNCATED', build: async () => { const z = writeRawZip(await goodEntries()); return z.subarray(0, z.length - 40); } },
  { name: 'trailing garbage after EOCD', code: 'E_TRUNCATED', build: async () => writeRawZip(await goodEntries(), { trailing: Buffer.from('garbage after the end') }) },
  { name: 'zip-slip ../../x', code: 'E_BAD_NAME', build: async () => writeRawZip([...(await goodEntries()), { name: '../../x', data: Buffer.from('x') }]) },
  { name: 'zip-slip evidence/../../x', code: 'E_BAD_NAME', build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/../../x', data: Buffer.from('x') }]) },
  { name: 'absolute /etc/x', code: 'E_BAD_NAME', build: async () => writeRawZip([...(await goodEntries()), { name: '/etc/x', data: Buffer.from('x') }]) },
  { name: 'drive letter C:/x', code: 'E_BAD_NAME', build: async () => writeRawZip([...(await goodEntries()), { name: 'C:/x', data: Buffer.from('x') }]) },
  { name: 'backslash ..\\x', code: 'E_BAD_NAME', build: async () => writeRawZip([...(await goodEntries()), { name: '..\\x', data: Buffer.from('x') }]) },
  { name: 'UNC \\\\server\\share\\x', code: 'E_BAD_NAME', build: async () => writeRawZip([...(await goodEntries()), { name: '\\\\server\\share\\x', data: Buffer.from('x') }]) },
  { name: 'URL-encoded %2e%2e/x', code: 'E_UNEXPECTED_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: '%2e%2e/x', data: Buffer.from('x') }]) },
  { name: 'Windows reserved name aux.pdf', code: 'E_UNEXPECTED_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/aux.pdf', data: Buffer.from('x') }]) },
  { name: 'trailing dot evidence/0009.pdf.', code: 'E_UNEXPECTED_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/0009.pdf.', data: Buffer.from('x') }]) },
  { name: 'NUL byte in a name', code: 'E_UNEXPECTED_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/0009.pdf\u0000.exe', data: Buffer.from('x') }]) },
  { name: 'name longer than 255 bytes', code: 'E_UNEXPECTED_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: `evidence/${'a'.repeat(300)}.pdf`, data: Buffer.from('x') }]) },
  { name: 'duplicate name, second copy different', code: 'E_DUPLICATE_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/0001.pdf', data: Buffer.from('other') }]) },
  { name: 'case duplicate EVIDENCE/0001.PDF', code: 'E_DUPLICATE_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: 'EVIDENCE/0001.PDF', data: Buffer.from('other') }]) },
  {
    name: 'NFC vs NFD duplicate',
    code: 'E_DUPLICATE_ENTRY',
    build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/Báo cáo.pdf'.normalize('NFC'), data: Buffer.from('a') }, { name: 'evidence/Báo cáo.pdf'.normalize('NFD'), data: Buffer.from('b') }]),
  },
  { name: 'central vs local header name mismatch', code: 'E_HEADER_MISMATCH', build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0002.jpg', (e) => ({ ...e, localName: 'evidence/0009.jpg' }))) },
  {
    name: 'overlapping entries (two central records, same data)',
    code: 'E_HEADER_MISMATCH',
    build: async () => { const es = await goodEntries(); return writeRawZip([...es, { name: 'evidence/0009.pdf', data: es[2]!.data, sameDataAs: 2 }]); },
  },
  { name: 'symlink entry', code: 'E_SYMLINK', build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0002.jpg', (e) => ({ ...e, mode: 0o120777 }))) },
  { name: 'FIFO mode bits', code: 'E_SYMLINK', build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0002.jpg', (e) => ({ ...e, mode: 0o010644 }))) },
  { name: 'directory posing as a file', code: 'E_UNEXPECTED_ENTRY', build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0002.jpg', (e) => ({ ...e, mode: 0o040755 }))) },
  { name: 'unexpected directory entry', code: 'E_UNEXPECTED_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: 'tmp/', data: Buffer.alloc(0), mode: 0o040755 }]) },
  { name: 'encrypted entry (ZipCrypto flag)', code: 'E_ENCRYPTED', build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0002.jpg', (e) => ({ ...e, flags: 0x0801, body: Buffer.concat([Buffer.alloc(12, 0x5a), e.data]) }))) },
  { name: 'unsupported method (bzip2)', code: 'E_METHOD', build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0002.jpg', (e) => ({ ...e, method: 12, body: e.data }))) },
  {
    name: 'zip bomb (64 MiB of zeros, ratio ~1000)',
    code: 'E_RATIO',
    build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/0009.txt', data: Buffer.alloc(0), body: deflateRawSync(Buffer.alloc(64 * 1024 * 1024)), method: 8, usize: 64 * 1024 * 1024, crc: 0 }]),
  },
  {
    name: 'lying uncompressedSize (declares less than it inflates to)',
    code: 'E_SIZE_MISMATCH',
    build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0003.txt', (e) => ({ ...e, usize: 100 }))),
  },
  {
    name: '10 001 tiny entries',
    code: 'E_LIMIT',
    build: async () => writeRawZip([...(await goodEntries()), ...Array.from({ length: 10_001 }, (_, i) => ({ name: `evidence/${String(i).padStart(4, '0')}.b${i % 7}`, data: Buffer.from('x') }))]),
  },
  { name: 'entry above the per-file cap', code: 'E_LIMIT', build: async () => writeRawZip(await goodEntries()), opts: () => ({ limits: { maxEntryBytes: 10_000 } }) },
  { name: 'bundle above the size cap', code: 'E_LIMIT', build: async () => writeRawZip(await goodEntries()), opts: () => ({ limits: { maxBundleBytes: 1000 } }) },
  { name: 'mimetype missing', code: 'E_MIMETYPE', build: async () => writeRawZip((await goodEntries()).slice(1)) },
  { name: 'mimetype not first', code: 'E_MIMETYPE', build: async () => { const es = await goodEntries(); return writeRawZip([es[1]!, es[0]!, ...es.slice(2)]); } },
  { name: 'mimetype compressed', code: 'E_MIMETYPE', build: async () => writeRawZip(replace(await goodEntries(), 'mimetype', (e) => ({ ...e, method: 8 }))) },
  { name: 'mimetype with an extra field', code: 'E_MIMETYPE', build: async () => writeRawZip(replace(await goodEntries(), 'mimetype', (e) => ({ ...e, localExtra: Buffer.from([0x55, 0x54, 1, 0, 1]) }))) },
  { name: 'mimetype wrong content (asic-s)', code: 'E_MIMETYPE', build: async () => writeRawZip(replace(await goodEntries(), 'mimetype', (e) => ({ ...e, data: Buffer.from('application/vnd.etsi.asic-s+zip') }))) },
  // --- manifest / XML ---
  { name: 'signature file missing', code: 'E_UNSIGNED', build: async () => writeRawZip((await goodEntries()).filter((e) => e.name !== 'META-INF/signature001.p7s')) },
  { name: 'manifest missing', code: 'E_UNSIGNED', build: async () => writeRawZip((await goodEntries()).filter((e) => e.name !== 'META-INF/ASiCManifest.xml')) },
  {
    name: '10 MB manifest',
    code: 'E_META_TOO_LARGE',
    build: async () => writeRawZip(replace(await goodEntries(), 'META-INF/ASiCManifest.xml', (e) => ({ ...e, data: Buffer.concat([e.data, Buffer.from(`<!-- ${randomBytes(8 * 1024 * 1024).toString('base64')} -->`)]) }))),
  },
  {
    name: 'DOCTYPE with entities (billion laughs)',
    code: 'E_MANIFEST_XML',
    build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace('?>\n', '?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n') })),
  },
  {
    name: 'external entity (XXE)',
    code: 'E_MANIFEST_XML',
    build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace('?>\n', '?>\n<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n') })),
  },
  { name: 'malformed XML', code: 'E_MANIFEST_XML', build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace('</asic:ASiCManifest>', '') })) },
  { name: 'BOM before the XML', code: 'E_MANIFEST_XML', build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => `\ufeff${x}` })) },
  { name: 'wrong namespace', code: 'E_MANIFEST_XML', build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace('02918/v1.2.1#', '02918/v9#') })) },
  {
    name: 'two SigReferences',
    code: 'E_MANIFEST_XML',
    build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace(/(<asic:SigReference[^>]*\/>)/, '$1$1') })),
  },
  {
    name: 'DataObjectReference listed twice',
    code: 'E_MANIFEST_XML',
    build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace(/(<asic:DataObjectReference URI="evidence\/0001.pdf"[\s\S]*?<\/asic:DataObjectReference>)/, '$1\n$1') })),
  },
  { name: 'URI pointing into META-INF', code: 'E_MANIFEST_XML', build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace('URI="evidence/0002.jpg"', 'URI="META-INF/signature001.p7s"') })) },
  { name: 'digest method SHA-1', code: 'E_DIGEST_ALG', build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace('xmlenc#sha256', 'xmldsig#sha1') })) },
  { name: 'non-base64 DigestValue', code: 'E_MANIFEST_XML', build: async () => writeRawZip(await goodEntries(undefined, { manifestOverride: (x) => x.replace(/<ds:DigestValue>[^<]*/, '<ds:DigestValue>***') })) },
  // --- signature / certificate ---
  { name: 'garbage DER in the .p7s', code: 'E_NOT_SIGNED_DATA', build: async () => writeRawZip(replace(await goodEntries(), 'META-INF/signature001.p7s', (e) => ({ ...e, data: Buffer.from([0x30, 0x82, 0xff, 0xff, 1, 2, 3]) }))) },
  {
    name: 'deeply nested ASN.1',
    code: 'E_NOT_SIGNED_DATA',
    build: async () => {
      let b = Buffer.from([0x05, 0x00]);
      for (let i = 0; i < 2000; i++) b = Buffer.concat([Buffer.from([0x30, 0x84]), Buffer.from([(b.length >>> 24) & 255, (b.length >>> 16) & 255, (b.length >>> 8) & 255, b.length & 255]), b]);
      return writeRawZip(replace(await goodEntries(), 'META-INF/signature001.p7s', (e) => ({ ...e, data: b })));
    },
  },
  {
    name: 'encapsulated content instead of detached',
    code: 'E_NOT_DETACHED',
    build: async () => {
      const es = await goodEntries();
      const manifest = es.find((e) => e.name === 'META-INF/ASiCManifest.xml')!.data;
      return writeRawZip(replace(es, 'META-INF/signature001.p7s', (e) => ({ ...e, data: patchCms(e.data, (sd) => { sd.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(manifest) }); }) })));
    },
  },
  {
    name: 'two SignerInfos',
    code: 'E_SIGNER_COUNT',
    build: async () => writeRawZip(replace(await goodEntries(), 'META-INF/signature001.p7s', (e) => ({ ...e, data: patchCms(e.data, (sd) => { sd.signerInfos.push(sd.signerInfos[0]!); }) }))),
  },
  {
    name: 'tampered manifest (one digest changed, still base64)',
    code: 'E_SIGNATURE',
    build: async () => {
      const es = await goodEntries();
      return writeRawZip(replace(es, 'META-INF/ASiCManifest.xml', (e) => ({ ...e, data: Buffer.from(e.data.toString('utf8').replace(/<ds:DigestValue>(.)/, (_m, c: string) => `<ds:DigestValue>${c === 'A' ? 'B' : 'A'}`)) })));
    },
  },
  {
    name: 'manifest re-signed with another key, original certificate embedded',
    code: 'E_SIGNATURE',
    build: async () => {
      const p = parts();
      const s = await signParts(p, { signer: { ...testSigner(pki.foreignRoot), certificate: pki.leaf.der, chain: [pki.intermediate.der] } });
      return writeRawZip(bundleEntries(p, s));
    },
  },
  { name: 'tampered evidence (one byte)', code: 'E_DIGEST_MISMATCH', build: async () => writeRawZip(replace(await goodEntries(), 'evidence/0002.jpg', (e) => { const d = Buffer.from(e.data); d[100]! ^= 1; return { ...e, data: d }; })) },
  { name: 'tampered submission.json', code: 'E_DIGEST_MISMATCH', build: async () => writeRawZip(replace(await goodEntries(), 'submission.json', (e) => ({ ...e, data: Buffer.from(e.data.toString('utf8').replace('"revision":1', '"revision":7')) }))) },
  {
    name: 'swapped evidence files',
    code: 'E_DIGEST_MISMATCH',
    build: async () => {
      const es = await goodEntries();
      const a = es.find((e) => e.name === 'evidence/0001.pdf')!;
      const b = es.find((e) => e.name === 'evidence/0002.jpg')!;
      return writeRawZip(es.map((e) => (e === a ? { ...a, data: b.data } : e === b ? { ...b, data: a.data } : e)));
    },
  },
  { name: 'unlisted extra file', code: 'E_UNLISTED_ENTRY', build: async () => writeRawZip([...(await goodEntries()), { name: 'evidence/0009.pdf', data: Buffer.from('%PDF unlisted') }]) },
  { name: 'listed file absent', code: 'E_MISSING_ENTRY', build: async () => writeRawZip((await goodEntries()).filter((e) => e.name !== 'evidence/0002.jpg')) },
  { name: 'signer from a foreign (untrusted) CA', code: 'E_UNTRUSTED', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.foreignLeaf, chain: [] })) },
  { name: 'wrong trust anchor configured', code: 'E_UNTRUSTED', build: async () => writeRawZip(await goodEntries()), opts: () => ({ trust: loadTrustStore(pki.foreignCaFile) }) },
  { name: 'self-signed signer', code: 'E_UNTRUSTED', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.foreignRoot, chain: [] })) },
  { name: 'missing intermediate', code: 'E_UNTRUSTED', build: async () => writeRawZip(await goodEntries(undefined, { chain: [] })) },
  { name: 'intermediate used as the signer (CA certificate)', code: 'E_KEY_USAGE', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.intermediate, chain: [] })) },
  { name: 'expired signer', code: 'E_CERT_EXPIRED', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.expiredLeaf, signingTime: new Date(Date.now() - 10 * DAY) })) },
  { name: 'signer not yet valid', code: 'E_CERT_NOT_YET_VALID', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.notYetValidLeaf })) },
  { name: 'wrong key usage (keyEncipherment only)', code: 'E_KEY_USAGE', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.wrongKeyUsageLeaf })) },
  { name: 'SHA-1-signed certificate', code: 'E_ALG', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.sha1Leaf })) },
  { name: 'SHA-1 CMS digest', code: 'E_ALG', build: async () => writeRawZip(await goodEntries(undefined, { sha1: pki.leaf })) },
  { name: 'revoked signer (CRL)', code: 'E_REVOKED', build: async () => writeRawZip(await goodEntries(undefined, { cert: pki.revokedLeaf })), opts: () => ({ trust: addCrlFiles(loadTrustStore(pki.caFile), [pki.crlFile]) }) },
  { name: 'signingCertificateV2 hash not matching', code: 'E_SIGNING_CERT_BINDING', build: async () => writeRawZip(await goodEntries(undefined, { certHash: Buffer.alloc(32, 7) })) },
  { name: 'signingTime in the future', code: 'E_SIGNING_TIME', build: async () => writeRawZip(await goodEntries(undefined, { signingTime: new Date(Date.now() + DAY) })) },
  // --- content / semantics (validly signed) ---
  {
    name: 'submission.json not JSON',
    code: 'E_SUBMISSION_SCHEMA',
    build: async () => { const p = parts().map((x) => (x.name === 'submission.json' ? { ...x, data: Buffer.from('{"format":"SATB/1",') } : x)); return writeRawZip(bundleEntries(p, await signed(p))); },
  },
  { name: 'format SATB/2', code: 'E_FORMAT_VERSION', build: async () => writeRawZip(await goodEntries({ ...submission, format: 'SATB/2' })) },
  { name: 'extra field in submission.json', code: 'E_SUBMISSION_SCHEMA', build: async () => writeRawZip(await goodEntries({ ...submission, extra: 1 } as Submission)) },
  { name: 'wrong type in submission.json', code: 'E_SUBMISSION_SCHEMA', build: async () => writeRawZip(await goodEntries({ ...submission, revision: '1' } as unknown as Submission)) },
  { name: 'unknown indicator-set id', code: 'E_INDICATOR_SET_UNKNOWN', build: async () => writeRawZip(await goodEntries({ ...submission, indicatorSet: { ...submission.indicatorSet, id: 'other-set' } })) },
  { name: 'wrong indicator-set version', code: 'E_INDICATOR_SET_UNKNOWN', build: async () => writeRawZip(await goodEntries({ ...submission, indicatorSet: { ...submission.indicatorSet, version: '2024.9' } })) },
  { name: 'indicator-set hash mismatch (edited set)', code: 'E_INDICATOR_SET_MISMATCH', build: async () => writeRawZip(await goodEntries({ ...submission, indicatorSet: { ...submission.indicatorSet, sha256: sha(Buffer.from('edited')) } })) },
  {
    name: 'evidence size differs between JSON and zip',
    code: 'E_INCONSISTENT',
    build: async () => writeRawZip(await goodEntries({ ...submission, evidence: submission.evidence.map((e, i) => (i === 0 ? { ...e, size: e.size + 1 } : e)) })),
  },
  {
    name: 'evidence path in JSON not in the zip',
    code: 'E_INCONSISTENT',
    build: async () => writeRawZip(await goodEntries({ ...submission, evidence: [...submission.evidence, { ...submission.evidence[0]!, path: 'evidence/0042.pdf' }] })),
  },
  { name: 'answer for an unknown indicator', code: 'E_INCONSISTENT', build: async () => writeRawZip(await goodEntries({ ...submission, answers: [...submission.answers, { indicatorId: 'X99', value: 1, evidence: [] }] })) },
  { name: 'replayed revision', code: 'E_REPLAY', build: async () => writeRawZip(await goodEntries({ ...submission, submissionId: REPLAYED_ID, revision: 2 })) },
  { name: 'revision 1 after revision 2', code: 'E_REPLAY', build: async () => writeRawZip(await goodEntries({ ...submission, submissionId: REPLAYED_ID, revision: 1 })) },
];

const baseOptions = (): VerifyOptions => ({
  trust: loadTrustStore(pki.caFile),
  lookupIndicatorSet: knownSets,
  // Revision 2 of REPLAYED_ID was imported: 1 and 2 are replays.
  isReplay: (id, rev) => id === REPLAYED_ID && rev <= 2,
});

describe('crafted bad bundles', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it('accepts the untouched crafted bundle (control)', async () => {
    const file = join(work, 'control.asice');
    writeFileSync(file, writeRawZip(await goodEntries()));
    const r = await verifyBundle(file, baseOptions());
    // No CRL is configured, so the only finding is the unknown revocation status.
    expect({ status: r.status, code: r.code, warnings: r.warnings.map((w) => w.code) }, `${r.code} ${r.detail}`).toEqual({ status: 'VALID_WITH_WARNINGS', code: 'W_REVOCATION_UNKNOWN', warnings: ['W_REVOCATION_UNKNOWN'] });
  });

  for (const [i, c] of cases.entries()) {
    it(`rejects: ${c.name} → ${c.code}`, async () => {
      const file = join(work, `bad-${String(i).padStart(3, '0')}.asice`);
      writeFileSync(file, await c.build());
      const r = await verifyBundle(file, { ...baseOptions(), ...c.opts?.() });
      expect(`${r.code} (${r.detail ?? ''})`).toMatch(new RegExp(`^${c.code} `));
      expect(r.status).toBe('INVALID');
      expect(r.message.length).toBeGreaterThan(10);
    }, 30_000);
  }

  it('a zip nested as evidence is only hashed, never unpacked', async () => {
    const inner = writeRawZip([{ name: '../../evil.txt', data: Buffer.from('evil') }]);
    const ev = [...evidence, { path: 'evidence/0004.zip', data: inner }];
    const sub: Submission = {
      ...submission,
      evidence: [...submission.evidence, { path: 'evidence/0004.zip', originalName: 'nén.zip', mediaType: 'application/zip', size: inner.length, sha256: sha(inner) }],
    };
    const p = parts(sub, ev);
    const file = join(work, 'nested.asice');
    writeFileSync(file, writeRawZip(bundleEntries(p, await signed(p))));
    const r = await verifyBundle(file, baseOptions());
    expect({ status: r.status, code: r.code, warnings: r.warnings.map((w) => w.code) }, `${r.code} ${r.detail}`).toEqual({ status: 'VALID_WITH_WARNINGS', code: 'W_REVOCATION_UNKNOWN', warnings: ['W_REVOCATION_UNKNOWN'] });
  });

  it('wrote nothing outside its temp folder', () => {
    const names = readdirSync(work).sort();
    expect(names.every((n) => n === 'src' || n.endsWith('.asice'))).toBe(true);
    expect(() => readFileSync(join(work, '..', 'x'))).toThrow();
    expect(() => readFileSync(join(work, '..', '..', 'x'))).toThrow();
    expect(() => readFileSync(join(work, '..', 'evil.txt'))).toThrow();
  });
});
