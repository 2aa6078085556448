import { useState } from 'react';

import type { DecisionDetail, DecisionItem, KeepReasonCode } from '../../../../shared/ipc/channels/decisions';
import { KEEP_REASON_CODES } from '../../../../shared/ipc/channels/decisions';
import { formatPoints, numberInputExample, parseNumberInput } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useUnsavedValues } from '../../app/leave-guard';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PdfPreview } from '../../components/PdfPreview';
import { Modal } from '../evidence/index';
import { decisionsMessages } from './messages';

type Evidence = DecisionItem['evidence'][number];

/**
 * One disputed criterion side by side (self, appraised with its reason, requested, the unit's text, its new
 * evidence with preview through pdf.js, components/PdfPreview.tsx) and Sở's decision: accept with a new score
 * (typed in the UI's number format, refused here when not exact or above the max) or keep with a reason.
 */
export const ItemDecision = ({ rowId, item, readOnly, onSaved }: { rowId: string; item: DecisionItem; readOnly: boolean; onSaved: (d: DecisionDetail) => void }) => {
  const t = useT(decisionsMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const [choice, setChoice] = useState<'ACCEPTED' | 'KEPT'>(item.decision ?? 'ACCEPTED');
  const [score, setScore] = useState(item.finalMilli !== null && item.decision === 'ACCEPTED' ? formatPoints(item.finalMilli, lang) : item.requested !== null ? formatPoints(item.requested, lang) : '');
  const [reasonCode, setReasonCode] = useState<KeepReasonCode | ''>((item.reasonCode as KeepReasonCode) || '');
  const [reason, setReason] = useState(item.reason);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useNote(decisionsMessages);
  const [open, setOpen] = useState<Evidence | null>(null);
  const [saving, setSaving] = useState(false);
  const id = `decision-${item.nodeId}`;
  const markSaved = useUnsavedValues({ choice, score, reasonCode, reason }, () => t('leaveQuestion', { code: item.code }), !readOnly);

  const save = async (decision: 'ACCEPTED' | 'KEPT' | null) => {
    setError(null);
    setProblem(null);
    let finalMilli: number | null = null;
    if (decision === 'ACCEPTED') {
      const v = parseNumberInput(score, lang, 3);
      if (v === null || v === undefined || v > item.max) {
        setProblem((t, lang) => t('scoreInvalid', { max: formatPoints(item.max, lang) }));
        return;
      }
      finalMilli = v;
    }
    setSaving(true);
    try {
      const saved = await api.decisions.decide({ explanationRowId: rowId, nodeId: item.nodeId, decision, finalMilli, reasonCode: decision === 'KEPT' ? reasonCode : '', reason: decision === null ? '' : reason });
      markSaved();
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const decidedText =
    item.decision === 'ACCEPTED' ? `${t('accept')} ${formatPoints(item.finalMilli ?? 0, lang)}` : item.decision === 'KEPT' ? `${t('keep')} (${t(item.reasonCode as KeepReasonCode)})` : null;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>
        {t('criterion', { code: item.code })} {item.title}
      </h2>
      <dl className="inbox-facts">
        <dt>{t('max')}</dt>
        <dd>{formatPoints(item.max, lang)}</dd>
        <dt>{t('self')}</dt>
        <dd>{formatPoints(item.self, lang)}</dd>
        <dt>{t('appraised')}</dt>
        <dd>{formatPoints(item.appraised, lang)}</dd>
        <dt>{t('appraisalReason')}</dt>
        <dd>{item.appraisalReason || '—'}</dd>
        <dt>{t('requested')}</dt>
        <dd>{item.requested === null ? t('noRequest') : formatPoints(item.requested, lang)}</dd>
        <dt>{t('explanation')}</dt>
        <dd className="pre-line">{item.text}</dd>
        <dt>{t('newEvidence')}</dt>
        <dd>
          {item.evidence.length === 0
            ? t('noEvidence')
            : item.evidence.map((e) => (
                <span key={e.path}>
                  {e.originalName}{' '}
                  {e.previewable && e.mediaType === 'application/pdf' && (
                    <button type="button" className="btn-link" onClick={() => setOpen(e)}>
                      {t('preview')}
                    </button>
                  )}
                </span>
              ))}
        </dd>
      </dl>
      <p className="small" data-testid={`${id}-state`}>
        {decidedText ? t('decided', { what: decidedText }) : t('undecided')}
      </p>
      {!readOnly && (
        <fieldset className="decision-form">
          <legend>{t('decision')}</legend>
          <label>
            <input type="radio" name={`${id}-choice`} checked={choice === 'ACCEPTED'} onChange={() => setChoice('ACCEPTED')} /> {t('accept')}
          </label>
          <label>
            <input type="radio" name={`${id}-choice`} checked={choice === 'KEPT'} onChange={() => setChoice('KEPT')} /> {t('keep')}
          </label>
          {choice === 'ACCEPTED' ? (
            <label className="field">
              <span>{t('newScore', { example: numberInputExample(lang, 3) })}</span>
              <input type="text" inputMode="decimal" value={score} onChange={(e) => setScore(e.target.value)} data-testid={`${id}-score`} />
            </label>
          ) : (
            <label className="field">
              <span>{t('reasonCode')}</span>
              <select value={reasonCode} onChange={(e) => setReasonCode(e.target.value as KeepReasonCode | '')} data-testid={`${id}-reason-code`}>
                <option value="">{t('chooseReason')}</option>
                {KEEP_REASON_CODES.map((c) => (
                  <option key={c} value={c}>
                    {t(c)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{t('reason')}</span>
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid={`${id}-reason`} />
          </label>
          <div className="actions">
            <button type="button" className="btn primary" disabled={saving} onClick={() => void save(choice)} data-testid={`${id}-save`}>
              {t('save')}
            </button>
            {item.decision && (
              <button type="button" className="btn" disabled={saving} onClick={() => void save(null)}>
                {t('clear')}
              </button>
            )}
          </div>
          {problem && (
            <p role="alert" className="error small">
              {problem}
            </p>
          )}
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </fieldset>
      )}
      {open && (
        <Modal title={t('previewTitle', { name: open.originalName })} onClose={() => setOpen(null)} wide closeLabel={t('closePreview')}>
          <PdfPreview fileKey={`${rowId}/${open.path}`} load={() => api.decisions.previewEvidence({ explanationRowId: rowId, path: open.path })} title={open.originalName} testId="decision-preview" />
        </Modal>
      )}
    </section>
  );
};
