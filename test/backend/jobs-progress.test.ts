import { describe, expect, it } from 'vitest';

import { step } from '../../shared/domain/progress-steps';
import { JobRegistry } from '../../electron/backend/jobs';
import { silentLogger } from '../../electron/backend/logger';

describe('a job reports its step as a code, with the Vietnamese wording kept as its label', () => {
  it('a step sets both; progress without a step keeps the last one', async () => {
    const jobs = new JobRegistry(silentLogger);
    let id = '';
    const seen: unknown[] = [];
    const job = jobs.start('test', async (ctl) => {
      await Promise.resolve(); // start() returns the id first
      ctl.progress(0, 2, step('PACKAGE_OF_BATCH', { i: 1, n: 2, name: 'a.asice' }));
      seen.push(jobs.get(id).progress);
      ctl.progress(1, 2);
      seen.push(jobs.get(id).progress);
      ctl.progress(2, 2, step('DONE'));
      seen.push(jobs.get(id).progress);
    });
    id = job.id;
    expect((await jobs.wait(id)).state).toBe('done');
    const first = { label: 'Hồ sơ 1/2: a.asice', step: { code: 'PACKAGE_OF_BATCH', params: { i: 1, n: 2, name: 'a.asice' } } };
    expect(seen).toEqual([
      { done: 0, total: 2, ...first },
      { done: 1, total: 2, ...first },
      { done: 2, total: 2, label: 'Hoàn tất', step: { code: 'DONE' } },
    ]);
  });
});
