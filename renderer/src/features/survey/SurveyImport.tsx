import { useState } from 'react';

import type { SurveyImportReport } from '../../../../shared/ipc/channels/survey';
import { usePlatform, useT } from '../../app/app-context';
import { UploadButton } from '../../components/UploadButton';
import { surveyMessages } from './messages';

type Props = { assessmentId: string; disabled: boolean; onImported: (r: SurveyImportReport) => void; onError: (e: unknown) => void };

/** File input → upload (web) / register (Electron) → 'survey.import' → the report with row-numbered errors. */
export const SurveyImport = ({ assessmentId, disabled, onImported, onError }: Props) => {
  const t = useT(surveyMessages);
  const { api } = usePlatform();
  const [report, setReport] = useState<SurveyImportReport | null>(null);

  return (
    <section className="card" aria-labelledby="survey-import-title">
      <h2 id="survey-import-title">{t('importTitle')}</h2>
      <p className="muted small">{t('importIntro')}</p>
      <UploadButton
        label={t('chooseFile')}
        busyLabel={t('importing')}
        accept=".xlsx,.csv"
        testId="survey-import-input"
        disabled={disabled}
        onError={onError}
        onUploaded={async (uploadId) => {
          setReport(null);
          const r = await api.survey.import({ assessmentId, source: { kind: 'upload', uploadId } });
          setReport(r);
          onImported(r);
        }}
      />
      {report && (
        <div className="survey-report" data-testid="survey-import-report">
          <p role="status" className={report.errors.length ? 'banner banner-warn' : 'banner banner-ok'}>
            {t('importDone', { applied: report.applied.length, name: report.fileName, errors: report.errors.length })}
          </p>
          {report.errors.length > 0 && (
            <table className="survey-table">
              <caption>{t('errorsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('row')}</th>
                  <th scope="col">{t('column')}</th>
                  <th scope="col">{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e) => (
                  <tr key={`${e.row}-${e.column}`}>
                    <td className="num">{e.row}</td>
                    <td>{e.column}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
};
