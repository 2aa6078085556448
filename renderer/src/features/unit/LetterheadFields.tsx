import type { Letterhead } from '../../../../shared/schemas/document-fields';
import { useT } from '../../app/app-context';
import { Field } from '../../components/Field';
import { unitMessages } from './messages';

type Key = Exclude<keyof Letterhead, 'recipients'>;
const TEXT_FIELDS: { key: Key; hint: 'governingBodyHint' | 'placeHint' | 'symbolHint' | 'signerAuthorityHint' }[] = [
  { key: 'governingBody', hint: 'governingBodyHint' },
  { key: 'place', hint: 'placeHint' },
  { key: 'symbol', hint: 'symbolHint' },
  { key: 'signerAuthority', hint: 'signerAuthorityHint' },
];

/** The unit's document defaults (letterhead, place, ký hiệu, recipients, signing authority). */
export const LetterheadFields = ({ value, onChange }: { value: Letterhead; onChange: (l: Letterhead) => void }) => {
  const t = useT(unitMessages);
  const set = (k: keyof Letterhead, v: string) =>
    onChange({ ...value, [k]: k === 'recipients' ? v.split('\n') : v } as Letterhead);
  return (
    <fieldset className="fieldset">
      <legend>{t('letterhead')}</legend>
      <p className="muted small">{t('letterheadIntro')}</p>
      <Field label={t('issuingBody')} hint={t('issuingBodyHint')}>
        {(p) => <textarea {...p} name="letterhead-issuingBody" rows={2} value={value.issuingBody} onChange={(e) => set('issuingBody', e.target.value)} />}
      </Field>
      <div className="grid-2">
        {TEXT_FIELDS.map((f) => (
          <Field key={f.key} label={t(f.key)} hint={t(f.hint)}>
            {(p) => <input {...p} name={`letterhead-${f.key}`} value={value[f.key]} onChange={(e) => set(f.key, e.target.value)} />}
          </Field>
        ))}
      </div>
      <Field label={t('recipients')} hint={t('recipientsHint')}>
        {(p) => (
          <textarea {...p} name="letterhead-recipients" rows={3} value={value.recipients.join('\n')} onChange={(e) => set('recipients', e.target.value)} />
        )}
      </Field>
    </fieldset>
  );
};
