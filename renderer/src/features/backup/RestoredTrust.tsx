import type { BackupRestored } from '../../../../shared/ipc/channels/backup';
import { formatLocalDate } from '../../../../shared/format/index';
import { useT } from '../../app/app-context';
import { commonName } from '../../components/cert-names';
import { groupedFingerprint } from '../submission/index';
import { backupMessages } from './messages';

/**
 * The trust anchors and CRLs after a restore, the ones the backup added marked "Mới": a restore changes
 * what every later verification trusts, so the appraiser sees it instead of finding out later.
 */
export const RestoredTrust = ({ trust }: { trust: BackupRestored['trust'] }) => {
  const t = useT(backupMessages);
  const added = new Set(trust.added);
  return (
    <div data-testid="backup-restored-trust">
      <h3>{t('trustTitle')}</h3>
      <p className="small">{t('trustIntro')}</p>
      {trust.entries.length === 0 ? (
        <p className="small">{t('trustNone')}</p>
      ) : (
        <table className="backup-table">
          <thead>
            <tr>
              <th scope="col">{t('trustColSubject')}</th>
              <th scope="col">{t('trustColKind')}</th>
              <th scope="col">{t('trustColUntil')}</th>
              <th scope="col">{t('trustColFingerprint')}</th>
            </tr>
          </thead>
          <tbody>
            {trust.entries.map((e) => (
              <tr key={e.fingerprint} data-added={added.has(e.fingerprint) ? 'yes' : 'no'}>
                <td>
                  {commonName(e.subject)} {added.has(e.fingerprint) && <strong className="backup-new">{t('trustNew')}</strong>}
                </td>
                <td>{e.kind === 'anchor' ? t('trustKindAnchor') : t('trustKindCrl')}</td>
                <td>{e.notAfter ? formatLocalDate(e.notAfter) : '—'}</td>
                <td>
                  <code>{groupedFingerprint(e.fingerprint)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
