import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

import { Readable } from 'node:stream';

import { beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';

import type { BundleCode } from '../../../shared/domain/bundle-codes';
import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import type { VerifyOptions } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { bundleEntries, dataParts, signParts, testSigner } from './craft';
import { endRecordOf, writeRawZip } from './raw-zip';
import type { RawEntry, RawZipOptions } from './raw-zip';
import { knownSets, sampleInput } from './sample';
import { disagrees, zipViews } from './zip-tools';

/**
 * Verifier parity on crafted zips (issue 13): every attack below was VALID for `cchc verify` while another
 * reader saw something else. Each must now be refused with its specific code, and for each we record how
 * Info-ZIP `unzip -t`, Python's zipfile and a streaming local-header walk see the same file: the attack is
 * real only if at least one of them disagrees with the signed bundle, and wherever one of them complains
 * we must refuse too. The untouched bundles pass all four readers.
 */

let pki: TestPki;
let work: string;
let good: RawEntry[];
let signedNames: string[];

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(join(tmpdir(), 'cchc-parity-zip-'));
  const s = sampleInput(join(work, 'src'), { submissionId: '0190a1b2-0000-7000-8000-0000000000f1' });
  const parts = dataParts(s.submission, s.evidence.map((e) => ({ path: e.path, data: readFileSync(e.source) })));
  good = bundleEntries(parts, await signParts(parts, { signer: testSigner(pki.leaf, [pki.intermediate]) }));
  signedNames = good.map((e) => e.name as string);
}, 60_000);

const opts = (): VerifyOptions => ({ trust: loadTrustStore(pki.caFile), lookupIndicatorSet: knownSets });

const with_ = (name: string, f: (e: RawEntry) => RawEntry): RawEntry[] => good.map((e) => (e.name === name ? f(e) : e));
const zip = (entries: RawEntry[], o?: RawZipOptions): Buffer => writeRawZip(entries, o);

/** Info-ZIP Unicode Path extra field (0x7075): version 1, CRC-32 of the raw name, the new UTF-8 name. */
const unicodePath = (rawName: string, shown: string): Buffer => {
  const name = Buffer.from(shown, 'utf8');
  const b = Buffer.alloc(9 + name.length);
  b.writeUInt16LE(0x7075, 0);
  b.writeUInt16LE(5 + name.length, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(crc32(Buffer.from(rawName, 'utf8')), 5);
  name.copy(b, 9);
  return b;
};
const extra = (id: number, data: Buffer): Buffer => {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(id, 0);
  h.writeUInt16LE(data.length, 2);
  return Buffer.concat([h, data]);
};

type Case = { name: string; code: BundleCode; build: () => Buffer };

const JPG = 'evidence/0002.jpg';
const TXT = 'evidence/0003.txt';

const cases: Case[] = [
  // --- end record and central directory ---
  {
    name: 'EOCD count hides the last central record (evidence/0099.exe)',
    code: 'E_ZIP_STRUCTURE',
    build: () => zip([...good, { name: 'evidence/0099.exe', data: Buffer.from('MZ hidden program') }], { end: { diskEntries: good.length, totalEntries: good.length } }),
  },
  {
    name: 'two EOCD records (the end record repeated)',
    code: 'E_ZIP_STRUCTURE',
    build: () => {
      const z = zip(good);
      return Buffer.concat([z, endRecordOf(z)]);
    },
  },
  {
    name: 'a second EOCD hidden in the archive comment',
    code: 'E_ZIP_STRUCTURE',
    build: () => zip(good, { end: { comment: endRecordOf(zip(good)) } }),
  },
  { name: 'EOCD central-directory size too small', code: 'E_ZIP_STRUCTURE', build: () => { const z = zip(good); const e = endRecordOf(z); return zip(good, { end: { cdSize: e.readUInt32LE(12) - 46 } }); } },
  { name: 'bytes before the first entry (self-extractor stub)', code: 'E_ZIP_STRUCTURE', build: () => zip(good, { prefix: Buffer.from('#!/bin/sh\nexit 0\n') }) },
  {
    name: 'a local entry no central record lists (evidence/0098.exe between two entries)',
    code: 'E_ZIP_STRUCTURE',
    build: () => zip([...good.slice(0, 3), { name: 'evidence/0098.exe', data: Buffer.from('MZ only streaming readers see me'), omitFromCentral: true }, ...good.slice(3)]),
  },
  // --- entries ---
  {
    name: 'directory entry evidence/ carrying 17 KB',
    code: 'E_DIRECTORY_ENTRY',
    build: () => zip([good[0]!, { name: 'evidence/', data: Buffer.alloc(17 * 1024, 0x41), mode: 0o040755 }, ...good.slice(1)]),
  },
  {
    // The raw name (no UTF-8 flag) is what Python's zipfile lists; yauzl used to apply 0x7075 and see the signed name.
    name: 'Unicode Path extra field (0x7075): raw name evidence/0099.exe shown as evidence/0002.jpg',
    code: 'E_EXTRA_FIELD',
    build: () =>
      zip(with_(JPG, (e) => ({ ...e, name: 'evidence/0099.exe', flags: 0, centralExtra: unicodePath('evidence/0099.exe', JPG), localExtra: unicodePath('evidence/0099.exe', JPG) }))),
  },
  { name: 'extra field overrunning its block', code: 'E_EXTRA_FIELD', build: () => zip(with_(JPG, (e) => ({ ...e, centralExtra: Buffer.from([0x55, 0x54, 9, 0, 1, 2, 3]) }))) },
  // --- local headers, data descriptors, CRC-32 ---
  { name: 'local header compressed size lies', code: 'E_HEADER_MISMATCH', build: () => zip(with_(JPG, (e) => ({ ...e, localCsize: 100, localUsize: 100 }))) },
  { name: 'local header CRC-32 differs from the central one', code: 'E_HEADER_MISMATCH', build: () => zip(with_(JPG, (e) => ({ ...e, localCrc: 0x12345678 }))) },
  { name: 'data descriptor sizes lie', code: 'E_HEADER_MISMATCH', build: () => zip(with_(TXT, (e) => ({ ...e, descriptor: { usize: e.data.length + 1000 } }))) },
  { name: 'data descriptor CRC-32 lies', code: 'E_HEADER_MISMATCH', build: () => zip(with_(TXT, (e) => ({ ...e, descriptor: { crc: 0xdeadbeef } }))) },
  { name: 'ZIP64-sized (24-byte) data descriptor on a small entry without a ZIP64 local field', code: 'E_HEADER_MISMATCH', build: () => zip(with_(TXT, (e) => ({ ...e, descriptor: { zip64: true } }))) },
  { name: 'data descriptor flag without a descriptor', code: 'E_HEADER_MISMATCH', build: () => zip(with_(JPG, (e) => ({ ...e, flags: 0x0808, localCrc: 0, localCsize: 0, localUsize: 0 }))) },
  { name: 'wrong CRC-32 (stored evidence, both headers)', code: 'E_CRC_MISMATCH', build: () => zip(with_(JPG, (e) => ({ ...e, crc: (crc32(e.data) ^ 1) >>> 0 }))) },
  { name: 'wrong CRC-32 (deflated evidence, both headers)', code: 'E_CRC_MISMATCH', build: () => zip(with_(TXT, (e) => ({ ...e, crc: (crc32(e.data) ^ 0x80) >>> 0 }))) },
  { name: 'wrong CRC-32 of mimetype', code: 'E_CRC_MISMATCH', build: () => zip(with_('mimetype', (e) => ({ ...e, crc: 0 }))) },
  { name: 'wrong CRC-32 of the signature file', code: 'E_CRC_MISMATCH', build: () => zip(with_('META-INF/signature001.p7s', (e) => ({ ...e, crc: 1 }))) },
];

/**
 * Refused by policy, although no reader above disagrees: the app's writers (ours, yazl) never produce them
 * and each one is a place where readers could differ (comments are shown, unknown fields are interpreted by
 * some tools, an unsigned descriptor has to be guessed).
 */
const policy: Case[] = [
  { name: 'data descriptor without its signature', code: 'E_HEADER_MISMATCH', build: () => zip(with_(TXT, (e) => ({ ...e, descriptor: { signature: false } }))) },
  { name: 'unknown extra field 0x9901 in the local header only', code: 'E_EXTRA_FIELD', build: () => zip(with_(JPG, (e) => ({ ...e, localExtra: extra(0x9901, Buffer.alloc(8)) }))) },
  { name: 'Unicode Comment extra field (0x6375)', code: 'E_EXTRA_FIELD', build: () => zip(with_(JPG, (e) => ({ ...e, centralExtra: extra(0x6375, Buffer.from([1, 0, 0, 0, 0, 0x41])) }))) },
  { name: 'entry comment', code: 'E_ZIP_STRUCTURE', build: () => zip(with_(JPG, (e) => ({ ...e, comment: Buffer.from('evidence/0099.exe') }))) },
  { name: 'MS-DOS directory attribute on a file entry', code: 'E_UNEXPECTED_ENTRY', build: () => zip(with_(JPG, (e) => ({ ...e, dosAttributes: 0x10 }))) },
  { name: 'archive comment', code: 'E_ZIP_STRUCTURE', build: () => zip(good, { end: { comment: Buffer.from('bình luận') } }) },
];

/** The same bundle written by yazl: data descriptors for streamed entries, extended timestamps, no local extras. */
const yazlZip = async (): Promise<Buffer> => {
  const z = new yazl.ZipFile();
  for (const e of good) {
    const compress = (e.method ?? 0) === 8;
    const o = { compress, mtime: new Date(Date.UTC(2020, 0, 1)), forceDosTimestamp: e.name === 'mimetype' };
    if ((e.name as string).startsWith('evidence/')) z.addReadStream(Readable.from([e.data]), e.name as string, o);
    else z.addBuffer(e.data, e.name as string, o);
  }
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
};

/** Variants every writer may legitimately produce (our writer, yazl): they must pass all four readers. */
const goodVariants: { name: string; build: () => Buffer | Promise<Buffer> }[] = [
  { name: 'written by yazl (descriptors on the evidence)', build: yazlZip },
  { name: 'plain', build: () => zip(good) },
  { name: 'data descriptors (16 bytes) on the evidence', build: () => zip(good.map((e) => ((e.name as string).startsWith('evidence/') ? { ...e, descriptor: {} } : e))) },
  {
    name: 'ZIP64 local field and a 24-byte data descriptor (our writer\'s ZIP64 form)',
    build: () => zip(with_(TXT, (e) => ({ ...e, descriptor: { zip64: true }, localCsize: 0xffffffff, localUsize: 0xffffffff, localExtra: extra(0x0001, Buffer.alloc(16)) }))),
  },
  {
    name: 'extended-timestamp extra fields (as yazl writes)',
    build: () => zip(good.map((e) => (e.name === 'mimetype' ? e : { ...e, centralExtra: extra(0x5455, Buffer.from([3, 0, 0, 0, 0x5e])) }))),
  },
];

describe('zip parity: crafted attacks are refused with their code; other readers disagree with the signed bundle', () => {
  for (const [i, c] of cases.entries()) {
    it(`${c.name} → ${c.code}`, async () => {
      const file = join(work, `attack-${String(i).padStart(2, '0')}.asice`);
      writeFileSync(file, c.build());
      const r = await verifyBundle(file, opts());
      expect(`${r.code} (${r.detail ?? ''})`).toMatch(new RegExp(`^${c.code} `));
      expect(r.status).toBe('INVALID');
      expect(r.files).toEqual([]);
      const v = zipViews(file);
      const disagreeing = (['unzip', 'zipfile', 'stream'] as const).filter((k) => disagrees(v[k], signedNames));
      expect(disagreeing.length, `no reader disagrees: ${JSON.stringify(v)}`).toBeGreaterThan(0);
    }, 30_000);
  }

  for (const [i, c] of policy.entries()) {
    it(`policy: ${c.name} → ${c.code}`, async () => {
      const file = join(work, `policy-${String(i).padStart(2, '0')}.asice`);
      writeFileSync(file, c.build());
      const r = await verifyBundle(file, opts());
      expect(`${r.code} (${r.detail ?? ''})`).toMatch(new RegExp(`^${c.code} `));
      expect(r.status).toBe('INVALID');
    });
  }

  for (const g of goodVariants) {
    it(`accepted by all four readers: ${g.name}`, async () => {
      const file = join(work, `good-${g.name.replace(/\W+/g, '-')}.asice`);
      writeFileSync(file, await g.build());
      const r = await verifyBundle(file, opts());
      expect(`${r.code} ${r.detail ?? ''}`).toBe('W_REVOCATION_UNKNOWN ');
      expect(r.status).toBe('VALID_WITH_WARNINGS');
      const v = zipViews(file);
      for (const k of ['unzip', 'zipfile', 'stream'] as const) {
        expect(v[k], `${k} on ${g.name}`).toEqual({ ok: true, names: signedNames, note: expect.any(String) });
      }
    }, 30_000);
  }

  it("the app's own writer (packBundle): VALID, and all four readers list exactly the verified entries", async () => {
    const s = sampleInput(join(work, 'src-pack'), { submissionId: '0190a1b2-0000-7000-8000-0000000000f2' });
    const out = join(work, 'packed.asice');
    const res = await packBundle({ out, submission: s.submission, evidence: s.evidence, signer: testSigner(pki.leaf, [pki.intermediate]), now: new Date() });
    const r = await verifyBundle(res.path, opts());
    expect(`${r.code} ${r.detail ?? ''}`).toBe('W_REVOCATION_UNKNOWN ');
    const names = ['mimetype', ...r.files.map((f) => f.path), 'META-INF/ASiCManifest.xml', 'META-INF/signature001.p7s'];
    const v = zipViews(res.path);
    for (const k of ['unzip', 'zipfile', 'stream'] as const) expect(disagrees(v[k], names), `${k}: ${JSON.stringify(v[k])}`).toBe(false);
  }, 30_000);

  it('verification wrote nothing: the work folder holds only the crafted files', () => {
    const names = readdirSync(work).sort();
    expect(names.every((n) => n.startsWith('src') || n.endsWith('.asice'))).toBe(true);
    expect(names.filter((n) => n.endsWith('.asice'))).toHaveLength(cases.length + policy.length + goodVariants.length + 1);
  });
});
