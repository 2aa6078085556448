import { useCallback, useState } from 'react';

import { bundleMessage, isBundleCode } from '../../../../shared/domain/bundle-codes';
import { personOf } from '../../../../shared/domain/distinguished-name';
import { formatBytes, formatDateTime } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { historyMessages } from './messages-history';

/** The stored self-check result is a code: worded here in the UI's language (an unknown one shows as stored). */

/**
 * Every bundle exported for the assessment, every revision: after a new revision the earlier bundles stay
 * listed and can be opened again (downloaded in the browser, shown in its folder in the desktop app).
 * The dashboard remounts it (React key) when the assessment changes (a new revision, an export).
 */
export const SubmissionHistory = ({ assessmentId }: { assessmentId: string }) => {
  const t = useT(historyMessages);
  const lang = useLang();
  const platform = usePlatform();
  const { api } = platform;
  const list = useLoad(
    useCallback(() => api.submission.history({ assessmentId }), [api, assessmentId]),
  );
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(historyMessages);
  const rows = list.data ?? [];
  if (!rows.length) return list.error ? <ErrorBanner error={list.error} /> : null;

  const open = async (bundleId: string) => {
    setError(null);
    setNote(null);
    try {
      const r = await api.submission.openBundle({ assessmentId, bundleId });
      if (r.downloadId) await platform.download(r.downloadId, r.fileName);
      else if (r.shown) setNote((t) => t('shown', { name: r.fileName }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="submission-history-title" data-testid="submission-history">
      <h3 id="submission-history-title">{t('title')}</h3>
      <div className="table-wrap">
        <table className="data-table small">
          <thead>
            <tr>
              <th scope="col">{t('revision')}</th>
              <th scope="col">{t('exportedAt')}</th>
              <th scope="col">{t('signer')}</th>
              <th scope="col">{t('file')}</th>
              <th scope="col">{t('check')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-revision={r.revision}>
                <td>{t('revisionN', { n: r.revision })}</td>
                <td>{formatDateTime(r.createdAt, lang)}</td>
                <td>{personOf(r.signerSubject).name}</td>
                <td>
                  {r.fileName} ({formatBytes(r.sizeBytes, lang)})
                </td>
                <td data-testid="history-check">
                  <span className="mono">{r.verificationCode}</span>
                  {isBundleCode(r.verificationCode) && <div className="small">{bundleMessage(r.verificationCode, lang)}</div>}
                </td>
                <td>
                  {r.available ? (
                    <button type="button" className="btn" onClick={() => void open(r.id)}>
                      {platform.kind === 'web' ? t('download', { n: r.revision }) : t('showInFolder', { n: r.revision })}
                    </button>
                  ) : (
                    <span className="muted">{t('missing')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {note && (
        <p className="small muted" role="status">
          {note}
        </p>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </section>
  );
};
