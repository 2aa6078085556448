import { randomUUID } from 'node:crypto';

import { AppFailure } from '../../shared/ipc/result';
import type { Job } from '../../shared/schemas/job';
import { progressText } from '../../shared/domain/progress-steps';
import type { ProgressStep } from '../../shared/domain/progress-steps';
import { toAppError } from './errors';
import type { Logger } from './logger';

export type JobControl = {
  signal: AbortSignal;
  /** Without a step, the job keeps saying the step it said last. */
  progress: (done: number, total: number, step?: ProgressStep) => void;
  /** Throws CANCELLED if the user cancelled; call between chunks of work. */
  throwIfCancelled: () => void;
};

type Entry = { job: Job; controller: AbortController; finishedAt?: number };

const KEEP_FINISHED_MS = 10 * 60_000;

/** In-memory registry of long-running work. Jobs are per process and vanish on restart (by design). */
export class JobRegistry {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly logger: Logger) {}

  start<T>(kind: string, work: (ctl: JobControl) => Promise<T>): Job {
    this.sweep();
    const id = randomUUID().replace(/-/g, '');
    const controller = new AbortController();
    const job: Job = { id, kind, state: 'running', progress: { done: 0, total: 0, label: '' } };
    const entry: Entry = { job, controller };
    this.entries.set(id, entry);
    const ctl: JobControl = {
      signal: controller.signal,
      progress: (done, total, step) => {
        const { label, step: last } = job.progress;
        job.progress = step ? { done, total, label: progressText(step, 'vi'), step } : { done, total, label, ...(last ? { step: last } : {}) };
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw AppFailure.of('CANCELLED_BY_USER');
      },
    };
    void (async () => {
      try {
        const result = await work(ctl);
        if (controller.signal.aborted) job.state = 'cancelled';
        else {
          job.state = 'done';
          job.result = result;
        }
      } catch (e) {
        const error = toAppError(e, this.logger);
        job.state = error.code === 'CANCELLED' || controller.signal.aborted ? 'cancelled' : 'failed';
        job.error = error;
      } finally {
        entry.finishedAt = Date.now();
      }
    })();
    return { ...job };
  }

  get(id: string): Job {
    const entry = this.entries.get(id);
    if (!entry) throw AppFailure.of('JOB_NOT_FOUND');
    return { ...entry.job, progress: { ...entry.job.progress } };
  }

  cancel(id: string): Job {
    const entry = this.entries.get(id);
    if (!entry) throw AppFailure.of('JOB_NOT_FOUND');
    if (entry.job.state === 'running') entry.controller.abort();
    return this.get(id);
  }

  /** Waits for a job to finish (tests and the CLI). */
  async wait(id: string, pollMs = 10): Promise<Job> {
    for (;;) {
      const job = this.get(id);
      if (job.state !== 'running') return job;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, e] of this.entries) {
      if (e.finishedAt && now - e.finishedAt > KEEP_FINISHED_MS) this.entries.delete(id);
    }
  }
}
