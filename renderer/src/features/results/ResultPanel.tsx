import { useCallback, useState } from 'react';

import type { ResultSent } from '../../../../shared/ipc/channels/results';
import { formatDate, formatDateTime, formatPoints } from '../../../../shared/format/index';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { errorMessage } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-load';
import { resultsMessages } from './messages';
import { ResultsExportRunner } from './ResultsExportRunner';

/** "Đã gửi lần n lúc …" and, when the appraisal changed since, "cần gửi lại" (shared by the list and the detail). */
export const SentLine = ({ sent, short = false }: { sent: ResultSent | null | undefined; short?: boolean }) => {
  const t = useT(resultsMessages);
  const lang = useLang();
  if (!sent) return short ? null : <span data-testid="result-sent">{t('notSent')}</span>;
  const at = short ? formatDate(sent.issuedAt.slice(0, 10)) : formatDateTime(sent.issuedAt, lang);
  return (
    <span data-testid="result-sent">
      {t(short ? 'sentShort' : 'sent', { n: sent.revision, at })}
      {sent.changedSince && <strong className="results-resend"> {short ? `· ${t('changedShort')}` : t('changed')}</strong>}
    </span>
  );
};

/**
 * The inbox detail's result panel: what the next appraisal-result says (totals, provisional rank, changed
 * criteria, giải trình window), whether one was sent and needs re-sending, and the signed export of this unit.
 * `version` changes whenever the appraisal was saved, so the panel reloads.
 */
export const ResultPanel = ({ importId, version, readOnly }: { importId: string; version: number; readOnly: boolean }) => {
  const t = useT(resultsMessages);
  const lang = useLang();
  const { api } = usePlatform();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const built = useLoad(useCallback(() => api.results.build({ importId }), [api, importId, version]));
  const [exporting, setExporting] = useState(false);
  const [note, setNote] = useNote(resultsMessages);
  const b = built.data;
  const c = b?.content;
  return (
    <section className="card" aria-labelledby="results-title" data-testid="result-panel">
      <h2 id="results-title">{t('title')}</h2>
      {/* No round for the year yet, or old data without a reason: said plainly, the page stays usable. */}
      {built.error !== null && (
        <p className="small muted" data-testid="results-unavailable">
          {errorMessage(built.error, lang)}
        </p>
      )}
      {b && c && (
        <>
          <p>
            <SentLine sent={b.sent} />
          </p>
          <p className="small">
            {t('summary', {
              self: formatPoints(c.totals.self.final, lang),
              appraised: formatPoints(c.totals.appraised.final, lang),
              rank: c.rank.rank === null ? t('noRank', { of: c.rank.of }) : t('rank', { rank: c.rank.rank, of: c.rank.of }),
              changed: c.criteria.filter((x) => x.appraised !== x.self).length,
            })}
          </p>
          <p className="small">{t('window', { start: formatDate(c.explanationWindow.start), end: formatDate(c.explanationWindow.end) })}</p>
          <p className="small muted">{t('next', { n: c.revision, file: b.fileName })}</p>
          {!readOnly && !exporting && (
            <button type="button" className="btn btn-primary" onClick={() => setExporting(true)}>
              {t('send')}
            </button>
          )}
          {exporting && (
            <ResultsExportRunner
              scope={{ kind: 'unit', importId }}
              onBack={() => setExporting(false)}
              onFinished={(_o, msg) => {
                setExporting(false);
                setNote(msg);
                built.reload();
              }}
            />
          )}
        </>
      )}
      <p role="status" className="small" data-testid="results-note">
        {note}
      </p>
    </section>
  );
};
