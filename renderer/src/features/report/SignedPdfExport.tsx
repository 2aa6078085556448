import { lazy, Suspense, useRef, useState } from 'react';

import type { ExportResult } from '../../../../shared/ipc/channels/report';
import type { ChosenKey } from '../../../../shared/ipc/channels/signing';
import type { Job } from '../../../../shared/schemas/job';
import { formatBytes } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner, refusalMessage } from '../../components/ErrorBanner';
import { jobFailure, JobProgress, trackedProgress, useJob } from '../../jobs/index';
import { signedPdfMessages } from './signed-messages';

// The submission wizard's key choice and signer confirmation, loaded on demand like the wizard itself
// (app/routes.tsx): a static import would close the cycle submission → assessments → report → submission.
const KeyStep = lazy(async () => ({ default: (await import('../submission/index')).KeyStep }));
const SignerConfirm = lazy(async () => ({ default: (await import('../submission/index')).SignerConfirm }));

/** What KeyStep hands over (its KeySecret): used once for the signing call, then dropped. */
type KeySecret = { kind: 'p12'; password: string } | { kind: 'pkcs11'; pin: string };

type Step =
  | { step: 'idle' }
  | { step: 'key' }
  | { step: 'confirm'; preview: ChosenKey }
  | { step: 'signing'; job: Job }
  | { step: 'done'; jobId: string; result: ExportResult };

const isExportResult = (v: unknown): v is ExportResult => typeof v === 'object' && v !== null && typeof (v as ExportResult).fileName === 'string';

/**
 * "Xuất báo cáo PDF có ký số": the key chosen as in the submission wizard (its KeyStep and SignerConfirm),
 * confirmed, then the report.signedPdf job with progress and cancel. The password/PIN stays in a ref
 * between "Mở khóa ký" and "Ký", and is dropped when the job is started or the user goes back.
 */
export const SignedPdfExport = ({ assessmentId, beforeExport }: { assessmentId: string; beforeExport?: () => Promise<void> }) => {
  const t = useT(signedPdfMessages);
  const lang = useLang();
  const platform = usePlatform();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(signedPdfMessages);
  const [starting, setStarting] = useState(false);
  const secret = useRef<KeySecret | null>(null);

  const go = (s: Step) => {
    if (s.step !== 'confirm') secret.current = null;
    setError(null);
    setState(s);
  };

  const download = async (r: ExportResult) => {
    if (platform.kind === 'web' && r.downloadId) await platform.download(r.downloadId, r.fileName);
  };

  const tracked = useJob(state.step === 'signing' ? state.job.id : null, {
    initial: state.step === 'signing' ? state.job : null,
    onSettled: (job) => {
      if (job.state === 'done' && isExportResult(job.result)) {
        const result = job.result;
        setState({ step: 'done', jobId: job.id, result });
        setNote((t, lang) => t('done', { name: result.fileName, size: formatBytes(result.sizeBytes, lang) }));
        download(result).catch(setError);
      } else if (job.state === 'cancelled') {
        setState({ step: 'idle' });
        setNote((t) => t('cancelled'));
      } else {
        // A wrong password at signing time, a report that lost a field…: back to the key, the reason shown.
        setState({ step: 'key' });
        setError(jobFailure(job));
      }
    },
  });

  const sign = async (preview: ChosenKey) => {
    const s = secret.current;
    if (!s) return go({ step: 'key' });
    secret.current = null;
    setStarting(true);
    setError(null);
    try {
      await beforeExport?.();
      const job = await platform.api.report.signedPdf({ assessmentId, keyId: preview.keyId, ...(s.kind === 'p12' ? { password: s.password } : { pin: s.pin }) });
      setState({ step: 'signing', job });
    } catch (e) {
      setState({ step: 'key' });
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Suspense fallback={<p className="muted small">…</p>}>
    <div className="signed-pdf-export" data-testid="signed-pdf-export">
      <h3>{t('title')}</h3>
      <p className="muted small">{t('intro')}</p>
      {(state.step === 'idle' || state.step === 'done') && (
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              setNote(null);
              go({ step: 'key' });
            }}
          >
            {t('start')}
          </button>
          {state.step === 'done' &&
            (platform.kind === 'web' && state.result.downloadId ? (
              <button type="button" className="btn" onClick={() => void download(state.result).catch(setError)}>
                {t('downloadAgain', { name: state.result.fileName })}
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => void platform.api.report.showInFolder({ jobId: state.jobId }).catch(setError)}>
                {t('openFolder')}
              </button>
            ))}
        </div>
      )}
      {state.step === 'key' && (
        <>
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
          <KeyStep
            onBack={() => go({ step: 'idle' })}
            onOpened={(preview, s) => {
              secret.current = preview.problem ? null : s;
              setError(null);
              setState({ step: 'confirm', preview });
            }}
          />
        </>
      )}
      {state.step === 'confirm' && (
        <SignerConfirm
          preview={state.preview}
          intro={t('confirmIntro')}
          refused={state.preview.problem ? t('refused', { message: refusalMessage(state.preview.problem, lang) }) : null}
          chooseOtherLabel={t('chooseOther')}
          signLabel={t('sign')}
          busy={starting}
          onChooseOther={() => go({ step: 'key' })}
          onSign={() => void sign(state.preview)}
          testId="signed-pdf"
        />
      )}
      {state.step === 'signing' && (
        <>
          <JobProgress label={t('progress')} testId="signed-pdf-progress" {...trackedProgress(tracked)} />
          <ErrorBanner error={tracked.error} />
        </>
      )}
      <p role="status" className="small export-status" data-testid="signed-pdf-status">
        {note ?? ''}
      </p>
    </div>
    </Suspense>
  );
};
