import { lazy, Suspense, useEffect, useRef, useState } from 'react';

import type { RoundDetail, RoundExportResult } from '../../../../shared/ipc/channels/round';
import type { ChosenKey } from '../../../../shared/ipc/channels/signing';
import type { Job } from '../../../../shared/schemas/job';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import type { WordingOf } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgress, runJob } from '../../jobs/index';
import { roundMessages } from './messages';

// Loaded on demand (as the report's signed PDF does): the submission feature imports the assessments
// feature, which shows this feature's "không chính thức" tag: a static import would be a cycle.
const KeyStep = lazy(async () => ({ default: (await import('../submission/index')).KeyStep }));

/** What KeyStep hands over (its KeySecret): used once for the signing call, then dropped. */
type KeySecret = { kind: 'p12'; password: string } | { kind: 'pkcs11'; pin: string };

/**
 * Signs and exports a round with the same key choice as a submission (.p12 or token), then verifies it. Once
 * exported, the key step gives way to the result (file name and check code) and the way back to the list,
 * which `onDone` has already refreshed (its note then says what was exported).
 */
export const RoundExport = ({ round, onDone, onBack }: { round: RoundDetail; onDone: (wording: WordingOf<typeof roundMessages>) => void; onBack: () => void }) => {
  const t = useT(roundMessages);
  const platform = usePlatform();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(roundMessages);
  const [done, setDone] = useState(false);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The key step the user was on has gone: focus goes to what replaced it.
    if (done) doneHeading.current?.focus();
  }, [done]);

  const exportWith = async (preview: ChosenKey, secret: KeySecret) => {
    setError(null);
    try {
      const started = await platform.api.round.export({ roundId: round.id, keyId: preview.keyId, ...(secret.kind === 'p12' ? { password: secret.password } : { pin: secret.pin }) });
      const finished = await runJob(platform.api, started, { onUpdate: setJob });
      const r = finished.result as RoundExportResult;
      if (platform.kind === 'web' && r.downloadId) await platform.download(r.downloadId, r.fileName);
      const wording: WordingOf<typeof roundMessages> = (t) => t('exported', { name: r.fileName, status: r.code });
      setNote(wording);
      setDone(true);
      onDone(wording);
    } catch (e) {
      setError(e);
    } finally {
      setJob(null);
    }
  };

  return (
    <div className="card" data-testid="round-export">
      {done ? (
        <h3 ref={doneHeading} tabIndex={-1}>
          {t('exportDone')}
        </h3>
      ) : job ? (
        <JobProgress label={t('exporting')} progress={job.progress} />
      ) : (
        <Suspense fallback={null}>
          <KeyStep onOpened={(p, s) => void exportWith(p, s)} onBack={onBack} />
        </Suspense>
      )}
      <p role="status" className="small" data-testid="round-export-note">
        {note}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {done && (
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={onBack}>
            {t('backToList')}
          </button>
        </div>
      )}
    </div>
  );
};
