import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';

import type { Language } from '../../../shared/schemas/settings';
import type { Messages } from '../i18n/messages';
import { translate } from '../i18n/messages';
import type { Platform } from '../platform/index';

export type AppContextValue = {
  platform: Platform;
  lang: Language;
  setLang: (lang: Language) => void;
};

const AppContext = createContext<AppContextValue | null>(null);

export const AppProvider = ({ value, children }: { value: AppContextValue; children: ReactNode }) => (
  <AppContext.Provider value={value}>{children}</AppContext.Provider>
);

export const useApp = (): AppContextValue => {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppProvider');
  return v;
};

export const usePlatform = (): Platform => useApp().platform;
export const useLang = (): Language => useApp().lang;

/** `const t = useT(messages); t('key', { n: 3 })` */
export const useT = <K extends string>(m: Messages<K>) => {
  const { lang } = useApp();
  const t = useCallback((key: K, params?: Record<string, string | number>) => translate(m, lang, key, params), [m, lang]);
  return useMemo(() => t, [t]);
};
