import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';

import type { Language, Role } from '../../shared/schemas/settings';
import { App } from './app/App';
import { AppProvider } from './app/app-context';
import { RoleProvider } from './app/role-context';
import { ErrorBanner, errorMessage } from './components/ErrorBanner';
import { createPlatform } from './platform/index';
import type { Platform } from './platform/index';
import './styles.css';

const Root = ({ platform }: { platform: Platform }) => {
  const [lang, setLangState] = useState<Language>('vi');
  const [role, setRoleState] = useState<Role | null>(null);
  // The app still works when the preference cannot be read or saved (Vietnamese, the default), but the user
  // is told: a language that silently resets at every start would look like a bug.
  const [prefError, setPrefError] = useState<unknown>(null);
  useEffect(() => {
    platform.api.settings.get({}).then((s) => {
      setLangState(s.language);
      setRoleState(s.role);
    }, setPrefError);
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
        platform.api.settings.update({ language: l }).then(() => setPrefError(null), setPrefError);
      },
    }),
    [platform, lang],
  );
  const roleValue = useMemo(
    () => ({
      role,
      setRole: (r: Role) => {
        setRoleState(r);
        platform.api.settings.update({ role: r }).then(() => setPrefError(null), setPrefError);
      },
    }),
    [platform, role],
  );
  return (
    <AppProvider value={value}>
      <ErrorBanner error={prefError} onDismiss={() => setPrefError(null)} />
      <RoleProvider value={roleValue}>
        <App />
      </RoleProvider>
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
