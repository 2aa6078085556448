import type { UseJobResult } from '../report/index';
import { useT } from '../../app/app-context';
import { backupMessages } from './messages';

/** Progress bar, step label and a cancel button for the running backup/restore job. */
export const JobProgress = ({ tracked }: { tracked: UseJobResult }) => {
  const t = useT(backupMessages);
  const p = tracked.job?.progress;
  return (
    <div className="export-progress" data-testid="backup-progress">
      <progress aria-label={t('progress')} max={p && p.total > 0 ? p.total : undefined} value={p && p.total > 0 ? p.done : undefined} />
      <span className="small muted">{p?.label || t('starting')}</span>
      <button type="button" className="btn" disabled={tracked.cancelling} onClick={() => void tracked.cancel()}>
        {t('cancelJob')}
      </button>
    </div>
  );
};
