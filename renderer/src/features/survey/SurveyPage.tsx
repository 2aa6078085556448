import { useCallback, useState } from 'react';

import type { ScoreTotals } from '../../../../shared/domain/scoring/schema';
import type { SurveyNode } from '../../../../shared/ipc/channels/survey';
import type { Assessment } from '../../../../shared/schemas/assessment';
import { formatPoints } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { surveyMessages } from './messages';
import { SurveyImport } from './SurveyImport';
import { SurveyRow } from './SurveyRow';
import './survey.css';

/** Route '/a/:assessmentId/survey': survey criteria with their max, a result input each, and the sheet import. */
export const SurveyPage = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(surveyMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useNote(surveyMessages);
  const page = useLoad(
    useCallback(async (): Promise<{ assessment: Assessment; nodes: SurveyNode[]; totals: ScoreTotals }> => {
      const [assessment, nodes, totals] = await Promise.all([
        api.assessments.get({ assessmentId }),
        api.survey.list({ assessmentId }),
        api.scoring.compute({ assessmentId }),
      ]);
      return { assessment, nodes, totals };
    }, [api, assessmentId]),
  );
  const assessment = page.data?.assessment ?? null;
  const nodes = page.data?.nodes ?? null;
  const totals = page.data?.totals ?? null;

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
      <ErrorBanner error={error ?? page.error} onDismiss={() => setError(null)} />
      <p role="status" className="small" data-testid="survey-status">
        {status}
      </p>
      {!nodes && !error && !page.error && (
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
                    setStatus(null);
                    setError(e);
                  }}
                  onSaved={(node, tot, message) => {
                    setError(null);
                    page.set((p) => ({ ...p, nodes: p.nodes.map((x) => (x.nodeId === node.nodeId ? node : x)), totals: tot }));
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
            setStatus(null);
            page.reload();
          }}
        />
      )}
    </div>
  );
};
