import { useState } from 'react';

import type { ExportResult } from '../../../../shared/ipc/channels/report';
import type { Job } from '../../../../shared/schemas/job';
import { formatBytes } from '../../../../shared/format/index';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { jobFailure, JobProgress, trackedProgress, useJob } from '../../jobs/index';
import { documentMessages } from './document-messages';
import { exportMessages } from './messages';
import './report.css';

type Format = 'xlsx' | 'pdf';
type Started = { format: Format; job: Job };
type Finished = { jobId: string; result: ExportResult };

export type ExportButtonsProps = {
  assessmentId: string;
  /** Runs before each export (e.g. save pending edits so the file has them). */
  beforeExport?: () => Promise<void>;
};

const isExportResult = (v: unknown): v is ExportResult =>
  typeof v === 'object' && v !== null && typeof (v as ExportResult).fileName === 'string' && ((v as ExportResult).format === 'xlsx' || (v as ExportResult).format === 'pdf');

/**
 * "Xuất bảng tự đánh giá (Excel)" / "Xuất báo cáo (PDF)": starts the export job, shows its progress with a
 * cancel button, then downloads the file (web host) or offers "Mở thư mục" (Electron, the file is saved).
 */
export const ExportButtons = ({ assessmentId, beforeExport }: ExportButtonsProps) => {
  const t = useT(exportMessages);
  const platform = usePlatform();
  const [started, setStarted] = useState<Started | null>(null);
  const [finished, setFinished] = useState<Finished | null>(null);
  const [note, setNote] = useNote(exportMessages);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const [dismissedPollError, setDismissedPollError] = useState<unknown>(null);
  const [draft, setDraft] = useState(false);
  const td = useT(documentMessages);

  const download = async (r: ExportResult) => {
    if (platform.kind === 'web' && r.downloadId) await platform.download(r.downloadId, r.fileName);
  };

  const tracked = useJob(started?.job.id ?? null, {
    initial: started?.job ?? null,
    onSettled: (job) => {
      if (job.state === 'done' && isExportResult(job.result)) {
        const result = job.result;
        setFinished({ jobId: job.id, result });
        setNote((t, lang) => t('done', { name: result.fileName, size: formatBytes(result.sizeBytes, lang) }));
        download(result).catch(setError);
      } else if (job.state === 'cancelled') setNote((t) => t('cancelled'));
      else setError(jobFailure(job));
    },
  });
  const busy = starting || tracked.running;

  const run = async (format: Format) => {
    setStarting(true);
    setError(null);
    setNote(null);
    setFinished(null);
    try {
      await beforeExport?.();
      const job =
        format === 'xlsx'
          ? await platform.api.report.xlsx({ assessmentId })
          : await platform.api.report.pdf(draft ? { assessmentId, draft: true } : { assessmentId });
      setStarted({ format, job });
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  const showInFolder = async (jobId: string) => {
    setError(null);
    try {
      await platform.api.report.showInFolder({ jobId });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="export-buttons" data-testid="export-buttons">
      <div className="actions">
        {(['xlsx', 'pdf'] as const).map((format) => (
          <button key={format} type="button" className={format === 'xlsx' ? 'btn btn-primary' : 'btn'} disabled={busy} onClick={() => void run(format)}>
            {t(format)}
          </button>
        ))}
      </div>
      <label className="choice">
        <input type="checkbox" name="pdf-draft" checked={draft} disabled={busy} onChange={(e) => setDraft(e.target.checked)} />
        {td('draft')}
      </label>
      <p className="muted small">{td('draftHint')}</p>
      {busy && <JobProgress label={t('progressLabel')} {...trackedProgress(tracked)} />}
      <p role="status" className="small export-status" data-testid="export-status">
        {busy ? '' : (note ?? '')}
      </p>
      {!busy && finished && (
        <div className="actions">
          {platform.kind === 'web' && finished.result.downloadId ? (
            <button type="button" className="btn" onClick={() => void download(finished.result).catch(setError)}>
              {t('downloadAgain', { name: finished.result.fileName })}
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => void showInFolder(finished.jobId)}>
              {t('openFolder')}
            </button>
          )}
        </div>
      )}
      <ErrorBanner
        error={error ?? (tracked.error === dismissedPollError ? null : tracked.error)}
        onDismiss={() => {
          setError(null);
          setDismissedPollError(tracked.error);
        }}
      />
    </div>
  );
};
