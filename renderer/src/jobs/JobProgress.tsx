import type { ReactNode } from 'react';

import type { Job } from '../../../shared/schemas/job';
import { progressText } from '../../../shared/domain/progress-steps';
import { useLang, useT } from '../app/app-context';
import { jobMessages } from './messages';
import type { UseJobResult } from './use-job';

export type JobProgressProps = {
  /** The bar's accessible name ("Tiến độ xuất tệp"). */
  label: string;
  /** Done/total and the current step; null while the job is being started (the bar is indeterminate). */
  progress: Job['progress'] | null;
  /** Replaces the step text (e.g. "Đang tải tệp lên…" before the job exists). */
  status?: string;
  /** Absent: nothing can be cancelled yet, no button. */
  onCancel?: () => void;
  cancelling?: boolean;
  testId?: string;
  children?: ReactNode;
};

/** The one progress bar of long work: a bar (determinate once the job reports a total), its step, a cancel button. */
export const JobProgress = ({ label, progress, status, onCancel, cancelling = false, testId, children }: JobProgressProps) => {
  const t = useT(jobMessages);
  const lang = useLang();
  const known = progress && progress.total > 0 ? progress : null;
  // The step in the language shown (the Vietnamese label is the backend's own record of it).
  const step = progress?.step ? progressText(progress.step, lang) : progress?.label;
  return (
    <div className="export-progress" data-testid={testId}>
      {children}
      <progress aria-label={label} max={known ? known.total : undefined} value={known ? known.done : undefined} />
      <span className="small muted">{status ?? (step || t('starting'))}</span>
      {onCancel && (
        <button type="button" className="btn" disabled={cancelling} onClick={onCancel}>
          {cancelling ? t('cancelling') : t('cancel')}
        </button>
      )}
    </div>
  );
};

/** The progress/cancel props of a job followed with useJob (no cancel once it has ended). */
export const trackedProgress = (tracked: UseJobResult): Pick<JobProgressProps, 'progress' | 'onCancel' | 'cancelling'> => ({
  progress: tracked.running ? (tracked.job?.progress ?? null) : null,
  cancelling: tracked.cancelling,
  ...(tracked.running ? { onCancel: () => void tracked.cancel() } : {}),
});
