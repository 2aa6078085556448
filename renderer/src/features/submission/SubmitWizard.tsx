import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

import type { SubmissionExportResult } from '../../../../shared/ipc/channels/submission';
import type { ChosenKey } from '../../../../shared/ipc/channels/signing';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Job } from '../../../../shared/schemas/job';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner, refusalMessage } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { dashboardHref } from '../assessments/index';
import { jobFailure, useJob } from '../../jobs/index';
import { certMessages, submitMessages } from './messages';
import type { SubmitMessageKey } from './messages';
import { ExportStep } from './ExportStep';
import { KeyStep } from './KeyStep';
import type { KeySecret } from './KeyStep';
import { PreflightStep } from './PreflightStep';
import { ResultStep } from './ResultStep';
import { SignerConfirm } from './SignerConfirm';
import './submission.css';

type Step =
  | { step: 'preflight' }
  | { step: 'key'; note?: string }
  | { step: 'confirm'; preview: ChosenKey }
  | { step: 'export'; job: Job }
  | { step: 'result'; jobId: string; result: SubmissionExportResult };

const STEPS = ['preflight', 'key', 'confirm', 'export', 'result'] as const;

const isExportResult = (v: unknown): v is SubmissionExportResult =>
  typeof v === 'object' && v !== null && typeof (v as SubmissionExportResult).fileName === 'string' && typeof (v as SubmissionExportResult).sha256 === 'string';

/**
 * "Xuất hồ sơ nộp": preflight → choose key → confirm signer → sign and export (progress, cancel) → the
 * built-in verification result → the assessment is locked. The password/PIN lives only in a ref between
 * "Mở khóa ký" and "Ký và xuất", and is dropped as soon as the export call is sent or the user goes back.
 */
export const SubmitWizard = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(submitMessages);
  const tc = useT(certMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const loaded = useLoad(useCallback(() => api.assessments.get({ assessmentId }), [api, assessmentId]));
  const assessment = loaded.data;
  const [state, setState] = useState<Step>({ step: 'preflight' });
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const secret = useRef<KeySecret | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // The password/PIN never outlives the wizard.
  useEffect(
    () => () => {
      secret.current = null;
    },
    [assessmentId],
  );

  // Keyboard and screen-reader users land on the new step's title. A layout effect moves focus in the same
  // commit that shows the step, so nothing (a user's keystroke, a test) sees the step with focus elsewhere.
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [state.step]);

  const go = (s: Step) => {
    if (s.step === 'key' || s.step === 'preflight') secret.current = null;
    setError(null);
    setState(s);
  };

  const tracked = useJob(state.step === 'export' ? state.job.id : null, {
    initial: state.step === 'export' ? state.job : null,
    onSettled: (job) => {
      if (job.state === 'done' && isExportResult(job.result)) {
        setState({ step: 'result', jobId: job.id, result: job.result });
        loaded.set((a) => ({ ...a, status: 'locked' }));
      } else if (job.state === 'cancelled') go({ step: 'key', note: t('cancelled') });
      else {
        // Failed (wrong password at signing time, preflight changed, disk…): back to the key, message shown.
        setState({ step: 'key' });
        setError(jobFailure(job) ?? new AppFailure('INTERNAL', t('failedRetry')));
      }
    },
  });

  const sign = async (preview: ChosenKey) => {
    const s = secret.current;
    if (!s) return go({ step: 'key' });
    setStarting(true);
    setError(null);
    secret.current = null;
    try {
      const job = await api.submission.export({ assessmentId, keyId: preview.keyId, ...(s.kind === 'p12' ? { password: s.password } : { pin: s.pin }) });
      setState({ step: 'export', job });
    } catch (e) {
      setState({ step: 'key' });
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  if (loaded.error) {
    return (
      <div className="page">
        <a href={dashboardHref(assessmentId)}>{t('back')}</a>
        <ErrorBanner error={loaded.error} />
      </div>
    );
  }
  if (!assessment) return <p className="page muted" role="status">{t('loading')}</p>;

  const index = STEPS.indexOf(state.step);
  const stepLabel = (k: (typeof STEPS)[number]) => t(`step_${k}` as SubmitMessageKey);
  return (
    <div className="page submit-page">
      <a href={dashboardHref(assessmentId)}>{t('back')}</a>
      <section className="card" aria-labelledby="submit-title">
        <h1 id="submit-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <p>
          <strong>
            {assessment.indicatorSetName} · {assessment.year} · {t('revision')} {assessment.revision}
          </strong>
        </p>
        <nav aria-label={t('steps')}>
          <ol className="wizard-steps">
            {STEPS.map((k, i) => (
              <li key={k} className={i === index ? 'current' : i < index ? 'done' : ''} {...(i === index ? { 'aria-current': 'step' as const } : {})}>
                {stepLabel(k)}
              </li>
            ))}
          </ol>
        </nav>
      </section>
      <section className="card" aria-labelledby="submit-step-title" data-testid={`submit-step-${state.step}`}>
        <h2 id="submit-step-title" ref={heading} tabIndex={-1}>
          {t('stepOf', { n: index + 1, total: STEPS.length })}: {stepLabel(state.step)}
        </h2>
        {state.step === 'preflight' && <PreflightStep assessment={assessment} onNext={() => go({ step: 'key' })} />}
        {state.step === 'key' && (
          <>
            {state.note && (
              <p className="banner banner-warn" role="status">
                {state.note}
              </p>
            )}
            <ErrorBanner error={error} onDismiss={() => setError(null)} />
            <KeyStep
              onBack={() => go({ step: 'preflight' })}
              onOpened={(preview, s) => {
                secret.current = preview.problem ? null : s;
                go({ step: 'confirm', preview });
              }}
            />
          </>
        )}
        {state.step === 'confirm' && (
          <SignerConfirm
            preview={state.preview}
            intro={`${tc('signerTitle')}: ${t('confirmIntro')}`}
            refused={state.preview.problem ? t('refused', { message: refusalMessage(state.preview.problem, lang) }) : null}
            chooseOtherLabel={t('chooseOther')}
            signLabel={t('sign')}
            busy={starting}
            onChooseOther={() => go({ step: 'key' })}
            onSign={() => void sign(state.preview)}
            testId="submit"
          >
            {!state.preview.problem && (
              <section className="banner banner-warn" aria-labelledby="submit-will-lock-title" data-testid="submit-will-lock">
                <div>
                  <h3 id="submit-will-lock-title">{t('willLockTitle')}</h3>
                  <p>{t('willLock', { n: assessment?.revision ?? 1 })}</p>
                </div>
              </section>
            )}
          </SignerConfirm>
        )}
        {state.step === 'export' && (
          <>
            <ExportStep tracked={tracked} />
            <ErrorBanner error={tracked.error} />
          </>
        )}
        {state.step === 'result' && <ResultStep assessmentId={assessmentId} jobId={state.jobId} result={state.result} />}
      </section>
    </div>
  );
};
