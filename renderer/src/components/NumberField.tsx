import { useEffect, useRef, useState } from 'react';

import { parseScaled } from '../../../shared/domain/points';
import type { Language } from '../../../shared/schemas/settings';
import { formatScaled } from '../../../shared/format/index';
import { Field } from './Field';

/**
 * A number typed as text (Vietnamese "2,5" or "2.5", "1.250" grouping for whole numbers): the text the user
 * typed is kept while it is invalid, and onValue only ever receives an exact, valid number (or undefined
 * when emptied). Numbers never pass through parseFloat.
 */
export type NumberFieldProps = {
  label: string;
  hint?: string;
  value: number | undefined;
  onValue: (v: number | undefined) => void;
  /** 0 for whole numbers; otherwise the most decimals accepted (3 for points and percentages). */
  decimals: 0 | 3;
  max?: number;
  lang: Language;
  disabled?: boolean;
  messages: { badInt: string; badDecimal: string; tooBig: (max: string) => string };
  testId?: string;
};

const INT_RE = /^(\d+|\d{1,3}([.\s]\d{3})+)$/;

export const parseNumberText = (text: string, decimals: 0 | 3): number | undefined | null => {
  const t = text.trim();
  if (t === '') return undefined;
  if (decimals === 0) return INT_RE.test(t) ? Number(t.replace(/[.\s]/g, '')) : null;
  const scaled = parseScaled(t, 3);
  if (scaled === null || scaled < 0) return null;
  return scaled / 1000;
};

export const formatNumberText = (v: number | undefined, decimals: 0 | 3, lang: Language): string => {
  if (v === undefined) return '';
  if (decimals === 0) return String(v);
  return formatScaled(Math.round(v * 1000), 3, lang);
};

export const NumberField = ({ label, hint, value, onValue, decimals, max, lang, disabled, messages, testId }: NumberFieldProps) => {
  const [text, setText] = useState(() => formatNumberText(value, decimals, lang));
  const [error, setError] = useState<string | undefined>(undefined);
  const lastSent = useRef(value);
  // Follow outside changes (undo, another tab) without clobbering what the user is typing.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(formatNumberText(value, decimals, lang));
      setError(undefined);
    }
  }, [value, decimals, lang]);
  const onChange = (t: string) => {
    setText(t);
    const v = parseNumberText(t, decimals);
    if (v === null) {
      setError(decimals === 0 ? messages.badInt : messages.badDecimal);
      return;
    }
    if (v !== undefined && max !== undefined && v > max) {
      setError(messages.tooBig(formatNumberText(max, decimals, lang)));
      return;
    }
    setError(undefined);
    lastSent.current = v;
    onValue(v);
  };
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(p) => (
        <input
          {...p}
          type="text"
          inputMode={decimals === 0 ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={text}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          {...(testId ? { 'data-testid': testId } : {})}
        />
      )}
    </Field>
  );
};
