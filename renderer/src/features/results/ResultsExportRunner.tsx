import { lazy, Suspense, useState } from 'react';

import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { ResultsExportOutcome } from '../../../../shared/ipc/channels/results';
import type { ChosenKey } from '../../../../shared/ipc/channels/signing';
import type { Job } from '../../../../shared/schemas/job';
import { usePlatform, useT } from '../../app/app-context';
import type { WordingOf } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { jobFailure, JobProgress, trackedProgress, useJob } from '../../jobs/index';
import { resultsMessages } from './messages';

// Loaded on demand as the round export does (features/round/RoundExport.tsx): no static import cycle.
const KeyStep = lazy(async () => ({ default: (await import('../submission/index')).KeyStep }));

type KeySecret = { kind: 'p12'; password: string } | { kind: 'pkcs11'; pin: string };
type Scope = ChannelInput<'results.export'>['scope'];

/**
 * The key choice of every signed export (KeyStep, as for a round), then one 'results.export' job with its
 * progress (unit i/n) and a cancel button. In the web host each written package is offered as a download.
 */
export const ResultsExportRunner = ({ scope, onFinished, onBack }: { scope: Scope; onFinished: (o: ResultsExportOutcome | null, note: WordingOf<typeof resultsMessages>) => void; onBack: () => void }) => {
  const t = useT(resultsMessages);
  const platform = usePlatform();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);

  const tracked = useJob(job?.id ?? null, {
    initial: job,
    onSettled: (j) => {
      setJob(null);
      if (j.state === 'cancelled') onFinished(null, (t) => t('cancelled'));
      else if (j.state === 'failed') setError(jobFailure(j));
      else void finished(j.result as ResultsExportOutcome);
    },
  });

  const finished = async (o: ResultsExportOutcome) => {
    if (platform.kind === 'web') {
      for (const i of o.issued) if (i.downloadId) await platform.download(i.downloadId, i.fileName);
    }
    const first = scope.kind === 'unit' ? o.issued[0] : undefined;
    onFinished(o, (t) => (first ? t('exported', { name: first.fileName }) : t('blockDone', { n: o.issued.length })));
  };

  const start = async (preview: ChosenKey, secret: KeySecret) => {
    setError(null);
    try {
      setJob(await platform.api.results.export({ scope, keyId: preview.keyId, ...(secret.kind === 'p12' ? { password: secret.password } : { pin: secret.pin }) }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="card" data-testid="results-export">
      {job ? (
        <JobProgress label={t('exporting')} {...trackedProgress(tracked)} testId="results-progress" />
      ) : (
        <Suspense fallback={null}>
          <KeyStep onOpened={(p, s) => void start(p, s)} onBack={onBack} />
        </Suspense>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </div>
  );
};
