import { useState } from 'react';

import type { SubmissionExportResult } from '../../../../shared/ipc/channels/submission';
import { formatBytes } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { dashboardHref } from '../assessments/index';
import { submitMessages } from './messages';
import { StatusBanner } from './StatusBanner';

/**
 * Steps 5–6: the built-in verification of the file just written, its name, size, SHA-256 and revision; a
 * download (web host) or "Mở thư mục" (Electron); then the lock notice with the way back to the dashboard.
 */
export const ResultStep = ({ assessmentId, jobId, result }: { assessmentId: string; jobId: string; result: SubmissionExportResult }) => {
  const t = useT(submitMessages);
  const lang = useLang();
  const platform = usePlatform();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(submitMessages);

  const download = async () => {
    setError(null);
    try {
      if (result.downloadId) await platform.download(result.downloadId, result.fileName);
    } catch (e) {
      setError(e);
    }
  };
  const showInFolder = async () => {
    setError(null);
    setNote(null);
    try {
      const r = await platform.api.submission.showInFolder({ jobId });
      if (!r.shown) setNote((t) => t('notShown'));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="submit-result">
      <h3>{t('resultTitle')}</h3>
      <StatusBanner
        status={result.status}
        code={result.code}
        message={result.message}
        warnings={result.warnings}
        testId="submit-verdict"
        warningsTestId="submit-warnings"
      />
      <dl className="cert-details" data-testid="submit-file">
        <dt>{t('fileName')}</dt>
        <dd>{result.fileName}</dd>
        <dt>{t('size')}</dt>
        <dd>{formatBytes(result.sizeBytes, lang)}</dd>
        <dt>{t('sha256')}</dt>
        <dd className="mono fingerprint">{result.sha256}</dd>
        <dt>{t('revision')}</dt>
        <dd>{result.revision}</dd>
      </dl>
      <div className="actions">
        {platform.kind === 'web' && result.downloadId ? (
          <button type="button" className="btn btn-primary" onClick={() => void download()}>
            {t('download', { name: result.fileName })}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => void showInFolder()}>
            {t('openFolder')}
          </button>
        )}
      </div>
      {note && <p className="small muted" role="status">{note}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p className="small">{t('sendNote')}</p>
      <section className="banner banner-warn lock-notice" aria-labelledby="submit-locked" data-testid="submit-locked">
        <div>
          <h3 id="submit-locked">{t('lockedTitle')}</h3>
          <p>{t('lockedText', { n: result.revision })}</p>
          <a className="btn" href={dashboardHref(assessmentId)}>
            {t('toDashboard')}
          </a>
        </div>
      </section>
    </div>
  );
};
