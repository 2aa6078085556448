import { useState } from 'react';
import type { FormEvent } from 'react';

import { defaultLetterhead } from '../../../../shared/domain/admin-document/defaults';
import type { Letterhead } from '../../../../shared/schemas/document-fields';
import type { UnitProfile, UnitType } from '../../../../shared/schemas/unit';
import { UNIT_CODE_RE, UNIT_TYPES } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { useUnsavedValues } from '../../app/leave-guard';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { LetterheadFields } from './LetterheadFields';
import { unitMessages } from './messages';

type Person = UnitProfile['focalPoint'];
const emptyPerson: Person = { name: '', title: '', phone: '', email: '' };

export type UnitProfileFormProps = { initial: UnitProfile | null; onSaved: (p: UnitProfile) => void; onCancel?: () => void };

type UnitMessage = 'nameRequired' | 'codeRequired' | 'codeInvalid' | 'personNameRequired' | 'emailInvalid';
/** Problems by input name, in the form's order (the first one gets the focus). */
type Problems = Partial<Record<string, UnitMessage>>;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const personProblems = (prefix: string, p: Person, out: Problems): void => {
  if (!p.name.trim()) out[`${prefix}-name`] = 'personNameRequired';
  if (p.email.trim() && !EMAIL_RE.test(p.email.trim())) out[`${prefix}-email`] = 'emailInvalid';
};

/** The same rules as the backend's schema (shared/schemas/unit.ts), said in the form's language before sending. */
const problemsOf = (name: string, code: string, focalPoint: Person, head: Person): Problems => {
  const out: Problems = {};
  if (!name.trim()) out['unit-name'] = 'nameRequired';
  if (!code.trim()) out['unit-code'] = 'codeRequired';
  else if (!UNIT_CODE_RE.test(code.trim())) out['unit-code'] = 'codeInvalid';
  personProblems('focal', focalPoint, out);
  personProblems('head', head, out);
  return out;
};

type PersonFieldsProps = { legend: string; value: Person; onChange: (p: Person) => void; prefix: string; problems: Problems };

const PersonFields = ({ legend, value, onChange, prefix, problems }: PersonFieldsProps) => {
  const t = useT(unitMessages);
  const set = (k: keyof Person) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  const err = (k: string) => {
    const m = problems[`${prefix}-${k}`];
    return m ? t(m) : undefined;
  };
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="grid-2">
        <Field label={t('personName')} required error={err('name')}>
          {(p) => <input {...p} name={`${prefix}-name`} value={value.name} onChange={set('name')} required />}
        </Field>
        <Field label={t('personTitle')}>{(p) => <input {...p} name={`${prefix}-title`} value={value.title} onChange={set('title')} />}</Field>
        <Field label={t('phone')}>{(p) => <input {...p} name={`${prefix}-phone`} type="tel" value={value.phone} onChange={set('phone')} />}</Field>
        <Field label={t('email')} error={err('email')}>
          {(p) => <input {...p} name={`${prefix}-email`} type="email" value={value.email} onChange={set('email')} />}
        </Field>
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
  const [problems, setProblems] = useState<Problems>({});
  // A profile not saved yet counts once something is typed; its type alone (one click) is not worth a question.
  const markSaved = useUnsavedValues({ name, code, focalPoint, head, letterhead, ...(initial ? { type } : {}) }, () => t('leaveQuestion'));

  /**
   * The form checks itself (noValidate: no browser bubble in English); anything wrong blocks saving, is said
   * under its field and in a banner, and the first wrong field gets the focus.
   */
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = problemsOf(name, code, focalPoint, head);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const edited = letterhead ? { letterhead: { ...letterhead, recipients: letterhead.recipients.map((r) => r.trim()).filter(Boolean) } } : {};
      const saved = await api.unit.save({ name, code, type, focalPoint, head, ...edited });
      markSaved();
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="unit-form-title" noValidate>
      <h2 id="unit-form-title">{t('unitTitle')}</h2>
      <p className="muted">{t('unitIntro')}</p>
      {Object.keys(problems).length > 0 && (
        <p className="banner banner-error" role="alert" data-testid="unit-not-saved">
          {t('notSaved', { n: Object.keys(problems).length })}
        </p>
      )}
      <ErrorBanner error={error} />
      <div className="grid-2">
        <Field label={t('name')} required error={problems['unit-name'] && t(problems['unit-name'])}>
          {(p) => <input {...p} name="unit-name" value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label={t('code')} hint={t(`codeHint_${type}`)} required error={problems['unit-code'] && t(problems['unit-code'])}>
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
      <PersonFields legend={t('focalPoint')} value={focalPoint} onChange={setFocalPoint} prefix="focal" problems={problems} />
      <PersonFields legend={t('head')} value={head} onChange={setHead} prefix="head" problems={problems} />
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
