import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { readBackupArchive } from '../../../electron/backend/services/backup/archive-read';
import { evidenceInventory } from '../../../electron/backend/services/backup/evidence-inventory';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { N1, N2, pdfBytes, pngBytes, setupEvidence, validUnit, writeSource } from '../evidence/fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
const tempDir = (p: string) => {
  const d = makeTempDir(p);
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
};
const backend = () => {
  const b = createTestBackend();
  cleanups.push(() => b.cleanup());
  return b;
};

const runJob = async (b: TestBackend, channel: string, payload: unknown = {}): Promise<Job> => {
  const job = await callOk<Job>(b, channel, payload);
  return b.ctx.jobs.wait(job.id);
};

/** Everything a user would call "my data": assessment, answers, live scores, evidence documents and hashes. */
const snapshotOf = async (b: TestBackend, assessmentId: string) => ({
  unit: await callOk(b, 'unit.get', {}),
  assessment: await callOk(b, 'assessments.get', { assessmentId }),
  answers: await callOk(b, 'answers.list', { assessmentId }),
  scores: await callOk(b, 'scoring.compute', { assessmentId }),
  evidence: ((await callOk(b, 'evidence.list', { assessmentId })) as Array<Record<string, unknown>>).map((d) => ({ ...d })),
  check: await callOk(b, 'evidence.check', { assessmentId }),
  files: evidenceInventory(b.dataDir).map((f) => ({ ...f, actual: createHash('sha256').update(readFileSync(join(dataPaths(b.dataDir).evidence, f.path.slice(9)))).digest('hex') })),
});

/** A source backend with a unit, an assessment, answers and two evidence files. */
const populated = async () => {
  const s = await setupEvidence();
  cleanups.push(() => s.cleanup());
  await callOk(s.b, 'answers.save', { assessmentId: s.assessmentId, nodeId: 'so25-3.3', answer: { nodeId: 'so25-3.3', inputs: { numerator: 20, denominator: 1000 } } });
  await callOk(s.b, 'answers.save', { assessmentId: s.assessmentId, nodeId: 'so25-6.1', answer: { nodeId: 'so25-6.1', notApplicable: { reason: 'Không được giao vốn đầu tư công năm 2025' } } });
  const uploads = [
    { name: 'Kế hoạch CCHC 2025.pdf', data: pdfBytes(300_000) },
    { name: 'ảnh hiện trường.png', data: pngBytes() },
  ].map((f) => s.b.ctx.uploads.register(writeSource(s.files, `u-${Math.random()}`, f.data), f.name, f.data.length).id);
  const attach = await runJob(s.b, 'evidence.attach', { assessmentId: s.assessmentId, nodeId: N1, source: { kind: 'uploads', uploadIds: uploads } });
  expect(attach.state).toBe('done');
  const doc = (attach.result as { documents: Array<{ documentId: string }> }).documents[0]!.documentId;
  await callOk(s.b, 'evidence.link', { documentId: doc, nodeId: N2 });
  return s;
};

const makeBackupFile = async (b: TestBackend, dir: string): Promise<string> => {
  const target = join(dir, 'du-lieu.cchcbak');
  b.host.nextSaveTargets.push(target);
  const job = await runJob(b, 'backup.create');
  expect(job.error).toBeUndefined();
  expect(job.state).toBe('done');
  expect(job.result).toMatchObject({ fileName: 'du-lieu.cchcbak', evidenceFiles: 2 });
  return target;
};

const restoreFile = async (b: TestBackend, file: string): Promise<Job> => {
  b.host.nextPicks.push([file]);
  return runJob(b, 'backup.restore', {});
};

describe('backup and restore (a single verified file)', () => {
  it('a backup made by the app restores onto an EMPTY data folder: assessment, answers, scores and evidence hashes identical', async () => {
    const s = await populated();
    const before = await snapshotOf(s.b, s.assessmentId);
    expect(before.files).toHaveLength(2);
    const out = tempDir('cchc-bak-out-');
    const file = await makeBackupFile(s.b, out);
    expect(readdirSync(out)).toEqual(['du-lieu.cchcbak']); // no .partial left

    const fresh = backend(); // an empty data folder
    const job = await restoreFile(fresh, file);
    expect(job.error).toBeUndefined();
    expect(job.result).toMatchObject({ source: 'file', assessments: 1, evidenceFiles: 2 });
    const after = await snapshotOf(fresh, s.assessmentId);
    expect(after).toEqual(before);
    for (const f of after.files) expect(f.actual).toBe(f.sha256);
    // A pre-restore safety snapshot was taken of what was there.
    expect((await callOk<{ backups: Array<{ reason: string }> }>(fresh, 'backup.list')).backups.map((x) => x.reason)).toEqual(['pre-restore']);
    // The restored app keeps working: a new answer saves and scores.
    await callOk(fresh, 'answers.save', { assessmentId: s.assessmentId, nodeId: 'so25-3.3', answer: { nodeId: 'so25-3.3', inputs: { numerator: 0, denominator: 1000 } } });
    expect(fresh.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('restores onto a RUNNING app with other data: the backup replaces it entirely, in one step', async () => {
    const s = await populated();
    const before = await snapshotOf(s.b, s.assessmentId);
    const file = await makeBackupFile(s.b, tempDir('cchc-bak-out-'));
    // Change the source after the backup: new answer, new assessment.
    await callOk(s.b, 'answers.save', { assessmentId: s.assessmentId, nodeId: 'so25-3.3', answer: { nodeId: 'so25-3.3', inputs: { numerator: 999, denominator: 1000 } } });
    await callOk(s.b, 'assessments.create', { year: 2026, indicatorSetId: 'hp-2025-so' });
    expect((await callOk<unknown[]>(s.b, 'assessments.list', {})).length).toBe(2);
    const job = await restoreFile(s.b, file);
    expect(job.error).toBeUndefined();
    expect(await snapshotOf(s.b, s.assessmentId)).toEqual(before);
    expect((await callOk<unknown[]>(s.b, 'assessments.list', {})).length).toBe(1);
  });

  it('the file is a zip whose manifest lists every entry with its SHA-256, and is verified after writing', async () => {
    const s = await populated();
    const file = await makeBackupFile(s.b, tempDir('cchc-bak-out-'));
    const manifest = await readBackupArchive(file);
    expect(manifest.format).toBe('CCHC-BACKUP/1');
    expect(manifest.evidence.map((e) => e.sha256).sort()).toEqual(evidenceInventory(s.b.dataDir).map((e) => e.sha256).sort());
    expect(manifest.schemaVersion).toBe(s.b.ctx.db.pragma('user_version', { simple: true }));
  });

  it('restoring from an automatic backup brings the database back to that moment', async () => {
    const s = await populated();
    const before = await snapshotOf(s.b, s.assessmentId);
    const { takeAutomaticBackup } = await import('../../../electron/backend/services/backup/auto');
    const { autoEnv } = await import('../../../electron/backend/services/backup/service');
    const auto = takeAutomaticBackup(s.b.ctx.db, autoEnv(s.b.ctx), 'startup');
    await callOk(s.b, 'answers.save', { assessmentId: s.assessmentId, nodeId: 'so25-3.3', answer: { nodeId: 'so25-3.3', inputs: { numerator: 500, denominator: 1000 } } });
    const job = await runJob(s.b, 'backup.restore', { automaticName: auto.name });
    expect(job.error).toBeUndefined();
    expect(job.result).toMatchObject({ source: 'automatic' });
    expect(await snapshotOf(s.b, s.assessmentId)).toEqual(before);
  });
});

describe('restore refuses corrupt or foreign files and changes nothing', () => {
  const corruptions: Array<[string, (good: Buffer, dir: string) => Promise<Buffer> | Buffer]> = [
    ['an empty file', () => Buffer.alloc(0)],
    ['a PDF renamed .cchcbak', () => pdfBytes(5000)],
    ['a truncated backup (cut in half)', (g) => g.subarray(0, Math.floor(g.length / 2))],
    ['one flipped byte in the middle', (g) => {
      const c = Buffer.from(g);
      c[Math.floor(c.length * 0.6)]! ^= 0xff;
      return c;
    }],
    ['a zip without the manifest', () => zipOf([{ name: 'cchc.sqlite', data: Buffer.from('x') }])],
    ['a zip with a traversal name', () => zipOf([{ name: 'cchc-backup.json', data: Buffer.from('{}') }, { name: 'evidence/../../cchc.sqlite', data: Buffer.from('x') }])],
    ['a foreign manifest format', () => zipOf([{ name: 'cchc-backup.json', data: Buffer.from(JSON.stringify({ format: 'OTHER/1' })) }])],
    ['a valid-looking manifest over a foreign SQLite database', async (_g, dir) => foreignDatabaseBackup(dir)],
  ];

  it.each(corruptions)('%s → BACKUP_INVALID with a Vietnamese message; data untouched', async (_label, corrupt) => {
    const s = await populated();
    const dir = tempDir('cchc-bak-bad-');
    const good = readFileSync(await makeBackupFile(s.b, dir));
    const bad = join(dir, 'bad.cchcbak');
    writeFileSync(bad, await corrupt(good, dir));

    const target = backend();
    await callOk(target, 'unit.save', { ...validUnit, name: 'Đơn vị hiện tại' });
    const beforeUnit = await callOk(target, 'unit.get', {});
    const beforeFiles = readdirSync(dataPaths(target.dataDir).evidence);
    const job = await restoreFile(target, bad);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('BACKUP_INVALID');
    expect(job.error?.message).toMatch(/^Tệp này không phải là tệp sao lưu hợp lệ.*Dữ liệu hiện tại không bị thay đổi\.$/);
    expect(await callOk(target, 'unit.get', {})).toEqual(beforeUnit);
    expect(readdirSync(dataPaths(target.dataDir).evidence)).toEqual(beforeFiles);
    expect(readdirSync(dataPaths(target.dataDir).tmp).filter((n) => n.startsWith('restore-'))).toEqual([]);
    expect((await callOk<{ backups: unknown[] }>(target, 'backup.list')).backups).toEqual([]);
  });
});

const zipOf = (entries: Array<{ name: string; data: Buffer }>): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    // yazl refuses "..": write a placeholder of the same length and patch the names afterwards.
    const patched = entries.map((e) => ({ ...e, safe: e.name.replace(/\.\./g, '__') }));
    for (const e of patched) z.addBuffer(e.data, e.safe);
    const parts: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => parts.push(c));
    z.outputStream.on('end', () => {
      let buf = Buffer.concat(parts);
      for (const e of patched) if (e.safe !== e.name) buf = Buffer.from(buf.toString('latin1').split(e.safe).join(e.name), 'latin1');
      resolve(buf);
    });
    z.outputStream.on('error', reject);
    z.end();
  });

/** A well-formed archive (right manifest, right hashes) around a SQLite file that is not ours. */
const foreignDatabaseBackup = async (dir: string): Promise<Buffer> => {
  const dbFile = join(dir, 'foreign.sqlite');
  const db = new Database(dbFile);
  db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');");
  db.close();
  const data = readFileSync(dbFile);
  const manifest = {
    format: 'CCHC-BACKUP/1',
    createdAt: new Date().toISOString(),
    appVersion: '0.1.0',
    schemaVersion: 1,
    database: { path: 'cchc.sqlite', size: data.length, sha256: createHash('sha256').update(data).digest('hex') },
    evidence: [],
  };
  return zipOf([
    { name: 'cchc-backup.json', data: Buffer.from(JSON.stringify(manifest)) },
    { name: 'cchc.sqlite', data },
  ]);
};

describe('guards', () => {
  it('a restore with no file chosen is CANCELLED; an unknown automatic backup is NOT_FOUND', async () => {
    const b = backend();
    expect((await runJob(b, 'backup.restore', {})).error?.code).toBe('CANCELLED');
    expect((await runJob(b, 'backup.restore', { automaticName: 'cchc-20250101-000000-startup.sqlite' })).error?.code).toBe('NOT_FOUND');
    const both = await b.call('backup.restore', { uploadId: 'abc', automaticName: 'cchc-20250101-000000-startup.sqlite' });
    expect(both.ok).toBe(false);
    expect(existsSync(dataPaths(b.dataDir).database)).toBe(true);
  });
});
