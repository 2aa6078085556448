import { lazy, Suspense, useState } from 'react';

import type { ReplyExportResult, ReplyView } from '../../../../shared/ipc/channels/reply';
import type { ChosenKey } from '../../../../shared/ipc/channels/signing';
import { formatDateTime } from '../../../../shared/format/index';
import type { Job } from '../../../../shared/schemas/job';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgress, runJob } from '../../jobs/index';
import { replyMessages } from './messages';

// Loaded on demand like the round export's key step (the submission feature is heavy and imports others).
const KeyStep = lazy(async () => ({ default: (await import('../submission/index')).KeyStep }));

type KeySecret = { kind: 'p12'; password: string } | { kind: 'pkcs11'; pin: string };

/**
 * Signs and exports the giải trình with the same key choice as a submission; the backend refuses outside
 * the window (each side with its reason), against anything but the latest result, or once the round closed.
 */
export const ExplanationExport = ({ view, dirty, onDone }: { view: ReplyView; dirty: boolean; onDone: () => void }) => {
  const t = useT(replyMessages);
  const lang = useLang();
  const platform = usePlatform();
  const [choosing, setChoosing] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(replyMessages);

  const exportWith = async (preview: ChosenKey, secret: KeySecret) => {
    setError(null);
    setChoosing(false);
    try {
      const started = await platform.api.reply.export({ resultId: view.resultId, keyId: preview.keyId, ...(secret.kind === 'p12' ? { password: secret.password } : { pin: secret.pin }) });
      const done = await runJob(platform.api, started, { onUpdate: setJob });
      const r = done.result as ReplyExportResult;
      if (platform.kind === 'web' && r.downloadId) await platform.download(r.downloadId, r.fileName);
      setNote((t) => t('exported', { name: r.fileName, revision: r.revision, status: r.code }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setJob(null);
    }
  };

  return (
    <section className="card" aria-labelledby="export-title" data-testid="reply-export">
      <h3 id="export-title">{t('exportTitle')}</h3>
      {dirty && <p className="banner banner-warn">{t('unsaved')}</p>}
      {job ? (
        <JobProgress label={t('exporting')} progress={job.progress} onCancel={() => void platform.api.jobs.cancel({ jobId: job.id })} />
      ) : choosing ? (
        <Suspense fallback={null}>
          <KeyStep onOpened={(p, s) => void exportWith(p, s)} onBack={() => setChoosing(false)} />
        </Suspense>
      ) : (
        <div className="actions">
          <button type="button" className="btn btn-primary" disabled={dirty || view.final !== null} onClick={() => setChoosing(true)}>
            {t('exportStart')}
          </button>
        </div>
      )}
      <p role="status" className="small" data-testid="reply-export-note">
        {note}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {view.sent.length > 0 && (
        <>
          <h4>{t('sentTitle')}</h4>
          <ul data-testid="reply-sent">
            {view.sent.map((s) => (
              <li key={s.revision}>{t('sentRow', { revision: s.revision, name: s.fileName, at: formatDateTime(s.sentAt, lang), resultRevision: s.resultRevision })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
