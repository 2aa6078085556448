import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import yauzl from 'yauzl';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import type { TrustEntry } from '../../../shared/ipc/channels/trust';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import type { RawEntry } from '../bundle/raw-zip';
import { writeRawZip } from '../bundle/raw-zip';
import { repeatedDeflate } from '../untrusted-xlsx/crafted';

/**
 * Backup files an attacker could hand an appraiser: trust files are held to trust.import's checks (no leaf
 * as anchor, no garbage), a file name can no longer put another certificate in an anchor's place (the
 * restore report shows what it added), and a zip bomb is refused from the central directory before a byte
 * is written. Every refusal leaves the data, the trust folder and tmp/ as they were.
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
const backend = (): TestBackend => {
  const b = createTestBackend();
  cleanups.push(() => b.cleanup());
  return b;
};
const tempDir = (): string => {
  const d = makeTempDir('cchc-hostile-bak-');
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
};
const runJob = async (b: TestBackend, channel: string, payload: unknown = {}): Promise<Job> => b.ctx.jobs.wait((await callOk<Job>(b, channel, payload)).id);
const restoreFile = (b: TestBackend, file: string): Promise<Job> => {
  b.host.nextPicks.push([file]);
  return runJob(b, 'backup.restore', {});
};
const sha = (d: Buffer): string => createHash('sha256').update(d).digest('hex');
const fingerprintOf = (der: Uint8Array): string => sha(Buffer.from(der));

const importAnchor = async (b: TestBackend, dir: string, pem: string): Promise<void> => {
  const file = join(dir, `anchor-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(file, pem);
  await callOk(b, 'trust.import', { uploadId: b.ctx.uploads.register(file, 'root.pem', Buffer.byteLength(pem)).id });
};

/** All entries of a (small) zip, in order. */
const readZip = (data: Buffer): Promise<Array<{ name: string; data: Buffer }>> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Array<{ name: string; data: Buffer }> = [];
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (e2, s) => {
          if (e2 || !s) return reject(e2);
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(parts) });
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });

type Manifest = { database: { size: number; sha256: string }; files: Array<{ path: string; size: number; sha256: string }> };

/**
 * A real backup with its trust/ files changed by `edit` (name → content; null removes) and the manifest
 * rewritten to match, so only the content checks can tell.
 */
const rewriteTrust = async (good: Buffer, edit: Map<string, Buffer | null>): Promise<Buffer> => {
  const entries = await readZip(good);
  const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as Manifest;
  const kept = entries.slice(1).filter((e) => !edit.has(e.name));
  const added = [...edit].filter((x): x is [string, Buffer] => x[1] !== null).map(([name, data]) => ({ name, data }));
  const body = [...kept, ...added];
  manifest.files = body.filter((e) => /^(trust|indicator-sets)\//.test(e.name)).map((e) => ({ path: e.name, size: e.data.length, sha256: sha(e.data) }));
  const raw: RawEntry[] = [{ name: 'cchc-backup.json', data: Buffer.from(JSON.stringify(manifest)), method: 8 }, ...body.map((e) => ({ name: e.name, data: e.data, method: 8 }))];
  return writeRawZip(raw);
};

let pki: TestPki;
let dir: string;
/** A backup made by the app whose data holds one anchor (the test root CA). */
let good: Buffer;
let rootFile: string;
beforeAll(async () => {
  dir = makeTempDir('cchc-hostile-bak-src-');
  pki = await createTestPki();
  const src = createTestBackend();
  await importAnchor(src, dir, pki.root.pem);
  const target = join(dir, 'goc.cchcbak');
  src.host.nextSaveTargets.push(target);
  expect((await runJob(src, 'backup.create')).state).toBe('done');
  src.cleanup();
  good = readFileSync(target);
  rootFile = `trust/${fingerprintOf(pki.root.der)}.pem`;
  expect((await readZip(good)).map((e) => e.name)).toContain(rootFile);
}, 60_000);
afterAll(() => {
  rmSync(pki.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** The target's state a refused restore must not change. */
const stateOf = async (b: TestBackend) => ({
  unit: await callOk(b, 'unit.get', {}),
  trust: await callOk(b, 'trust.list', {}),
  trustFiles: readdirSync(join(b.dataDir, 'trust')).sort(),
  backups: (await callOk<{ backups: unknown[] }>(b, 'backup.list')).backups,
  staging: readdirSync(dataPaths(b.dataDir).tmp).filter((n) => n.startsWith('restore-')),
});

/** A target data folder with its own unit and the root CA as its only anchor. */
const target = async (): Promise<TestBackend> => {
  const b = backend();
  await callOk(b, 'unit.save', {
    name: 'Đơn vị hiện tại', code: 'HT', type: 'SO',
    focalPoint: { name: 'Lê Văn Bình', title: '', phone: '', email: '' }, head: { name: 'Phạm Thị Hoa', title: '', phone: '', email: '' },
  });
  await importAnchor(b, tempDir(), pki.root.pem);
  return b;
};

describe('backup restore: trust files pass the checks of trust.import', () => {
  it.each([
    { label: 'a leaf certificate as an anchor', edit: () => new Map([['trust/leaf.pem', Buffer.from(pki.leaf.pem)]]), reason: 'BACKUP_TRUST_NOT_A_CA' },
    { label: 'a garbage .der', edit: () => new Map([['trust/rac.der', randomBytes(700)]]), reason: 'BACKUP_TRUST_UNREADABLE' },
    { label: 'an empty .crl', edit: () => new Map([['trust/rong.crl', Buffer.alloc(0)]]), reason: 'BACKUP_TRUST_UNREADABLE' },
  ])('$label → $reason, nothing written', async ({ edit, reason }) => {
    const file = join(tempDir(), 'xau.cchcbak');
    writeFileSync(file, await rewriteTrust(good, edit()));
    const b = await target();
    const before = await stateOf(b);
    const job = await restoreFile(b, file);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'BACKUP_INVALID', reason });
    expect(job.error?.message).toMatch(/Dữ liệu hiện tại không bị thay đổi\.$/);
    expect(await stateOf(b)).toEqual(before);
  });

  it('a backup whose root file holds another CA: the current root stays, the new one is added under its own fingerprint, and the report says so', async () => {
    // The attack on the old restore: same file name as the current root, other content → the root vanished.
    const file = join(tempDir(), 'thay-goc.cchcbak');
    writeFileSync(file, await rewriteTrust(good, new Map([[rootFile, Buffer.from(pki.foreignRoot.pem)]])));
    const b = await target();
    const rootFp = fingerprintOf(pki.root.der);
    const foreignFp = fingerprintOf(pki.foreignRoot.der);
    const job = await restoreFile(b, file);
    expect(job.error).toBeUndefined();
    const trust = (job.result as { trust: { entries: TrustEntry[]; added: string[] } }).trust;
    expect(trust.added).toEqual([foreignFp]);
    expect(trust.entries.map((e) => [e.kind, e.fingerprint, e.subject]).sort()).toEqual(
      [
        ['anchor', rootFp, 'CN=CCHC Test Root CA, O=Test PKI, C=VN'],
        ['anchor', foreignFp, 'CN=Foreign Root CA, O=Elsewhere, C=VN'],
      ].sort(),
    );
    expect((await callOk<TrustEntry[]>(b, 'trust.list', {})).map((e) => e.fingerprint).sort()).toEqual([rootFp, foreignFp].sort());
    expect(readdirSync(join(b.dataDir, 'trust')).sort()).toEqual([`${foreignFp}.pem`, `${rootFp}.pem`].sort());
  });

  it('a genuine backup restores its anchors and reports none added when they are already there', async () => {
    const file = join(tempDir(), 'goc.cchcbak');
    writeFileSync(file, good);
    const b = await target();
    const job = await restoreFile(b, file);
    expect(job.error).toBeUndefined();
    expect((job.result as { trust: { entries: TrustEntry[]; added: string[] } }).trust).toMatchObject({ added: [], entries: [{ fingerprint: fingerprintOf(pki.root.der) }] });
  });
});

describe('backup restore: a zip bomb is refused before anything is written', () => {
  it('a 2 MB file declaring a 2 GiB database → BACKUP_RATIO; tmp/ and the data untouched', async () => {
    const MiB = 1_048_576;
    const body = repeatedDeflate('SQLite format 3\u0000', Buffer.alloc(MiB, 0), 2048, '');
    const manifest = {
      format: 'CCHC-BACKUP/1',
      createdAt: '2025-06-01T08:00:00.000Z',
      appVersion: '1.0.0',
      schemaVersion: 1,
      database: { path: 'cchc.sqlite', size: 2048 * MiB + 16, sha256: '0'.repeat(64) },
      evidence: [],
      files: [],
    };
    const zip = writeRawZip([
      { name: 'cchc-backup.json', data: Buffer.from(JSON.stringify(manifest)), method: 8 },
      { name: 'cchc.sqlite', data: Buffer.alloc(0), body, method: 8, usize: 2048 * MiB + 16, crc: 0 },
    ]);
    expect(zip.length).toBeLessThan(2.5 * MiB);
    const file = join(tempDir(), 'bom.cchcbak');
    writeFileSync(file, zip);
    const b = await target();
    const before = await stateOf(b);
    const tmp = dataPaths(b.dataDir).tmp;
    const tmpBefore = readdirSync(tmp);
    const job = await restoreFile(b, file);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'BACKUP_INVALID', reason: 'BACKUP_RATIO' });
    expect(job.error?.message).toBe(
      `Mục "cchc.sqlite" của tệp sao lưu nén với tỉ lệ bất thường (${Math.round((2048 * MiB + 16) / body.length)}:1, tối đa 200:1); có thể là tệp độc hại (bom nén). Dữ liệu hiện tại không bị thay đổi.`,
    );
    expect(await stateOf(b)).toEqual(before);
    // tmp/ is as it was (the staging folder is made and removed), and the staging never held the bomb:
    // the refusal comes from the central directory, before any entry is opened.
    expect(readdirSync(tmp)).toEqual(tmpBefore);
  });

  it('an oversized trust file (5 MiB) is refused by its kind’s size limit, before extraction', async () => {
    const big = Buffer.alloc(5 * 1_048_576, 0x41);
    const file = join(tempDir(), 'lon.cchcbak');
    writeFileSync(file, await rewriteTrust(good, new Map([['trust/lon.pem', big]])));
    const b = await target();
    const before = await stateOf(b);
    const job = await restoreFile(b, file);
    expect(job.error).toMatchObject({ code: 'BACKUP_INVALID', reason: 'BACKUP_ENTRY_TOO_LARGE' });
    expect(await stateOf(b)).toEqual(before);
  });
});
