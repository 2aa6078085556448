import { useCallback, useRef, useState } from 'react';

import { AppFailure } from '../../../../shared/ipc/result';
import type { AttachResult } from '../../../../shared/schemas/evidence';
import type { Job } from '../../../../shared/schemas/job';
import { usePlatform } from '../../app/app-context';

export type AttachProgress =
  | { phase: 'idle' }
  | { phase: 'upload'; done: number; total: number }
  | { phase: 'attach'; jobId: string; done: number; total: number; label: string };

const POLL_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Files → backend: upload (web) or register the drop (Electron) → `evidence.attach` job → poll until done.
 * Exposes progress and a cancel that stops the job (the backend deletes its partial temp copy).
 */
export const useAttach = (assessmentId: string, nodeId: string | null) => {
  const { api, uploadFiles } = usePlatform();
  const [progress, setProgress] = useState<AttachProgress>({ phase: 'idle' });
  const jobRef = useRef<string | null>(null);

  const attach = useCallback(
    async (files: File[]): Promise<AttachResult | null> => {
      if (files.length === 0) return null;
      setProgress({ phase: 'upload', done: 0, total: files.length });
      try {
        const ups = await uploadFiles(files, (done, total) => setProgress({ phase: 'upload', done, total }));
        let job: Job = await api.evidence.attach({ assessmentId, nodeId, source: { kind: 'uploads', uploadIds: ups.map((u) => u.uploadId) } });
        jobRef.current = job.id;
        while (job.state === 'running') {
          setProgress({ phase: 'attach', jobId: job.id, ...job.progress });
          await sleep(POLL_MS);
          job = await api.jobs.get({ jobId: job.id });
        }
        if (job.state === 'done') return job.result as AttachResult;
        if (job.state === 'cancelled') return null;
        throw new AppFailure(job.error?.code ?? 'INTERNAL', job.error?.message ?? 'Không đính kèm được tệp.');
      } finally {
        jobRef.current = null;
        setProgress({ phase: 'idle' });
      }
    },
    [api, uploadFiles, assessmentId, nodeId],
  );

  const cancel = useCallback(async () => {
    if (jobRef.current) await api.jobs.cancel({ jobId: jobRef.current });
  }, [api]);

  return { attach, cancel, progress };
};
