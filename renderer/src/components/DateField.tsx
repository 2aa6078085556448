import { useEffect, useState } from 'react';

import { formatDate, isCompleteDmy, parseDmy } from '../../../shared/format/index';
import { Field } from './Field';

/**
 * A date typed as dd/MM/yyyy (the format agencies use, whatever the browser's locale; a native date input
 * would show mm/dd/yyyy on an English system and turn 20012025 into year 12025). The one date field of the
 * app: commits an ISO yyyy-mm-dd (or null when emptied) on blur/Enter; text that is not a real day
 * (31/02/2026) stays, is marked invalid and is reported with `onInvalid`, so the form can refuse to act on it.
 */

export type DateFieldProps = {
  label: string;
  hint?: string;
  invalidMessage: string;
  value: string | null;
  onCommit: (iso: string | null) => void;
  /** The typed text is not a date; the last committed value still stands. */
  onInvalid?: () => void;
  disabled?: boolean;
  name?: string;
};

export const DateField = ({ label, hint, invalidMessage, value, onCommit, onInvalid, disabled, name }: DateFieldProps) => {
  const [text, setText] = useState(formatDate(value));
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => setText(formatDate(value)), [value]);
  const commit = (typed = text) => {
    const iso = parseDmy(typed);
    if (iso === undefined) {
      setError(invalidMessage);
      onInvalid?.();
      return;
    }
    // After an invalid text the parent heard onInvalid: tell it the field is valid again even if unchanged.
    const wasInvalid = error !== undefined;
    setError(undefined);
    if (iso !== value || wasInvalid) onCommit(iso);
    setText(formatDate(iso));
  };
  // A complete date is judged as soon as it is typed: the verdict is on screen before the user reaches for a
  // button (judging only on blur moved the button under the pointer and swallowed the click).
  const change = (typed: string) => {
    setText(typed);
    if (isCompleteDmy(typed)) commit(typed);
  };
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(p) => (
        <input
          {...p}
          type="text"
          {...(name ? { name } : {})}
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={text}
          disabled={disabled}
          onChange={(e) => change(e.target.value)}
          onBlur={() => commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </Field>
  );
};
