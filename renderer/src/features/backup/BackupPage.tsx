import { useCallback, useState } from 'react';

import type { AutomaticBackup, BackupCreated, BackupRestored } from '../../../../shared/ipc/channels/backup';
import type { Job } from '../../../../shared/schemas/job';
import { formatBytes, formatDateTime } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { OneFilePick } from '../../components/OneFilePick';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { jobFailure, JobProgress, trackedProgress, useJob } from '../../jobs/index';
import { AutomaticList } from './AutomaticList';
import { RestoredTrust } from './RestoredTrust';
import { backupMessages } from './messages';
import './backup.css';

type Pending = { kind: 'file'; file: File } | { kind: 'pick' } | { kind: 'auto'; backup: AutomaticBackup };
type Active = { kind: 'create' | 'restore'; job: Job };

/**
 * Route '/backup' — "Sao lưu / Khôi phục": create one verified backup file (database + evidence), restore
 * from a file (native dialog in Electron, upload in the browser) or from an automatic backup. Restoring
 * replaces everything, so it always asks for confirmation first.
 */
export const BackupPage = () => {
  const t = useT(backupMessages);
  const lang = useLang();
  const platform = usePlatform();
  const [pending, setPending] = useState<Pending | null>(null);
  const [active, setActive] = useState<Active | null>(null);
  const [created, setCreated] = useState<BackupCreated | null>(null);
  const [restored, setRestored] = useState<BackupRestored | null>(null);
  const [note, setNote] = useNote(backupMessages);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  const automatic = useLoad(useCallback(() => platform.api.backup.list({}), [platform]));
  const list = automatic.data;
  const refresh = automatic.reload;

  const download = (r: BackupCreated) => (platform.kind === 'web' && r.downloadId ? platform.download(r.downloadId, r.fileName) : Promise.resolve());

  const tracked = useJob(active?.job.id ?? null, {
    initial: active?.job ?? null,
    onSettled: (job) => {
      refresh();
      if (job.state === 'cancelled') setNote((t) => t('cancelled'));
      else if (job.state === 'failed') setError(jobFailure(job));
      else if (active?.kind === 'create') {
        const r = job.result as BackupCreated;
        setCreated(r);
        download(r).catch(setError);
      } else setRestored(job.result as BackupRestored);
    },
  });
  const busy = starting || tracked.running;

  const start = async (kind: Active['kind'], run: () => Promise<Job>) => {
    setStarting(true);
    setError(null);
    setNote(null);
    setCreated(null);
    setRestored(null);
    try {
      setActive({ kind, job: await run() });
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  const confirmRestore = (p: Pending) => {
    setPending(null);
    void start('restore', async () => {
      if (p.kind === 'auto') return platform.api.backup.restore({ automaticName: p.backup.name });
      if (p.kind === 'pick') return platform.api.backup.restore({});
      const [up] = await platform.uploadFiles([p.file]);
      return platform.api.backup.restore({ uploadId: up!.uploadId });
    });
  };

  const confirmText = (p: Pending): string =>
    p.kind === 'file' ? t('confirmFile', { name: p.file.name }) : p.kind === 'pick' ? t('confirmPick') : t('confirmAuto', { time: formatDateTime(p.backup.createdAt, lang) });

  return (
    <div className="page backup-page">
      <section className="card" aria-labelledby="backup-title">
        <h1 id="backup-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </section>

      <section className="card" aria-labelledby="backup-create-title">
        <h2 id="backup-create-title">{t('createTitle')}</h2>
        <div className="actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void start('create', () => platform.api.backup.create({}))}>
            {t('create')}
          </button>
        </div>
        {created && (
          <p role="status" className="small" data-testid="backup-created">
            {t('created', { name: created.fileName, size: formatBytes(created.sizeBytes, lang), files: created.evidenceFiles })}
          </p>
        )}
        {created?.downloadId && platform.kind === 'web' && (
          <button type="button" className="btn" onClick={() => void download(created).catch(setError)}>
            {t('downloadAgain', { name: created.fileName })}
          </button>
        )}
      </section>

      <section className="card" aria-labelledby="backup-restore-title">
        <h2 id="backup-restore-title">{t('restoreTitle')}</h2>
        <p className="muted small">{t('restoreIntro')}</p>
        <OneFilePick label={t('fileLabel')} chooseLabel={t('chooseFile')} accept=".cchcbak" disabled={busy} onFile={(f) => setPending(f ? { kind: 'file', file: f } : { kind: 'pick' })} />
        {pending && (
          <div className="banner banner-warn" role="alertdialog" aria-labelledby="backup-confirm-text" data-testid="backup-confirm">
            <span id="backup-confirm-text">{confirmText(pending)}</span>
            <div className="actions">
              <button type="button" className="btn btn-danger" onClick={() => confirmRestore(pending)}>
                {t('confirm')}
              </button>
              <button type="button" className="btn" onClick={() => setPending(null)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
        {restored && (
          <div role="status" className="small" data-testid="backup-restored">
            <p>
              {t('restored', {
                time: formatDateTime(restored.createdAt, lang),
                assessments: restored.assessments,
                files: restored.evidenceFiles,
                safety: restored.safetyBackup,
              })}
            </p>
            <RestoredTrust trust={restored.trust} />
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                window.location.hash = '#/';
                window.location.reload();
              }}
            >
              {t('reload')}
            </button>
          </div>
        )}
      </section>

      {tracked.running && <JobProgress label={t('progress')} testId="backup-progress" {...trackedProgress(tracked)} />}
      {note && !busy && (
        <p role="status" className="small">
          {note}
        </p>
      )}
      <ErrorBanner error={error ?? tracked.error ?? automatic.error} onDismiss={() => setError(null)} />

      <AutomaticList backups={list?.backups ?? null} keep={list?.keep ?? 10} disabled={busy} onRestore={(b) => setPending({ kind: 'auto', backup: b })} />
    </div>
  );
};
