import { BackupLink } from '../features/backup/index';
import { defineMessages } from '../i18n/messages';
import { useT } from './app-context';
import { navFor, useRole } from './role-context';
import type { NavEntry } from './role-context';

const m = defineMessages({
  vi: { nav: 'Chức năng chung', sets: 'Bộ chỉ số', verify: 'Kiểm tra hồ sơ', inbox: 'Tiếp nhận hồ sơ', registry: 'Sổ đăng ký', round: 'Đợt đánh giá', decisions: 'Giải trình, kết quả', reply: 'Kết quả thẩm định', help: 'Trợ giúp' },
  en: { nav: 'General', sets: 'Indicator sets', verify: 'Verify a bundle', inbox: 'Received bundles', registry: 'Register', round: 'Assessment round', decisions: 'Explanations, results', reply: 'Appraisal result', help: 'Help' },
});

const HREF: Record<Exclude<NavEntry, 'backup'>, string> = { sets: '#/sets', verify: '#/verify', inbox: '#/inbox', registry: '#/registry', round: '#/round', decisions: '#/decisions', reply: '#/reply', help: '#/help' };

/** The entry whose section holds `path` ("/inbox/<id>" is under "#/inbox"): the page the user is on. */
export const isCurrent = (href: string, path: string): boolean => {
  const section = href.replace(/^#/, '');
  return path === section || path.startsWith(`${section}/`);
};

/**
 * App-wide pages that do not belong to one assessment: the entries of the chosen role (role-context.tsx). The
 * one the user is on is marked (aria-current), so a screen reader says it and the menu shows it.
 */
export const TopNav = ({ path }: { path: string }) => {
  const t = useT(m);
  const { role } = useRole();
  return (
    <nav className="topnav" aria-label={t('nav')}>
      {navFor(role).map((e) =>
        e === 'backup' ? (
          <BackupLink key={e} current={isCurrent('#/backup', path)} />
        ) : (
          <a key={e} className="topbar-link" href={HREF[e]} aria-current={isCurrent(HREF[e], path) ? 'page' : undefined}>
            {t(e)}
          </a>
        ),
      )}
    </nav>
  );
};
