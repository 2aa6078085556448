import { useEffect, useState } from 'react';

import type { Assessment } from '../../../../shared/schemas/assessment';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ExportButtons } from './ExportButtons';
import { exportMessages } from './messages';
import { NarrativeEditor } from './NarrativeEditor';
import { useNarrative } from './use-narrative';
import './report.css';

/** Route '/a/:assessmentId/report': the report's free text (autosaved) and the Excel/PDF exports. */
export const ReportPage = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(exportMessages);
  const { api } = usePlatform();
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const narrative = useNarrative(assessmentId);

  useEffect(() => {
    let stale = false;
    api.assessments.get({ assessmentId }).then(
      (a) => !stale && setAssessment(a),
      (e: unknown) => !stale && setError(e),
    );
    return () => {
      stale = true;
    };
  }, [api, assessmentId]);

  const loadError = error ?? narrative.loadError;
  return (
    <div className="page report-page">
      <nav aria-label={t('title')}>
        <a href={`#/a/${encodeURIComponent(assessmentId)}`}>{t('back')}</a>
      </nav>
      <section className="card" aria-labelledby="report-title">
        <h1 id="report-title">{t('title')}</h1>
        {assessment && (
          <p className="muted small">
            {assessment.indicatorSetName} · {assessment.year}
          </p>
        )}
        <p className="muted">{t('intro')}</p>
      </section>
      <ErrorBanner error={loadError} />
      {!loadError && (!assessment || !narrative.narrative) && (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      )}
      {assessment && narrative.narrative && (
        <>
          <NarrativeEditor state={narrative} readOnly={assessment.status === 'locked'} />
          <section className="card" aria-labelledby="export-title">
            <h2 id="export-title">{t('exportTitle')}</h2>
            <p className="muted small">{t('exportIntro')}</p>
            <ExportButtons assessmentId={assessmentId} beforeExport={narrative.flush} />
          </section>
        </>
      )}
    </div>
  );
};
