import { useEffect, useState } from 'react';

import { fromMilli, parseScaled } from '../../../../shared/domain/points';
import type { ScoreTotals } from '../../../../shared/domain/scoring/schema';
import type { SurveyNode } from '../../../../shared/ipc/channels/survey';
import { formatNumber, formatPoints } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useLeaveGuard } from '../../app/leave-guard';
import type { WordingOf } from '../../app/use-note';
import { surveyMessages } from './messages';

type Props = {
  assessmentId: string;
  node: SurveyNode;
  readOnly: boolean;
  onSaved: (node: SurveyNode, totals: ScoreTotals, message: WordingOf<typeof surveyMessages>) => void;
  onError: (e: unknown) => void;
};

/** Typed text → exact number (≤ 3 decimals, "85,5" or "85.5", optional "%"); undefined = invalid, null = empty. */
export const parseResult = (text: string): number | null | undefined => {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return null;
  const m = parseScaled(t, 3);
  return m === null || m < 0 ? undefined : fromMilli(m);
};

/** One survey criterion: its max, an input for the result and the source note, and the resulting points. */
export const SurveyRow = ({ assessmentId, node, readOnly, onSaved, onError }: Props) => {
  const t = useT(surveyMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const shown = (v: number | null) => (v === null ? '' : formatNumber(v, lang, 3));
  const [value, setValue] = useState(shown(node.value));
  const [note, setNote] = useState(node.sourceNote);
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  // A result or source typed and not saved asks before the page is left (app/leave-guard.ts).
  // The result compared as a number ("85,50" for a stored 85.5 is saved; text that is not a number is not).
  const typed = parseResult(value);
  useLeaveGuard(!readOnly && (typed === undefined || typed !== node.value || note !== node.sourceNote), () => t('leaveQuestion', { code: node.code }));
  useEffect(() => {
    setValue(shown(node.value));
    setNote(node.sourceNote);
    // Re-sync only when the stored result changes (after a save or an import).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [node.value, node.sourceNote, node.updatedAt]);

  const save = async (clear: boolean) => {
    const parsed = clear ? null : parseResult(value);
    if (parsed === undefined) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    try {
      const out = await api.survey.save({ assessmentId, nodeId: node.nodeId, value: parsed, sourceNote: clear ? '' : note });
      onSaved(out.node, out.totals, (t) => t(parsed === null ? 'cleared' : 'saved', { code: node.code }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const valueId = `survey-value-${node.nodeId}`;
  const noteId = `survey-note-${node.nodeId}`;
  const hint = node.valueUnit === 'percent' ? t('percentHint') : t('scaleHint', { max: formatNumber(node.scaleMax, lang, 3) });
  const provenance = node.origin === 'import' && node.fileName ? t('imported', { name: node.fileName }) : '';
  return (
    <tr data-testid={`survey-row-${node.code}`}>
      <td>{node.code}</td>
      <td>
        {node.title}
        <div className="small muted">{node.source}</div>
      </td>
      <td className="num">{formatPoints(node.max, lang)}</td>
      <td>
        <label className="visually-hidden" htmlFor={valueId}>
          {t('result')} {node.code}
        </label>
        <input
          id={valueId}
          className="survey-value"
          inputMode="decimal"
          value={value}
          disabled={readOnly || busy}
          aria-invalid={invalid || undefined}
          aria-describedby={`${valueId}-hint`}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save(false);
          }}
        />
        <div id={`${valueId}-hint`} className={invalid ? 'field-error small' : 'small muted'}>
          {invalid ? t('invalidValue') : hint}
        </div>
      </td>
      <td className="num" data-testid={`survey-score-${node.code}`}>
        {node.score.status === 'PENDING_SURVEY' ? <span className="muted small">{t('pending')}</span> : formatPoints(node.score.score, lang)}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={noteId}>
          {t('note')} {node.code}
        </label>
        <input id={noteId} className="survey-note" value={note} maxLength={500} disabled={readOnly || busy} onChange={(e) => setNote(e.target.value)} />
        {provenance && <div className="small muted">{provenance}</div>}
      </td>
      <td className="survey-actions">
        {!readOnly && (
          <>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save(false)}>
              {t('save')}
            </button>
            {node.value !== null && (
              <button type="button" className="btn" disabled={busy} onClick={() => void save(true)}>
                {t('clear')}
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
};
