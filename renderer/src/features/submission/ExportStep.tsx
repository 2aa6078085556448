import type { UseJobResult } from '../report/index';
import { useT } from '../../app/app-context';
import { submitMessages } from './messages';

/** Step 4: progress of the signing/export job with its current phase and a cancel button. */
export const ExportStep = ({ tracked }: { tracked: UseJobResult }) => {
  const t = useT(submitMessages);
  const p = tracked.job?.progress;
  return (
    <div className="export-progress" data-testid="submit-progress">
      <p className="visually-hidden" role="status">
        {t('exporting')}
      </p>
      <progress aria-label={t('progress')} max={p && p.total > 0 ? p.total : undefined} value={p && p.total > 0 ? p.done : undefined} />
      <span className="small muted">{p?.label || t('starting')}</span>
      <button type="button" className="btn" disabled={tracked.cancelling || !tracked.running} onClick={() => void tracked.cancel()}>
        {tracked.cancelling ? t('cancelling') : t('cancel')}
      </button>
    </div>
  );
};
