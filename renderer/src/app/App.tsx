import { Suspense, useMemo } from 'react';

import { defineMessages } from '../i18n/messages';
import { useT } from './app-context';
import { LanguageSwitch } from './LanguageSwitch';
import { parseRoute, useHashPath } from './router';
import { ROUTES } from './routes';
import { TopNav } from './TopNav';

const m = defineMessages({
  vi: { appName1: 'Tự đánh giá', appName2: 'Chỉ số CCHC', skip: 'Bỏ qua tới nội dung chính', notFound: 'Không tìm thấy trang.', home: 'Trang đầu', loading: 'Đang tải…' },
  en: { appName1: 'PAR Index', appName2: 'self-assessment', skip: 'Skip to main content', notFound: 'Page not found.', home: 'Home', loading: 'Loading…' },
});

export const App = () => {
  const t = useT(m);
  const hash = useHashPath();
  const route = useMemo(() => parseRoute(hash, ROUTES.map((r) => r.pattern)), [hash]);
  const def = ROUTES.find((r) => r.pattern === route.pattern);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skip')}
      </a>
      <header className="topbar">
        <a className="brand" href="#/" aria-label={t('home')}>
          {/* Two fixed lines, so the menu beside it keeps one line at 1366 px (styles.css .brand). */}
          <span className="brand-line">{t('appName1')}</span> <span className="brand-line">{t('appName2')}</span>
        </a>
        <TopNav path={route.path} />
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="page muted">{t('loading')}</p>}>
          {def ? def.render(route.params) : <p className="page">{t('notFound')} <a href="#/">{t('home')}</a></p>}
        </Suspense>
      </main>
    </>
  );
};
