import type { ReceivedRound } from '../../../../shared/ipc/channels/round';
import { formatDate } from '../../../../shared/format/index';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { OneFilePick } from '../../components/OneFilePick';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgress, useFileJob } from '../../jobs/index';
import { roundMessages } from './messages';

/**
 * The unit's side: import Sở Nội vụ's round package (verified in the backend's worker against the trust
 * anchors above; refused with its check code and nothing stored), then the rounds held with their binding.
 */
export const ReceivedRounds = ({ received, onChanged }: { received: ReceivedRound[]; onChanged: () => void }) => {
  const t = useT(roundMessages);
  const platform = usePlatform();
  const [note, setNote] = useNote(roundMessages);
  const imp = useFileJob<{ year: number; revision: number }>((input) => platform.api.round.import(input), {
    started: () => setNote(null),
    done: (r) => {
      setNote((t) => t('imported', { year: r.year, revision: r.revision }));
      onChanged();
    },
  });

  return (
    <section className="card" aria-labelledby="received-title" data-testid="received-rounds">
      <h2 id="received-title">{t('receivedTitle')}</h2>
      <OneFilePick label={t('importFile')} chooseLabel={t('importChoose')} accept=".asice" disabled={imp.busy} onFile={(f) => void imp.run(f)} />
      {imp.busy && <JobProgress label={t('importing')} progress={imp.job?.progress ?? null} />}
      <p role="status" className="small" data-testid="round-import-note">
        {note}
      </p>
      <ErrorBanner error={imp.error} onDismiss={imp.clearError} />
      {received.length === 0 ? (
        <p className="muted">{t('noneReceived')}</p>
      ) : (
        <ul className="round-list">
          {received.map((r) => (
            <li key={r.roundId} data-testid="received-round">
              <strong>{t('receivedRow', { year: r.year, issuer: r.issuer.name, revision: r.revision })}</strong>
              {r.officialSet && <div>{t('officialSet', { id: r.officialSet.setId, version: r.officialSet.setVersion })}</div>}
              <div>{t('deadlines', { due: formatDate(r.deadlines.selfAssessmentDue), start: formatDate(r.deadlines.explanationStart), end: formatDate(r.deadlines.explanationEnd) })}</div>
              <div data-testid="round-bound">{t('bound', { n: r.boundAssessmentIds.length })}</div>
              {r.otherSetAssessmentIds.length > 0 && <div className="banner banner-warn">{t('otherSet', { n: r.otherSetAssessmentIds.length })}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
