import { useCallback, useEffect, useState } from 'react';

import type { PreflightIssue, PreflightReport } from '../../../../shared/domain/preflight';
import type { Assessment } from '../../../../shared/schemas/assessment';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { preflightItems } from '../assessments/index';
import { submitMessages } from './messages';

/**
 * Step 1: the backend's preflight (the same check the export runs again). Errors block the wizard, each a
 * link to the place to fix it. A locked revision shows 'LOCKED': that alone still allows re-exporting the
 * same submission (the backend accepts it only when this revision already has a bundle).
 */
export const blockingErrors = (report: PreflightReport, assessment: Pick<Assessment, 'status'>): PreflightIssue[] =>
  report.errors.filter((e) => !(e.code === 'LOCKED' && assessment.status === 'locked'));

export const PreflightStep = ({ assessment, onNext }: { assessment: Assessment; onNext: () => void }) => {
  const t = useT(submitMessages);
  const { api } = usePlatform();
  const [report, setReport] = useState<PreflightReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await api.assessments.preflight({ assessmentId: assessment.id }));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  }, [api, assessment.id]);

  useEffect(() => {
    void run();
  }, [run]);

  const blocking = report ? blockingErrors(report, assessment) : [];
  const item = preflightItems(assessment.id);

  return (
    <div aria-busy={running}>
      <ErrorBanner error={error} />
      <div role="status" data-testid="submit-preflight">
        {!report && running && <p className="muted">{t('pfRunning')}</p>}
        {report && (blocking.length === 0 ? <p className="banner banner-ok">{t('pfOk')}</p> : <p className="banner banner-error">{t('pfBlocked', { n: blocking.length })}</p>)}
      </div>
      {assessment.status === 'locked' && <p className="banner banner-warn">{t('reExport', { n: assessment.revision })}</p>}
      {blocking.length > 0 && (
        <section aria-labelledby="submit-pf-errors">
          <h3 id="submit-pf-errors">{t('pfErrors')}</h3>
          <ul className="issue-list issue-error" data-testid="submit-preflight-errors">
            {blocking.map(item)}
          </ul>
        </section>
      )}
      {report && report.warnings.length > 0 && (
        <section aria-labelledby="submit-pf-warnings">
          <h3 id="submit-pf-warnings">{t('pfWarnings')}</h3>
          <ul className="issue-list issue-warn">{report.warnings.map(item)}</ul>
        </section>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={() => void run()} disabled={running}>
          {t('pfRerun')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onNext} disabled={running || !report || blocking.length > 0}>
          {t('next')}
        </button>
      </div>
    </div>
  );
};
