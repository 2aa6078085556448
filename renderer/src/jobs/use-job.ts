import { useCallback, useEffect, useRef, useState } from 'react';

import type { Job } from '../../../shared/schemas/job';
import { usePlatform } from '../app/app-context';
import { followJob, JobFollowAborted, POLL_MS } from './follow';

/**
 * Follows a backend job (exports, signing, backups, imports) from a component:
 *
 *   const tracked = useJob(jobId, { initial, onSettled: (job) => ... });
 *
 * `initial` (the Job the starting channel returned) is shown from the very first render for that id, so a
 * progress bar never flashes "Đang bắt đầu…" or a disabled cancel button before the first poll answers.
 * `onSettled` fires exactly once per job id, when it leaves 'running' (done, failed or cancelled).
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

type Tracked = { id: string | null; job: Job | null; error: unknown; cancelling: boolean };

export const useJob = (jobId: string | null, options: UseJobOptions = {}): UseJobResult => {
  const { api } = usePlatform();
  const intervalMs = options.intervalMs ?? POLL_MS;
  const initial = options.initial && options.initial.id === jobId ? options.initial : null;
  const fresh = (): Tracked => ({ id: jobId, job: initial, error: null, cancelling: false });
  const [stored, setStored] = useState<Tracked>(fresh);
  // State belongs to one job id: until the effect below resets it, a new id shows its own initial job.
  const state = stored.id === jobId ? stored : fresh();
  // Kept in a ref so a new callback identity each render does not restart polling.
  const onSettled = useRef(options.onSettled);
  onSettled.current = options.onSettled;
  const settledFor = useRef<string | null>(null);

  useEffect(() => {
    setStored({ id: jobId, job: initial, error: null, cancelling: false });
    if (!jobId) return;
    const update = (patch: Partial<Tracked>) => setStored((s) => (s.id === jobId ? { ...s, ...patch } : s));
    const settle = (j: Job) => {
      if (settledFor.current === j.id) return;
      settledFor.current = j.id;
      update({ job: j, cancelling: false });
      onSettled.current?.(j);
    };
    // A job returned already finished needs no poll (small exports can finish before the first one).
    if (initial && initial.state !== 'running') {
      settle(initial);
      return;
    }
    const stop = new AbortController();
    followJob(api, jobId, { intervalMs, signal: stop.signal, onUpdate: (j) => j.state === 'running' && update({ job: j }) }).then(settle, (e: unknown) => {
      if (!(e instanceof JobFollowAborted)) update({ error: e, cancelling: false });
    });
    return () => stop.abort();
    // `initial` is only read when the id changes: it belongs to that id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, jobId, intervalMs]);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    const update = (patch: Partial<Tracked>) => setStored((s) => (s.id === jobId ? { ...s, ...patch } : s));
    update({ cancelling: true });
    try {
      const j = await api.jobs.cancel({ jobId });
      // The poll reports the end (and settles); a still-running answer only refreshes the bar.
      if (j.state === 'running') update({ job: j });
    } catch (e) {
      update({ error: e, cancelling: false });
    }
  }, [api, jobId]);

  return { job: state.job, running: state.job?.state === 'running', cancelling: state.cancelling, error: state.error, cancel };
};
