import type { ExplanationBatchResult } from '../../../../shared/ipc/channels/decisions';
import { AppFailure } from '../../../../shared/ipc/result';
import { useT } from '../../app/app-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { decisionsMessages } from './messages';

/** One line per imported file: what was stored, or why it was refused (nothing stored). */
export const OutcomeList = ({ outcomes }: { outcomes: ExplanationBatchResult['outcomes'] }) => {
  const t = useT(decisionsMessages);
  return (
    <ul className="small" data-testid="decisions-outcomes">
      {outcomes.map((o, i) => (
        <li key={`${i}-${o.fileName}`}>
          {o.result ? (
            <span role="status">
              {t('importedOne', { file: o.fileName, revision: o.result.revision, unit: o.result.unitName, items: o.result.items, files: o.result.evidenceCount })}
              {o.result.supersededRevision !== null ? ` ${t('supersededOne', { revision: o.result.supersededRevision })}` : ''}
            </span>
          ) : (
            <>
              <span>{t('refusedOne', { file: o.fileName })}</span>
              {o.error && <ErrorBanner error={AppFailure.fromError(o.error)} />}
            </>
          )}
        </li>
      ))}
    </ul>
  );
};
