import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { errnoError, setBackupFaults } from '../../../electron/backend/services/backup/faults';
import { atomicWriteFaults } from '../../../electron/backend/storage/atomic-write';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { setupEvidence } from '../evidence/fixtures';

const DISK_FULL = /^Ổ đĩa đã đầy\. Hãy giải phóng dung lượng rồi thử lại; dữ liệu trước đó vẫn được giữ nguyên\.$/;
const NO_PERMISSION = /^Không có quyền ghi vào thư mục này\./;

const cleanups: Array<() => void> = [];
afterEach(() => {
  delete atomicWriteFaults.onWrite;
  delete atomicWriteFaults.beforeRename;
  setBackupFaults({});
  while (cleanups.length) cleanups.pop()!();
});
const track = <T extends { cleanup: () => void }>(x: T): T => {
  cleanups.push(() => x.cleanup());
  return x;
};
const runJob = async (b: TestBackend, channel: string, payload: unknown = {}): Promise<Job> =>
  b.ctx.jobs.wait((await callOk<Job>(b, channel, payload)).id);

/** A real 1 MiB tmpfs when we may mount one (root in CI containers); null otherwise. */
const tinyDisk = (): { dir: string; cleanup: () => void } | null => {
  const dir = makeTempDir('cchc-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    cleanup: () => {
      spawnSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => /\.tmp-|\.partial$/.test(n));

describe('disk full and permission errors: a clear Vietnamese message, the previous state intact', () => {
  it('settings on a full disk → DISK_FULL; the file on disk keeps the old value, no temp file left', async () => {
    const b = track(createTestBackend());
    await callOk(b, 'settings.update', { language: 'en' });
    atomicWriteFaults.onWrite = () => {
      throw errnoError('ENOSPC');
    };
    const res = await b.call('settings.update', { language: 'vi' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('DISK_FULL');
      expect(res.error.message).toMatch(DISK_FULL);
    }
    expect(JSON.parse(readFileSync(dataPaths(b.dataDir).settings, 'utf8'))).toMatchObject({ language: 'en' });
    expect(leftovers(b.dataDir)).toEqual([]);
  });

  it('settings in a folder we may not write (rename refused) → PERMISSION_DENIED; old file intact', async () => {
    const b = track(createTestBackend());
    await callOk(b, 'settings.update', { language: 'en' });
    atomicWriteFaults.beforeRename = () => {
      throw errnoError('EACCES', 'rename');
    };
    const res = await b.call('settings.update', { language: 'vi' });
    expect(!res.ok && res.error.code).toBe('PERMISSION_DENIED');
    expect(!res.ok && res.error.message).toMatch(NO_PERMISSION);
    expect(JSON.parse(readFileSync(dataPaths(b.dataDir).settings, 'utf8'))).toMatchObject({ language: 'en' });
    expect(leftovers(b.dataDir)).toEqual([]);
  });

  it('the database itself is full (SQLITE_FULL) → DISK_FULL on autosave; the last saved answer is intact', async () => {
    const s = track(await setupEvidence());
    const save = (explanation: string) =>
      s.b.call('answers.save', { assessmentId: s.assessmentId, nodeId: 'so25-3.3', answer: { nodeId: 'so25-3.3', inputs: { numerator: 20, denominator: 1000 }, explanation } });
    expect((await save('Lần lưu đầu tiên')).ok).toBe(true);
    // A real SQLite "database or disk is full": cap the file at its current size.
    const pages = s.b.ctx.db.pragma('page_count', { simple: true }) as number;
    s.b.ctx.db.pragma(`max_page_count = ${pages}`);
    let failure: { code: string; message: string } | null = null;
    let lastGood = 'Lần lưu đầu tiên';
    for (let i = 0; i < 400 && !failure; i++) {
      const text = `Giải trình lần ${i}: ${'Đơn vị đã triển khai đầy đủ nhiệm vụ cải cách hành chính. '.repeat(120)}`.slice(0, 7900);
      const r = await save(text);
      if (r.ok) lastGood = text;
      else failure = r.error;
    }
    expect(failure?.code).toBe('DISK_FULL');
    expect(failure?.message).toMatch(DISK_FULL);
    const list = await callOk<Array<{ nodeId: string; explanation: string }>>(s.b, 'answers.list', { assessmentId: s.assessmentId });
    expect(list.find((a) => a.nodeId === 'so25-3.3')?.explanation).toBe(lastGood);
    expect(s.b.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('an export onto a full disk → the job fails with DISK_FULL, no file under the final name', async () => {
    const s = track(await setupEvidence());
    const out = makeTempDir('cchc-exp-');
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    s.b.host.nextSaveTargets.push(join(out, 'bang-tu-danh-gia.xlsx'));
    atomicWriteFaults.onWrite = (_f, soFar) => {
      if (soFar >= 0) throw errnoError('ENOSPC');
    };
    const job = await runJob(s.b, 'report.xlsx', { assessmentId: s.assessmentId });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('DISK_FULL');
    expect(job.error?.message).toMatch(DISK_FULL);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a backup onto a full disk (a real 1 MiB tmpfs when mountable, else injected ENOSPC) → DISK_FULL, nothing left on it', async () => {
    const s = track(await setupEvidence());
    // Enough data that the archive cannot fit in 1 MiB.
    const { pdfBytes, writeSource } = await import('../evidence/fixtures');
    const ids = [1, 2, 3].map((i) => s.b.ctx.uploads.register(writeSource(s.files, `big${i}`, pdfBytes(600_000)), `tai-lieu-${i}.pdf`, 600_000).id);
    expect((await runJob(s.b, 'evidence.attach', { assessmentId: s.assessmentId, nodeId: null, source: { kind: 'uploads', uploadIds: ids } })).state).toBe('done');
    const disk = tinyDisk();
    let target: string;
    if (disk) {
      cleanups.push(disk.cleanup);
      target = join(disk.dir, 'sao-luu.cchcbak');
    } else {
      const dir = makeTempDir('cchc-full-');
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      target = join(dir, 'sao-luu.cchcbak');
      setBackupFaults({ onArchiveWrite: (n) => {
        if (n > 1024 * 1024) throw errnoError('ENOSPC');
      } });
    }
    s.b.host.nextSaveTargets.push(target);
    const before = await callOk(s.b, 'evidence.list', { assessmentId: s.assessmentId });
    const job = await runJob(s.b, 'backup.create');
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('DISK_FULL');
    expect(job.error?.message).toMatch(DISK_FULL);
    expect(readdirSync(join(target, '..'))).toEqual([]); // neither the final file nor the .partial
    expect(await callOk(s.b, 'evidence.list', { assessmentId: s.assessmentId })).toEqual(before);
    expect(readdirSync(dataPaths(s.b.dataDir).tmp).filter((n) => n.startsWith('backup-'))).toEqual([]);
  });

  it('a backup into a folder we may not write → PERMISSION_DENIED; a failed restore swap → the data unchanged', async () => {
    const s = track(await setupEvidence());
    const dir = makeTempDir('cchc-ro-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    setBackupFaults({ onArchiveWrite: () => {
      throw errnoError('EACCES', 'open');
    } });
    s.b.host.nextSaveTargets.push(join(dir, 'a.cchcbak'));
    const denied = await runJob(s.b, 'backup.create');
    expect(denied.error?.code).toBe('PERMISSION_DENIED');
    expect(denied.error?.message).toMatch(NO_PERMISSION);
    expect(readdirSync(dir)).toEqual([]);

    setBackupFaults({});
    s.b.host.nextSaveTargets.push(join(dir, 'b.cchcbak'));
    expect((await runJob(s.b, 'backup.create')).state).toBe('done');
    await callOk(s.b, 'assessments.create', { year: 2026, indicatorSetId: 'hp-2025-so' });
    const before = await callOk(s.b, 'assessments.list', {});
    setBackupFaults({ beforeSwap: () => {
      throw errnoError('ENOSPC');
    } });
    s.b.host.nextPicks.push([join(dir, 'b.cchcbak')]);
    const failed = await runJob(s.b, 'backup.restore', {});
    expect(failed.error?.code).toBe('DISK_FULL');
    expect(await callOk(s.b, 'assessments.list', {})).toEqual(before);
    expect(existsSync(join(dir, 'b.cchcbak'))).toBe(true);
    mkdirSync(dataPaths(s.b.dataDir).tmp, { recursive: true });
    expect(readdirSync(dataPaths(s.b.dataDir).tmp).filter((n) => n.startsWith('restore-'))).toEqual([]);
  });
});
