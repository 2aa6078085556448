import { useCallback, useRef, useState } from 'react';

import type { AttachResult } from '../../../../shared/schemas/evidence';
import { usePlatform } from '../../app/app-context';
import { runJob } from '../../jobs/index';

export type AttachProgress =
  | { phase: 'idle' }
  | { phase: 'upload'; done: number; total: number }
  | { phase: 'attach'; jobId: string; done: number; total: number; label: string };

/**
 * Files → backend: upload (web) or register the drop (Electron) → `evidence.attach` job → follow it to the
 * end. Exposes progress and a cancel that stops the job (the backend deletes its partial temp copy).
 * Resolves with the result, or null when cancelled; a failed job is thrown.
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
        const started = await api.evidence.attach({ assessmentId, nodeId, source: { kind: 'uploads', uploadIds: ups.map((u) => u.uploadId) } });
        jobRef.current = started.id;
        const job = await runJob(api, started, { onUpdate: (j) => setProgress({ phase: 'attach', jobId: j.id, ...j.progress }) });
        return job.state === 'done' ? (job.result as AttachResult) : null;
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
