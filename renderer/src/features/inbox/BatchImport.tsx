import { useState } from 'react';

import { bundleMessage, isBundleCode } from '../../../../shared/domain/bundle-codes';
import { INBOX_BATCH_MAX_BYTES, INBOX_BATCH_MAX_FILES } from '../../../../shared/ipc/channels/inbox';
import type { InboxBatchFile, InboxBatchResult } from '../../../../shared/ipc/channels/inbox';
import { AppFailure } from '../../../../shared/ipc/result';
import type { Job } from '../../../../shared/schemas/job';
import type { Language } from '../../../../shared/schemas/settings';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { ErrorBanner, errorMessage, refusalMessage } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { FileInput } from '../../components/FileInput';
import { JobProgress, jobFailure, trackedProgress, useJob, useSingleFlight } from '../../jobs/index';
import { batchMessages } from './batch-messages';

/** The per-file summary a cancelled batch carries in its failure's details (services/inbox/import-batch.ts). */
const filesOfCancel = (job: Job): InboxBatchFile[] => {
  const files = (job.error?.details as { files?: unknown } | undefined)?.files;
  return Array.isArray(files) ? (files as InboxBatchFile[]) : [];
};

/**
 * A refused row's sentence: its code is already in the row's heading ("Từ chối (E_REPLAY):"), so a plain
 * verification or register refusal shows only what the code means (and the rule's data), not
 * "Hồ sơ bị từ chối (E_REPLAY): …" once more.
 */
const rowMessage = (f: Extract<InboxBatchFile, { outcome: 'refused' }>, lang: Language): string => {
  if (!isBundleCode(f.code)) return refusalMessage(f, lang);
  if (f.reason === 'BUNDLE_REFUSED') return bundleMessage(f.code, lang);
  // A register rule: its detail is data (unit code, year, revision), the same in both languages.
  const detail = f.params?.['detail'];
  if (f.reason === 'BUNDLE_REFUSED_DETAIL' && typeof detail === 'string') return `${bundleMessage(f.code, lang).replace(/\.$/, '')} (${detail}).`;
  return refusalMessage(f, lang);
};

/**
 * "Nhận hàng loạt": a whole block's packages at once. In the browser the user picks the files (uploaded, then
 * imported by id); in the app the backend opens a folder dialog itself (no path ever comes from here). Count
 * and total size are checked before anything is uploaded; the backend checks them again.
 */
export const BatchImport = ({ busy, onFinished }: { busy: boolean; onFinished: () => void }) => {
  const t = useT(batchMessages);
  const lang = useLang();
  const platform = usePlatform();
  const [job, setJob] = useState<Job | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Kept as data, worded when shown: a switch of language rewords the summary too.
  const [summary, setSummary] = useState<{ files: InboxBatchFile[]; counts: InboxBatchResult | null; cancel: Job['error'] | null } | null>(null);

  const flight = useSingleFlight();
  const tracked = useJob(job?.id ?? null, {
    initial: job,
    onSettled: (j) => {
      flight.release();
      if (j.state === 'done') {
        const r = j.result as InboxBatchResult;
        setSummary({ files: r.files, counts: r, cancel: null });
      } else if (j.state === 'cancelled') {
        setSummary({ files: filesOfCancel(j), counts: null, cancel: j.error ?? null });
      } else setError(jobFailure(j));
      onFinished();
    },
  });
  const running = starting || tracked.running;

  const start = async (upload: () => Promise<{ uploadIds?: string[] }>) => {
    if (!flight.claim()) return;
    setError(null);
    setSummary(null);
    setStarting(true);
    try {
      setJob(await platform.api.inbox.importBatch(await upload()));
    } catch (e) {
      flight.release();
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  const fromFiles = (files: File[]) =>
    void start(async () => {
      const size = files.reduce((n, f) => n + f.size, 0);
      if (files.length > INBOX_BATCH_MAX_FILES) throw AppFailure.of('INBOX_BATCH_TOO_MANY', { count: files.length, max: INBOX_BATCH_MAX_FILES });
      if (size > INBOX_BATCH_MAX_BYTES) throw AppFailure.of('INBOX_BATCH_TOO_LARGE', { size, max: INBOX_BATCH_MAX_BYTES });
      if (files.length === 0) throw AppFailure.of('INBOX_BATCH_EMPTY');
      const ups = await platform.uploadFiles(files);
      return { uploadIds: ups.map((u) => u.uploadId) };
    });

  return (
    <section className="card" aria-labelledby="inbox-batch-title" data-testid="inbox-batch">
      <h2 id="inbox-batch-title">{t('title')}</h2>
      <p className="muted">{t('intro', { max: INBOX_BATCH_MAX_FILES })}</p>
      {platform.kind === 'electron' ? (
        <button type="button" className="btn" disabled={busy || running} onClick={() => void start(async () => ({}))}>
          {t('chooseFolder')}
        </button>
      ) : (
        <Field label={t('filesLabel')}>
          {(p) => (
            <FileInput
              {...p}
              multiple
              accept=".asice"
              disabled={busy || running}
              data-testid="inbox-batch-files"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length > 0) fromFiles(files);
              }}
            />
          )}
        </Field>
      )}
      {tracked.running && <JobProgress label={t('progress')} testId="inbox-batch-progress" {...trackedProgress(tracked)} />}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {summary && (
        <div data-testid="inbox-batch-summary">
          <p role="status" className="small">
            {summary.counts
              ? t('done', { accepted: summary.counts.accepted, refused: summary.counts.refused, total: summary.counts.total })
              : summary.cancel
                ? errorMessage(AppFailure.fromError(summary.cancel), lang)
                : t('cancelled')}
          </p>
          {summary.files.length > 0 && (
            <table className="inbox-table">
              <caption>{t('summaryCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('file')}</th>
                  <th scope="col">{t('outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.files.map((f, i) => (
                  <tr key={`${i}-${f.name}`} data-testid="inbox-batch-row">
                    <td>{f.name}</td>
                    {f.outcome === 'accepted' ? (
                      <td data-outcome="accepted">
                        {t('accepted', { unit: f.unitName, revision: f.revision })}{' '}
                        <a href={`#/inbox/${encodeURIComponent(f.importId)}`}>{t('open')}</a>
                      </td>
                    ) : (
                      <td data-outcome="refused">
                        <strong>{t('refused', { code: f.code })}</strong> {rowMessage(f, lang)}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
};
