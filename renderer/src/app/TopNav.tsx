import { BackupLink } from '../features/backup/index';
import { defineMessages } from '../i18n/messages';
import { useT } from './app-context';

const m = defineMessages({
  vi: { nav: 'Chức năng chung', sets: 'Bộ chỉ số', verify: 'Kiểm tra hồ sơ', inbox: 'Tiếp nhận hồ sơ', registry: 'Sổ đăng ký', round: 'Đợt đánh giá', help: 'Trợ giúp' },
  en: { nav: 'General', sets: 'Indicator sets', verify: 'Verify a bundle', inbox: 'Received bundles', registry: 'Register', round: 'Assessment round', help: 'Help' },
});

/** App-wide pages that do not belong to one assessment. */
export const TopNav = () => {
  const t = useT(m);
  return (
    <nav className="topnav" aria-label={t('nav')}>
      <a className="topbar-link" href="#/sets">
        {t('sets')}
      </a>
      <a className="topbar-link" href="#/verify">
        {t('verify')}
      </a>
      <a className="topbar-link" href="#/inbox">
        {t('inbox')}
      </a>
      <a className="topbar-link" href="#/registry">
        {t('registry')}
      </a>
      <a className="topbar-link" href="#/round">
        {t('round')}
      </a>
      <BackupLink />
      <a className="topbar-link" href="#/help">
        {t('help')}
      </a>
    </nav>
  );
};
