import { useCallback, useMemo, useState } from 'react';
import type { FormEvent } from 'react';

import { isLeaf, isSurveyNode } from '../../../../shared/domain/indicator-tree';
import { foldText, matchesTerms, queryTerms } from '../../../../shared/domain/text-search';
import type { EvidenceDocument } from '../../../../shared/schemas/evidence';
import type { IndicatorNode } from '../../../../shared/schemas/indicator-set';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { Modal } from './Modal';
import { evidenceMessages } from './messages';

export type LinkManyDialogProps = {
  assessmentId: string;
  doc: EvidenceDocument;
  onClose: () => void;
  /** After the links were made (the number of new links). */
  onLinked: (linked: number) => void;
};

/** Sub-criteria that take evidence: leaves the unit scores itself (survey results come from Sở Nội vụ). */
const takesEvidence = (n: IndicatorNode): boolean => isLeaf(n) && !isSurveyNode(n);

/**
 * "Dùng cho nhiều tiêu chí…": the assessment's criteria as a tree with checkboxes and an accent-free search
 * by code or title; the document's current criteria are shown ticked and cannot be unticked here. One call
 * (evidence.linkMany) links the same stored file to every chosen criterion, all or nothing.
 */
export const LinkManyDialog = ({ assessmentId, doc, onClose, onLinked }: LinkManyDialogProps) => {
  const t = useT(evidenceMessages);
  const { api } = usePlatform();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useNote(evidenceMessages);
  const [busy, setBusy] = useState(false);
  const loaded = useLoad(
    useCallback(async () => {
      const a = await api.assessments.get({ assessmentId });
      return api.indicatorSets.get({ id: a.indicatorSetId });
    }, [api, assessmentId]),
  );
  const linked = useMemo(() => new Set(doc.usage.map((u) => u.nodeId)), [doc]);
  const terms = queryTerms(query);
  const visible = (n: IndicatorNode): boolean =>
    takesEvidence(n) ? matchesTerms(foldText(`${n.code} ${n.title}`), terms) : (n.children ?? []).some(visible);
  const shownLeaves: string[] = [];
  const collect = (ns: readonly IndicatorNode[]): void =>
    ns.forEach((n) => (takesEvidence(n) ? visible(n) && shownLeaves.push(n.id) : collect(n.children ?? [])));
  collect(loaded.data?.nodes ?? []);

  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chooseShown = () => setChosen((c) => new Set([...c, ...shownLeaves.filter((id) => !linked.has(id))]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (chosen.size === 0) {
      setProblem((t) => t('linkManyNone'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const r = await api.evidence.linkMany({ documentId: doc.id, nodeIds: [...chosen] });
      onLinked(r.linked);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const renderNodes = (nodes: readonly IndicatorNode[]) => (
    <ul className="ev-tree">
      {nodes.filter(visible).map((n) =>
        takesEvidence(n) ? (
          <li key={n.id}>
            <label className="ev-tree-leaf">
              <input
                type="checkbox"
                checked={linked.has(n.id) || chosen.has(n.id)}
                disabled={linked.has(n.id)}
                onChange={() => toggle(n.id)}
                data-node-id={n.id}
              />
              <span className="tree-code">{n.code}</span> {n.title}
              {linked.has(n.id) && <span className="muted small"> — {t('linkManyAlready')}</span>}
            </label>
          </li>
        ) : (
          <li key={n.id}>
            <span className="ev-tree-group">
              {n.code}. {n.title}
            </span>
            {renderNodes(n.children ?? [])}
          </li>
        ),
      )}
    </ul>
  );

  return (
    <Modal title={t('linkManyTitle', { name: doc.originalName })} onClose={onClose} closeLabel={t('close')} wide>
      <form onSubmit={submit} noValidate data-testid="link-many">
        <p className="muted small">{t('linkManyIntro')}</p>
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        <ErrorBanner error={error ?? loaded.error} />
        <div className="ev-filters">
          <input
            type="search"
            className="ev-search"
            placeholder={t('linkManySearch')}
            aria-label={t('linkManySearch')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="btn" onClick={chooseShown} disabled={shownLeaves.length === 0}>
            {t('linkManyChooseShown')}
          </button>
        </div>
        <fieldset className="ev-tree-box">
          <legend>{t('linkManyLegend')}</legend>
          {loaded.data && (shownLeaves.length === 0 ? <p className="muted small">{t('linkManyNoMatch')}</p> : renderNodes(loaded.data.nodes))}
        </fieldset>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('linkManySubmit', { n: chosen.size })}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
};
