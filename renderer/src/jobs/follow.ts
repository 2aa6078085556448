import type { PlatformApi } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import type { Job } from '../../../shared/schemas/job';

/**
 * The renderer's one polling loop. Long work answers a job at once; the contract is request/response only
 * (identical over Electron IPC and the web host's HTTP), so progress is read by asking `jobs.get` until the
 * job leaves 'running'. useJob (components) and runJob (imperative flows) are both built on it.
 */

export const POLL_MS = 200;

/** Thrown by followJob when its signal is aborted (the component unmounted or moved to another job). */
export class JobFollowAborted extends Error {
  constructor() {
    super('job follow aborted');
    this.name = 'JobFollowAborted';
  }
}

const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });

export type FollowOptions = {
  intervalMs?: number;
  signal?: AbortSignal;
  /** Every state read, the final one included. */
  onUpdate?: (job: Job) => void;
};

/** Asks `jobs.get` (first at once, then every `intervalMs`) until the job is done, failed or cancelled. */
export const followJob = async (api: PlatformApi, jobId: string, opts: FollowOptions = {}): Promise<Job> => {
  const intervalMs = opts.intervalMs ?? POLL_MS;
  for (;;) {
    if (opts.signal?.aborted) throw new JobFollowAborted();
    const job = await api.jobs.get({ jobId });
    if (opts.signal?.aborted) throw new JobFollowAborted();
    opts.onUpdate?.(job);
    if (job.state !== 'running') return job;
    await pause(intervalMs, opts.signal);
  }
};

/** A finished job's own failure as the AppFailure ErrorBanner shows (null unless it failed). */
export const jobFailure = (job: Job | null): AppFailure | null =>
  job?.state === 'failed' ? job.error ? AppFailure.fromError(job.error) : AppFailure.of('JOB_UNFINISHED') : null;

/**
 * Follows a job that was just started to its end: resolves with it done or cancelled, throws its failure.
 * For flows that simply await the result (an indicator set export, an evidence attach).
 */
export const runJob = async (api: PlatformApi, started: Job, opts: FollowOptions = {}): Promise<Job> => {
  opts.onUpdate?.(started);
  const job = started.state === 'running' ? await followJob(api, started.id, opts) : started;
  const failure = jobFailure(job);
  if (failure) throw failure;
  return job;
};
