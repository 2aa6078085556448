import type { AutomaticBackup } from '../../../../shared/ipc/channels/backup';
import { formatBytes, formatDateTime } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { backupMessages } from './messages';

export type AutomaticListProps = {
  backups: AutomaticBackup[] | null;
  keep: number;
  disabled: boolean;
  onRestore: (b: AutomaticBackup) => void;
};

/** The automatic backups kept in the data folder, newest first, each restorable. */
export const AutomaticList = ({ backups, keep, disabled, onRestore }: AutomaticListProps) => {
  const t = useT(backupMessages);
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="backup-auto-title">
      <h2 id="backup-auto-title">{t('autoTitle')}</h2>
      <p className="muted small">{t('autoIntro', { keep })}</p>
      {backups === null && <p className="muted">{t('loading')}</p>}
      {backups?.length === 0 && <p className="muted">{t('autoEmpty')}</p>}
      {backups && backups.length > 0 && (
        <table className="backup-table" data-testid="backup-auto-list">
          <thead>
            <tr>
              <th scope="col">{t('colTime')}</th>
              <th scope="col">{t('colReason')}</th>
              <th scope="col">{t('colSize')}</th>
              <th scope="col">{t('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt, lang)}</td>
                <td>{t(`reason_${b.reason}`)}</td>
                <td>{formatBytes(b.sizeBytes, lang)}</td>
                <td>
                  <button type="button" className="btn" disabled={disabled} onClick={() => onRestore(b)}>
                    {t('restoreThis')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
