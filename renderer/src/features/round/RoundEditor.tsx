import { useState } from 'react';
import type { FormEvent } from 'react';

import type { RoundDetail } from '../../../../shared/ipc/channels/round';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import type { RoundUnit } from '../../../../shared/schemas/round';
import { UNIT_TYPES } from '../../../../shared/schemas/unit';
import type { UnitType } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { roundMessages } from './messages';

const unitsText = (units: RoundUnit[]): string => units.map((u) => `${u.code};${u.name};${u.block}`).join('\n');

/** "mã;tên;khối" lines → units, or the number of the first bad line (blank lines are skipped). */
export const parseUnits = (text: string): { units: RoundUnit[] } | { badLine: number } => {
  const units: RoundUnit[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [code, name, block] = line.split(';').map((s) => s.trim());
    if (!code || !name || !(UNIT_TYPES as readonly string[]).includes(block ?? '')) return { badLine: i + 1 };
    units.push({ code, name, block: block as UnitType });
  }
  return { units };
};

/**
 * Sở Nội vụ creates or edits the round of a year: the official set of each block (from the sets this
 * computer holds, by id and version), the units, the deadlines. The backend checks every rule again.
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
  const [units, setUnits] = useState(unitsText(round?.units ?? []));
  const [due, setDue] = useState<string | null>(round?.deadlines.selfAssessmentDue ?? null);
  const [start, setStart] = useState<string | null>(round?.deadlines.explanationStart ?? null);
  const [end, setEnd] = useState<string | null>(round?.deadlines.explanationEnd ?? null);
  const [error, setError] = useState<unknown>(null);
  const [unitsError, setUnitsError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseUnits(units);
    if ('badLine' in parsed) {
      setUnitsError(t('unitLineError', { line: parsed.badLine }));
      return;
    }
    setUnitsError(undefined);
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
        units: parsed.units,
        deadlines: { selfAssessmentDue: due ?? '', explanationStart: start ?? '', explanationEnd: end ?? '' },
      });
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
      <Field label={t('units')} hint={t('unitsHint')} error={unitsError}>
        {(p) => <textarea {...p} rows={6} value={units} onChange={(e) => setUnits(e.target.value)} data-testid="round-units" />}
      </Field>
      <DateField label={t('due')} invalidMessage={t('due')} value={due} onCommit={setDue} />
      <DateField label={t('explanationStart')} invalidMessage={t('explanationStart')} value={start} onCommit={setStart} />
      <DateField label={t('explanationEnd')} invalidMessage={t('explanationEnd')} value={end} onCommit={setEnd} />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
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
