import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import type { CarryForwardReport } from '../../../../shared/ipc/channels/assessments';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import type { UnitType } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useUnofficialSuffix } from '../round/index';
import { assessmentListMessages } from './messages-list';
import { dashboardHref } from './paths';

export type CreateAssessmentFormProps = {
  sets: IndicatorSetSummary[];
  unitType: UnitType;
  defaultYear: number;
  /** Earlier assessments whose answers, explanations and evidence may be carried forward. */
  previous: Assessment[];
  onCreated: (a: Assessment, carried: CarryForwardReport | null) => void;
};

const YEAR_RE = /^\d{4}$/;
const yearOf = (text: string): number | null => (YEAR_RE.test(text.trim()) && +text >= 2000 && +text <= 2100 ? +text : null);

/**
 * Creates one assessment per year and set. Invalid input blocks creation and says why (the form validates
 * itself: noValidate keeps the browser's English bubbles away); a year already assessed on the set is refused
 * by the backend (ASSESSMENT_EXISTS) and the form offers to open the existing one.
 */
export const CreateAssessmentForm = ({ sets, unitType, defaultYear, previous, onCreated }: CreateAssessmentFormProps) => {
  const t = useT(assessmentListMessages);
  const { api } = usePlatform();
  const unofficial = useUnofficialSuffix();
  const usable = sets.filter((s) => s.unitTypes.includes(unitType));
  // Sets are listed newest first; the assessed year is normally the newest set's year.
  const [yearText, setYearText] = useState(String(usable[0]?.year ?? defaultYear));
  const [setId, setSetId] = useState(usable[0]?.id ?? '');
  // A ref as well as state: Enter in the date field commits and submits in the same event.
  const deadline = useRef<{ iso: string | null } | 'invalid'>({ iso: null });
  const [carryFrom, setCarryFrom] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useNote(assessmentListMessages);
  const [yearError, setYearError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const existingId = error instanceof AppFailure && error.reason === 'ASSESSMENT_EXISTS' ? String(error.params?.assessmentId ?? '') : '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const year = yearOf(yearText);
    setYearError(year === null ? t('yearInvalid') : undefined);
    const d = deadline.current;
    if (year === null || d === 'invalid') {
      setProblem((t) => t('notCreated'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const created = await api.assessments.create({ year, indicatorSetId: setId, deadline: d.iso });
      // Carry last year's answers along the set's continuesFrom mapping (never overwrites, never survey values).
      const carried = carryFrom ? await api.assessments.carryForward({ fromAssessmentId: carryFrom, toAssessmentId: created.id }) : null;
      onCreated(created, carried);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (usable.length === 0) return <p className="muted">{t('noSet')}</p>;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-title" noValidate>
      <h3 id="create-title">{t('createTitle')}</h3>
      {problem && (
        <p className="banner banner-error" role="alert" data-testid="create-problem">
          {problem}
        </p>
      )}
      <ErrorBanner error={error} />
      {existingId && (
        <p>
          <a className="btn" href={dashboardHref(existingId)} data-testid="open-existing">
            {t('openExisting')}
          </a>
        </p>
      )}
      <div className="grid-3">
        <Field label={t('year')} error={yearError}>
          {(p) => (
            <input {...p} name="year" type="text" inputMode="numeric" autoComplete="off" maxLength={4} value={yearText} onChange={(e) => setYearText(e.target.value)} />
          )}
        </Field>
        <Field label={t('set')}>
          {(p) => (
            <select {...p} name="indicator-set" value={setId} onChange={(e) => setSetId(e.target.value)}>
              {usable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.version}
                  {s.isSample ? `, ${t('sample')}` : ''}
                  {unofficial(s.sha256)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField
          label={t('deadline')}
          name="deadline"
          invalidMessage={t('deadlineInvalid')}
          value={null}
          onCommit={(iso) => (deadline.current = { iso })}
          onInvalid={() => (deadline.current = 'invalid')}
        />
        {previous.length > 0 && (
          <Field label={t('carryFrom')} hint={t('carryHint')}>
            {(p) => (
              <select {...p} name="carry-from" value={carryFrom} onChange={(e) => setCarryFrom(e.target.value)}>
                <option value="">{t('carryNone')}</option>
                {previous.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.year} — {a.indicatorSetName} ({t('revision', { n: a.revision })})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !setId}>
          {t('create')}
        </button>
      </div>
    </form>
  );
};
