import { useEffect, useRef, useState } from 'react';

import type { Language } from '../../../../shared/schemas/settings';
import { formatIndex, formatPoints } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { takeFlash } from '../../app/flash';
import { ErrorBanner, errorMessage } from '../../components/ErrorBanner';
import { UnofficialTag, useOfficialSets } from '../round/index';
import { AssessmentProvider, useAssessment, useLoadAssessment } from './assessment-store';
import type { SaveState } from './assessment-store';
import { Dashboard } from './Dashboard';
import { shellMessages } from './messages';
import { NavTree } from './NavTree';
import { NodePage } from './NodePage';
import { dashboardHref, libraryHref, preflightHref, reportHref, submitHref, surveyHref, treeHref } from './paths';
import { PreflightPage } from './PreflightPage';
import './assessments.css';

/**
 * Frame of every assessment page: live total, save state + undo, lock banner, the criteria tree beside the
 * page. All assessment routes render this same component, so React keeps it (and unsaved edits) mounted
 * while the user moves between the dashboard, sub-criteria and the preflight page.
 */
export type AssessmentView = { kind: 'dashboard' } | { kind: 'node'; nodeId: string } | { kind: 'tree' } | { kind: 'preflight' };

export const AssessmentShell = ({ assessmentId, view }: { assessmentId: string; view: AssessmentView }) => {
  const t = useT(shellMessages);
  const { data, error } = useLoadAssessment(assessmentId);
  if (error) {
    return (
      <div className="page">
        <a href="#/">{t('back')}</a>
        <ErrorBanner error={error} />
      </div>
    );
  }
  if (!data) return <p className="page muted" role="status">{t('loading')}</p>;
  return (
    <AssessmentProvider key={data.assessment.id} initial={data}>
      <Frame view={view} />
    </AssessmentProvider>
  );
};

type ShellKey = keyof typeof shellMessages.vi;
const saveText = (s: SaveState, t: (k: ShellKey, p?: Record<string, string | number>) => string, lang: Language): string =>
  s.kind === 'saved' ? t('saved') : s.kind === 'saving' ? t('saving') : s.kind === 'pending' ? t('pending') : s.kind === 'needReason' ? t(s.what === 'waiver' ? 'needWaiverReason' : 'needReason') : t('saveError', { message: errorMessage(s.error, lang) });

const Frame = ({ view }: { view: AssessmentView }) => {
  const t = useT(shellMessages);
  const lang = useLang();
  const store = useAssessment();
  const { assessment, set, score, save, readOnly } = store;
  // A notice left by the page that opened this one (creating with carry-forward); kept until the view changes.
  // Worded by that page (app/flash.ts) in the language of the moment, like the shell's own notices.
  const [notice, setNotice] = useNote(shellMessages, () => {
    const flash = takeFlash();
    return flash === null ? null : (_t, lang) => flash(lang);
  });
  const [undoError, setUndoError] = useState<unknown>(null);
  const id = assessment.id;
  const viewKey = view.kind === 'node' ? `node:${view.nodeId}` : view.kind;
  // A value typed but refused (not a number, above the max) is not saved: the bar says so, naming the criteria.
  const unsavedCodes = [...store.drafts.keys()].map((nodeId) => store.leafById.get(nodeId)?.node.code ?? nodeId);

  const firstView = useRef(viewKey);
  useEffect(() => {
    if (viewKey !== firstView.current) setNotice(null);
  }, [viewKey, setNotice]);
  // Evidence is attached in its own panel; refresh the counts when the page or window focus changes.
  useEffect(() => {
    const refresh = store.refreshEvidence;
    refresh();
    const on = () => refresh();
    window.addEventListener('focus', on);
    return () => window.removeEventListener('focus', on);
  }, [viewKey, store.refreshEvidence]);

  const undo = async () => {
    setUndoError(null);
    try {
      const r = await store.undo();
      const code = r.nodeId ? store.leafById.get(r.nodeId)?.node.code : null;
      setNotice((t) => (r.undone ? t('undone', { code: code ?? '' }) : t('nothingToUndo')));
    } catch (e) {
      setUndoError(e);
    }
  };

  const official = useOfficialSets();
  const nav: [string, string, boolean][] = [
    [dashboardHref(id), t('dashboard'), view.kind === 'dashboard'],
    [treeHref(id), t('treeTitle'), view.kind === 'tree'],
    [preflightHref(id), t('preflight'), view.kind === 'preflight'],
    [libraryHref(id), t('library'), false],
    [surveyHref(id), t('survey'), false],
    [reportHref(id), t('report'), false],
    [submitHref(id), t('submit'), false],
  ];

  return (
    <div className="assess">
      <div className="assess-bar">
        <div className="assess-id">
          <a href="#/">{t('back')}</a>
          <strong>
            {assessment.indicatorSetName} · {t('year', { year: assessment.year })} · {t('revision', { n: assessment.revision })}
          </strong>
          {set.isSample && <span className="tag">{t('sample')}</span>}
          <UnofficialTag sha256={assessment.indicatorSetSha256} official={official} />
        </div>
        <div className="assess-total" aria-label={t('total')}>
          <span>
            {t('total')}: <strong data-testid="live-total">{formatPoints(score.final, lang)}</strong>/{formatPoints(score.maxTotal, lang)}
          </span>
          <span>
            {t('index')}: <strong data-testid="live-index">{score.index === null ? t('noIndex') : `${formatIndex(score.index, lang)} %`}</strong>
          </span>
        </div>
        <div className="assess-save">
          <span role="status" data-testid="save-status" className={`save save-${unsavedCodes.length > 0 ? 'error' : save.kind}`}>
            {unsavedCodes.length > 0 ? t('unsavedInput', { codes: unsavedCodes.join(', ') }) : saveText(save, t, lang)}
          </span>
          {!readOnly && (
            <button type="button" className="btn" onClick={() => void undo()} aria-keyshortcuts="Alt+Z">
              {t('undo')}
            </button>
          )}
        </div>
      </div>
      <nav className="assess-tabs" aria-label={t('sections')}>
        {nav.map(([href, label, current]) => (
          <a key={href} href={href} className={current ? 'tab tab-current' : 'tab'} {...(current ? { 'aria-current': 'page' as const } : {})}>
            {label}
          </a>
        ))}
      </nav>
      {set.isSample && set.sampleNotice && <p className="banner banner-warn sample-notice">{set.sampleNotice}</p>}
      {readOnly && <LockBanner />}
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <ErrorBanner error={undoError} onDismiss={() => setUndoError(null)} />
      <ErrorBanner error={store.evidenceError} />
      {view.kind === 'tree' ? (
        <div className="assess-single">
          <NavTree headingLevel={1} />
        </div>
      ) : (
        <div className="assess-body">
          <aside className="assess-side">
            <NavTree {...(view.kind === 'node' ? { currentNodeId: view.nodeId } : {})} />
          </aside>
          <div className="assess-main">
            {view.kind === 'dashboard' && <Dashboard />}
            {view.kind === 'node' && <NodePage nodeId={view.nodeId} />}
            {view.kind === 'preflight' && <PreflightPage />}
          </div>
        </div>
      )}
    </div>
  );
};

const LockBanner = () => {
  const t = useT(shellMessages);
  const { api } = usePlatform();
  const store = useAssessment();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const next = store.assessment.revision + 1;
  const create = async () => {
    setError(null);
    try {
      store.setAssessment(await api.assessments.newRevision({ assessmentId: store.assessment.id }));
      setConfirming(false);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="banner banner-warn lock-banner" role="region" aria-label={t('newRevision')}>
      <p>{t('locked', { n: store.assessment.revision })}</p>
      {confirming ? (
        <div className="actions">
          <p>{t('confirmRevision', { n: next })}</p>
          <button type="button" className="btn btn-primary" onClick={() => void create()}>
            {t('confirm', { n: next })}
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
          {t('newRevision')}
        </button>
      )}
      <ErrorBanner error={error} />
    </div>
  );
};
