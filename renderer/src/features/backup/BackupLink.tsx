import { useT } from '../../app/app-context';
import { backupMessages } from './messages';
import './backup.css';

/** The top-bar link to the backup page. */
export const BackupLink = ({ current }: { current: boolean }) => {
  const t = useT(backupMessages);
  return (
    <a className="topbar-link" href="#/backup" aria-current={current ? 'page' : undefined}>
      {t('navLabel')}
    </a>
  );
};
