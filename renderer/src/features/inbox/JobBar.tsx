import type { UseJobResult } from '../report/index';
import { useT } from '../../app/app-context';
import { inboxMessages } from './messages';

/** Progress bar, step label and cancel button of a running inbox job (import or ranking export). */
export const JobBar = ({ tracked, label }: { tracked: UseJobResult; label: string }) => {
  const t = useT(inboxMessages);
  const p = tracked.job?.progress;
  return (
    <div className="export-progress" data-testid="inbox-progress">
      <progress aria-label={`${t('progress')}: ${label}`} max={p && p.total > 0 ? p.total : undefined} value={p && p.total > 0 ? p.done : undefined} />
      <span className="small muted">{p?.label || t('starting')}</span>
      <button type="button" className="btn" disabled={tracked.cancelling} onClick={() => void tracked.cancel()}>
        {t('cancelJob')}
      </button>
    </div>
  );
};
