import { useEffect, useState } from 'react';

import { parseScaled } from '../../../../shared/domain/points';
import { needsReason } from '../../../../shared/domain/ranking';
import type { InboxDetail, InboxNode } from '../../../../shared/ipc/channels/inbox';
import { formatPoints } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useLeaveGuard } from '../../app/leave-guard';
import type { WordingOf } from '../../app/use-note';
import { EvidenceName } from './EvidenceList';
import type { EvidenceItem } from './EvidenceList';
import { detailMessages } from './messages';
import { SurveyEntry } from './SurveyEntry';

type Props = {
  importId: string;
  unitName: string;
  node: InboxNode;
  /** The bundle's evidence files by package path, to name this criterion's files as the unit did. */
  evidenceByPath: ReadonlyMap<string, EvidenceItem>;
  onPreview: (item: EvidenceItem) => void;
  readOnly: boolean;
  onSaved: (d: InboxDetail, message: WordingOf<typeof detailMessages>) => void;
  onError: (e: unknown) => void;
};

/**
 * One criterion: code, title, max, the unit's self score (with its declared inputs, explanation and evidence
 * files underneath, each by its original name and openable) and, on appraisable leaves, the appraised points and the comment. Points are typed as
 * text ("2,5" or "2.5") and sent as exact milli-points; empty keeps the self score. A value other than the
 * self score makes the comment the required reason: saving without one is blocked and says why.
 */
export const AppraisalRow = ({ importId, unitName, node, evidenceByPath, onPreview, readOnly, onSaved, onError }: Props) => {
  const t = useT(detailMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const shown = (v: number | null) => (v === null ? '' : formatPoints(v, lang));
  const [value, setValue] = useState(shown(node.override));
  const [comment, setComment] = useState(node.comment);
  const [problem, setProblem] = useState<'points' | 'reason' | null>(null);
  const [busy, setBusy] = useState(false);
  // What the row held when it showed the stored appraisal: anything else typed would be lost by leaving.
  const [stored, setStored] = useState({ value, comment });
  useLeaveGuard(!readOnly && (value !== stored.value || comment !== stored.comment), () => t('leaveQuestion', { code: node.code }));
  useEffect(() => {
    setValue(shown(node.override));
    setComment(node.comment);
    setStored({ value: shown(node.override), comment: node.comment });
    // Re-sync when the stored appraisal changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [node.override, node.comment]);

  const typed = value.trim() === '' ? null : parseScaled(value.trim(), 3);
  // A changed score always says why (the backend refuses it too: APPRAISAL_REASON_REQUIRED).
  const reasonRequired = needsReason(node.self, typed, '');

  const save = async (clear: boolean) => {
    const text = value.trim();
    const m = clear || text === '' ? null : parseScaled(text, 3);
    if (!clear && text !== '' && (m === null || m < 0 || m > node.max)) {
      setProblem('points');
      return;
    }
    if (!clear && needsReason(node.self, m, comment)) {
      setProblem('reason');
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const d = await api.inbox.appraise({ importId, nodeId: node.nodeId, appraisedMilli: m, comment: clear ? '' : comment });
      setStored({ value: clear ? '' : value, comment: clear ? '' : comment });
      onSaved(d, (t) => t('saved', { code: node.code }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const valueId = `appr-value-${node.nodeId}`;
  const commentId = `appr-comment-${node.nodeId}`;
  const errId = `appr-err-${node.nodeId}`;
  const changed = node.isLeaf && node.appraised !== node.self;
  return (
    <tr className={node.isLeaf ? 'inbox-leaf' : `inbox-group inbox-depth-${Math.min(node.depth, 3)}`} data-testid={`node-row-${node.code}`}>
      <td>{node.code}</td>
      <td>
        {node.title}
        {node.isLeaf && (
          <div className="small muted">
            {node.notApplicableReason !== null && <div>{t('na', { reason: node.notApplicableReason })}</div>}
            {node.inputsText && <div>{t('declared', { text: node.inputsText })}</div>}
            {node.explanation && <div>{node.explanation}</div>}
            {node.note && <div>{t('note', { text: node.note })}</div>}
            {node.evidenceWaiver !== null && <div data-testid="evidence-waiver">{t('waiver', { text: node.evidenceWaiver })}</div>}
            {node.evidence.length > 0 && (
              <div data-testid="node-evidence">
                {t('evidenceLabel')}
                <ul className="inbox-node-evidence">
                  {node.evidence.map((path) => {
                    const item = evidenceByPath.get(path);
                    if (!item) return <li key={path} className="mono">{path}</li>;
                    return (
                      <li key={path}>
                        <EvidenceName item={item} onOpen={item.previewable ? () => onPreview(item) : undefined} />
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
          </div>
        )}
      </td>
      <td className="num">{formatPoints(node.max, lang)}</td>
      <td className="num">{formatPoints(node.self, lang)}</td>
      <td className={changed ? 'num inbox-changed' : 'num'} data-testid="appraised">
        {formatPoints(node.appraised, lang)}
      </td>
      <td>
        {node.survey !== null && (
          <SurveyEntry importId={importId} unitName={unitName} node={{ ...node, survey: node.survey }} readOnly={readOnly} onSaved={onSaved} onError={onError} />
        )}
        {node.survey === null && node.isLeaf && node.kind === 'SURVEY' && <span className="small muted">{t('survey')}</span>}
        {node.editable && !readOnly && (
          <div className="inbox-appraise">
            <label className="visually-hidden" htmlFor={valueId}>
              {t('appraisedInput', { code: node.code })}
            </label>
            <input
              id={valueId}
              className="inbox-points"
              inputMode="decimal"
              value={value}
              placeholder={formatPoints(node.self, lang)}
              aria-invalid={problem === 'points'}
              aria-describedby={problem === 'points' ? errId : undefined}
              disabled={busy}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save(false);
              }}
            />
            <label className={reasonRequired ? 'small' : 'visually-hidden'} htmlFor={commentId}>
              {t(reasonRequired ? 'reasonInput' : 'commentInput', { code: node.code })}
            </label>
            <textarea
              id={commentId}
              className="inbox-comment"
              rows={2}
              value={comment}
              disabled={busy}
              maxLength={4000}
              required={reasonRequired}
              aria-required={reasonRequired}
              aria-invalid={problem === 'reason'}
              aria-describedby={problem === 'reason' ? errId : undefined}
              onChange={(e) => setComment(e.target.value)}
            />
            <div className="inbox-row-actions">
              <button type="button" className="btn" disabled={busy} onClick={() => void save(false)}>
                {t('save')}
              </button>
              {(node.override !== null || node.comment !== '') && (
                <button type="button" className="btn" disabled={busy} onClick={() => void save(true)}>
                  {t('clear')}
                </button>
              )}
            </div>
            {problem !== null && (
              <div id={errId} className="small inbox-error" role="alert">
                {problem === 'points' ? t('badPoints', { max: formatPoints(node.max, lang) }) : t('reasonMissing', { code: node.code })}
              </div>
            )}
          </div>
        )}
        {node.editable && readOnly && node.comment && <span className="small">{node.comment}</span>}
      </td>
    </tr>
  );
};
