import { useState } from 'react';

import type { ReceivedRound } from '../../../../shared/ipc/channels/round';
import { formatDate } from '../../../../shared/format/index';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { OneFilePick } from '../../components/OneFilePick';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgress, runJob, useSingleFlight } from '../../jobs/index';
import type { Job } from '../../../../shared/schemas/job';
import { roundMessages } from './messages';

/**
 * The unit's side: import Sở Nội vụ's round package (verified in the backend's worker against the trust
 * anchors above; refused with its check code and nothing stored), then the rounds held with their binding.
 */
export const ReceivedRounds = ({ received, onChanged }: { received: ReceivedRound[]; onChanged: () => void }) => {
  const t = useT(roundMessages);
  const platform = usePlatform();
  const [job, setJob] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  // Two choices in quick succession start one import (its outcome is not replaced by the second's refusal).
  const flight = useSingleFlight();
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(roundMessages);

  const importFrom = async (file: File | null) => {
    if (!flight.claim()) return;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const uploadId = file ? (await platform.uploadFiles([file]))[0]?.uploadId : undefined;
      const started = await platform.api.round.import(uploadId ? { uploadId } : {});
      const done = await runJob(platform.api, started, { onUpdate: setJob });
      const r = done.result as { year: number; revision: number };
      setNote((t) => t('imported', { year: r.year, revision: r.revision }));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      flight.release();
      setBusy(false);
      setJob(null);
    }
  };

  return (
    <section className="card" aria-labelledby="received-title" data-testid="received-rounds">
      <h2 id="received-title">{t('receivedTitle')}</h2>
      <OneFilePick label={t('importFile')} chooseLabel={t('importChoose')} accept=".asice" disabled={busy} onFile={(f) => void importFrom(f)} />
      {busy && <JobProgress label={t('importing')} progress={job?.progress ?? null} />}
      <p role="status" className="small" data-testid="round-import-note">
        {note}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
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
