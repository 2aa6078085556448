import { useState } from 'react';

import type { VerifyResult } from '../../../../shared/schemas/submission';
import type { Job } from '../../../../shared/schemas/job';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { OneFilePick } from '../../components/OneFilePick';
import { ErrorBanner } from '../../components/ErrorBanner';
import { jobFailure, JobProgress, trackedProgress, useJob } from '../../jobs/index';
import { verifyMessages } from './messages';
import { TrustAnchors } from './TrustAnchors';
import { VerifyResultView } from './VerifyResultView';
import './trust.css';

const isVerifyResult = (v: unknown): v is VerifyResult =>
  typeof v === 'object' && v !== null && typeof (v as VerifyResult).status === 'string' && typeof (v as VerifyResult).code === 'string' && Array.isArray((v as VerifyResult).files);

/**
 * "Kiểm tra hồ sơ": verify any .asice with the same verifier as the CLI (in a worker process), against the
 * trust anchors configured below. The web host uploads the chosen file; Electron opens the native dialog.
 */
export const VerifyPage = () => {
  const t = useT(verifyMessages);
  const platform = usePlatform();
  const [started, setStarted] = useState<{ job: Job; fileName: string | null } | null>(null);
  const [result, setResult] = useState<{ result: VerifyResult; fileName: string | null } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(verifyMessages);

  const tracked = useJob(started?.job.id ?? null, {
    initial: started?.job ?? null,
    onSettled: (job) => {
      if (job.state === 'done' && isVerifyResult(job.result)) setResult({ result: job.result, fileName: started?.fileName ?? null });
      else if (job.state === 'cancelled') setNote((t) => t('cancelled'));
      else setError(jobFailure(job));
    },
  });
  const busy = uploading || tracked.running;

  const verify = async (file: File | null) => {
    setError(null);
    setNote(null);
    setResult(null);
    setUploading(true);
    try {
      let uploadId: string | undefined;
      if (file) uploadId = (await platform.uploadFiles([file]))[0]?.uploadId;
      const job = await platform.api.trust.verify(uploadId ? { uploadId } : {});
      setStarted({ job, fileName: file?.name ?? null });
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="page verify-page">
      <section className="card" aria-labelledby="verify-title">
        <h1 id="verify-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <OneFilePick label={t('file')} chooseLabel={t('choose')} accept=".asice,.zip,application/vnd.etsi.asic-e+zip" disabled={busy} primary onFile={(f) => void verify(f)} />
        {busy && (
          <JobProgress label={t('progress')} testId="verify-progress" {...(uploading ? { status: t('uploading') } : {})} {...trackedProgress(tracked)} />
        )}
        <p role="status" className="small">
          {note ?? ''}
        </p>
        <ErrorBanner error={error ?? tracked.error} onDismiss={() => setError(null)} />
      </section>
      {result && <VerifyResultView result={result.result} fileName={result.fileName} />}
      <TrustAnchors />
    </div>
  );
};
