import { useState } from 'react';
import type { FormEvent } from 'react';

import type { RoundDetail } from '../../../../shared/ipc/channels/round';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import { UNIT_TYPES } from '../../../../shared/schemas/unit';
import type { UnitType } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { useUnsavedValues } from '../../app/leave-guard';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { roundMessages } from './messages';

/** ROUND_NO_REGISTER: the year has no unit in the register yet (the page links there). */
export const isNoRegister = (e: unknown): boolean => e instanceof AppFailure && e.reason === 'ROUND_NO_REGISTER';

/**
 * Sở Nội vụ creates or edits the round of a year: the official set of each block (from the sets this
 * computer holds, by id and version) and the deadlines. The units are the register's list of the year, which
 * the backend reads at every save (services/round/rounds.ts); a year with no register links to it.
 */
export const RoundEditor = ({ round, sets, onSaved, onCancel }: { round: RoundDetail | null; sets: IndicatorSetSummary[]; onSaved: (r: RoundDetail) => void; onCancel: () => void }) => {
  const t = useT(roundMessages);
  const { api } = usePlatform();
  const [year, setYear] = useState(round?.year ?? sets[0]?.year ?? new Date().getFullYear());
  const [choice, setChoice] = useState<Record<UnitType, string>>(() => {
    const of = (b: UnitType) => {
      const s = round?.sets.find((x) => x.block === b);
      return s ? `${s.setId}@${s.setVersion}` : '';
    };
    return { SO: of('SO'), PHUONG: of('PHUONG'), XA_DAC_KHU: of('XA_DAC_KHU') };
  });
  const [due, setDue] = useState<string | null>(round?.deadlines.selfAssessmentDue ?? null);
  const [start, setStart] = useState<string | null>(round?.deadlines.explanationStart ?? null);
  const [end, setEnd] = useState<string | null>(round?.deadlines.explanationEnd ?? null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const markSaved = useUnsavedValues({ year, choice, due, start, end }, () => t('leaveQuestion'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const chosen = UNIT_TYPES.filter((b) => choice[b]).map((b) => {
        const [setId, setVersion] = choice[b].split('@') as [string, string];
        return { block: b, setId, setVersion };
      });
      const saved = await api.round.save({
        ...(round ? { id: round.id } : {}),
        year,
        sets: chosen,
        deadlines: { selfAssessmentDue: due ?? '', explanationStart: start ?? '', explanationEnd: end ?? '' },
      });
      markSaved();
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card round-editor" onSubmit={(e) => void submit(e)} data-testid="round-editor">
      <Field label={t('year')}>{(p) => <input {...p} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />}</Field>
      {UNIT_TYPES.map((b) => (
        <Field key={b} label={t('setFor', { block: t(`block_${b}`) })}>
          {(p) => (
            <select {...p} value={choice[b]} onChange={(e) => setChoice({ ...choice, [b]: e.target.value })} data-testid={`round-set-${b}`}>
              <option value="">{t('noSet')}</option>
              {sets
                .filter((s) => s.unitTypes.includes(b) && s.year === year)
                .map((s) => (
                  <option key={`${s.id}@${s.version}`} value={`${s.id}@${s.version}`}>
                    {`${s.name} — ${s.version}`}
                  </option>
                ))}
            </select>
          )}
        </Field>
      ))}
      <p className="small" data-testid="round-units-source">
        {t('unitsFromRegister', { year })} <a href="#/registry">{t('openRegister')}</a>
      </p>
      <DateField label={t('due')} invalidMessage={t('due')} value={due} onCommit={setDue} />
      <DateField label={t('explanationStart')} invalidMessage={t('explanationStart')} value={start} onCommit={setStart} />
      <DateField label={t('explanationEnd')} invalidMessage={t('explanationEnd')} value={end} onCommit={setEnd} />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {isNoRegister(error) && (
        <p className="small" data-testid="round-no-register">
          <a href="#/registry">{t('openRegister')}</a>
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {t('save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
};
