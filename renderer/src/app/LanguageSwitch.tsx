import { defineMessages } from '../i18n/messages';
import { useApp, useT } from './app-context';

const m = defineMessages({
  vi: { label: 'Ngôn ngữ', vi: 'Tiếng Việt', en: 'English' },
  en: { label: 'Language', vi: 'Tiếng Việt', en: 'English' },
});

export const LanguageSwitch = () => {
  const { lang, setLang } = useApp();
  const t = useT(m);
  return (
    <div className="lang-switch" role="group" aria-label={t('label')}>
      {(['vi', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          className={l === lang ? 'chip chip-active' : 'chip'}
          aria-pressed={l === lang}
          lang={l}
          onClick={() => setLang(l)}
        >
          {t(l)}
        </button>
      ))}
    </div>
  );
};
