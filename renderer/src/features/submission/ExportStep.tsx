import { JobProgress, trackedProgress } from '../../jobs/index';
import type { UseJobResult } from '../../jobs/index';
import { useT } from '../../app/app-context';
import { submitMessages } from './messages';

/** Step 4: progress of the signing/export job with its current phase and a cancel button. */
export const ExportStep = ({ tracked }: { tracked: UseJobResult }) => {
  const t = useT(submitMessages);
  return (
    <JobProgress label={t('progress')} testId="submit-progress" {...trackedProgress(tracked)}>
      <p className="visually-hidden" role="status">
        {t('exporting')}
      </p>
    </JobProgress>
  );
};
