import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { OneFilePick } from '../../components/OneFilePick';
import { JobProgress, useFileJob } from '../../jobs/index';
import { replyMessages } from './messages';

type Which = 'result' | 'final';

/**
 * Imports one of Sở Nội vụ's packages (appraisal result or final result): an upload in the browser, the
 * native dialog in the desktop app. The backend verifies it in its worker and applies the unit's rules; a
 * refusal shows its reason and nothing is stored.
 */
export const PackageImport = ({ which, onImported }: { which: Which; onImported: () => void }) => {
  const t = useT(replyMessages);
  const platform = usePlatform();
  const [note, setNote] = useNote(replyMessages);
  const imp = useFileJob<{ year: number; revision: number }>(
    (input) => (which === 'result' ? platform.api.reply.importResult(input) : platform.api.reply.importFinal(input)),
    {
      started: () => setNote(null),
      done: (r) => {
        setNote((t) => t(which === 'result' ? 'imported' : 'finalImported', { year: r.year, revision: r.revision }));
        onImported();
      },
    },
  );

  return (
    <div data-testid={`reply-import-${which}`}>
      <OneFilePick
        label={t(which === 'result' ? 'importFile' : 'finalImportFile')}
        chooseLabel={t(which === 'result' ? 'importChoose' : 'finalImportChoose')}
        accept=".asice"
        disabled={imp.busy}
        onFile={(f) => void imp.run(f)}
      />
      {imp.busy && <JobProgress label={t('importing')} progress={imp.job?.progress ?? null} onCancel={() => void imp.cancel()} />}
      <p role="status" className="small" data-testid={`reply-import-${which}-note`}>
        {note}
      </p>
      <ErrorBanner error={imp.error} onDismiss={imp.clearError} />
    </div>
  );
};
