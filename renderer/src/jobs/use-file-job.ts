import { useState } from 'react';

import type { Job } from '../../../shared/schemas/job';
import { usePlatform } from '../app/app-context';
import { runJob } from './follow';
import { useSingleFlight } from './single-flight';

export type FileJobInput = { uploadId?: string };

/**
 * One file into one backend job, followed to its end: the file chosen in the browser is uploaded first, in the
 * desktop app `file` is null and the backend opens its own dialog. One at a time (useSingleFlight): a second
 * choice while the first runs is ignored, so its refusal cannot replace the first's outcome on screen.
 * Used by the imports of Sở Nội vụ's packages (round, appraisal result, final result).
 */
export const useFileJob = <R>(start: (input: FileJobInput) => Promise<Job>, on: { started?: () => void; done: (result: R) => void }) => {
  const platform = usePlatform();
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const flight = useSingleFlight();

  const run = async (file: File | null) => {
    if (!flight.claim()) return;
    setBusy(true);
    setError(null);
    on.started?.();
    try {
      const uploadId = file ? (await platform.uploadFiles([file]))[0]?.uploadId : undefined;
      const done = await runJob(platform.api, await start(uploadId ? { uploadId } : {}), { onUpdate: setJob });
      on.done(done.result as R);
    } catch (e) {
      setError(e);
    } finally {
      flight.release();
      setBusy(false);
      setJob(null);
    }
  };
  const cancel = async () => {
    if (job) await platform.api.jobs.cancel({ jobId: job.id });
  };
  return { job, busy, error, clearError: () => setError(null), run, cancel };
};
