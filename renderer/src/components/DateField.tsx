import { useEffect, useState } from 'react';

import { formatDate } from '../i18n/format';
import { Field } from './Field';

/**
 * A date typed as dd/MM/yyyy (the format agencies use, whatever the browser's locale; a native date input
 * would show mm/dd/yyyy on an English system). Commits an ISO yyyy-mm-dd (or null when emptied) on blur/Enter.
 */
export const parseDmy = (text: string): string | null | undefined => {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

export type DateFieldProps = {
  label: string;
  hint?: string;
  invalidMessage: string;
  value: string | null;
  onCommit: (iso: string | null) => void;
  disabled?: boolean;
};

export const DateField = ({ label, hint, invalidMessage, value, onCommit, disabled }: DateFieldProps) => {
  const [text, setText] = useState(formatDate(value));
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => setText(formatDate(value)), [value]);
  const commit = () => {
    const iso = parseDmy(text);
    if (iso === undefined) {
      setError(invalidMessage);
      return;
    }
    setError(undefined);
    if (iso !== value) onCommit(iso);
  };
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(p) => (
        <input
          {...p}
          type="text"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </Field>
  );
};
