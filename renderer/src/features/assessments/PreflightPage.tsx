import { useCallback, useEffect, useState } from 'react';

import type { PreflightReport } from '../../../../shared/domain/preflight';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useAssessment } from './assessment-store';
import { preflightMessages } from './messages-dashboard';
import { submitHref } from './paths';
import { preflightItems } from './PreflightIssueItem';

/** Kiểm tra trước khi nộp: the backend's verdict (the same function the bundle export runs), with links to fix. */
export const PreflightPage = () => {
  const t = useT(preflightMessages);
  const { api } = usePlatform();
  const { assessment, flush, answers, evidence } = useAssessment();
  const [report, setReport] = useState<PreflightReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async () => {
    setRunning(true);
    setError(null);
    try {
      await flush();
      setReport(await api.assessments.preflight({ assessmentId: assessment.id }));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  }, [api, assessment.id, flush]);

  // Re-run whenever the data changes (autosave first), so fixing an item clears it here too.
  useEffect(() => {
    void run();
  }, [run, answers, evidence, assessment.status]);

  const item = preflightItems(assessment.id);

  return (
    <section className="preflight" aria-labelledby="pf-title" aria-busy={running}>
      <h1 id="pf-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorBanner error={error} />
      <div role="status" data-testid="preflight-verdict">
        {report && (report.ok ? <p className="banner banner-ok">{t('ok')}</p> : <p className="banner banner-error">{t('blocked', { n: report.errors.length })}</p>)}
        {!report && running && <p className="muted">{t('running')}</p>}
      </div>
      <div className="actions">
        <button type="button" className="btn" onClick={() => void run()} disabled={running}>
          {t('rerun')}
        </button>
        {report?.ok && (
          <a className="btn btn-primary" href={submitHref(assessment.id)}>
            {t('goSubmit')}
          </a>
        )}
      </div>
      {report && (
        <>
          <section className="card" aria-labelledby="pf-errors">
            <h2 id="pf-errors">{t('errors', { n: report.errors.length })}</h2>
            {report.errors.length === 0 ? <p className="muted">{t('none')}</p> : <ul className="issue-list issue-error" data-testid="preflight-errors">{report.errors.map(item)}</ul>}
          </section>
          <section className="card" aria-labelledby="pf-warnings">
            <h2 id="pf-warnings">{t('warnings', { n: report.warnings.length })}</h2>
            {report.warnings.length === 0 ? <p className="muted">{t('none')}</p> : <ul className="issue-list issue-warn" data-testid="preflight-warnings">{report.warnings.map(item)}</ul>}
          </section>
        </>
      )}
    </section>
  );
};
