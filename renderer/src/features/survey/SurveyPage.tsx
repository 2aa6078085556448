import { useCallback, useEffect, useState } from 'react';

import type { ScoreTotals } from '../../../../shared/domain/scoring/schema';
import type { SurveyNode } from '../../../../shared/ipc/channels/survey';
import type { Assessment } from '../../../../shared/schemas/assessment';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatPoints } from '../../../../shared/format/index';
import { surveyMessages } from './messages';
import { SurveyImport } from './SurveyImport';
import { SurveyRow } from './SurveyRow';
import './survey.css';

/** Route '/a/:assessmentId/survey': survey criteria with their max, a result input each, and the sheet import. */
export const SurveyPage = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(surveyMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [nodes, setNodes] = useState<SurveyNode[] | null>(null);
  const [totals, setTotals] = useState<ScoreTotals | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const reload = useCallback(async () => {
    const [a, list, score] = await Promise.all([
      api.assessments.get({ assessmentId }),
      api.survey.list({ assessmentId }),
      api.scoring.compute({ assessmentId }),
    ]);
    setAssessment(a);
    setNodes(list);
    setTotals(score);
  }, [api, assessmentId]);

  useEffect(() => {
    reload().catch(setError);
  }, [reload]);

  const readOnly = assessment?.status === 'locked';
  return (
    <div className="page survey-page">
      <nav aria-label={t('title')}>
        <a href={`#/a/${encodeURIComponent(assessmentId)}`}>{t('back')}</a>
      </nav>
      <section className="card" aria-labelledby="survey-title">
        <h1 id="survey-title">{t('title')}</h1>
        {assessment && (
          <p className="muted small">
            {assessment.indicatorSetName} · {assessment.year}
          </p>
        )}
        <p className="muted">{t('intro')}</p>
        {totals && (
          <p className="survey-total" data-testid="survey-total">
            {t('surveyTotal', { score: formatPoints(totals.survey.score, lang), max: formatPoints(totals.survey.max, lang) })}
          </p>
        )}
        {readOnly && <p className="banner banner-warn">{t('locked')}</p>}
      </section>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p role="status" className="small" data-testid="survey-status">
        {status}
      </p>
      {!nodes && !error && (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      )}
      {nodes && (
        <section className="card">
          <table className="survey-table" data-testid="survey-table">
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('criterion')}</th>
                <th scope="col">{t('max')}</th>
                <th scope="col">{t('result')}</th>
                <th scope="col">{t('score')}</th>
                <th scope="col">{t('note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('save')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((n) => (
                <SurveyRow
                  key={n.nodeId}
                  assessmentId={assessmentId}
                  node={n}
                  readOnly={readOnly}
                  onError={(e) => {
                    setStatus('');
                    setError(e);
                  }}
                  onSaved={(node, tot, message) => {
                    setError(null);
                    setNodes((cur) => cur?.map((x) => (x.nodeId === node.nodeId ? node : x)) ?? cur);
                    setTotals(tot);
                    setStatus(message);
                  }}
                />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {assessment && (
        <SurveyImport
          assessmentId={assessmentId}
          disabled={readOnly}
          onError={setError}
          onImported={() => {
            setError(null);
            setStatus('');
            reload().catch(setError);
          }}
        />
      )}
    </div>
  );
};
