import { useCallback, useEffect, useState } from 'react';

import type { RegistryExportResult, RegistrySigner, RegistryView, TemplateImportReport } from '../../../../shared/ipc/channels/registry';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import type { WordingOf } from '../../app/use-note';
import { Field } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';
import { YearSelect } from '../../components/YearSelect';
import { UploadButton } from '../../components/UploadButton';
import { useLoad } from '../../data/use-load';
import { runJob } from '../../jobs/index';
import { registryMessages } from './messages';
import { RegistryTables } from './RegistryTables';
import { TemplateReport } from './TemplateReport';
import { UnitForm } from './UnitForm';
import './registry.css';

/**
 * Route '/registry' — "Sổ đăng ký" (Sở Nội vụ): per year, the units that may submit and the certificates
 * allowed to sign for each; open a year, load the Hải Phòng sample, import/export the Excel template, add
 * or correct a unit, search, revoke a certificate; the change log names who did what.
 */
export const RegistryPage = () => {
  const t = useT(registryMessages);
  const platform = usePlatform();
  const { api } = platform;
  const [year, setYear] = useState<number | undefined>(undefined);
  const reg = useLoad(useCallback(() => api.registry.list(year === undefined ? {} : { year }), [api, year]), { keepPrevious: true });
  const view = reg.data;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(registryMessages);
  const [report, setReport] = useState<TemplateImportReport | null>(null);
  const [query, setQuery] = useState('');
  const [newYear, setNewYear] = useState(String(new Date().getFullYear()));
  const [appraiser, setAppraiser] = useState('');

  useEffect(() => {
    api.settings.get({}).then((s) => setAppraiser(s.appraiserName), setError);
  }, [api]);
  // The year field follows the year shown, so an import goes to the year on screen unless another is typed.
  const shownYear = reg.data?.year ?? null;
  useEffect(() => {
    if (shownYear !== null) setNewYear(String(shownYear));
  }, [shownYear]);

  const act = async (work: () => Promise<RegistryView | void>, done?: WordingOf<typeof registryMessages>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const v = await work();
      if (v) {
        reg.set(() => v);
        if (v.year !== null) setYear(v.year);
      }
      if (done) setNote(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const y = view?.year ?? null;
  const yearNum = Number(newYear);
  const yearOk = /^\d{4}$/.test(newYear) && yearNum >= 2000 && yearNum <= 2100;
  const exportTemplate = (forYear: number) =>
    act(async () => {
      const job = await runJob(api, await api.registry.exportTemplate({ year: forYear }));
      const r = job.result as RegistryExportResult | undefined;
      if (r?.downloadId && platform.kind === 'web') await platform.download(r.downloadId, r.fileName);
      if (r) setNote((t) => t('exported', { name: r.fileName }));
    });

  return (
    <div className="page registry-page">
      <section className="card" aria-labelledby="registry-title">
        <h1 id="registry-title">{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
        <div className="registry-bar">
          <YearSelect label={t('year')} noYear={t('noYear')} years={view?.years ?? []} value={y} onChange={setYear} />
          {/* Marked and said (not only a greyed button): the year must be four digits, 2000–2100. */}
          <Field label={t('newYear')} error={yearOk ? undefined : t('newYearInvalid')}>
            {(p) => <input {...p} inputMode="numeric" maxLength={4} value={newYear} onChange={(e) => setNewYear(e.target.value.trim())} />}
          </Field>
          <button type="button" className="btn" disabled={busy || !yearOk} onClick={() => void act(() => api.registry.openYear({ year: yearNum }))}>
            {t('openYear')}
          </button>
          <button type="button" className="btn" disabled={busy || !yearOk} onClick={() => void act(() => api.registry.loadSample({ year: yearNum }))}>
            {t('sample')}
          </button>
        </div>
        <div className="registry-bar">
          <label className="field">
            <span>{t('appraiser')}</span>
            <input value={appraiser} maxLength={120} onChange={(e) => setAppraiser(e.target.value)} />
          </label>
          <button type="button" className="btn" disabled={busy} onClick={() => void act(async () => void (await api.settings.update({ appraiserName: appraiser })), (t) => t('appraiserSaved'))}>
            {t('saveAppraiser')}
          </button>
        </div>
        <div className="registry-bar">
          <UploadButton
            label={t('importTemplate')}
            busyLabel={t('importing')}
            accept=".xlsx"
            testId="registry-template-input"
            disabled={busy || !yearOk}
            onError={setError}
            onUploaded={async (uploadId) => {
              setReport(null);
              const r = await api.registry.importTemplate({ year: yearNum, source: { kind: 'upload', uploadId } });
              setReport(r);
              if (r.applied) {
                setYear(r.year);
                reg.reload();
              }
            }}
          />
          <button type="button" className="btn" disabled={busy || y === null} onClick={() => y !== null && void exportTemplate(y)}>
            {t('exportTemplate')}
          </button>
        </div>
        {note && (
          <p role="status" className="small" data-testid="registry-status">
            {note}
          </p>
        )}
        {report && <TemplateReport report={report} />}
        <ErrorBanner error={error ?? reg.error} onDismiss={() => setError(null)} />
      </section>

      {view && y !== null && (
        <section className="card" aria-labelledby="registry-add-title">
          <h2 id="registry-add-title">{t('addTitle')}</h2>
          <UnitForm busy={busy} onSave={(u) => void act(() => api.registry.addUnit({ year: y, ...u }), (t) => t('added', { code: u.code }))} />
        </section>
      )}

      {view && y !== null && (
        <section className="card" aria-label={t('title')}>
          <label className="field">
            <span>{t('search')}</span>
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <RegistryTables
            view={{ ...view, year: y }}
            query={query}
            busy={busy}
            onRevoke={(s: RegistrySigner) => void act(() => api.registry.revokeSigner({ signerId: s.id }), (t) => t('revokedDone', { subject: s.subject }))}
          />
        </section>
      )}
    </div>
  );
};
