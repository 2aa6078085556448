import { useCallback, useState } from 'react';

import type { Language } from '../../../shared/schemas/settings';
import type { Messages } from '../i18n/messages';
import { useLang, useT } from './app-context';

type Translate<K extends string> = ReturnType<typeof useT<K>>;

/**
 * How a note is worded: with the translator and language of the moment it is shown (numbers and sizes are
 * formatted per language too), so it follows a language switch.
 */
export type Wording<K extends string> = (t: Translate<K>, lang: Language) => string;

/** The wording type of a feature's messages: `WordingOf<typeof resultsMessages>`. */
export type WordingOf<M> = M extends Messages<infer K> ? Wording<K> : never;

/**
 * A note a page shows after an action ("Đã lưu…", "Đã hủy."). It is kept as its wording, not as the text it
 * had when it was said, so switching the language rewords it instead of leaving Vietnamese on an English page.
 * `const [note, setNote] = useNote(messages); setNote((t) => t('saved', { year }))`; `setNote(null)` clears it.
 */
export const useNote = <K extends string>(m: Messages<K>, initial?: () => Wording<K> | null): [string | null, (wording: Wording<K> | null) => void] => {
  const t = useT(m);
  const lang = useLang();
  // A function in state goes in through the initialiser and the updater form: setWording(() => w).
  const [wording, setWording] = useState<Wording<K> | null>(() => initial?.() ?? null);
  const say = useCallback((w: Wording<K> | null) => setWording(() => w), []);
  return [wording ? wording(t, lang) : null, say];
};
