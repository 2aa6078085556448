import { useCallback, useState } from 'react';

import { filterDocuments } from '../../../../shared/schemas/evidence';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { AttachZone } from './AttachZone';
import { DocumentItem } from './DocumentItem';
import { useDocActions } from './doc-actions';
import { evidenceMessages } from './messages';
import './evidence.css';

export type EvidencePanelProps = {
  assessmentId: string;
  nodeId: string;
  readOnly: boolean;
  /** Called after any change (attach, link, unlink, edit) so the host page can refresh counts. */
  onChanged?: () => void;
};

/**
 * Evidence of one sub-criterion: the linked documents, quick attach (file input, drag and drop, paste),
 * pick from the library, unlink, preview and edit details. Mounted on the sub-criterion page.
 */
export const EvidencePanel = ({ assessmentId, nodeId, readOnly, onChanged }: EvidencePanelProps) => {
  const t = useT(evidenceMessages);
  const { api } = usePlatform();
  const [picking, setPicking] = useState(false);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<unknown>(null);

  const linked = useLoad(
    useCallback(async () => {
      const [forNode, all] = await Promise.all([api.evidence.forNode({ assessmentId, nodeId }), api.evidence.list({ assessmentId })]);
      return { forNode, all };
    }, [api, assessmentId, nodeId]),
  );
  const owner = useLoad(useCallback(() => api.assessments.get({ assessmentId }), [api, assessmentId]));
  const docs = linked.data?.forNode ?? null;
  const library = linked.data?.all ?? [];
  const year = owner.data?.year ?? null;
  const reload = linked.reload;

  const changed = useCallback(() => {
    reload();
    onChanged?.();
  }, [reload, onChanged]);
  const { buttons, dialogs, noticeBanner } = useDocActions(assessmentId, year, changed, setError);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      changed();
    } catch (e) {
      setError(e);
    }
  };

  const linkedIds = new Set((docs ?? []).map((d) => d.id));
  const candidates = filterDocuments(
    library.filter((d) => !linkedIds.has(d.id)),
    { query },
  );

  return (
    <section className="card ev-panel" aria-labelledby={`ev-panel-${nodeId}`} data-testid="evidence-panel">
      <h3 id={`ev-panel-${nodeId}`}>{t('panelTitle')}</h3>
      <ErrorBanner error={error ?? linked.error ?? owner.error} onDismiss={() => setError(null)} />
      {noticeBanner}
      {readOnly && <p className="muted small">{t('readOnly')}</p>}
      {docs && docs.length === 0 && <p className="muted">{t('none')}</p>}
      {docs && docs.length > 0 && (
        <ul className="ev-list">
          {docs.map((d) => (
            <DocumentItem
              key={d.id}
              doc={d}
              year={year}
              actions={
                <>
                  {buttons(d, readOnly)}
                  {!readOnly && (
                    <button
                      type="button"
                      className="btn btn-danger"
                      aria-label={`${t('unlink')}: ${d.originalName}`}
                      onClick={() => void act(() => api.evidence.unlink({ documentId: d.id, nodeId }))}
                    >
                      {t('unlink')}
                    </button>
                  )}
                </>
              }
            />
          ))}
        </ul>
      )}
      {!readOnly && (
        <>
          <AttachZone assessmentId={assessmentId} nodeId={nodeId} label={t('chooseFiles')} onAttached={changed} />
          <div className="actions">
            <button type="button" className="btn" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
              {t('fromLibrary')}
            </button>
          </div>
          {picking && (
            <div className="ev-pick" role="region" aria-label={t('pickTitle')}>
              <input
                type="search"
                className="ev-search"
                placeholder={t('search')}
                aria-label={t('search')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              {candidates.length === 0 ? (
                <p className="muted small">{t('pickNone')}</p>
              ) : (
                <ul className="ev-list">
                  {candidates.map((d) => (
                    <DocumentItem
                      key={d.id}
                      doc={d}
                      year={year}
                      actions={
                        <button
                          type="button"
                          className="btn btn-primary"
                          aria-label={`${t('link')}: ${d.originalName}`}
                          onClick={() => void act(() => api.evidence.link({ documentId: d.id, nodeId }))}
                        >
                          {t('link')}
                        </button>
                      }
                    />
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
      {dialogs}
    </section>
  );
};
