import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import type { CarryForwardReport } from '../../../../shared/ipc/channels/assessments';
import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import type { UnitType } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useUnofficialSuffix } from '../round/index';
import { assessmentListMessages } from './messages-list';

export type CreateAssessmentFormProps = {
  sets: IndicatorSetSummary[];
  unitType: UnitType;
  defaultYear: number;
  /** Earlier assessments whose answers, explanations and evidence may be carried forward. */
  previous: Assessment[];
  onCreated: (a: Assessment, carried: CarryForwardReport | null) => void;
};

export const CreateAssessmentForm = ({ sets, unitType, defaultYear, previous, onCreated }: CreateAssessmentFormProps) => {
  const t = useT(assessmentListMessages);
  const { api } = usePlatform();
  const unofficial = useUnofficialSuffix();
  const usable = sets.filter((s) => s.unitTypes.includes(unitType));
  // Sets are listed newest first; the assessed year is normally the newest set's year.
  const [year, setYear] = useState(usable[0]?.year ?? defaultYear);
  const [setId, setSetId] = useState(usable[0]?.id ?? '');
  // A ref as well as state: Enter in the date field commits and submits in the same event.
  const deadline = useRef<string | null>(null);
  const [carryFrom, setCarryFrom] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.assessments.create({ year, indicatorSetId: setId, deadline: deadline.current });
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
    <form className="card" onSubmit={submit} aria-labelledby="create-title">
      <h3 id="create-title">{t('createTitle')}</h3>
      <ErrorBanner error={error} />
      <div className="grid-3">
        <Field label={t('year')}>
          {(p) => <input {...p} name="year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} required />}
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
        <DateField label={t('deadline')} invalidMessage={t('deadlineInvalid')} value={null} onCommit={(iso) => (deadline.current = iso)} />
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
