import { useCallback, useEffect, useRef, useState } from 'react';

import { AppFailure } from '../../../../shared/ipc/result';
import type { Job } from '../../../../shared/schemas/job';
import { usePlatform } from '../../app/app-context';

/**
 * Follows a backend job (exports, signing, big attachments) by polling 'jobs.get' — the contract is
 * request/response only, so polling works the same over Electron IPC and the web host's HTTP.
 *
 *   const { job, running, cancel } = useJob(jobId, { onSettled: (j) => ... });
 *
 * `initial` (the Job the starting channel returned) shows state before the first poll. `onSettled` fires
 * exactly once per job id, when it leaves 'running' (done, failed or cancelled).
 */
export type UseJobOptions = {
  initial?: Job | null;
  intervalMs?: number;
  onSettled?: (job: Job) => void;
};

export type UseJobResult = {
  job: Job | null;
  running: boolean;
  /** True between a cancel request and the job reporting it stopped. */
  cancelling: boolean;
  /** A polling failure (e.g. the job vanished after a restart); the job's own failure is in job.error. */
  error: unknown;
  cancel: () => Promise<void>;
};

/** The job's own failure as an AppFailure, for ErrorBanner (null unless state is 'failed'). */
export const jobFailure = (job: Job | null): AppFailure | null =>
  job?.state === 'failed' ? new AppFailure(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Công việc không hoàn thành') : null;

export const useJob = (jobId: string | null, options: UseJobOptions = {}): UseJobResult => {
  const { api } = usePlatform();
  const intervalMs = options.intervalMs ?? 200;
  const initial = options.initial && options.initial.id === jobId ? options.initial : null;
  const [job, setJob] = useState<Job | null>(initial);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  // Kept in a ref so a new callback identity each render does not restart polling.
  const onSettled = useRef(options.onSettled);
  onSettled.current = options.onSettled;
  const settledFor = useRef<string | null>(null);

  useEffect(() => {
    setJob(initial);
    setError(null);
    setCancelling(false);
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (j: Job) => {
      if (settledFor.current === j.id) return;
      settledFor.current = j.id;
      setCancelling(false);
      onSettled.current?.(j);
    };
    const poll = async () => {
      try {
        const j = await api.jobs.get({ jobId });
        if (stopped) return;
        setJob(j);
        if (j.state === 'running') timer = setTimeout(() => void poll(), intervalMs);
        else settle(j);
      } catch (e) {
        if (stopped) return;
        setError(e);
        setCancelling(false);
      }
    };
    // A job returned already finished needs no poll (small exports can finish before the first one).
    if (initial && initial.state !== 'running') settle(initial);
    else void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // `initial` is only read when the id changes: it belongs to that id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, jobId, intervalMs]);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    setCancelling(true);
    try {
      setJob(await api.jobs.cancel({ jobId }));
    } catch (e) {
      setError(e);
      setCancelling(false);
    }
  }, [api, jobId]);

  return { job, running: job?.state === 'running', cancelling, error, cancel };
};
