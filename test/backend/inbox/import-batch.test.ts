import { copyFileSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { InboxBatchFile, InboxBatchResult } from '../../../shared/ipc/channels/inbox';
import type { Job } from '../../../shared/schemas/job';
import { endSpareWorkers, takeSpareWorker, VERIFY_WORKERS } from '../../../electron/backend/services/bundle/verify/spare-workers';
import type { WorkerLauncher } from '../../../electron/backend/workers-seam/launcher';
import { launchWorker } from '../../../electron/workers/launch';
import { importBatch, MAX_BATCH_BYTES, MAX_BATCH_FILES } from '../../../electron/backend/services/inbox/import-batch';
import { importBundle } from '../../../electron/backend/services/inbox/import-bundle';
import { AppFailure } from '../../../shared/ipc/result';
import { callOk, countingLauncher, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { makeBundle, registerUnit, SO_UNIT, tamperEvidence, trustTestPki } from './make-bundle';

let pki: TestPki;
let work: string;
const PHUONG = { code: 'P-HA', name: 'UBND phường Hải An', type: 'PHUONG' as const };
const XA = { code: 'X-CH', name: 'Đặc khu Cát Hải', type: 'XA_DAC_KHU' as const };
const STRANGER = { code: 'P-LA', name: 'UBND phường Lạ', type: 'PHUONG' as const };
const sub = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-0000000001${String(n).padStart(2, '0')}`;

/** A Sở Nội vụ backend trusting the test root, with SO_UNIT, PHUONG and XA registered (not STRANGER). */
const receiver = (workerLauncher: WorkerLauncher = launchWorker): TestBackend => {
  const b = createTestBackend({ workerLauncher });
  trustTestPki(b.dataDir, pki);
  for (const u of [SO_UNIT, PHUONG, XA]) registerUnit(b, u, [pki.leaf]);
  return b;
};
const count = (b: TestBackend, table: string): number => (b.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const fileOf = (path: string, name: string) => ({ name, path, size: statSync(path).size });

let so: string, phuong: string, xa: string, stranger: string, tampered: string;
beforeAll(async () => {
  pki = await createTestPki();
  work = makeTempDir('cchc-batch-');
  const maker = receiver();
  try {
    so = await makeBundle(maker, pki, join(work, 'so.asice'), { unit: SO_UNIT, submissionId: sub(1) });
    phuong = await makeBundle(maker, pki, join(work, 'phuong.asice'), { unit: PHUONG, submissionId: sub(2) });
    xa = await makeBundle(maker, pki, join(work, 'xa.asice'), { unit: XA, submissionId: sub(3) });
    stranger = await makeBundle(maker, pki, join(work, 'stranger.asice'), { unit: STRANGER, submissionId: sub(4) });
    tampered = tamperEvidence(await makeBundle(maker, pki, join(work, 'to-tamper.asice'), { unit: PHUONG, submissionId: sub(5) }), join(work, 'tampered.asice'));
  } finally {
    maker.cleanup();
  }
}, 120_000);

describe('inbox: batch import of a folder of packages (each file through the single import)', () => {
  it('a folder: valid files accepted with unit and revision, each refused file with its own code, nothing stored for them', async () => {
    const b = receiver();
    try {
      const dir = join(work, 'folder-1');
      mkdirSync(dir);
      copyFileSync(so, join(dir, '01-so.asice'));
      copyFileSync(tampered, join(dir, '02-tampered.asice'));
      copyFileSync(phuong, join(dir, '03-phuong.asice'));
      copyFileSync(stranger, join(dir, '04-stranger.asice'));
      copyFileSync(phuong, join(dir, '05-phuong-again.ASICE'));
      copyFileSync(xa, join(dir, '06-xa.asice'));
      writeFileSync(join(dir, 'notes.txt'), 'not a package');
      mkdirSync(join(dir, 'sub.asice'));
      symlinkSync(so, join(dir, '07-link.asice'));
      b.host.nextFolders.push(dir);
      const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.importBatch', {})).id);
      expect(job.error).toBeUndefined();
      expect(job.state).toBe('done');
      const r = job.result as InboxBatchResult;
      expect({ total: r.total, accepted: r.accepted, refused: r.refused }).toEqual({ total: 6, accepted: 3, refused: 3 });
      const brief = r.files.map((f) => (f.outcome === 'accepted' ? [f.name, f.outcome, f.unitName, f.revision] : [f.name, f.outcome, f.code]));
      expect(brief).toEqual([
        ['01-so.asice', 'accepted', SO_UNIT.name, 1],
        ['02-tampered.asice', 'refused', 'E_DIGEST_MISMATCH'],
        ['03-phuong.asice', 'accepted', PHUONG.name, 1],
        ['04-stranger.asice', 'refused', 'E_UNIT_UNKNOWN'],
        ['05-phuong-again.ASICE', 'refused', 'E_REPLAY'],
        ['06-xa.asice', 'accepted', XA.name, 1],
      ]);
      const refused = r.files.filter((f): f is Extract<InboxBatchFile, { outcome: 'refused' }> => f.outcome === 'refused');
      for (const f of refused) {
        expect(f.reason).toMatch(/^BUNDLE_REFUSED/);
        expect(f.message).toMatch(/^Hồ sơ bị từ chối/);
      }
      expect(count(b, 'imported_submission')).toBe(3);
      expect(job.progress).toMatchObject({ done: job.progress.total, label: 'Đã xử lý 6/6 hồ sơ', step: { code: 'BATCH_DONE', params: { n: 6 } } });
    } finally {
      b.cleanup();
    }
  }, 180_000);

  it('uploads (web host): the same rules by upload id; limits refuse before anything is read', async () => {
    const b = receiver();
    try {
      const ids = [so, xa].map((p, i) => b.ctx.uploads.register(p, i === 0 ? 'so.asice' : 'xa.asice', statSync(p).size).id);
      const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.importBatch', { uploadIds: ids })).id);
      const r = job.result as InboxBatchResult;
      expect(r.files.map((f) => [f.name, f.outcome])).toEqual([
        ['so.asice', 'accepted'],
        ['xa.asice', 'accepted'],
      ]);

      // 501 ids: refused by the channel's schema; 501 files: refused by the batch's own limit.
      const tooMany = await b.call('inbox.importBatch', { uploadIds: Array.from({ length: 501 }, () => ids[0]) });
      expect(tooMany.ok).toBe(false);
      if (!tooMany.ok) expect(tooMany.error.code).toBe('VALIDATION');
      const missing = Array.from({ length: MAX_BATCH_FILES + 1 }, (_, i) => ({ name: `${i}.asice`, path: join(work, 'does-not-exist', `${i}.asice`), size: 1 }));
      await expect(importBatch(b.ctx, missing)).rejects.toMatchObject({ reason: 'INBOX_BATCH_TOO_MANY', params: { count: 501, max: 500 } });
      const huge = [{ name: 'a.asice', path: join(work, 'nope-a'), size: MAX_BATCH_BYTES }, { name: 'b.asice', path: join(work, 'nope-b'), size: 1 }];
      await expect(importBatch(b.ctx, huge)).rejects.toMatchObject({ reason: 'INBOX_BATCH_TOO_LARGE', params: { size: MAX_BATCH_BYTES + 1, max: MAX_BATCH_BYTES } });
      await expect(importBatch(b.ctx, [])).rejects.toMatchObject({ reason: 'INBOX_BATCH_EMPTY' });
      expect(count(b, 'imported_submission')).toBe(2);
    } finally {
      b.cleanup();
    }
  }, 120_000);

  it('the verification workers start while the folder dialog is open, and the batch uses them; a cancelled dialog leaves them waiting, to end by themselves', async () => {
    const { started, launcher: counting } = countingLauncher();
    const b = receiver(counting);
    try {
      const dir = join(work, 'folder-warm');
      mkdirSync(dir);
      copyFileSync(so, join(dir, 'a.asice'));
      copyFileSync(phuong, join(dir, 'b.asice'));
      b.host.nextFolders.push(dir);
      const job = await b.ctx.jobs.wait((await callOk<Job>(b, 'inbox.importBatch', {})).id);
      expect((job.result as InboxBatchResult).accepted).toBe(2);
      expect(started).toEqual(Array(VERIFY_WORKERS).fill('verify-worker'));
      expect(takeSpareWorker(counting)).toBeNull();

      const res = await b.call('inbox.importBatch', {});
      expect(res.ok).toBe(false);
      expect(started).toHaveLength(2 * VERIFY_WORKERS);
      expect(takeSpareWorker(counting)).not.toBeNull();
    } finally {
      endSpareWorkers();
      b.cleanup();
    }
  }, 60_000);

  it('a folder with more than 500 packages, an empty folder, no folder chosen: refused before the job starts', async () => {
    const b = receiver();
    try {
      const big = join(work, 'folder-big');
      mkdirSync(big);
      for (let i = 0; i <= MAX_BATCH_FILES; i++) writeFileSync(join(big, `${i}.asice`), '');
      b.host.nextFolders.push(big);
      const res = await b.call('inbox.importBatch', {});
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error).toMatchObject({ code: 'FILE_TOO_LARGE', reason: 'INBOX_BATCH_TOO_MANY', params: { count: 501, max: 500 } });

      const empty = join(work, 'folder-empty');
      mkdirSync(empty);
      writeFileSync(join(empty, 'readme.txt'), 'x');
      b.host.nextFolders.push(empty);
      const none = await b.call('inbox.importBatch', {});
      expect(none.ok).toBe(false);
      if (!none.ok) expect(none.error.reason).toBe('INBOX_BATCH_EMPTY');

      const cancelled = await b.call('inbox.importBatch', {});
      expect(cancelled.ok).toBe(false);
      if (!cancelled.ok) expect(cancelled.error).toMatchObject({ code: 'CANCELLED', reason: 'NO_FOLDER_PICKED' });
      expect(count(b, 'imported_submission')).toBe(0);
    } finally {
      b.cleanup();
    }
  }, 60_000);

  it('cancel after two files: those two stay imported, the rest is not, and the failure says 2 of 3', async () => {
    const b = receiver();
    try {
      const ctl = new AbortController();
      let calls = 0;
      const importOne: typeof importBundle = async (ctx, file, o) => {
        const r = await importBundle(ctx, file, o);
        if (++calls === 2) ctl.abort();
        return r;
      };
      const files = [fileOf(so, 'so.asice'), fileOf(phuong, 'phuong.asice'), fileOf(xa, 'xa.asice')];
      const err = await importBatch(b.ctx, files, { signal: ctl.signal, importOne }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppFailure);
      expect(err).toMatchObject({ code: 'CANCELLED', reason: 'INBOX_BATCH_CANCELLED', params: { imported: 2, total: 3 } });
      expect((err as AppFailure).message).toBe(
        'Đã hủy tiếp nhận hàng loạt: 2 trên 3 hồ sơ đã được tiếp nhận trước khi hủy và vẫn được giữ; các hồ sơ còn lại chưa được nhập.',
      );
      expect(((err as AppFailure).details as { files: InboxBatchFile[] }).files.map((f) => f.name)).toEqual(['so.asice', 'phuong.asice']);
      expect(calls).toBe(2);
      expect(count(b, 'imported_submission')).toBe(2);
      const units = (b.ctx.db.prepare('SELECT unit_code AS c FROM imported_submission ORDER BY unit_code').all() as { c: string }[]).map((r) => r.c);
      expect(units).toEqual([PHUONG.code, SO_UNIT.code]);
    } finally {
      b.cleanup();
    }
  }, 120_000);
});
