import { useEffect, useRef, useState } from 'react';

import type { Language } from '../../../shared/schemas/settings';
import { formatScaled, parseNumberInput } from '../../../shared/format/index';
import { Field } from './Field';

/**
 * A number typed as text in the language's one format (shared/format: Vietnamese "1.234,5", English
 * "1,234.5"), with that format shown as the hint. The text the user typed is kept while it is invalid and
 * reported with `onDraft` (so the page can say that nothing was saved, and keep the text when the user
 * comes back); onValue only ever receives an exact, valid number (or undefined when emptied). Numbers never
 * pass through parseFloat.
 */
export type NumberFieldProps = {
  label: string;
  hint?: string;
  value: number | undefined;
  onValue: (v: number | undefined) => void;
  /** The invalid text the user typed, or null once the field holds a valid value again. */
  onDraft?: (text: string | null) => void;
  /** An invalid text typed earlier and not saved: shown instead of the saved value. */
  draft?: string | undefined;
  /** 0 for whole numbers; otherwise the most decimals accepted (3 for points and percentages). */
  decimals: 0 | 3;
  max?: number;
  lang: Language;
  disabled?: boolean;
  messages: { badInt: string; badDecimal: string; tooBig: (max: string) => string };
  testId?: string;
};

/** Typed text → the number (points, not thousandths); undefined when empty; null when not in the one format. */
export const parseNumberText = (text: string, decimals: 0 | 3, lang: Language = 'vi'): number | undefined | null => {
  const scaled = parseNumberInput(text, lang, decimals);
  return scaled === null || scaled === undefined ? scaled : scaled / 10 ** decimals;
};

export const formatNumberText = (v: number | undefined, decimals: 0 | 3, lang: Language): string =>
  v === undefined ? '' : formatScaled(Math.round(v * 10 ** decimals), decimals, lang);

type Verdict = { ok: true; value: number | undefined } | { ok: false; error: string };

export const NumberField = ({ label, hint, value, onValue, onDraft, draft, decimals, max, lang, disabled, messages, testId }: NumberFieldProps) => {
  const judge = (t: string): Verdict => {
    const v = parseNumberText(t, decimals, lang);
    if (v === null) return { ok: false, error: decimals === 0 ? messages.badInt : messages.badDecimal };
    if (v !== undefined && max !== undefined && v > max) return { ok: false, error: messages.tooBig(formatNumberText(max, decimals, lang)) };
    return { ok: true, value: v };
  };
  const [text, setText] = useState(() => draft ?? formatNumberText(value, decimals, lang));
  // The language the text was written in. On a switch, a number typed in the old format is shown in the new one
  // ("1,5" → "1.5"): read in the new format it would be wrong or another number. Text that was not a number
  // stays as typed. (Adjusting state while rendering, React's pattern for state derived from a prop.)
  const [textLang, setTextLang] = useState(lang);
  if (textLang !== lang) {
    const typed = parseNumberText(text, decimals, textLang);
    setTextLang(lang);
    if (typed !== null) setText(formatNumberText(typed, decimals, lang));
  }
  // The message is derived from the text at each render, never stored: switching the language re-words it.
  const verdict = judge(text);
  const error = verdict.ok ? undefined : verdict.error;
  const lastSent = useRef(value);
  // Follow outside changes (undo, another tab) without clobbering what the user is typing.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(formatNumberText(value, decimals, lang));
      onDraft?.(null);
    }
    // onDraft is a fresh closure on every render; following it would reset the field on each one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, decimals, lang]);
  const onChange = (t: string) => {
    setText(t);
    const v = judge(t);
    if (!v.ok) {
      onDraft?.(t);
      return;
    }
    onDraft?.(null);
    lastSent.current = v.value;
    onValue(v.value);
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
