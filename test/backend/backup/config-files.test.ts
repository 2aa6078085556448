import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../../electron/backend/backend';
import type { Job } from '../../../shared/schemas/job';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { createTestPki } from '../../helpers/pki';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
const backend = (): TestBackend => {
  const b = createTestBackend();
  cleanups.push(() => b.cleanup());
  return b;
};
const runJob = async (b: TestBackend, channel: string, payload: unknown = {}): Promise<Job> =>
  b.ctx.jobs.wait((await callOk<Job>(b, channel, payload)).id);

describe('a backup carries the imported indicator sets and the trust anchors', () => {
  it('restores onto an empty data folder with the imported set (and the assessment made on it) and the anchors', async () => {
    const dir = makeTempDir('cchc-cfg-');
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const src = backend();

    // An official set replaces the sample: same id, a new version, imported by the user.
    const sample = JSON.parse(readFileSync(join(PROJECT_ROOT, 'resources', 'indicator-sets', 'hp-2025-so.json'), 'utf8')) as Record<string, unknown>;
    const setFile = join(dir, 'bo-chi-so-chinh-thuc.json');
    writeFileSync(setFile, JSON.stringify({ ...sample, version: '2025.9', isSample: false }));
    const up = src.ctx.uploads.register(setFile, 'bo-chi-so-chinh-thuc.json', readFileSync(setFile).length);
    expect(await callOk(src, 'indicatorSets.import', { source: { kind: 'upload', uploadId: up.id } })).toMatchObject({ imported: true });
    await callOk(src, 'unit.save', {
      name: 'Sở Tư pháp', code: 'STP', type: 'SO',
      focalPoint: { name: 'Lê Văn Bình', title: '', phone: '', email: '' }, head: { name: 'Phạm Thị Hoa', title: '', phone: '', email: '' },
    });
    const a = await callOk<{ id: string; indicatorSetVersion: string }>(src, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
    expect(a.indicatorSetVersion).toBe('2025.9');

    const pki = await createTestPki();
    const ca = src.ctx.uploads.register(pki.caFile, 'root.pem', readFileSync(pki.caFile).length);
    await callOk(src, 'trust.import', { uploadId: ca.id });
    const anchors = await callOk<Array<{ fingerprint: string }>>(src, 'trust.list', {});
    expect(anchors).toHaveLength(1);

    const target = join(dir, 'sao-luu.cchcbak');
    src.host.nextSaveTargets.push(target);
    expect((await runJob(src, 'backup.create')).state).toBe('done');

    const dst = backend();
    dst.host.nextPicks.push([target]);
    const restored = await runJob(dst, 'backup.restore', {});
    expect(restored.error).toBeUndefined();
    expect(restored.state).toBe('done');
    const again = await callOk<{ indicatorSetVersion: string; indicatorSetSha256: string }>(dst, 'assessments.get', { assessmentId: a.id });
    expect(again.indicatorSetVersion).toBe('2025.9');
    // The set itself came back: the assessment scores on it.
    const score = await callOk<{ maxTotal: number }>(dst, 'scoring.compute', { assessmentId: a.id });
    expect(score.maxTotal).toBeGreaterThan(0);
    const sets = await callOk<Array<{ version: string; sha256: string }>>(dst, 'indicatorSets.list', {});
    expect(sets.find((s) => s.version === '2025.9')?.sha256).toBe(again.indicatorSetSha256);
    expect((await callOk<Array<{ fingerprint: string }>>(dst, 'trust.list', {})).map((t) => t.fingerprint)).toEqual(anchors.map((t) => t.fingerprint));
  }, 60_000);
});
