import { Suspense, lazy, useCallback, useMemo, useState } from 'react';

import { leafIssues } from '../../../../shared/domain/preflight';
import { daysUntil, formatDate, formatDeduction, formatIndex, formatPoints, isoDateOf } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { ExportButtons, reportHref } from '../report/index';
import { DateField } from '../../components/DateField';
import { useAssessment } from './assessment-store';
import { DomainChart, domainBars } from './DomainChart';
import { dashMessages } from './messages-dashboard';
import { useIssueText } from './PreflightIssueItem';
import { nodeHref, preflightHref, submitHref } from './paths';
import { bandText } from '../../i18n/band-text';

const TODO_LIMIT = 12;
// The submission feature loads on first use (routes.tsx), its list of exported bundles too.
const SubmissionHistory = lazy(async () => ({ default: (await import('../submission/index')).SubmissionHistory }));


export const Dashboard = () => {
  const t = useT(dashMessages);
  const issueText = useIssueText();
  const lang = useLang();
  const { api } = usePlatform();
  const store = useAssessment();
  const { assessment, set, score, leaves, progress, readOnly } = store;
  const [deadlineError, setDeadlineError] = useState<unknown>(null);
  const fp = (m: number) => formatPoints(m, lang);

  // "Today" comes from the backend (one clock for the whole app; tests pin it), the browser's until it answers.
  const info = useLoad(useCallback(() => api.app.info({}), [api]));
  const today = info.data?.today ?? isoDateOf(new Date());
  // Depends on the whole assessment: a new revision ("Tạo lần nộp mới") replaces it and changes the list
  // (other edits, such as the deadline, cost one small request).
  const revisionsLoad = useLoad(useCallback(() => api.assessments.revisions({ assessmentId: assessment.id }), [api, assessment]));
  const revisions = revisionsLoad.data ?? [];

  const bars = useMemo(() => domainBars(set, score, leaves), [set, score, leaves]);
  const issues = useMemo(() => {
    const all = leaves.flatMap(leafIssues);
    return [...all.filter((i) => i.severity === 'error'), ...all.filter((i) => i.severity === 'warning' && i.code !== 'SURVEY_PENDING')];
  }, [leaves]);
  const firstOpen = leaves.find((l) => l.unscored || l.state === 'INVALID');
  const days = assessment.deadline ? daysUntil(today, assessment.deadline) : null;

  // A band's label is the set's (Vietnamese) data; in English the bands of the official scale have their words.
  const saveDeadline = async (deadline: string | null) => {
    setDeadlineError(null);
    try {
      store.setAssessment(await api.assessments.setDeadline({ assessmentId: assessment.id, deadline }));
    } catch (e) {
      setDeadlineError(e);
    }
  };

  return (
    <div className="dashboard">
      <h1>{t('title')}</h1>
      <ErrorBanner error={info.error ?? revisionsLoad.error} />
      <section className="dash-grid" aria-label={t('score')}>
        <div className="card stat">
          <h2 className="stat-label">{t('score')}</h2>
          <p className="stat-value" data-testid="dash-total">
            {t('scoreOf', { score: fp(score.final), max: fp(score.maxTotal) })}
          </p>
          <p className="small muted">
            {t('self')}: {fp(score.self.score)}/{fp(score.self.max)} · {t('survey')}: {fp(score.survey.score)}/{fp(score.survey.max)}
            {score.completeness.pendingSurvey > 0 && <> ({t('surveyPending', { n: score.completeness.pendingSurvey })})</>}
          </p>
          {(score.bonus.cap > 0 || score.penalty.cap > 0) && (
            <p className="small muted">
              {t('bonus', { points: fp(score.bonus.counted) })} · {t('penalty', { points: formatDeduction(score.penalty.counted, lang) })}
            </p>
          )}
        </div>
        <div className="card stat">
          <h2 className="stat-label">{t('index')}</h2>
          <p className="stat-value" data-testid="dash-index">
            {score.index === null ? '—' : `${formatIndex(score.index, lang)} %`}
          </p>
          {score.classification && (
            <p className="small muted" data-testid="dash-classification">
              {t('classification', { label: bandText(lang, score.classification) })}
              {score.completeness.pendingSurvey > 0 && <> ({t('classificationPending', { n: score.completeness.pendingSurvey })})</>}
            </p>
          )}
        </div>
        <div className="card stat">
          <h2 className="stat-label">{t('progress')}</h2>
          <label className="progress-line">
            <span data-testid="dash-answered">{t('answered', { done: progress.answered, total: progress.total })}</span>
            <progress max={Math.max(1, progress.total)} value={progress.answered} />
          </label>
          <label className="progress-line">
            <span>{t('evidence', { done: progress.evidenceAttached, total: progress.evidenceRequired })}</span>
            <progress max={Math.max(1, progress.evidenceRequired)} value={progress.evidenceAttached} />
          </label>
          <p className="small" data-testid="dash-explanations">
            {t('explanations', { n: progress.explanationsMissing })}
          </p>
        </div>
        <div className="card stat">
          <h2 className="stat-label">{t('deadline')}</h2>
          <p className="stat-value small-value" data-testid="dash-deadline">
            {assessment.deadline ? formatDate(assessment.deadline) : t('deadlineNone')}
          </p>
          {days !== null && (
            <p className={days < 0 ? 'small danger' : 'small'}>
              {days > 0 ? t('daysLeft', { n: days }) : days === 0 ? t('dueToday') : t('overdue', { n: -days })}
            </p>
          )}
          {!readOnly && (
            <DateField
              label={t('setDeadline')}
              hint={t('deadlineHint')}
              invalidMessage={t('deadlineInvalid')}
              value={assessment.deadline}
              onCommit={(iso) => void saveDeadline(iso)}
            />
          )}
          <ErrorBanner error={deadlineError} />
        </div>
      </section>

      <section className="card">
        <DomainChart bars={bars} />
      </section>

      <section className="card" aria-labelledby="todo-title">
        <h2 id="todo-title">{t('todo')}</h2>
        {issues.length === 0 ? (
          <p className="banner banner-ok">{t('todoNone')}</p>
        ) : (
          <ul className="todo" data-testid="todo-list">
            {issues.slice(0, TODO_LIMIT).map((i) => (
              <li key={`${i.code}-${i.nodeId}`} className={i.severity === 'error' ? 'todo-error' : 'todo-warn'}>
                <a href={i.nodeId ? nodeHref(assessment.id, i.nodeId) : preflightHref(assessment.id)}>{issueText(i)}</a>
              </li>
            ))}
          </ul>
        )}
        {issues.length > TODO_LIMIT && <a href={preflightHref(assessment.id)}>{t('todoMore', { n: issues.length })}</a>}
      </section>

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('actions')}</h2>
        <div className="actions">
          {firstOpen && !readOnly && (
            <a className="btn btn-primary" href={nodeHref(assessment.id, firstOpen.node.id)}>
              {progress.answered === 0 ? t('start') : t('continue', { code: firstOpen.node.code })}
            </a>
          )}
          <a className="btn" href={preflightHref(assessment.id)}>
            {t('preflight')}
          </a>
          <a className="btn" href={submitHref(assessment.id)}>
            {t('submit')}
          </a>
          <a className="btn" href={reportHref(assessment.id)}>
            {t('report')}
          </a>
        </div>
        <ExportButtons assessmentId={assessment.id} beforeExport={store.flush} />
        <Suspense fallback={null}>
          <SubmissionHistory key={`${assessment.revision}:${assessment.status}`} assessmentId={assessment.id} />
        </Suspense>
        {revisions.length > 1 && (
          <>
            <h3>{t('revisions')}</h3>
            <ul className="small">
              {revisions.map((r) => (
                <li key={r.revision}>{t('revisionLine', { n: r.revision, date: formatDate(r.createdAt) })}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
};
