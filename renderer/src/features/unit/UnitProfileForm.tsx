import { useState } from 'react';
import type { FormEvent } from 'react';

import { defaultLetterhead } from '../../../../shared/domain/admin-document/defaults';
import type { Letterhead } from '../../../../shared/schemas/document-fields';
import type { UnitProfile, UnitType } from '../../../../shared/schemas/unit';
import { UNIT_TYPES } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { LetterheadFields } from './LetterheadFields';
import { unitMessages } from './messages';

type Person = UnitProfile['focalPoint'];
const emptyPerson: Person = { name: '', title: '', phone: '', email: '' };

export type UnitProfileFormProps = { initial: UnitProfile | null; onSaved: (p: UnitProfile) => void; onCancel?: () => void };

const PersonFields = ({ legend, value, onChange, prefix }: { legend: string; value: Person; onChange: (p: Person) => void; prefix: string }) => {
  const t = useT(unitMessages);
  const set = (k: keyof Person) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="grid-2">
        <Field label={t('personName')} required>{(p) => <input {...p} name={`${prefix}-name`} value={value.name} onChange={set('name')} required />}</Field>
        <Field label={t('personTitle')}>{(p) => <input {...p} name={`${prefix}-title`} value={value.title} onChange={set('title')} />}</Field>
        <Field label={t('phone')}>{(p) => <input {...p} name={`${prefix}-phone`} type="tel" value={value.phone} onChange={set('phone')} />}</Field>
        <Field label={t('email')}>{(p) => <input {...p} name={`${prefix}-email`} type="email" value={value.email} onChange={set('email')} />}</Field>
      </div>
    </fieldset>
  );
};

export const UnitProfileForm = ({ initial, onSaved, onCancel }: UnitProfileFormProps) => {
  const t = useT(unitMessages);
  const { api } = usePlatform();
  const [name, setName] = useState(initial?.name ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [type, setType] = useState<UnitType>(initial?.type ?? 'SO');
  const [focalPoint, setFocalPoint] = useState<Person>(initial?.focalPoint ?? emptyPerson);
  const [head, setHead] = useState<Person>(initial?.head ?? emptyPerson);
  // null until edited: the stored letterhead (or, for a new unit, the defaults of its type) stays as it is
  const [letterhead, setLetterhead] = useState<Letterhead | null>(null);
  const shownLetterhead = letterhead ?? initial?.letterhead ?? defaultLetterhead(type, name);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const edited = letterhead ? { letterhead: { ...letterhead, recipients: letterhead.recipients.map((r) => r.trim()).filter(Boolean) } } : {};
      onSaved(await api.unit.save({ name, code, type, focalPoint, head, ...edited }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="unit-form-title">
      <h2 id="unit-form-title">{t('unitTitle')}</h2>
      <p className="muted">{t('unitIntro')}</p>
      <ErrorBanner error={error} />
      <div className="grid-2">
        <Field label={t('name')} required>{(p) => <input {...p} name="unit-name" value={name} onChange={(e) => setName(e.target.value)} required />}</Field>
        <Field label={t('code')} hint={t(`codeHint_${type}`)} required>
          {(p) => <input {...p} name="unit-code" value={code} onChange={(e) => setCode(e.target.value)} required />}
        </Field>
      </div>
      <Field label={t('type')} required>
        {(p) => (
          <select {...p} name="unit-type" value={type} onChange={(e) => setType(e.target.value as UnitType)}>
            {UNIT_TYPES.map((u) => (
              <option key={u} value={u}>
                {t(`type_${u}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PersonFields legend={t('focalPoint')} value={focalPoint} onChange={setFocalPoint} prefix="focal" />
      <PersonFields legend={t('head')} value={head} onChange={setHead} prefix="head" />
      <LetterheadFields value={shownLetterhead} onChange={setLetterhead} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('save')}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
};
