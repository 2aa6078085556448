import { useCallback, useState } from 'react';

import { evidenceProblemText } from '../../../../shared/domain/evidence-problems';
import { EVIDENCE_FILE_KINDS, filterDocuments } from '../../../../shared/schemas/evidence';
import type { EvidenceCheck, EvidenceDocument, EvidenceFileKind } from '../../../../shared/schemas/evidence';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { AttachZone } from './AttachZone';
import { DocumentItem } from './DocumentItem';
import { useDocActions } from './doc-actions';
import { evidenceMessages } from './messages';
import './evidence.css';

const enc = encodeURIComponent;

/** The assessment's evidence library: every document, where it is used, filters and accent-free search. */
export const LibraryPage = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(evidenceMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EvidenceFileKind | ''>('');
  const [usage, setUsage] = useState<'all' | 'used' | 'unused'>('all');
  const [check, setCheck] = useState<EvidenceCheck | null>(null);
  const [error, setError] = useState<unknown>(null);

  const library = useLoad(useCallback(() => api.evidence.list({ assessmentId }), [api, assessmentId]));
  const owner = useLoad(useCallback(() => api.assessments.get({ assessmentId }), [api, assessmentId]));
  const docs = library.data ?? [];
  const year = owner.data?.year ?? null;
  const locked = owner.data?.status === 'locked';
  const reload = library.reload;
  const { buttons, dialogs, noticeBanner } = useDocActions(assessmentId, year, reload, setError);

  const remove = async (d: EvidenceDocument) => {
    if (!window.confirm(t('confirmRemove', { name: d.originalName, n: d.usage.length }))) return;
    try {
      await api.evidence.remove({ documentId: d.id });
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const runCheck = async () => {
    setError(null);
    try {
      setCheck(await api.evidence.check({ assessmentId }));
    } catch (e) {
      setError(e);
    }
  };

  const shown = filterDocuments(docs, { query, fileKind: kind, usage });
  return (
    <div className="page" data-testid="evidence-library">
      <a href={`#/a/${enc(assessmentId)}`}>{t('back')}</a>
      <section className="card">
        <h2>{t('libraryTitle')}</h2>
        <p className="muted">{t('libraryIntro')}</p>
        <ErrorBanner error={error ?? library.error ?? owner.error} onDismiss={() => setError(null)} />
        {noticeBanner}
        {!locked && <AttachZone assessmentId={assessmentId} nodeId={null} label={t('addToLibrary')} onAttached={reload} />}
        <div className="ev-filters">
          <input type="search" className="ev-search" placeholder={t('search')} aria-label={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <label className="small">
            {t('kind')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as EvidenceFileKind | '')}>
              <option value="">{t('allKinds')}</option>
              {EVIDENCE_FILE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <label className="small">
            {t('usage')}{' '}
            <select value={usage} onChange={(e) => setUsage(e.target.value as 'all' | 'used' | 'unused')}>
              <option value="all">{t('usageAll')}</option>
              <option value="used">{t('usageUsed')}</option>
              <option value="unused">{t('usageUnused')}</option>
            </select>
          </label>
          <span className="small muted" data-testid="ev-count">
            {t('count', { shown: shown.length, total: docs.length })}
          </span>
          <button type="button" className="btn" onClick={() => void runCheck()}>
            {t('check')}
          </button>
        </div>
        {check && (
          <div className={`banner ${check.ok ? 'banner-ok' : 'banner-error'}`} role="status">
            {check.ok ? t('checkOk', { n: check.checked }) : (
              <ul>
                {check.problems.map((p) => (
                  <li key={p.documentId}>{evidenceProblemText(p.problem, p.originalName, lang)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <ul className="ev-list">
          {shown.map((d) => (
            <DocumentItem
              key={d.id}
              doc={d}
              year={year}
              nodeHref={(nodeId) => `#/a/${enc(assessmentId)}/n/${enc(nodeId)}`}
              actions={
                <>
                  {buttons(d, locked)}
                  {!locked && (
                    <button type="button" className="btn btn-danger" onClick={() => void remove(d)} aria-label={`${t('remove')}: ${d.originalName}`}>
                      {t('remove')}
                    </button>
                  )}
                </>
              }
            />
          ))}
        </ul>
      </section>
      {dialogs}
    </div>
  );
};
