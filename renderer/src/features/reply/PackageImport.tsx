import { useState } from 'react';

import type { Job } from '../../../../shared/schemas/job';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { OneFilePick } from '../../components/OneFilePick';
import { JobProgress, runJob, useSingleFlight } from '../../jobs/index';
import { replyMessages } from './messages';

type Which = 'result' | 'final';

/**
 * Imports one of Sở Nội vụ's packages (appraisal result or final result): an upload in the browser, the
 * native dialog in the desktop app. The backend verifies it in its worker and applies the unit's rules; a
 * refusal shows its reason and nothing is stored.
 */
export const PackageImport = ({ which, onImported }: { which: Which; onImported: () => void }) => {
  const t = useT(replyMessages);
  const platform = usePlatform();
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  // Two choices in quick succession start one import (its outcome is not replaced by the second's refusal).
  const flight = useSingleFlight();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(replyMessages);

  const importFrom = async (file: File | null) => {
    if (!flight.claim()) return;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const uploadId = file ? (await platform.uploadFiles([file]))[0]?.uploadId : undefined;
      const input = uploadId ? { uploadId } : {};
      const started = await (which === 'result' ? platform.api.reply.importResult(input) : platform.api.reply.importFinal(input));
      const done = await runJob(platform.api, started, { onUpdate: setJob });
      const r = done.result as { year: number; revision: number };
      setNote((t) => t(which === 'result' ? 'imported' : 'finalImported', { year: r.year, revision: r.revision }));
      onImported();
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

  return (
    <div data-testid={`reply-import-${which}`}>
      <OneFilePick
        label={t(which === 'result' ? 'importFile' : 'finalImportFile')}
        chooseLabel={t(which === 'result' ? 'importChoose' : 'finalImportChoose')}
        accept=".asice"
        disabled={busy}
        onFile={(f) => void importFrom(f)}
      />
      {busy && <JobProgress label={t('importing')} progress={job?.progress ?? null} onCancel={() => void cancel()} />}
      <p role="status" className="small" data-testid={`reply-import-${which}-note`}>
        {note}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </div>
  );
};
