import { useState } from 'react';
import type { FormEvent } from 'react';

import { UNIT_CODE_RE, UNIT_TYPES } from '../../../../shared/schemas/unit';
import type { UnitType } from '../../../../shared/schemas/unit';
import { useT } from '../../app/app-context';
import { Field } from '../../components/Field';
import { registryMessages } from './messages';

export type RegistryUnitInput = { code: string; name: string; block: UnitType };

/** What is wrong with the typed unit, per field, as message keys (empty: nothing). */
export const unitFormErrors = (u: RegistryUnitInput): { code?: 'codeMissing' | 'codeFormat'; name?: 'nameMissing' } => ({
  ...(u.code === '' ? { code: 'codeMissing' as const } : !UNIT_CODE_RE.test(u.code) ? { code: 'codeFormat' as const } : {}),
  ...(u.name.trim() === '' ? { name: 'nameMissing' as const } : {}),
});

/**
 * "Thêm hoặc sửa một đơn vị": the form checks itself (noValidate: no browser bubble in the browser's language)
 * and says under each field what is wrong once the user tries to save; nothing is sent until it is right.
 * Before, a save with an empty or accented code did nothing visible.
 */
export const UnitForm = ({ busy, onSave }: { busy: boolean; onSave: (u: RegistryUnitInput) => void }) => {
  const t = useT(registryMessages);
  const [unit, setUnit] = useState<RegistryUnitInput>({ code: '', name: '', block: 'PHUONG' });
  const [tried, setTried] = useState(false);
  const errors = unitFormErrors(unit);
  const shown = tried ? errors : {};
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (errors.code || errors.name) {
      // The first field in error takes the focus (its message is read with it).
      e.currentTarget.querySelectorAll('input')[errors.code ? 0 : 1]?.focus();
      return;
    }
    onSave({ ...unit, name: unit.name.trim() });
  };
  return (
    <form className="registry-bar" onSubmit={submit} noValidate>
      <Field label={t('code')} error={shown.code && t(shown.code)}>
        {(p) => <input {...p} maxLength={40} value={unit.code} onChange={(e) => setUnit({ ...unit, code: e.target.value.trim() })} />}
      </Field>
      <div className="registry-name">
        <Field label={t('name')} error={shown.name && t(shown.name)}>
          {(p) => <input {...p} maxLength={200} value={unit.name} onChange={(e) => setUnit({ ...unit, name: e.target.value })} />}
        </Field>
      </div>
      <Field label={t('block')}>
        {(p) => (
          <select {...p} value={unit.block} onChange={(e) => setUnit({ ...unit, block: e.target.value as UnitType })}>
            {UNIT_TYPES.map((b) => (
              <option key={b} value={b}>
                {t(b)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="btn" disabled={busy}>
        {t('add')}
      </button>
    </form>
  );
};
