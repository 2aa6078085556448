import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';

import type { Language } from '../../shared/schemas/settings';
import { App } from './app/App';
import { AppProvider } from './app/app-context';
import { errorMessage } from './components/ErrorBanner';
import { createPlatform } from './platform/index';
import type { Platform } from './platform/index';
import './styles.css';

const Root = ({ platform }: { platform: Platform }) => {
  const [lang, setLangState] = useState<Language>('vi');
  useEffect(() => {
    platform.api.settings.get({}).then((s) => setLangState(s.language), () => {});
  }, [platform]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(
    () => ({
      platform,
      lang,
      setLang: (l: Language) => {
        setLangState(l);
        void platform.api.settings.update({ language: l }).catch(() => {});
      },
    }),
    [platform, lang],
  );
  return (
    <AppProvider value={value}>
      <App />
    </AppProvider>
  );
};

const rootEl = document.getElementById('root')!;
try {
  const platform = createPlatform();
  createRoot(rootEl).render(
    <StrictMode>
      <Root platform={platform} />
    </StrictMode>,
  );
} catch (e) {
  rootEl.textContent = errorMessage(e);
}
