import { useState } from 'react';
import type { FormEvent } from 'react';

import type { RoundDetail } from '../../../../shared/ipc/channels/round';
import { ROUND_YEAR_MAX, ROUND_YEAR_MIN, roundFormProblem } from '../../../../shared/domain/round-form';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import { UNIT_TYPES } from '../../../../shared/schemas/unit';
import type { UnitType } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { useUnsavedValues } from '../../app/leave-guard';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSingleFlight } from '../../jobs/index';
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
  // As typed: an emptied year stays empty on screen (Number('') would show 0) and is refused on save.
  const [yearText, setYearText] = useState(String(round?.year ?? sets[0]?.year ?? new Date().getFullYear()));
  const year = yearText.trim() === '' ? Number.NaN : Number(yearText);
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
  /** Date fields whose text is not a day: their last committed value is not what the user sees, so saving waits. */
  const [badDates, setBadDates] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // A second click before the button re-renders disabled must not send the round twice (the second would be
  // refused as ROUND_YEAR_TAKEN after the first had saved it).
  const flight = useSingleFlight();
  const markSaved = useUnsavedValues({ yearText, choice, due, start, end }, () => t('leaveQuestion'));
  const setsFor = (b: UnitType): Pick<IndicatorSetSummary, 'id' | 'version' | 'name'>[] => {
    const listed = sets.filter((s) => s.unitTypes.includes(b) && s.year === year);
    // The list gives each set's newest version; the round's own stays offered after a newer one arrived, so
    // editing a deadline keeps it and the select shows the version the round holds.
    const own = round?.year === year ? round.sets.find((s) => s.block === b) : undefined;
    if (!own || listed.some((s) => s.id === own.setId && s.version === own.setVersion)) return listed;
    return [...listed, { id: own.setId, version: own.setVersion, name: sets.find((s) => s.id === own.setId)?.name ?? own.setId }];
  };
  /** The block's choice is one the list offers for this year (an earlier year's set is neither shown nor sent). */
  const offered = (b: UnitType) => setsFor(b).some((x) => `${x.id}@${x.version}` === choice[b]);
  const dateField = (key: 'due' | 'explanationStart' | 'explanationEnd', value: string | null, commit: (iso: string | null) => void) => (
    <DateField
      label={t(key)}
      invalidMessage={t('dateInvalid')}
      value={value}
      onCommit={(iso) => {
        setBadDates((b) => new Set([...b].filter((k) => k !== key)));
        commit(iso);
      }}
      onInvalid={() => setBadDates((b) => new Set([...b, key]))}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const chosen = UNIT_TYPES.filter(offered).map((b) => {
      const [setId, setVersion] = choice[b].split('@') as [string, string];
      return { block: b, setId, setVersion };
    });
    if (badDates.size > 0) {
      setError(AppFailure.of('ROUND_DATE_INVALID'));
      return;
    }
    const deadlines = { selfAssessmentDue: due, explanationStart: start, explanationEnd: end };
    const problem = roundFormProblem({ year, blocks: chosen.map((c) => c.block), deadlines });
    if (problem) {
      setError(AppFailure.fromReason(problem.reason, problem.params));
      return;
    }
    if (!flight.claim()) return;
    setSaving(true);
    try {
      const saved = await api.round.save({
        ...(round ? { id: round.id } : {}),
        year,
        sets: chosen,
        deadlines: { selfAssessmentDue: due ?? '', explanationStart: start ?? '', explanationEnd: end ?? '' }, // all set: checked above
      });
      markSaved();
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      flight.release();
      setSaving(false);
    }
  };

  return (
    // noValidate: the form checks itself and says what is wrong in the app's language, not in a browser bubble.
    <form className="card round-editor" onSubmit={(e) => void submit(e)} data-testid="round-editor" noValidate>
      <Field label={t('year')}>
        {(p) => <input {...p} type="number" min={ROUND_YEAR_MIN} max={ROUND_YEAR_MAX} value={yearText} onChange={(e) => setYearText(e.target.value)} />}
      </Field>
      {UNIT_TYPES.map((b) => (
        <Field key={b} label={t('setFor', { block: t(`block_${b}`) })}>
          {(p) => (
            <select {...p} value={offered(b) ? choice[b] : ''} onChange={(e) => setChoice({ ...choice, [b]: e.target.value })} data-testid={`round-set-${b}`}>
              <option value="">{t('noSet')}</option>
              {setsFor(b).map((s) => (
                <option key={`${s.id}@${s.version}`} value={`${s.id}@${s.version}`}>
                  {`${s.name} — ${s.version}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <p className="small" data-testid="round-units-source">
        {t('unitsFromRegister', { year: yearText })} <a href="#/registry">{t('openRegister')}</a>
      </p>
      {dateField('due', due, setDue)}
      {dateField('explanationStart', start, setStart)}
      {dateField('explanationEnd', end, setEnd)}
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
