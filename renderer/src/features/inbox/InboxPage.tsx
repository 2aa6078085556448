import { Field } from '../../components/Field';
import { useCallback, useState } from 'react';

import type { InboxImportResult, RankingExportResult } from '../../../../shared/ipc/channels/inbox';
import type { Job } from '../../../../shared/schemas/job';
import type { UnitType } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { FileInput } from '../../components/FileInput';
import { ErrorBanner } from '../../components/ErrorBanner';
import { YearSelect } from '../../components/YearSelect';
import { useLoad } from '../../data/use-load';
import { jobFailure, JobProgress, trackedProgress, useJob, useSingleFlight } from '../../jobs/index';
import { BatchImport } from './BatchImport';
import { BlockTabs } from './BlockTabs';
import { inboxMessages } from './messages';
import { RankingTable } from './RankingTable';
import { TrustSignerPanel } from './TrustSignerPanel';
import { BlockResultsExport, SentLine, useResultsStatus } from '../results/index';
import './inbox.css';

/**
 * Route '/inbox' — "Tiếp nhận hồ sơ" (Sở Nội vụ): receive a unit's signed bundle (verified in the worker,
 * evidence copied into the store), then the ranking of each block (sở / phường / xã, đặc khu) after
 * appraisal, and the Excel export of the year's ranking.
 */
export const InboxPage = () => {
  const t = useT(inboxMessages);
  const platform = usePlatform();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [block, setBlock] = useState<UnitType>('SO');
  const [importJob, setImportJob] = useState<Job | null>(null);
  const [exportJob, setExportJob] = useState<Job | null>(null);
  const [done, setDone] = useState<InboxImportResult | null>(null);
  const [exported, setExported] = useState<RankingExportResult | null>(null);
  const [note, setNote] = useNote(inboxMessages);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  // The last upload: kept so a bundle refused for its signer can be trusted and received again.
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [signerRefused, setSignerRefused] = useState(false);

  // The year is a filter: while another year loads, the tabs keep showing the last one.
  const list = useLoad(useCallback(() => platform.api.inbox.list(year === undefined ? {} : { year }), [platform, year]), { keepPrevious: true });
  const data = list.data;
  const shownYear = data?.year ?? null;
  // Whether each unit was sent its appraisal result, and whether it changed since (features/results).
  const sent = useResultsStatus(shownYear);
  const refresh = () => {
    list.reload();
    sent.reload();
  };

  const download = (r: RankingExportResult) => (platform.kind === 'web' && r.downloadId ? platform.download(r.downloadId, r.fileName) : Promise.resolve());

  // Two choices in quick succession start one import (its outcome is not replaced by the second's refusal).
  const flight = useSingleFlight();
  const imp = useJob(importJob?.id ?? null, {
    initial: importJob,
    onSettled: (job) => {
      flight.release();
      if (job.state === 'cancelled') setNote((t) => t('cancelled'));
      else if (job.state === 'failed') {
        setError(jobFailure(job));
        setSignerRefused(job.error?.params?.check === 'E_SIGNER_NOT_REGISTERED');
      } else {
        const r = job.result as InboxImportResult;
        setDone(r);
        setBlock(r.unitType);
        setYear(r.year);
      }
      refresh();
    },
  });
  const exp = useJob(exportJob?.id ?? null, {
    initial: exportJob,
    onSettled: (job) => {
      if (job.state === 'cancelled') setNote((t) => t('cancelled'));
      else if (job.state === 'failed') setError(jobFailure(job));
      else {
        const r = job.result as RankingExportResult;
        setExported(r);
        download(r).catch(setError);
      }
    },
  });
  const busy = starting || imp.running || exp.running;

  const begin = () => {
    setError(null);
    setNote(null);
    setDone(null);
    setExported(null);
    setSignerRefused(false);
  };

  const importUpload = async (id: string) => {
    if (!flight.claim()) return;
    begin();
    setStarting(true);
    try {
      setImportJob(await platform.api.inbox.import({ uploadId: id }));
    } catch (e) {
      flight.release();
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  const receive = async (file: File) => {
    if (!flight.claim()) return;
    begin();
    setStarting(true);
    try {
      const [up] = await platform.uploadFiles([file]);
      setUploadId(up!.uploadId);
      setImportJob(await platform.api.inbox.import({ uploadId: up!.uploadId }));
    } catch (e) {
      flight.release();
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  const exportRanking = async (y: number) => {
    begin();
    setStarting(true);
    try {
      setExportJob(await platform.api.inbox.exportRanking({ year: y }));
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="page inbox-page">
      <section className="card" aria-labelledby="inbox-title">
        <h1 id="inbox-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <p className="small">
          <a href="#/round/dashboard">{t('dashboardLink')}</a>
        </p>
      </section>

      <section className="card" aria-labelledby="inbox-import-title">
        <h2 id="inbox-import-title">{t('importTitle')}</h2>
        <Field label={t('fileLabel')}>
          {(p) => (
            <FileInput
              {...p}
              accept=".asice"
              disabled={busy}
              data-testid="inbox-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void receive(f);
              }}
            />
          )}
        </Field>
        {imp.running && <JobProgress label={`${t('progress')}: ${t('importing')}`} testId="inbox-progress" {...trackedProgress(imp)} />}
        {done && (
          <div role="status" className="small" data-testid="inbox-imported">
            <p>
              {done.status === 'VALID'
                ? t('imported', { unit: done.unitName, revision: done.revision, files: done.evidenceCount })
                : t('importedWarn', { unit: done.unitName, message: done.message })}
              {done.supersededImportId ? ` ${t('supersededNote')}` : ''}
            </p>
            <a href={`#/inbox/${encodeURIComponent(done.importId)}`}>{t('openDetail')}</a>
          </div>
        )}
        {note && (
          <p role="status" className="small">
            {note}
          </p>
        )}
        <ErrorBanner error={error ?? list.error} onDismiss={() => setError(null)} />
        {signerRefused && uploadId && !busy && <TrustSignerPanel uploadId={uploadId} onTrusted={() => void importUpload(uploadId)} />}
      </section>

      <BatchImport busy={busy} onFinished={refresh} />

      <section className="card" aria-labelledby="inbox-ranking-title">
        <div className="row-between">
          <h2 id="inbox-ranking-title">{t('blocks')}</h2>
          <YearSelect className="field inbox-year" label={t('year')} noYear={t('noYear')} years={data?.years ?? []} value={shownYear} onChange={setYear} />
        </div>
        {data && shownYear !== null && (
          <>
            <BlockTabs label={t('blocks')} current={block} onChange={setBlock} title={(b) => t(b)} count={(b) => data.blocks[b].length}>
              <RankingTable
                rows={data.blocks[block]}
                caption={t('rankingCaption', { block: t(block), year: shownYear })}
                note={(r) => <SentLine sent={sent.byUnit.get(r.unitCode.toUpperCase())} short />}
              />
              <BlockResultsExport year={shownYear} block={block} blockName={t(block)} count={data.blocks[block].length} onDone={refresh} />
            </BlockTabs>
            <div className="actions">
              <button type="button" className="btn" disabled={busy} onClick={() => void exportRanking(shownYear)}>
                {t('exportRanking')}
              </button>
            </div>
            {exp.running && <JobProgress label={`${t('progress')}: ${t('exportRanking')}`} testId="inbox-progress" {...trackedProgress(exp)} />}
            {exported && (
              <p role="status" className="small" data-testid="inbox-exported">
                {t('exported', { name: exported.fileName })}{' '}
                {exported.downloadId && platform.kind === 'web' && (
                  <button type="button" className="btn-link" onClick={() => void download(exported).catch(setError)}>
                    {t('downloadAgain', { name: exported.fileName })}
                  </button>
                )}
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
};
