import { AppFailure } from '../../../../shared/ipc/result';
import type { Job } from '../../../../shared/schemas/job';
import type { Platform } from '../../platform/index';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a backend job until it leaves 'running'; a failed job is thrown as its AppFailure. */
export const waitForJob = async (api: Platform['api'], started: Job, pollMs = 150): Promise<Job> => {
  let job = started;
  while (job.state === 'running') {
    await sleep(pollMs);
    job = await api.jobs.get({ jobId: job.id });
  }
  if (job.state === 'failed') throw new AppFailure(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Công việc không hoàn thành');
  return job;
};
