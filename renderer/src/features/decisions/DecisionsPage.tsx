import { useCallback, useState } from 'react';

import type { ExplanationBatchResult, FinalExportResult } from '../../../../shared/ipc/channels/decisions';
import { formatDate, formatDateTime, formatIndex, formatPoints } from '../../../../shared/format/index';
import type { Job } from '../../../../shared/schemas/job';
import { useLang, usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { YearSelect } from '../../components/YearSelect';
import { Field } from '../../components/Field';
import { FileInput } from '../../components/FileInput';
import { useLoad } from '../../data/use-load';
import { jobFailure, JobProgress, trackedProgress, useJob, useSingleFlight } from '../../jobs/index';
import { decisionsMessages } from './messages';
import { FinalPackagesExport } from './FinalPackagesExport';
import { FinalResultsExport } from './FinalResultsExport';
import { OutcomeList } from './OutcomeList';
import { bandText } from '../../i18n/band-text';

/**
 * Route '/decisions' — Sở Nội vụ after the appraisal results: import the units' giải trình packages (several at
 * once, each verified and checked on its own), see each unit's state, close the round of the year when every
 * giải trình is decided, then export the final results (Excel, PDF). Signed final-result packages: decisions.exportPackages.
 */
export const DecisionsPage = () => {
  const t = useT(decisionsMessages);
  const lang = useLang();
  const platform = usePlatform();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [job, setJob] = useState<Job | null>(null);
  const [outcomes, setOutcomes] = useState<ExplanationBatchResult['outcomes'] | null>(null);
  const [exported, setExported] = useState<FinalExportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(decisionsMessages);
  const [starting, setStarting] = useState(false);
  const [closeError, setCloseError] = useState<unknown>(null);

  const list = useLoad(useCallback(() => platform.api.decisions.list(year === undefined ? {} : { year }), [platform, year]), { keepPrevious: true });
  const data = list.data;
  const flight = useSingleFlight();
  const running = useJob(job?.id ?? null, {
    initial: job,
    onSettled: (j) => {
      flight.release();
      if (j.state === 'cancelled') setNote((t) => t('cancelled'));
      else if (j.state === 'failed') setError(jobFailure(j));
      else if (j.kind === 'decisions.import') setOutcomes((j.result as ExplanationBatchResult).outcomes);
      else {
        const r = j.result as FinalExportResult;
        setExported(r);
        if (platform.kind === 'web' && r.downloadId) platform.download(r.downloadId, r.fileName).catch(setError);
      }
      list.reload();
    },
  });
  const busy = starting || running.running;

  const start = async (work: () => Promise<Job>) => {
    if (!flight.claim()) return;
    setError(null);
    setNote(null);
    setOutcomes(null);
    setExported(null);
    setStarting(true);
    try {
      setJob(await work());
    } catch (e) {
      flight.release();
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  const importFiles = (files: File[]) =>
    start(async () => {
      const ups = await platform.uploadFiles(files);
      return platform.api.decisions.import({ uploadIds: ups.map((u) => u.uploadId) });
    });

  const closeRound = async (y: number) => {
    if (!window.confirm(t('closeConfirm', { year: y }))) return;
    setCloseError(null);
    try {
      await platform.api.decisions.close({ year: y });
      list.reload();
    } catch (e) {
      setCloseError(e);
    }
  };

  const shownYear = data?.year ?? null;
  return (
    <div className="page decisions-page">
      <section className="card" aria-labelledby="decisions-title">
        <h1 id="decisions-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </section>

      <section className="card" aria-labelledby="decisions-import-title">
        <h2 id="decisions-import-title">{t('importTitle')}</h2>
        <Field label={t('fileLabel')}>
          {(p) => (
            <FileInput
              {...p}
              accept=".asice"
              multiple
              disabled={busy}
              data-testid="decisions-file"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length) void importFiles(files);
              }}
            />
          )}
        </Field>
        {running.running && <JobProgress label={`${t('progress')}: ${t('importing')}`} testId="decisions-progress" {...trackedProgress(running)} />}
        {outcomes && <OutcomeList outcomes={outcomes} />}
        {note && (
          <p role="status" className="small">
            {note}
          </p>
        )}
        <ErrorBanner error={error ?? list.error} onDismiss={() => setError(null)} />
      </section>

      <section className="card" aria-labelledby="decisions-units-title">
        <div className="row-between">
          <h2 id="decisions-units-title">{t('unitsTitle')}</h2>
          <YearSelect label={t('year')} noYear={t('noYear')} years={data?.years ?? []} value={shownYear} onChange={setYear} />
        </div>
        {data?.window && <p className="small">{t('window', { start: formatDate(data.window.start), end: formatDate(data.window.end) })}</p>}
        {data && shownYear !== null && (
          <>
            <table className="data-table" data-testid="decisions-units">
              <caption>{t('caption', { year: shownYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('unit')}</th>
                  <th scope="col">{t('block')}</th>
                  <th scope="col">{t('state')}</th>
                  <th scope="col">{t('appraised')}</th>
                  <th scope="col">{t('final')}</th>
                  <th scope="col">{t('index')}</th>
                  <th scope="col">{t('classification')}</th>
                  <th scope="col">{t('rank')}</th>
                </tr>
              </thead>
              <tbody>
                {data.units.map((u) => (
                  <tr key={u.unitCode} data-testid={`decisions-unit-${u.unitCode}`}>
                    <th scope="row">
                      {u.explanationRowId ? <a href={`#/decisions/${encodeURIComponent(u.explanationRowId)}`}>{u.unitName}</a> : u.unitName}
                    </th>
                    <td>{t(u.unitType)}</td>
                    <td>{u.state === 'PENDING' ? t('PENDING', { n: u.items - u.undecided, total: u.items }) : t(u.state)}</td>
                    <td className="num">{formatPoints(u.appraisedTotal, lang)}</td>
                    <td className="num">{u.finalTotal === null ? '—' : formatPoints(u.finalTotal, lang)}</td>
                    <td className="num">{u.finalIndex === null ? '—' : formatIndex(u.finalIndex, lang)}</td>
                    <td>{bandText(lang, u.classification)}</td>
                    <td className="num">{u.rank ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.closedAt ? (
              <>
                <p role="status" className="small" data-testid="decisions-closed">
                  {t('closedAt', { at: formatDateTime(data.closedAt, lang) })}
                </p>
                <FinalResultsExport year={shownYear} busy={busy} start={start} />
                <FinalPackagesExport year={shownYear} units={data.units} busy={busy} start={start} />
              </>
            ) : (
              <div className="actions">
                <button type="button" className="btn primary" disabled={busy || data.units.length === 0} onClick={() => void closeRound(shownYear)}>
                  {t('close')}
                </button>
              </div>
            )}
            <ErrorBanner error={closeError} onDismiss={() => setCloseError(null)} />
            {exported && (
              <p role="status" className="small" data-testid="decisions-exported">
                {t('exported', { name: exported.fileName })}
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
};
