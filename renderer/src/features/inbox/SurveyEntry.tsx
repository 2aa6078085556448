import { useEffect, useState } from 'react';

import { fromMilli, parseScaled, toMilli } from '../../../../shared/domain/points';
import type { InboxDetail, InboxNode } from '../../../../shared/ipc/channels/inbox';
import { formatNumber } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useLeaveGuard } from '../../app/leave-guard';
import type { WordingOf } from '../../app/use-note';
import { detailMessages } from './messages';

type Props = {
  importId: string;
  unitName: string;
  node: InboxNode & { survey: NonNullable<InboxNode['survey']> };
  readOnly: boolean;
  onSaved: (d: InboxDetail, message: WordingOf<typeof detailMessages>) => void;
  onError: (e: unknown) => void;
};

/**
 * The survey (XHH) or external-index (SIPAS) result of a survey leaf, entered by Sở Nội vụ for this unit
 * (`inbox.saveSurvey`): a percent, or a value on the other index's scale. The unit's own value is never used.
 */
export const SurveyEntry = ({ importId, unitName, node, readOnly, onSaved, onError }: Props) => {
  const t = useT(detailMessages);
  const lang = useLang();
  const { api } = usePlatform();
  const stored = node.survey.value;
  const shown = stored === null ? '' : formatNumber(stored, lang, 3);
  const [value, setValue] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValue(shown), [shown]);
  // A result typed and not saved asks before the page is left (app/leave-guard.ts), as the appraisal row does.
  // Compared as numbers: "85,0" for a stored 85 is saved; text that is not a number is not.
  const typed = value.trim() === '' ? null : (parseScaled(value.trim(), 3) ?? Number.NaN);
  useLeaveGuard(!readOnly && typed !== (stored === null ? null : toMilli(stored)), () => t('surveyLeaveQuestion', { code: node.code }));

  const max = node.survey.scaleMax;
  const save = async () => {
    const text = value.trim();
    const m = text === '' ? null : parseScaled(text, 3);
    if (text !== '' && (m === null || m < 0 || m > max * 1000)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    try {
      onSaved(await api.inbox.saveSurvey({ importId, nodeId: node.nodeId, value: m === null ? null : fromMilli(m) }), (t) => t('surveySaved', { code: node.code }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const id = `survey-${node.nodeId}`;
  const errId = `survey-err-${node.nodeId}`;
  const unit = node.survey.valueUnit === 'percent' ? t('surveyPercent') : t('surveyScale', { max });
  if (readOnly) return <span className="small">{stored === null ? t('surveyNone') : `${shown} ${unit}`}</span>;
  return (
    <div className="inbox-appraise">
      <span className="small muted">{t('survey')}</span>
      <label className="visually-hidden" htmlFor={id}>
        {t('surveyInput', { code: node.code, unit: unitName })}
      </label>
      <input
        id={id}
        className="inbox-points"
        inputMode="decimal"
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? errId : undefined}
        disabled={busy}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />{' '}
      <span className="small">{unit}</span>
      <div className="inbox-row-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
          {t('save')}
        </button>
      </div>
      {stored === null && <div className="small muted">{t('surveyNone')}</div>}
      {invalid && (
        <div id={errId} className="small inbox-error" role="alert">
          {t('surveyBad', { max })}
        </div>
      )}
    </div>
  );
};
