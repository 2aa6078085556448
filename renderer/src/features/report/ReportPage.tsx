import { useCallback } from 'react';

import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { DocumentFieldsForm } from './DocumentFieldsForm';
import { ExportButtons } from './ExportButtons';
import { SignedPdfExport } from './SignedPdfExport';
import { exportMessages } from './messages';
import { NarrativeEditor } from './NarrativeEditor';
import { useNarrative } from './use-narrative';
import { useReportDocument } from './use-report-document';
import './report.css';

/**
 * Route '/a/:assessmentId/report': the report's document details (number, date, recipients, signer), its
 * free text (autosaved) and the Excel/PDF exports.
 */
export const ReportPage = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(exportMessages);
  const { api } = usePlatform();
  const loaded = useLoad(useCallback(() => api.assessments.get({ assessmentId }), [api, assessmentId]));
  const assessment = loaded.data;
  const narrative = useNarrative(assessmentId);
  const docFields = useReportDocument(assessmentId);
  const { flush } = narrative;
  const { save } = docFields;
  // the files are built from what is stored: save what is on screen first
  const beforeExport = useCallback(async () => {
    await flush();
    await save();
  }, [flush, save]);

  const loadError = loaded.error ?? narrative.loadError ?? docFields.loadError;
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
      {!loadError && (!assessment || !narrative.narrative || !docFields.form) && (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      )}
      {assessment && narrative.narrative && docFields.form && (
        <>
          <DocumentFieldsForm state={docFields} readOnly={assessment.status === 'locked'} />
          <NarrativeEditor state={narrative} readOnly={assessment.status === 'locked'} />
          <section className="card" aria-labelledby="export-title">
            <h2 id="export-title">{t('exportTitle')}</h2>
            <p className="muted small">{t('exportIntro')}</p>
            <ExportButtons assessmentId={assessmentId} beforeExport={beforeExport} />
            <SignedPdfExport assessmentId={assessmentId} beforeExport={beforeExport} />
          </section>
        </>
      )}
    </div>
  );
};
