import { useEffect, useState } from 'react';

import { formatDate, parseDmy } from '../../../shared/format/index';
import { Field } from './Field';

/**
 * A date typed as dd/MM/yyyy (the format agencies use, whatever the browser's locale; a native date input
 * would show mm/dd/yyyy on an English system). Commits an ISO yyyy-mm-dd (or null when emptied) on blur/Enter.
 */

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
